#include "channels/GatewayChannels.h"

#include "channels/alipay/AlipayChannel.h"
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
    case GatewaySettings::Protocol::Alipay: {
        alipay::ClientConfig c;
        c.appId = s.appId;
        c.notifyUrl = s.notifyUrl;
        QString error;
        c.appPrivateKey =
            alipay::RsaKey::load(s.appPrivateKey, alipay::RsaKey::Kind::Private, &error);
        if (c.appPrivateKey.isNull())
            return QStringLiteral("gateways.%1.appPrivateKeyFile: %2").arg(name, error);
        c.alipayPublicKey =
            alipay::RsaKey::load(s.alipayPublicKey, alipay::RsaKey::Kind::Public, &error);
        if (c.alipayPublicKey.isNull())
            return QStringLiteral("gateways.%1.alipayPublicKeyFile: %2").arg(name, error);
        g.channel = std::make_unique<alipay::AlipayChannel>(*g.transport, c, s.url, name);
        break;
    }
    }
    *out = std::move(g);
    return QString();
}

} // namespace paydesk
