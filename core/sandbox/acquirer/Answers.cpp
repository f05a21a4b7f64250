#include "sandbox/acquirer/Answers.h"

#include "channels/wechat/WeChatV2Message.h"

namespace paydesk::sandbox {

RawXml responseXml(const ChannelResult& r, bool businessOk)
{
    if (businessOk)
        return RawXml{{"return_code", kSuccess}, {"result_code", kSuccess}};
    return RawXml{{"return_code", kSuccess},
                  {"result_code", QStringLiteral("FAIL")},
                  {"err_code", r.returnCode},
                  {"err_code_des", r.message}};
}

ChannelResult failed(ChannelResult r, TradeStatus status, const QString& code,
                     const QString& message)
{
    r.status = status;
    r.returnCode = code;
    r.message = message;
    r.rawResponse = responseXml(r, false).add("out_trade_no", r.requestNo).text();
    return r;
}

ChannelResult storageError(const ChannelResult& request, const QString& dbError)
{
    ChannelResult e;
    e.status = TradeStatus::Unknown;
    e.requestNo = request.requestNo;
    e.rawRequest = request.rawRequest;
    e.returnCode = QStringLiteral("SANDBOX_STORAGE_ERROR");
    e.message = QStringLiteral("the sandbox could not store the trade: ") +
                (dbError.isEmpty() ? QStringLiteral("database not open") : dbError);
    e.rawResponse = responseXml(e, false).text();
    return e;
}

QString failureText(const QString& errorCode)
{
    if (errorCode == QLatin1String("NOTENOUGH"))
        return QStringLiteral("insufficient balance: ask the customer to pay with another "
                              "card or wallet");
    if (errorCode == QLatin1String("AUTHCODEEXPIRE"))
        return QStringLiteral("the payment code has expired: ask the customer to refresh it");
    if (errorCode == QLatin1String("USERCANCELLED"))
        return QStringLiteral("the customer cancelled the payment");
    if (errorCode == QLatin1String("NOAUTH"))
        return QStringLiteral("this acquirer has not enabled the merchant for code payments");
    return QStringLiteral("the payment failed");
}

ChannelResult payAnswerFor(ChannelResult r, const Trade& t)
{
    if (t.tombstone)
        return failed(r, TradeStatus::Failed, QStringLiteral("ORDERREVERSED"),
                      QStringLiteral("this payment number was revoked before it was paid: "
                                     "use a new payment number"));
    r.channelTradeNo = t.tradeNo;
    if (isPaidState(t.state)) {
        r.status = TradeStatus::Success;
        r.returnCode = kSuccess;
        r.message = QStringLiteral("paid");
        r.paidFen = t.amountFen;
        r.paidAtMs = t.paidAtMs;
        r.rawResponse = responseXml(r, true)
                            .add("out_trade_no", t.paymentNo)
                            .add("transaction_id", t.tradeNo)
                            .num("total_fee", t.amountFen)
                            .add("fee_type", t.currency)
                            .add("time_end", wechat::formatTime(t.paidAtMs))
                            .text();
        return r;
    }
    if (t.state == kUserPaying || t.state == kNotPay)
        return failed(r, TradeStatus::Processing, kUserPaying,
                      QStringLiteral("user is entering the password"));
    if (t.state == kPayError)
        return failed(r, TradeStatus::Failed, t.errorCode.isEmpty() ? kPayError : t.errorCode,
                      failureText(t.errorCode));
    if (t.state == kRevoked)
        return failed(r, TradeStatus::Failed, QStringLiteral("ORDERREVERSED"),
                      QStringLiteral("this payment was revoked: use a new payment number"));
    return failed(r, TradeStatus::Failed, QStringLiteral("ORDERCLOSED"),
                  QStringLiteral("this payment is closed: use a new payment number"));
}

} // namespace paydesk::sandbox
