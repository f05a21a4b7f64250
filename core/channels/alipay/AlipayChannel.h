#pragma once

#include "channels/Channel.h"
#include "channels/alipay/AlipayProtocol.h"
#include "channels/transport/HttpTransport.h"
#include "common/Clock.h"

#include <QUrl>

namespace paydesk::alipay {

// Alipay OpenAPI over an HttpTransport: build, sign, POST, verify, map.
// An answer whose signature does not verify is never believed: it is
// Unknown, whatever it says. The channel name is configurable because
// UnionPay codes can be routed through an Alipay-speaking acquirer.
class AlipayChannel final : public Channel
{
public:
    // `clock` stamps the requests' timestamp (nullptr: the system clock). The
    // transport, and the clock when given, must outlive the channel.
    AlipayChannel(HttpTransport& transport, ClientConfig config, QUrl gatewayUrl,
                  QString channelName = QStringLiteral("alipay"), const Clock* clock = nullptr);

    QString name() const override { return m_name; }

    void barcodePay(const BarcodePayRequest& req, ResultCallback done) override;
    void precreate(const PrecreateRequest& req, ResultCallback done) override;
    void query(const QString& paymentNo, ResultCallback done) override;
    // alipay.trade.cancel
    void revoke(const QString& paymentNo, ResultCallback done) override;
    void refund(const RefundRequest& req, ResultCallback done) override;
    // alipay.trade.fastpay.refund.query
    void refundQuery(const QString& refundNo, const QString& paymentNo,
                     ResultCallback done) override;
    // alipay.data.dataservice.bill.downloadurl.query: the URL in codeUrl.
    void billDownloadUrl(const QDate& day, ResultCallback done);
    // The trade bill: the download URL from a verified answer, then a GET
    // of it over the same transport. Only BillKind::All (bill_type trade).
    void downloadBill(const QDate& day, BillKind kind, BillCallback done) override;

    // A notification posted to notify_url (a form): verified (RSA2, our
    // app_id), then delivered to the sink. The reply is what Alipay expects:
    // "success" stops its retries, "failure" makes it send again.
    NotificationReceipt receiveNotification(const QByteArray& formBody) override;

    static constexpr const char* kContentType = "application/x-www-form-urlencoded;charset=utf-8";

private:
    void call(Method method, const QJsonObject& biz, const QString& requestNo, ResultCallback done);
    static ChannelResult interpret(Method method, const QString& requestNo, const HttpReply& reply,
                                   const RsaKey& alipayPublicKey);
    qint64 nowMs() const;

    HttpTransport& m_transport;
    ClientConfig m_config;
    QUrl m_gatewayUrl;
    QString m_name;
    const Clock* m_clock;
};

} // namespace paydesk::alipay
