#pragma once

#include "channels/alipay/AlipaySign.h"
#include "common/Clock.h"
#include "sandbox/GatewayFront.h"
#include "sandbox/SandboxAcquirer.h"

#include <QDateTime>
#include <QHash>

namespace paydesk {

struct BillDifferences;

// The sandbox acquirer behind an Alipay OpenAPI gateway (gateway.do): checks
// the request as the real gateway does (app_id, RSA2 signature, method,
// biz_content), calls the acquirer and answers in Alipay's JSON envelope,
// signed with the sandbox's own key. Gateway-level refusals are unsigned, as
// the real gateway sends them; business answers are signed.
class AlipayGatewayFront final : public GatewayFront
{
public:
    // `channelName`: what the acquirer records trades under ("alipay", or
    // "unionpay" when UnionPay codes go through an Alipay-speaking acquirer).
    // `appPublicKeys`: app_id -> the merchant app's public key. `baseUrl`:
    // where bill_download_url points (".../alipay/bill?..."). `clock` stamps
    // gmt_payment and the like (nullptr: the system clock); it must outlive
    // the front. Pass the acquirer's clock so the sandbox stays deterministic.
    AlipayGatewayFront(SandboxAcquirer& acquirer, QString channelName,
                       alipay::RsaKey sandboxPrivateKey,
                       QHash<QString, alipay::RsaKey> appPublicKeys, QString baseUrl,
                       const Clock* clock = nullptr);

    void handle(const GatewayRequest& request, GatewayReply reply) override;

    // The signed form body to POST to the merchant's notify_url for `n`.
    // Empty and `error` set when it cannot be signed.
    QByteArray notificationBody(const ChannelNotification& n, const QString& appId,
                                const QDateTime& now, QString* error) const;

    static constexpr const char* kContentType = "application/json;charset=utf-8";

    // Differences written into every bill (not owned; null: none).
    void setBillDifferences(const BillDifferences* differences) { m_differences = differences; }
    // The account number bills are issued under ("2088...0156") for an app.
    static QString billAccount(const QString& appId);

private:
    // GET of a bill_download_url: the day's ZIP.
    void serveBill(const GatewayRequest& request, const GatewayReply& reply);

    const BillDifferences* m_differences = nullptr;
    SandboxAcquirer& m_acquirer;
    QString m_channel;
    alipay::RsaKey m_key;
    QHash<QString, alipay::RsaKey> m_appKeys;
    QString m_baseUrl;
    const Clock* m_clock;
};

} // namespace paydesk
