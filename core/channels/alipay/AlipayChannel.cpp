#include "channels/alipay/AlipayChannel.h"

#include <QDateTime>
#include <QTimer>
#include <QUrlQuery>

namespace paydesk::alipay {

namespace {

ChannelResult localFailure(const QString& requestNo, const QString& rawRequest, TradeStatus status,
                           const QString& code, const QString& message)
{
    ChannelResult r;
    r.status = status;
    r.requestNo = requestNo;
    r.rawRequest = rawRequest;
    r.returnCode = code;
    r.message = message;
    return r;
}

// The callback runs later, never inside the call (Channel's contract).
void later(ResultCallback done, ChannelResult r)
{
    QTimer::singleShot(0, [done = std::move(done), r = std::move(r)] { done(r); });
}

} // namespace

AlipayChannel::AlipayChannel(HttpTransport& transport, ClientConfig config, QUrl gatewayUrl,
                             QString channelName, const Clock* clock)
    : m_transport(transport), m_config(std::move(config)), m_gatewayUrl(std::move(gatewayUrl)),
      m_name(std::move(channelName)), m_clock(clock)
{}

qint64 AlipayChannel::nowMs() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

void AlipayChannel::barcodePay(const BarcodePayRequest& req, ResultCallback done)
{
    if (req.amount.currency() != kCny)
        return later(std::move(done),
                     localFailure(req.paymentNo, QString(), TradeStatus::Failed,
                                  QStringLiteral("UNSUPPORTED_CURRENCY"),
                                  QStringLiteral("Alipay takes CNY only; nothing was sent")));
    call(Method::TradePay, barcodePayBiz(req), req.paymentNo, std::move(done));
}

void AlipayChannel::precreate(const PrecreateRequest& req, ResultCallback done)
{
    if (req.amount.currency() != kCny)
        return later(std::move(done),
                     localFailure(req.paymentNo, QString(), TradeStatus::Failed,
                                  QStringLiteral("UNSUPPORTED_CURRENCY"),
                                  QStringLiteral("Alipay takes CNY only; nothing was sent")));
    call(Method::TradePrecreate, precreateBiz(req), req.paymentNo, std::move(done));
}

void AlipayChannel::query(const QString& paymentNo, ResultCallback done)
{
    call(Method::TradeQuery, tradeBiz(paymentNo), paymentNo, std::move(done));
}

void AlipayChannel::revoke(const QString& paymentNo, ResultCallback done)
{
    call(Method::TradeCancel, tradeBiz(paymentNo), paymentNo, std::move(done));
}

void AlipayChannel::refund(const RefundRequest& req, ResultCallback done)
{
    if (req.refundAmount.currency() != kCny)
        return later(std::move(done),
                     localFailure(req.refundNo, QString(), TradeStatus::Failed,
                                  QStringLiteral("UNSUPPORTED_CURRENCY"),
                                  QStringLiteral("Alipay takes CNY only; nothing was sent")));
    call(Method::TradeRefund, refundBiz(req), req.refundNo, std::move(done));
}

void AlipayChannel::refundQuery(const QString& refundNo, const QString& paymentNo,
                                ResultCallback done)
{
    call(Method::RefundQuery, refundQueryBiz(paymentNo, refundNo), refundNo, std::move(done));
}

void AlipayChannel::billDownloadUrl(const QDate& day, ResultCallback done)
{
    call(Method::BillDownloadUrl, billBiz(day), day.toString(Qt::ISODate), std::move(done));
}

void AlipayChannel::call(Method method, const QJsonObject& biz, const QString& requestNo,
                         ResultCallback done)
{
    QString error;
    const Params params =
        buildRequest(method, biz, m_config, QDateTime::fromMSecsSinceEpoch(nowMs()), &error);
    const QString raw = readableForm(params);
    if (params.isEmpty())
        // Nothing left the building: the trade cannot have happened.
        return later(std::move(done), localFailure(requestNo, raw, TradeStatus::Failed,
                                                   QStringLiteral("SIGN_ERROR"), error));

    // As the official SDKs do: the common parameters in the URL, biz_content
    // in the body. Both are signed together.
    Params common = params;
    Params body;
    body.insert(QStringLiteral("biz_content"), common.take(QStringLiteral("biz_content")));
    HttpCall http;
    http.url = m_gatewayUrl;
    http.url.setQuery(QString::fromLatin1(formEncode(common)), QUrl::StrictMode);
    http.contentType = kContentType;
    http.body = formEncode(body);

    // No `this` in the callback: the channel may be gone when the answer
    // comes (the engine may drop callbacks).
    m_transport.post(http, [key = m_config.alipayPublicKey, method, requestNo, raw,
                            done = std::move(done)](const HttpReply& reply) {
        ChannelResult r = interpret(method, requestNo, reply, key);
        r.requestNo = requestNo;
        r.rawRequest = raw;
        done(r);
    });
}

ChannelResult AlipayChannel::interpret(Method method, const QString& requestNo,
                                       const HttpReply& reply, const RsaKey& alipayPublicKey)
{
    ChannelResult r;
    r.requestNo = requestNo;
    r.status = TradeStatus::Unknown;
    switch (reply.outcome) {
    case HttpReply::Outcome::TimedOut: {
        ChannelResult t = ChannelResult::timeout(requestNo);
        if (!reply.error.isEmpty())
            t.message += QStringLiteral(": ") + reply.error;
        return t;
    }
    case HttpReply::Outcome::NotConnected:
        r.returnCode = QStringLiteral("NOT_CONNECTED");
        r.notSent = true;
        r.noAnswer = true;
        r.message = QStringLiteral("cannot reach Alipay: ") + reply.error;
        return r;
    case HttpReply::Outcome::NetworkError:
        r.returnCode = QStringLiteral("NETWORK_ERROR");
        r.noAnswer = true;
        r.message =
            QStringLiteral("the connection broke; the request may have arrived: ") + reply.error;
        return r;
    case HttpReply::Outcome::Answered:
        break;
    }
    r.rawResponse = QString::fromUtf8(reply.body);
    if (reply.httpStatus != 200) {
        r.returnCode = QStringLiteral("HTTP_%1").arg(reply.httpStatus);
        r.message = QStringLiteral("Alipay answered HTTP %1").arg(reply.httpStatus);
        return r;
    }
    QString error;
    const std::optional<Response> response = parseResponse(reply.body, method, &error);
    if (!response) {
        r.returnCode = QStringLiteral("BAD_RESPONSE");
        r.message = QStringLiteral("unreadable answer: ") + error;
        return r;
    }
    const bool verified = verifyResponse(*response, alipayPublicKey);
    if (!verified) {
        const QString code = response->fields.value(QLatin1String("code")).toString();
        // The gateway does not sign its own refusals (40001 missing and 40002
        // invalid arguments: bad signature, bad app_id...). They are shown as
        // they are but, unverified, they can only ever be Unknown. Any other
        // unsigned answer, business ones included, is a bad signature.
        const bool gatewayRefusal = response->isErrorResponse() || code == QLatin1String("40001") ||
                                    code == QLatin1String("40002");
        if (response->sign.isEmpty() && gatewayRefusal) {
            ChannelResult g = mapResponse(method, response->fields);
            g.status = TradeStatus::Unknown;
            g.tradeNotFound = false;
            g.retry = false;
            g.revokeAction.clear();
            g.codeUrl.clear();
            g.requestNo = requestNo;
            g.rawResponse = r.rawResponse;
            g.message += QStringLiteral(" (unsigned gateway refusal: the outcome is unknown)");
            return g;
        }
        r.returnCode = QStringLiteral("BAD_SIGNATURE");
        r.message = response->sign.isEmpty()
                        ? QStringLiteral("the answer is not signed: it is not believed")
                        : QStringLiteral("the answer's signature does not verify with Alipay's "
                                         "public key: it is not believed");
        return r;
    }
    ChannelResult mapped = mapResponse(method, response->fields);
    mapped.requestNo = requestNo;
    mapped.rawResponse = r.rawResponse;
    return mapped;
}

NotificationReceipt AlipayChannel::receiveNotification(const QByteArray& formBody)
{
    NotificationReceipt r;
    r.replyContentType = QByteArrayLiteral("text/plain;charset=utf-8");
    r.replyBody = QByteArrayLiteral("failure");
    Params fields;
    const std::optional<ChannelNotification> n = parseNotification(formBody, &fields, &r.error);
    if (!n)
        return r;
    if (!verifyNotification(fields, m_config.alipayPublicKey)) {
        r.error = QStringLiteral("the notification's signature does not verify");
        return r;
    }
    if (fields.value(QStringLiteral("app_id")) != m_config.appId) {
        r.error = QStringLiteral("the notification is for another app_id");
        return r;
    }
    deliver(*n);
    r.accepted = true;
    r.replyBody = QByteArrayLiteral("success");
    return r;
}

void AlipayChannel::downloadBill(const QDate& day, BillKind kind, BillCallback done)
{
    if (kind != BillKind::All) {
        BillDownload b;
        b.status = TradeStatus::Failed;
        b.returnCode = QStringLiteral("NOT_SUPPORTED");
        b.message = QStringLiteral("Alipay has one trade bill per day: ask for all lines");
        QTimer::singleShot(0, [done = std::move(done), b] { done(b); });
        return;
    }
    HttpTransport* transport = &m_transport;
    billDownloadUrl(day, [transport, done = std::move(done)](const ChannelResult& r) {
        BillDownload b;
        b.returnCode = r.returnCode;
        b.message = r.message;
        if (r.status == TradeStatus::Failed) {
            b.status = TradeStatus::Failed; // isp.bill_not_exist: known, no bill
            return done(b);
        }
        const QUrl url(r.codeUrl, QUrl::StrictMode);
        if (r.status != TradeStatus::Success || !url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            if (r.status == TradeStatus::Success) {
                b.returnCode = QStringLiteral("BAD_RESPONSE");
                b.message = QStringLiteral("bill_download_url is not an http(s) URL");
            }
            return done(b);
        }
        HttpCall get;
        get.method = HttpCall::Method::Get;
        get.url = url;
        transport->post(get, [done](const HttpReply& reply) {
            BillDownload f;
            if (reply.outcome != HttpReply::Outcome::Answered || reply.httpStatus != 200) {
                f.returnCode = reply.outcome == HttpReply::Outcome::Answered
                                   ? QStringLiteral("HTTP_%1").arg(reply.httpStatus)
                                   : QStringLiteral("NETWORK_ERROR");
                f.message = reply.error.isEmpty() ? QString::fromUtf8(reply.body.left(200))
                                                  : reply.error;
                return done(f);
            }
            if (!reply.body.startsWith(QByteArrayLiteral("PK\x03\x04"))) {
                f.returnCode = QStringLiteral("BAD_RESPONSE");
                f.message = QStringLiteral("the bill download is not a ZIP archive");
                return done(f);
            }
            f.status = TradeStatus::Success;
            f.returnCode = QStringLiteral("SUCCESS");
            f.content = reply.body;
            f.contentType = "application/zip";
            done(f);
        });
    });
}

} // namespace paydesk::alipay
