#pragma once

#include "channels/Channel.h"
#include "channels/wechat/WeChatV2Message.h"
#include "sandbox/GatewayFront.h"

#include <QHash>

namespace paydesk {

class SandboxAcquirer;
struct BillDifferences;

// A merchant account the sandbox knows, as WeChat would.
struct WeChatSandboxMerchant
{
    QString appId;
    QString mchId;
    QByteArray apiKey;
};

// The sandbox acquirer behind WeChat Pay V2's endpoints, under /wechat/...:
// the same XML, fields, codes and signatures as WeChat. Requests with a bad
// or missing signature, unknown accounts or malformed XML get WeChat's
// return_code=FAIL answers; secapi/* calls without a client certificate are
// refused the same way.
class WeChatGatewayFront final : public GatewayFront
{
public:
    // `channel` is the name trades are recorded under ("wechat", or
    // "unionpay" when UnionPay codes come through this protocol).
    WeChatGatewayFront(SandboxAcquirer& acquirer, QString channel,
                       QList<WeChatSandboxMerchant> merchants);

    void handle(const GatewayRequest& request, GatewayReply reply) override;

    static QString pathPrefix() { return QStringLiteral("/wechat/"); }

    // The signed pay result notification (支付结果通知) XML to POST to the
    // merchant's notify_url for `n`, signed with merchant `mchId`'s key and
    // `signType` (the order's). Empty and `error` set when it cannot be.
    QByteArray notificationBody(const ChannelNotification& n, const QString& mchId,
                                const QString& signType, QString* error) const;

    // Differences written into every bill (not owned; null: none).
    void setBillDifferences(const BillDifferences* differences) { m_differences = differences; }

private:
    void downloadBill(const wechat::Params& in, const WeChatSandboxMerchant& merchant,
                      const GatewayReply& reply);

    const BillDifferences* m_differences = nullptr;
    SandboxAcquirer& m_acquirer;
    QString m_channel;
    QHash<QString, WeChatSandboxMerchant> m_merchants; // by mch_id
};

} // namespace paydesk
