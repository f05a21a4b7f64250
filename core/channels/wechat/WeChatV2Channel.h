#pragma once

#include "channels/Channel.h"
#include "channels/transport/HttpTransport.h"
#include "channels/wechat/WeChatV2Api.h"

#include <QUrl>

namespace paydesk {

// One WeChat Pay V2 merchant account. The API key is a secret: it is read
// from a file by the configuration and never printed.
struct WeChatMerchant
{
    QString appId;
    QString mchId;
    QString subAppId; // service-provider mode only
    QString subMchId;
    QByteArray apiKey;
    wechat::SignType signType = wechat::SignType::HmacSha256;
    QUrl gateway = QUrl(QStringLiteral("https://api.mch.weixin.qq.com/"));
    QString clientIp = QStringLiteral("127.0.0.1"); // spbill_create_ip: the till
    QString notifyUrl;                              // unifiedorder requires one
};

// The WeChat Pay V2 adapter: signed XML over HTTPS, every answer's signature
// verified, codes mapped through WeChatV2Api's whitelists. The channel name
// is configurable: UnionPay codes may be routed through a WeChat-speaking
// acquirer.
class WeChatV2Channel final : public Channel
{
public:
    WeChatV2Channel(QString name, WeChatMerchant merchant, HttpTransport& transport);

    QString name() const override { return m_name; }

    void barcodePay(const BarcodePayRequest& req, ResultCallback done) override;
    void precreate(const PrecreateRequest& req, ResultCallback done) override;
    void query(const QString& paymentNo, ResultCallback done) override;
    void revoke(const QString& paymentNo, ResultCallback done) override;
    void refund(const RefundRequest& req, ResultCallback done) override;
    void refundQuery(const QString& refundNo, const QString& paymentNo,
                     ResultCallback done) override;
    // A pay result notification (支付结果通知) posted to notify_url:
    // verified (signature, our appid and mch_id), then delivered. The reply
    // is WeChat's acknowledgement XML: return_code SUCCESS stops its
    // retries, FAIL (with return_msg) makes it send again.
    NotificationReceipt receiveNotification(const QByteArray& xmlBody) override;
    // pay/downloadbill: the CSV text itself, or return_code FAIL.
    void downloadBill(const QDate& day, BillKind kind, BillCallback done) override;

    // Builds the signed request of `api` from its business fields (the
    // account fields, nonce_str, sign_type and sign are added). Public for
    // tests.
    wechat::Params signedRequest(wechat::Params fields) const;

private:
    wechat::Params saleFields(const QString& paymentNo, const Money& amount, const QString& subject,
                              const QString& storeId, const QString& terminalId,
                              qint64 expireAtMs) const;
    void call(wechat::Api api, const QString& requestNo, wechat::Params fields,
              ResultCallback done);

    QString m_name;
    WeChatMerchant m_merchant;
    HttpTransport& m_transport;
};

} // namespace paydesk
