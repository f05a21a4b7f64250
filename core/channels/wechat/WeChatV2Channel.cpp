#include "channels/wechat/WeChatV2Channel.h"

namespace paydesk {

using namespace wechat;

namespace {

ChannelResult transportFailure(ChannelResult r, const HttpReply& reply)
{
    switch (reply.outcome) {
    case HttpReply::Outcome::TimedOut:
        // The request may have been processed: like any timeout, Processing.
        r.status = TradeStatus::Processing;
        r.returnCode = QStringLiteral("HTTP_TIMEOUT");
        r.noAnswer = true;
        break;
    case HttpReply::Outcome::NotConnected:
        r.status = TradeStatus::Unknown;
        r.returnCode = QStringLiteral("NOT_CONNECTED");
        r.notSent = true;
        r.noAnswer = true;
        r.message = QStringLiteral("cannot reach WeChat Pay: ") + reply.error;
        return r;
    case HttpReply::Outcome::NetworkError:
    case HttpReply::Outcome::Answered:
        r.status = TradeStatus::Unknown;
        r.returnCode = QStringLiteral("NETWORK_ERROR");
        r.noAnswer = reply.outcome == HttpReply::Outcome::NetworkError;
        break;
    }
    r.message = reply.error;
    return r;
}

NotificationReceipt notificationReply(bool accepted, const QString& error)
{
    NotificationReceipt r;
    r.accepted = accepted;
    r.error = error;
    r.replyContentType = QByteArrayLiteral("text/xml; charset=utf-8");
    Params p;
    p.insert(QStringLiteral("return_code"),
             accepted ? QStringLiteral("SUCCESS") : QStringLiteral("FAIL"));
    p.insert(QStringLiteral("return_msg"), accepted ? QStringLiteral("OK") : error);
    r.replyBody = toXml(p);
    return r;
}

} // namespace

WeChatV2Channel::WeChatV2Channel(QString name, WeChatMerchant merchant, HttpTransport& transport)
    : m_name(std::move(name)), m_merchant(std::move(merchant)), m_transport(transport)
{
    Q_ASSERT_X(!m_merchant.apiKey.isEmpty(), "WeChatV2Channel", "no API key configured");
}

Params WeChatV2Channel::signedRequest(Params fields) const
{
    fields.insert(QStringLiteral("appid"), m_merchant.appId);
    fields.insert(QStringLiteral("mch_id"), m_merchant.mchId);
    if (!m_merchant.subMchId.isEmpty())
        fields.insert(QStringLiteral("sub_mch_id"), m_merchant.subMchId);
    if (!m_merchant.subAppId.isEmpty())
        fields.insert(QStringLiteral("sub_appid"), m_merchant.subAppId);
    fields.insert(QStringLiteral("nonce_str"), nonceStr());
    fields.insert(QStringLiteral("sign_type"), signTypeName(m_merchant.signType));
    fields.insert(QStringLiteral("sign"), sign(fields, m_merchant.apiKey, m_merchant.signType));
    return fields;
}

NotificationReceipt WeChatV2Channel::receiveNotification(const QByteArray& xmlBody)
{
    const XmlResult xml = parseXml(xmlBody);
    if (!xml.ok())
        return notificationReply(false, QStringLiteral("malformed XML: ") + xml.error);
    const Params& m = xml.params;
    if (m.value(QStringLiteral("return_code")) != QLatin1String("SUCCESS"))
        return notificationReply(false,
                                 QStringLiteral("return_code is not SUCCESS: no trade to read"));
    // The type the message names; when it names none, the type our orders
    // are signed with, since WeChat signs a notification as its order was.
    SignType type = m_merchant.signType;
    if (const QString named = m.value(QStringLiteral("sign_type"));
        !named.isEmpty() && !parseSignType(named, &type))
        return notificationReply(false, QStringLiteral("unknown sign_type ") + named);
    if (!verify(m, m_merchant.apiKey, type))
        return notificationReply(false,
                                 QStringLiteral("the notification's signature does not verify"));
    if (m.value(QStringLiteral("mch_id")) != m_merchant.mchId ||
        m.value(QStringLiteral("appid")) != m_merchant.appId)
        return notificationReply(
            false, QStringLiteral("the notification is for another merchant account"));

    ChannelNotification n;
    n.paymentNo = m.value(QStringLiteral("out_trade_no"));
    n.channelTradeNo = m.value(QStringLiteral("transaction_id"));
    n.notificationId = m.value(QStringLiteral("nonce_str"));
    bool amountOk = false;
    const qint64 totalFee = m.value(QStringLiteral("total_fee")).toLongLong(&amountOk);
    if (n.paymentNo.isEmpty() || n.channelTradeNo.isEmpty() || !amountOk || totalFee <= 0 ||
        totalFee > kMaxAmountFen)
        return notificationReply(
            false,
            QStringLiteral("the notification lacks out_trade_no, transaction_id or a total_fee"));
    n.amount = Money::fromFen(totalFee, m.value(QStringLiteral("fee_type"), QStringLiteral("CNY")));
    // A pay result notification says the trade was paid; the sandbox (and
    // a contradicting message) may name a trade_state as orderquery does.
    // Either way the answer goes through orderquery's whitelist, so a
    // result_code FAIL without a known trade_state is Unknown, never Failed.
    Params asQuery = m;
    if (!asQuery.contains(QStringLiteral("trade_state")) &&
        m.value(QStringLiteral("result_code")) == QLatin1String("SUCCESS"))
        asQuery.insert(QStringLiteral("trade_state"), QStringLiteral("SUCCESS"));
    ChannelResult r;
    mapResponse(Api::OrderQuery, asQuery, r);
    n.status = r.status;
    n.returnCode = r.returnCode;
    n.paidAtMs = parseTime(m.value(QStringLiteral("time_end"))).value_or(0);
    n.raw = QString::fromUtf8(xmlBody);
    deliver(n);
    return notificationReply(true, QString());
}

void WeChatV2Channel::call(Api api, const QString& requestNo, Params fields, ResultCallback done)
{
    const Params request = signedRequest(std::move(fields));
    HttpCall http;
    http.url = m_merchant.gateway.resolved(QUrl(apiPath(api)));
    http.contentType = "text/xml; charset=utf-8";
    http.body = toXml(request);
    http.clientCertificate = needsClientCertificate(api);

    ChannelResult base;
    base.requestNo = requestNo;
    base.rawRequest = QString::fromUtf8(http.body);
    m_transport.post(http, [this, api, base, done = std::move(done)](const HttpReply& reply) {
        ChannelResult r = base;
        r.rawResponse = QString::fromUtf8(reply.body);
        if (reply.outcome != HttpReply::Outcome::Answered)
            return done(transportFailure(r, reply));
        if (reply.httpStatus != 200) {
            r.status = TradeStatus::Unknown;
            r.returnCode = QStringLiteral("HTTP_%1").arg(reply.httpStatus);
            r.message = QStringLiteral("the gateway answered HTTP %1").arg(reply.httpStatus);
            return done(r);
        }
        const XmlResult xml = parseXml(reply.body);
        if (!xml.ok()) {
            r.status = TradeStatus::Unknown;
            r.returnCode = QStringLiteral("BAD_RESPONSE");
            r.message = xml.error;
            return done(r);
        }
        const Params& m = xml.params;
        // Business answers are signed; a return_code=FAIL answer is not, and
        // is only ever read as "unknown".
        if (m.value(QStringLiteral("return_code")) == QLatin1String("SUCCESS")) {
            SignType type = m_merchant.signType;
            if (!verify(m, m_merchant.apiKey, type)) {
                r.status = TradeStatus::Unknown;
                r.returnCode = QStringLiteral("BAD_SIGNATURE");
                r.message = QStringLiteral("the answer's signature does not verify: ignored");
                return done(r);
            }
            if (m.value(QStringLiteral("mch_id")) != m_merchant.mchId ||
                m.value(QStringLiteral("appid")) != m_merchant.appId) {
                r.status = TradeStatus::Unknown;
                r.returnCode = QStringLiteral("WRONG_MERCHANT");
                r.message = QStringLiteral("the answer is for another merchant account: ignored");
                return done(r);
            }
        }
        mapResponse(api, m, r);
        done(r);
    });
}

// The fields a sale carries to micropay and unifiedorder alike. WeChat
// requires a body: a sale without a note is named by its store.
Params WeChatV2Channel::saleFields(const QString& paymentNo, const Money& amount,
                                   const QString& subject, const QString& storeId,
                                   const QString& terminalId, qint64 expireAtMs) const
{
    Params f;
    f.insert(QStringLiteral("body"),
             subject.isEmpty() ? QStringLiteral("store %1").arg(storeId) : subject);
    f.insert(QStringLiteral("out_trade_no"), paymentNo);
    f.insert(QStringLiteral("total_fee"), QString::number(amount.fen()));
    f.insert(QStringLiteral("fee_type"), amount.currency());
    f.insert(QStringLiteral("spbill_create_ip"), m_merchant.clientIp);
    f.insert(QStringLiteral("device_info"), terminalId);
    if (expireAtMs > 0)
        f.insert(QStringLiteral("time_expire"), formatTime(expireAtMs));
    return f;
}

void WeChatV2Channel::barcodePay(const BarcodePayRequest& req, ResultCallback done)
{
    Params f = saleFields(req.paymentNo, req.amount, req.subject, req.storeId, req.terminalId,
                          req.expireAtMs);
    f.insert(QStringLiteral("auth_code"), req.authCode);
    call(Api::MicroPay, req.paymentNo, std::move(f), std::move(done));
}

void WeChatV2Channel::precreate(const PrecreateRequest& req, ResultCallback done)
{
    Params f = saleFields(req.paymentNo, req.amount, req.subject, req.storeId, req.terminalId,
                          req.expireAtMs);
    f.insert(QStringLiteral("trade_type"), QStringLiteral("NATIVE"));
    f.insert(QStringLiteral("product_id"), req.paymentNo); // required for NATIVE
    f.insert(QStringLiteral("notify_url"), m_merchant.notifyUrl);
    call(Api::UnifiedOrder, req.paymentNo, std::move(f), std::move(done));
}

void WeChatV2Channel::query(const QString& paymentNo, ResultCallback done)
{
    Params f;
    f.insert(QStringLiteral("out_trade_no"), paymentNo);
    call(Api::OrderQuery, paymentNo, std::move(f), std::move(done));
}

void WeChatV2Channel::revoke(const QString& paymentNo, ResultCallback done)
{
    Params f;
    f.insert(QStringLiteral("out_trade_no"), paymentNo);
    call(Api::Reverse, paymentNo, std::move(f), std::move(done));
}

void WeChatV2Channel::refund(const RefundRequest& req, ResultCallback done)
{
    Params f;
    f.insert(QStringLiteral("out_trade_no"), req.paymentNo);
    f.insert(QStringLiteral("transaction_id"), req.channelTradeNo);
    f.insert(QStringLiteral("out_refund_no"), req.refundNo);
    f.insert(QStringLiteral("total_fee"), QString::number(req.paymentAmount.fen()));
    f.insert(QStringLiteral("refund_fee"), QString::number(req.refundAmount.fen()));
    f.insert(QStringLiteral("refund_fee_type"), req.refundAmount.currency());
    f.insert(QStringLiteral("refund_desc"), req.reason);
    call(Api::Refund, req.refundNo, std::move(f), std::move(done));
}

void WeChatV2Channel::refundQuery(const QString& refundNo, const QString& paymentNo,
                                  ResultCallback done)
{
    Params f;
    f.insert(QStringLiteral("out_refund_no"), refundNo);
    f.insert(QStringLiteral("out_trade_no"), paymentNo);
    call(Api::RefundQuery, refundNo, std::move(f), std::move(done));
}

void WeChatV2Channel::downloadBill(const QDate& day, BillKind kind, BillCallback done)
{
    Params f;
    f.insert(QStringLiteral("bill_date"), day.toString(QStringLiteral("yyyyMMdd")));
    f.insert(QStringLiteral("bill_type"), kind == BillKind::Success  ? QStringLiteral("SUCCESS")
                                          : kind == BillKind::Refund ? QStringLiteral("REFUND")
                                                                     : QStringLiteral("ALL"));
    HttpCall http;
    http.url = m_merchant.gateway.resolved(QUrl(apiPath(Api::DownloadBill)));
    http.contentType = "text/xml; charset=utf-8";
    http.body = toXml(signedRequest(std::move(f)));
    m_transport.post(http, [done = std::move(done)](const HttpReply& reply) {
        BillDownload b;
        if (reply.outcome != HttpReply::Outcome::Answered || reply.httpStatus != 200) {
            b.returnCode = reply.outcome == HttpReply::Outcome::Answered
                               ? QStringLiteral("HTTP_%1").arg(reply.httpStatus)
                               : QStringLiteral("NETWORK_ERROR");
            b.message = reply.error.isEmpty() ? QStringLiteral("no bill: the gateway answered HTTP %1")
                                                    .arg(reply.httpStatus)
                                              : reply.error;
            return done(b);
        }
        // A bill is the CSV itself; a refusal is XML (unsigned, like every
        // return_code FAIL answer).
        if (reply.body.trimmed().startsWith("<xml>")) {
            const XmlResult xml = parseXml(reply.body);
            const QString msg = xml.params.value(QStringLiteral("return_msg"));
            b.returnCode = xml.ok() ? xml.params.value(QStringLiteral("error_code"),
                                                       QStringLiteral("FAIL"))
                                    : QStringLiteral("BAD_RESPONSE");
            b.message = xml.ok() ? msg : xml.error;
            // Only "no bill" is a known answer; anything else may pass.
            if (xml.ok() && xml.params.value(QStringLiteral("return_code")) == QLatin1String("FAIL") &&
                msg == QLatin1String("No Bill Exist"))
                b.status = TradeStatus::Failed;
            return done(b);
        }
        if (!reply.body.startsWith(QByteArrayLiteral("交易时间,"))) {
            b.returnCode = QStringLiteral("BAD_RESPONSE");
            b.message = QStringLiteral("the answer is neither a bill nor a WeChat refusal");
            return done(b);
        }
        b.status = TradeStatus::Success;
        b.returnCode = QStringLiteral("SUCCESS");
        b.content = reply.body;
        b.contentType = "text/csv; charset=utf-8";
        done(b);
    });
}

} // namespace paydesk
