#include "sandbox/AlipayGatewayFront.h"

#include "sandbox/bills/AlipayBill.h"
#include "sandbox/bills/BillDifferences.h"

#include "channels/alipay/AlipayProtocol.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

namespace paydesk {

using namespace paydesk::alipay;

namespace {

const QString kOk = QStringLiteral("10000");
const QString kBusinessFailed = QStringLiteral("40004");

QString str(const QJsonObject& o, const char* name)
{
    return o.value(QLatin1String(name)).toString();
}

// An acquirer refusal in Alipay's words: (sub_code, sub_msg).
struct Refusal
{
    const char* subCode;
    QString subMsg;
};

QJsonObject failedFields(const Refusal& f)
{
    return answerFields(kBusinessFailed, QLatin1String(f.subCode), f.subMsg);
}

// The acquirer's system trouble: Alipay's "busy" answers, which mean "query".
QJsonObject busyFields(const ChannelResult& r)
{
    if (r.returnCode == QLatin1String("SANDBOX_STORAGE_ERROR"))
        return answerFields(QStringLiteral("20000"), QStringLiteral("isp.unknow-error"),
                            QStringLiteral("系统繁忙"));
    return failedFields({"ACQ.SYSTEM_ERROR", QStringLiteral("系统错误")});
}

Refusal payRefusal(const QString& code)
{
    if (code == QLatin1String("NOTENOUGH"))
        return {"ACQ.BUYER_BALANCE_NOT_ENOUGH", QStringLiteral("买家余额不足")};
    if (code == QLatin1String("AUTHCODEEXPIRE") || code == QLatin1String("AUTH_CODE_INVALID"))
        return {"ACQ.PAYMENT_AUTH_CODE_INVALID", QStringLiteral("支付授权码无效")};
    if (code == QLatin1String("ORDERREVERSED") || code == QLatin1String("ORDERCLOSED"))
        return {"ACQ.TRADE_HAS_CLOSE", QStringLiteral("交易已经关闭")};
    if (code == QLatin1String("PARAM_ERROR"))
        return {"ACQ.INVALID_PARAMETER", QStringLiteral("参数无效")};
    // USERCANCELLED, PAYERROR and whatever else ends a payment unpaid.
    return {"ACQ.PAYMENT_FAIL", QStringLiteral("支付失败")};
}

QJsonObject payAnswer(const ChannelResult& r, const QString& outTradeNo, const QString& amount,
                      const QString& now)
{
    QJsonObject o;
    switch (r.status) {
    case TradeStatus::Success:
        o = answerFields(kOk);
        o.insert(QStringLiteral("trade_no"), r.channelTradeNo);
        o.insert(QStringLiteral("total_amount"), amount);
        o.insert(QStringLiteral("receipt_amount"), amount);
        o.insert(QStringLiteral("buyer_pay_amount"), amount);
        o.insert(QStringLiteral("gmt_payment"), now);
        break;
    case TradeStatus::Processing:
        o = answerFields(QStringLiteral("10003"));
        o.insert(QStringLiteral("trade_no"), r.channelTradeNo);
        o.insert(QStringLiteral("total_amount"), amount);
        break;
    case TradeStatus::Failed:
        o = failedFields(payRefusal(r.returnCode));
        break;
    case TradeStatus::Unknown:
        o = r.returnCode == QLatin1String("OUT_TRADE_NO_USED")
                ? failedFields({"ACQ.CONTEXT_INCONSISTENT", QStringLiteral("交易信息被篡改")})
                : busyFields(r);
        break;
    }
    o.insert(QStringLiteral("out_trade_no"), outTradeNo);
    return o;
}

QJsonObject precreateAnswer(const ChannelResult& r, const QString& outTradeNo)
{
    QJsonObject o;
    if (r.status == TradeStatus::Success) {
        o = answerFields(kOk);
        o.insert(QStringLiteral("qr_code"), r.codeUrl);
    } else if (r.status == TradeStatus::Failed) {
        o = failedFields(r.returnCode == QLatin1String("PARAM_ERROR")
                             ? Refusal{"ACQ.INVALID_PARAMETER", QStringLiteral("参数无效")}
                             : Refusal{"ACQ.TRADE_HAS_CLOSE", QStringLiteral("交易已经关闭")});
    } else if (r.returnCode == QLatin1String("ORDERPAID")) {
        o = failedFields({"ACQ.TRADE_HAS_SUCCESS", QStringLiteral("交易已被支付")});
    } else if (r.returnCode == QLatin1String("OUT_TRADE_NO_USED")) {
        o = failedFields({"ACQ.CONTEXT_INCONSISTENT", QStringLiteral("交易信息被篡改")});
    } else {
        o = busyFields(r);
    }
    o.insert(QStringLiteral("out_trade_no"), outTradeNo);
    return o;
}

QString tradeStatusFor(const QString& sandboxState)
{
    if (sandboxState == QLatin1String("NOTPAY") || sandboxState == QLatin1String("USERPAYING"))
        return QStringLiteral("WAIT_BUYER_PAY");
    // A partly or wholly refunded trade stays TRADE_SUCCESS here, as the
    // acquirer reports it paid (Alipay closes a wholly refunded one).
    if (sandboxState == QLatin1String("SUCCESS") || sandboxState == QLatin1String("REFUND"))
        return QStringLiteral("TRADE_SUCCESS");
    if (sandboxState == QLatin1String("PAYERROR") || sandboxState == QLatin1String("CLOSED") ||
        sandboxState == QLatin1String("REVOKED"))
        return QStringLiteral("TRADE_CLOSED");
    return QString();
}

QJsonObject queryAnswer(const ChannelResult& r, const QString& outTradeNo,
                        SandboxAcquirer& acquirer)
{
    QJsonObject o;
    const QString status = tradeStatusFor(r.returnCode);
    if (r.tradeNotFound) {
        o = failedFields({"ACQ.TRADE_NOT_EXIST", QStringLiteral("交易不存在")});
    } else if (r.status == TradeStatus::Unknown || status.isEmpty()) {
        o = busyFields(r);
    } else {
        o = answerFields(kOk);
        o.insert(QStringLiteral("trade_no"), r.channelTradeNo);
        o.insert(QStringLiteral("trade_status"), status);
        if (const auto t = acquirer.trade(outTradeNo))
            o.insert(QStringLiteral("total_amount"), plainYuan(t->amountFen));
    }
    o.insert(QStringLiteral("out_trade_no"), outTradeNo);
    return o;
}

QJsonObject cancelAnswer(const ChannelResult& r, const QString& outTradeNo)
{
    QJsonObject o;
    if (r.status == TradeStatus::Success) {
        o = answerFields(kOk);
        o.insert(QStringLiteral("trade_no"), r.channelTradeNo);
        o.insert(QStringLiteral("retry_flag"), QStringLiteral("N"));
        o.insert(QStringLiteral("action"), r.revokeAction);
    } else if (r.status == TradeStatus::Failed) {
        o = failedFields(
            r.returnCode == QLatin1String("TRADE_HAS_REFUND")
                ? Refusal{"ACQ.REASON_TRADE_REFUND_FEE_ERR", QStringLiteral("退款金额无效")}
                : Refusal{"ACQ.CANCEL_NOT_ALLOWED", QStringLiteral("交易不允许撤销")});
        o.insert(QStringLiteral("retry_flag"), QStringLiteral("N"));
    } else {
        o = busyFields(r);
        o.insert(QStringLiteral("retry_flag"), r.retry ? QStringLiteral("Y") : QStringLiteral("N"));
    }
    o.insert(QStringLiteral("out_trade_no"), outTradeNo);
    return o;
}

QJsonObject refundAnswer(const ChannelResult& r, const QString& outTradeNo,
                         SandboxAcquirer& acquirer, const QString& now)
{
    QJsonObject o;
    if (r.status == TradeStatus::Success) {
        o = answerFields(kOk);
        o.insert(QStringLiteral("fund_change"), QStringLiteral("Y"));
        o.insert(QStringLiteral("gmt_refund_pay"), now);
        // refund_fee is the trade's refunded total, not this refund's amount.
        if (const auto t = acquirer.trade(outTradeNo)) {
            o.insert(QStringLiteral("trade_no"), t->tradeNo);
            o.insert(QStringLiteral("refund_fee"), plainYuan(t->refundedFen));
        }
    } else if (r.status == TradeStatus::Failed) {
        Refusal f{"ACQ.INVALID_PARAMETER", QStringLiteral("参数无效")};
        if (r.returnCode == QLatin1String("ORDERNOTEXIST"))
            f = {"ACQ.TRADE_NOT_EXIST", QStringLiteral("交易不存在")};
        else if (r.returnCode == QLatin1String("TRADE_STATE_ERROR"))
            f = {"ACQ.TRADE_STATUS_ERROR", QStringLiteral("交易状态不合法")};
        else if (r.returnCode == QLatin1String("REFUND_FEE_INVALID"))
            f = {"ACQ.REASON_TRADE_REFUND_FEE_ERR", QStringLiteral("退款金额无效")};
        o = failedFields(f);
    } else {
        o = busyFields(r);
    }
    o.insert(QStringLiteral("out_trade_no"), outTradeNo);
    return o;
}

QJsonObject refundQueryAnswer(const ChannelResult& r, const QString& outTradeNo,
                              const QString& outRequestNo, SandboxAcquirer& acquirer)
{
    QJsonObject o;
    if (r.status == TradeStatus::Unknown && !r.tradeNotFound) {
        o = busyFields(r);
    } else {
        // No such refund: Alipay answers 10000 without refund data.
        o = answerFields(kOk);
        o.insert(QStringLiteral("out_request_no"), outRequestNo);
        if (!r.tradeNotFound) {
            // The acquirer gives this refund's amount only in its raw answer.
            static const QRegularExpression fee(QStringLiteral("<refund_fee>(\\d+)</refund_fee>"));
            const auto m = fee.match(r.rawResponse);
            if (m.hasMatch())
                o.insert(QStringLiteral("refund_amount"), plainYuan(m.captured(1).toLongLong()));
            if (r.status == TradeStatus::Success)
                o.insert(QStringLiteral("refund_status"), QStringLiteral("REFUND_SUCCESS"));
            if (const auto t = acquirer.trade(outTradeNo)) {
                o.insert(QStringLiteral("trade_no"), t->tradeNo);
                o.insert(QStringLiteral("total_amount"), plainYuan(t->amountFen));
            }
        }
    }
    o.insert(QStringLiteral("out_trade_no"), outTradeNo);
    return o;
}

GatewayResponse jsonResponse(const QByteArray& body)
{
    GatewayResponse g;
    g.contentType = AlipayGatewayFront::kContentType;
    g.body = body;
    return g;
}

// Replies on a later turn, as a server would: never inside handle().
void replyLater(GatewayReply reply, GatewayResponse response)
{
    QTimer::singleShot(
        0, [reply = std::move(reply), response = std::move(response)] { reply(response); });
}

} // namespace

AlipayGatewayFront::AlipayGatewayFront(SandboxAcquirer& acquirer, QString channelName,
                                       RsaKey sandboxPrivateKey,
                                       QHash<QString, RsaKey> appPublicKeys, QString baseUrl,
                                       const Clock* clock)
    : m_acquirer(acquirer), m_channel(std::move(channelName)), m_key(std::move(sandboxPrivateKey)),
      m_appKeys(std::move(appPublicKeys)), m_baseUrl(std::move(baseUrl)), m_clock(clock)
{}

QString AlipayGatewayFront::billAccount(const QString& appId)
{
    QString digits;
    for (QChar c : appId)
        if (c.isDigit())
            digits += c;
    return QStringLiteral("2088") + digits.right(12).rightJustified(12, QLatin1Char('0')) +
           QStringLiteral("0156");
}

void AlipayGatewayFront::serveBill(const GatewayRequest& request, const GatewayReply& reply)
{
    auto answer = [&reply](int status, const QByteArray& type, const QByteArray& body) {
        GatewayResponse r;
        r.httpStatus = status;
        r.contentType = type;
        r.body = body;
        QTimer::singleShot(0, [reply, r] { reply(r); });
    };
    Params q;
    QString error;
    if (!formDecode(request.query, &q, &error))
        return answer(400, "text/plain; charset=utf-8", "bad bill link: " + error.toUtf8());
    const QDate day =
        QDate::fromString(q.value(QStringLiteral("bill_date")), QStringLiteral("yyyy-MM-dd"));
    const QString appId = q.value(QStringLiteral("app_id"));
    if (!day.isValid() || q.value(QStringLiteral("bill_type")) != QLatin1String("trade") ||
        !m_appKeys.contains(appId))
        return answer(404, "text/plain; charset=utf-8",
                      "the sandbox serves daily trade bills of known apps only");
    const QList<SandboxAcquirer::BillEntry> lines =
        dayBillEntries(m_acquirer, m_channel, day, m_differences, &error);
    if (!error.isEmpty())
        return answer(500, "text/plain; charset=utf-8", error.toUtf8());
    const AlipayBillFiles files =
        alipayBill(lines, day, billAccount(appId),
                   m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch(), &error);
    if (files.zip.isEmpty())
        return answer(500, "text/plain; charset=utf-8", error.toUtf8());
    answer(200, "application/zip", files.zip);
}

void AlipayGatewayFront::handle(const GatewayRequest& request, GatewayReply reply)
{
    if (request.path == QLatin1String("/alipay/bill") && request.method == "GET")
        return serveBill(request, reply);
    if (request.method != "POST") {
        GatewayResponse r;
        r.httpStatus = 405;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "the Alipay gateway takes POST";
        return replyLater(std::move(reply), r);
    }
    const auto refuse = [&](const QString& key, GatewayError e) {
        replyLater(std::move(reply),
                   jsonResponse(buildUnsignedResponse(key, gatewayErrorFields(e))));
    };

    Params p;
    QString error;
    if (!parseGatewayForm(request.query, request.body, &p, &error))
        return refuse(kErrorResponseKey, GatewayError::InvalidParameter);
    const QString methodText = p.value(QStringLiteral("method"));
    if (methodText.isEmpty())
        return refuse(kErrorResponseKey, GatewayError::MissingMethod);
    const std::optional<Method> method = methodFromName(methodText);
    if (!method)
        return refuse(kErrorResponseKey, GatewayError::InvalidMethod);
    const QString key = responseKey(*method);
    const QString appId = p.value(QStringLiteral("app_id"));
    if (appId.isEmpty())
        return refuse(key, GatewayError::MissingAppId);
    const auto appKey = m_appKeys.constFind(appId);
    if (appKey == m_appKeys.cend())
        return refuse(key, GatewayError::InvalidAppId);
    const QString sign = p.value(QStringLiteral("sign"));
    if (sign.isEmpty())
        return refuse(key, GatewayError::MissingSignature);
    const QString signType = p.value(QStringLiteral("sign_type"));
    if (signType.isEmpty())
        return refuse(key, GatewayError::MissingSignatureType);
    if (signType != QLatin1String("RSA2"))
        return refuse(key, GatewayError::InvalidSignatureType);
    if (!verifyRsa2(signingContent(p, SignScope::Request), sign, *appKey))
        return refuse(key, GatewayError::InvalidSignature);
    QJsonParseError pe;
    const QJsonDocument bizDoc =
        QJsonDocument::fromJson(p.value(QStringLiteral("biz_content")).toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || !bizDoc.isObject())
        return refuse(key, GatewayError::InvalidParameter);
    const QJsonObject biz = bizDoc.object();

    // Business answers are signed. The lambdas keep copies, not `this`: the
    // acquirer's answer may come after the front is gone.
    const auto signedResponse = [key, sandboxKey = m_key](const QJsonObject& f) {
        QString signError;
        const QByteArray body = buildSignedResponse(key, f, sandboxKey, &signError);
        if (body.isEmpty()) {
            GatewayResponse g;
            g.httpStatus = 500;
            g.body = signError.toUtf8();
            return g;
        }
        return jsonResponse(body);
    };
    const auto signedReply = [signedResponse](GatewayReply& out, const QJsonObject& f) {
        out(signedResponse(f));
    };
    const auto invalid = [&](const QString& outTradeNo) {
        QJsonObject f = answerFields(kBusinessFailed, QStringLiteral("ACQ.INVALID_PARAMETER"),
                                     QStringLiteral("参数无效"));
        if (!outTradeNo.isEmpty())
            f.insert(QStringLiteral("out_trade_no"), outTradeNo);
        QTimer::singleShot(
            0, [signedReply, reply = std::move(reply), f]() mutable { signedReply(reply, f); });
    };
    const auto parseAmount = [&](const char* name) -> std::optional<Money> {
        QString e;
        auto m = Money::parse(str(biz, name), kCny, &e);
        if (!m || !m->isPositive())
            return std::nullopt;
        return m;
    };
    const QString outTradeNo = str(biz, "out_trade_no");
    SandboxAcquirer* acquirer = &m_acquirer;
    const QString now =
        chinaTimestamp(m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch());

    switch (*method) {
    case Method::TradePay: {
        const QString scene = str(biz, "scene");
        const auto amount = parseAmount("total_amount");
        std::optional<qint64> expire = 0;
        if (!str(biz, "time_expire").isEmpty())
            expire = parseChinaTimestamp(str(biz, "time_expire"));
        if (outTradeNo.isEmpty() || str(biz, "auth_code").isEmpty() ||
            str(biz, "subject").isEmpty() || !amount || !expire ||
            (scene != QLatin1String("bar_code") && scene != QLatin1String("wave_code")))
            return invalid(outTradeNo);
        BarcodePayRequest req;
        req.paymentNo = outTradeNo;
        req.authCode = str(biz, "auth_code");
        req.amount = *amount;
        req.subject = str(biz, "subject");
        req.storeId = str(biz, "store_id");
        req.terminalId = str(biz, "terminal_id");
        req.expireAtMs = *expire;
        const QString yuanText = amount->toPlainString();
        // Signed (RSA, the costly part) while the acquirer's write is fsynced.
        return payAndReply(
            m_acquirer, m_channel, req,
            [signedResponse, outTradeNo, yuanText, now](const ChannelResult& r) {
                return signedResponse(payAnswer(r, outTradeNo, yuanText, now));
            },
            reply);
    }
    case Method::TradePrecreate: {
        const auto amount = parseAmount("total_amount");
        std::optional<qint64> expire = 0;
        if (!str(biz, "time_expire").isEmpty())
            expire = parseChinaTimestamp(str(biz, "time_expire"));
        if (outTradeNo.isEmpty() || str(biz, "subject").isEmpty() || !amount || !expire)
            return invalid(outTradeNo);
        PrecreateRequest req;
        req.paymentNo = outTradeNo;
        req.amount = *amount;
        req.subject = str(biz, "subject");
        req.storeId = str(biz, "store_id");
        req.terminalId = str(biz, "terminal_id");
        req.expireAtMs = *expire;
        const SandboxAcquirer::NotifyTarget notifyTo{
            QStringLiteral("alipay"), p.value(QStringLiteral("notify_url")), appId, QString()};
        return m_acquirer.precreate(
            m_channel, req,
            [signedReply, reply = std::move(reply), outTradeNo](const ChannelResult& r,
                                                                bool dropped) mutable {
                if (dropped)
                    return reply(GatewayResponse{200, {}, {}, true});
                signedReply(reply, precreateAnswer(r, outTradeNo));
            },
            notifyTo);
    }
    case Method::TradeQuery:
        if (outTradeNo.isEmpty())
            return invalid(outTradeNo);
        return m_acquirer.query(outTradeNo,
                                [signedReply, reply = std::move(reply), outTradeNo,
                                 acquirer](const ChannelResult& r, bool dropped) mutable {
                                    if (dropped)
                                        return reply(GatewayResponse{200, {}, {}, true});
                                    signedReply(reply, queryAnswer(r, outTradeNo, *acquirer));
                                });
    case Method::TradeCancel:
        if (outTradeNo.isEmpty())
            return invalid(outTradeNo);
        return m_acquirer.revoke(outTradeNo, [signedReply, reply = std::move(reply), outTradeNo](
                                                 const ChannelResult& r, bool dropped) mutable {
            if (dropped)
                return reply(GatewayResponse{200, {}, {}, true});
            signedReply(reply, cancelAnswer(r, outTradeNo));
        });
    case Method::TradeRefund: {
        const auto amount = parseAmount("refund_amount");
        if (outTradeNo.isEmpty() || !amount)
            return invalid(outTradeNo);
        RefundRequest req;
        req.paymentNo = outTradeNo;
        req.channelTradeNo = str(biz, "trade_no");
        // Without out_request_no Alipay uses the trade's number as the refund's.
        req.refundNo =
            str(biz, "out_request_no").isEmpty() ? outTradeNo : str(biz, "out_request_no");
        req.refundAmount = *amount;
        if (const auto t = m_acquirer.trade(outTradeNo))
            req.paymentAmount = Money::fromFen(t->amountFen);
        req.reason = str(biz, "refund_reason");
        return m_acquirer.refund(req, [signedReply, reply = std::move(reply), outTradeNo, now,
                                       acquirer](const ChannelResult& r, bool dropped) mutable {
            if (dropped)
                return reply(GatewayResponse{200, {}, {}, true});
            signedReply(reply, refundAnswer(r, outTradeNo, *acquirer, now));
        });
    }
    case Method::RefundQuery: {
        const QString outRequestNo = str(biz, "out_request_no");
        if (outTradeNo.isEmpty() || outRequestNo.isEmpty())
            return invalid(outTradeNo);
        return m_acquirer.refundQuery(
            outRequestNo, [signedReply, reply = std::move(reply), outTradeNo, outRequestNo,
                           acquirer](const ChannelResult& r, bool dropped) mutable {
                if (dropped)
                    return reply(GatewayResponse{200, {}, {}, true});
                signedReply(reply, refundQueryAnswer(r, outTradeNo, outRequestNo, *acquirer));
            });
    }
    case Method::BillDownloadUrl: {
        const QString type = str(biz, "bill_type");
        const QString date = str(biz, "bill_date");
        const bool dayOk = QDate::fromString(date, QStringLiteral("yyyy-MM-dd")).isValid();
        const bool monthOk = QDate::fromString(date, QStringLiteral("yyyy-MM")).isValid();
        if ((type != QLatin1String("trade") && type != QLatin1String("signcustomer")) ||
            (!dayOk && !monthOk))
            return invalid(QString());
        const Params q{{QStringLiteral("app_id"), appId},
                       {QStringLiteral("bill_type"), type},
                       {QStringLiteral("bill_date"), date}};
        QJsonObject f = answerFields(kOk);
        f.insert(QStringLiteral("bill_download_url"),
                 m_baseUrl + QStringLiteral("/alipay/bill?") + QString::fromLatin1(formEncode(q)));
        QTimer::singleShot(
            0, [signedReply, reply = std::move(reply), f]() mutable { signedReply(reply, f); });
        return;
    }
    }
}

QByteArray AlipayGatewayFront::notificationBody(const ChannelNotification& n, const QString& appId,
                                                const QDateTime& now, QString* error) const
{
    const Params p = buildNotification(n, appId, m_key, now, error);
    return p.isEmpty() ? QByteArray() : formEncode(p);
}

} // namespace paydesk
