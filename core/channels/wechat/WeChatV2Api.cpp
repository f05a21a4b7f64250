#include "channels/wechat/WeChatV2Api.h"

#include <QHash>

namespace paydesk::wechat {

namespace {

struct ApiPath
{
    Api api;
    const char* path;
};
constexpr ApiPath kPaths[] = {
    {Api::MicroPay, "pay/micropay"},         {Api::OrderQuery, "pay/orderquery"},
    {Api::Reverse, "secapi/pay/reverse"},    {Api::Refund, "secapi/pay/refund"},
    {Api::RefundQuery, "pay/refundquery"},   {Api::UnifiedOrder, "pay/unifiedorder"},
    {Api::DownloadBill, "pay/downloadbill"},
};

using Table = QHash<QString, TradeStatus>;

// err_code of a micropay answered with result_code=FAIL. Failed only where
// WeChat documents that no money was taken for this out_trade_no.
const Table& microPayErrors()
{
    static const Table t = {
        // the customer is entering the password: query until final
        {QStringLiteral("USERPAYING"), TradeStatus::Processing},
        // the result is not known: query (WeChat: "call orderquery")
        {QStringLiteral("SYSTEMERROR"), TradeStatus::Unknown},
        {QStringLiteral("BANKERROR"), TradeStatus::Unknown},
        // this out_trade_no was already paid / used: the query tells which
        {QStringLiteral("ORDERPAID"), TradeStatus::Unknown},
        {QStringLiteral("OUT_TRADE_NO_USED"), TradeStatus::Unknown},
        // refused: nothing was taken
        {QStringLiteral("NOTENOUGH"), TradeStatus::Failed},
        {QStringLiteral("AUTHCODEEXPIRE"), TradeStatus::Failed},
        {QStringLiteral("AUTH_CODE_ERROR"), TradeStatus::Failed},
        {QStringLiteral("AUTH_CODE_INVALID"), TradeStatus::Failed},
        {QStringLiteral("NOTSUPORTCARD"), TradeStatus::Failed},
        {QStringLiteral("BUYER_MISMATCH"), TradeStatus::Failed},
        {QStringLiteral("NOAUTH"), TradeStatus::Failed},
        {QStringLiteral("PARAM_ERROR"), TradeStatus::Failed},
        {QStringLiteral("ORDERCLOSED"), TradeStatus::Failed},
        {QStringLiteral("ORDERREVERSED"), TradeStatus::Failed},
        {QStringLiteral("TRADE_ERROR"), TradeStatus::Failed},
        {QStringLiteral("INVALID_REQUEST"), TradeStatus::Failed},
        {QStringLiteral("XML_FORMAT_ERROR"), TradeStatus::Failed},
        {QStringLiteral("REQUIRE_POST_METHOD"), TradeStatus::Failed},
        {QStringLiteral("SIGNERROR"), TradeStatus::Failed},
        {QStringLiteral("LACK_PARAMS"), TradeStatus::Failed},
        {QStringLiteral("NOT_UTF8"), TradeStatus::Failed},
        {QStringLiteral("APPID_NOT_EXIST"), TradeStatus::Failed},
        {QStringLiteral("MCHID_NOT_EXIST"), TradeStatus::Failed},
        {QStringLiteral("APPID_MCHID_NOT_MATCH"), TradeStatus::Failed},
    };
    return t;
}

// trade_state of orderquery (and of the sandbox's notifications).
const Table& tradeStates()
{
    static const Table t = {
        {QStringLiteral("SUCCESS"), TradeStatus::Success},
        {QStringLiteral("REFUND"), TradeStatus::Success}, // paid, then (partly) refunded
        {QStringLiteral("NOTPAY"), TradeStatus::Processing},
        {QStringLiteral("USERPAYING"), TradeStatus::Processing},
        {QStringLiteral("ACCEPT"), TradeStatus::Processing},
        {QStringLiteral("CLOSED"), TradeStatus::Failed},
        {QStringLiteral("REVOKED"), TradeStatus::Failed},
        {QStringLiteral("PAYERROR"), TradeStatus::Failed},
    };
    return t;
}

// reverse: anything not listed is retried (Unknown) until the engine's cap.
const Table& reverseErrors()
{
    static const Table t = {
        {QStringLiteral("SYSTEMERROR"), TradeStatus::Unknown},
        {QStringLiteral("USERPAYING"), TradeStatus::Unknown},
        {QStringLiteral("REVERSE_EXPIRE"), TradeStatus::Failed}, // too late: refund instead
        {QStringLiteral("TRADE_ERROR"), TradeStatus::Failed},
        {QStringLiteral("INVALID_TRANSACTIONID"), TradeStatus::Failed},
        {QStringLiteral("PARAM_ERROR"), TradeStatus::Failed},
        {QStringLiteral("SIGNERROR"), TradeStatus::Failed},
        {QStringLiteral("INVALID_REQUEST"), TradeStatus::Failed},
        {QStringLiteral("REQUIRE_POST_METHOD"), TradeStatus::Failed},
        {QStringLiteral("XML_FORMAT_ERROR"), TradeStatus::Failed},
    };
    return t;
}

// refund application errors; the application itself, when accepted, is
// Processing until refundquery says SUCCESS.
const Table& refundErrors()
{
    static const Table t = {
        {QStringLiteral("SYSTEMERROR"), TradeStatus::Unknown},
        {QStringLiteral("BIZERR_NEED_RETRY"), TradeStatus::Unknown},
        {QStringLiteral("FREQUENCY_LIMITED"), TradeStatus::Unknown},
        {QStringLiteral("INVALID_REQ_TOO_MUCH"), TradeStatus::Unknown},
        {QStringLiteral("TRADE_OVERDUE"), TradeStatus::Failed},
        {QStringLiteral("ERROR"), TradeStatus::Failed},
        {QStringLiteral("USER_ACCOUNT_ABNORMAL"), TradeStatus::Failed},
        {QStringLiteral("NOTENOUGH"), TradeStatus::Failed},
        {QStringLiteral("INVALID_TRANSACTIONID"), TradeStatus::Failed},
        {QStringLiteral("ORDERNOTEXIST"), TradeStatus::Failed},
        {QStringLiteral("PARAM_ERROR"), TradeStatus::Failed},
        {QStringLiteral("SIGNERROR"), TradeStatus::Failed},
        {QStringLiteral("XML_FORMAT_ERROR"), TradeStatus::Failed},
        {QStringLiteral("REQUIRE_POST_METHOD"), TradeStatus::Failed},
        {QStringLiteral("APPID_NOT_EXIST"), TradeStatus::Failed},
        {QStringLiteral("MCHID_NOT_EXIST"), TradeStatus::Failed},
    };
    return t;
}

// refund_status_0 of refundquery.
const Table& refundStates()
{
    static const Table t = {
        {QStringLiteral("SUCCESS"), TradeStatus::Success},
        {QStringLiteral("PROCESSING"), TradeStatus::Processing},
        {QStringLiteral("REFUNDCLOSE"), TradeStatus::Failed},
        // CHANGE (the money could not reach the customer's account) needs a
        // person: stays Unknown so the engine keeps it open and alerts.
    };
    return t;
}

TradeStatus lookup(const Table& t, const QString& code)
{
    return t.value(code, TradeStatus::Unknown);
}

} // namespace

QString apiPath(Api api)
{
    for (const ApiPath& p : kPaths)
        if (p.api == api)
            return QString::fromLatin1(p.path);
    Q_UNREACHABLE();
}

bool apiForPath(const QString& path, Api* out)
{
    for (const ApiPath& p : kPaths)
        if (path == QLatin1String(p.path)) {
            *out = p.api;
            return true;
        }
    return false;
}

bool needsClientCertificate(Api api)
{
    return api == Api::Reverse || api == Api::Refund;
}

void mapResponse(Api api, const Params& m, ChannelResult& out)
{
    const QString returnCode = m.value(QStringLiteral("return_code"));
    if (returnCode != QLatin1String("SUCCESS")) {
        // The call itself was refused (signature, parameters, gateway): no
        // business answer, so nothing is known about the trade.
        out.status = TradeStatus::Unknown;
        out.returnCode = returnCode.isEmpty() ? QStringLiteral("NO_RETURN_CODE") : returnCode;
        out.message = m.value(QStringLiteral("return_msg"));
        return;
    }
    const bool ok = m.value(QStringLiteral("result_code")) == QLatin1String("SUCCESS");
    const QString errCode = m.value(QStringLiteral("err_code"));
    out.channelTradeNo = m.value(QStringLiteral("transaction_id"), out.channelTradeNo);
    out.returnCode = ok ? QStringLiteral("SUCCESS") : errCode;
    out.message = ok ? QString() : m.value(QStringLiteral("err_code_des"));
    if (!ok && errCode.isEmpty()) {
        out.status = TradeStatus::Unknown;
        out.returnCode = QStringLiteral("NO_ERR_CODE");
        out.message = QStringLiteral("result_code is %1 without an err_code")
                          .arg(m.value(QStringLiteral("result_code")));
        return;
    }

    switch (api) {
    case Api::MicroPay:
        out.status = ok ? TradeStatus::Success : lookup(microPayErrors(), errCode);
        if (ok && out.channelTradeNo.isEmpty()) {
            // A success without WeChat's number cannot be reconciled: ask again.
            out.status = TradeStatus::Unknown;
            out.message = QStringLiteral("success without a transaction_id");
        }
        return;
    case Api::OrderQuery: {
        if (!ok) {
            out.tradeNotFound = errCode == QLatin1String("ORDERNOTEXIST");
            out.status = TradeStatus::Unknown; // a failed query is not a failed trade
            return;
        }
        const QString state = m.value(QStringLiteral("trade_state"));
        out.returnCode = state;
        out.message = m.value(QStringLiteral("trade_state_desc"));
        out.status = lookup(tradeStates(), state);
        return;
    }
    case Api::Reverse:
        // recall=Y: WeChat asks for the reverse to be called again, whatever
        // result_code says.
        out.retry = m.value(QStringLiteral("recall")) == QLatin1String("Y");
        if (ok && !out.retry) {
            out.status = TradeStatus::Success;
            return;
        }
        out.status = ok ? TradeStatus::Unknown : lookup(reverseErrors(), errCode);
        if (out.status == TradeStatus::Unknown)
            out.retry = true;
        return;
    case Api::Refund:
        if (ok) {
            out.channelTradeNo = m.value(QStringLiteral("refund_id"));
            out.status = TradeStatus::Processing; // accepted; refundquery tells the end
            out.message = QStringLiteral("refund accepted");
            return;
        }
        out.status = lookup(refundErrors(), errCode);
        return;
    case Api::RefundQuery: {
        if (!ok) {
            out.tradeNotFound = errCode == QLatin1String("REFUNDNOTEXIST");
            out.status = TradeStatus::Unknown;
            return;
        }
        const QString state = m.value(QStringLiteral("refund_status_0"));
        out.channelTradeNo = m.value(QStringLiteral("refund_id_0"));
        out.returnCode = state;
        out.status = lookup(refundStates(), state);
        return;
    }
    case Api::UnifiedOrder:
        out.codeUrl = m.value(QStringLiteral("code_url"));
        out.status = ok && !out.codeUrl.isEmpty()
                         ? TradeStatus::Success
                         : (ok ? TradeStatus::Unknown : lookup(microPayErrors(), errCode));
        return;
    case Api::DownloadBill:
        out.status = ok ? TradeStatus::Success : TradeStatus::Unknown;
        return;
    }
}

} // namespace paydesk::wechat
