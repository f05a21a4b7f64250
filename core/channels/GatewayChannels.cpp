#include "channels/GatewayChannels.h"

#include "channels/wechat/WeChatV2Channel.h"

namespace paydesk {

QString makeGatewayChannel(const QString& name, const GatewaySettings& s, GatewayChannel* out)
{
    GatewayChannel g;
    g.transport = std::make_unique<NetworkTransport>(s.transport);
    switch (s.protocol) {
    case GatewaySettings::Protocol::WeChatV2: {
        WeChatMerchant m;
        m.appId = s.appId;
        m.mchId = s.mchId;
        m.subAppId = s.subAppId;
        m.subMchId = s.subMchId;
        m.apiKey = s.apiKey;
        m.signType = s.signType;
        m.gateway = s.url;
        m.clientIp = s.clientIp;
        m.notifyUrl = s.notifyUrl;
        g.channel = std::make_unique<WeChatV2Channel>(name, m, *g.transport);
        break;
    }
    case GatewaySettings::Protocol::Alipay:
        return QStringLiteral("gateways.%1: the alipay adapter is not available in this build")
            .arg(name);
    }
    *out = std::move(g);
    return QString();
}

} // namespace paydesk
