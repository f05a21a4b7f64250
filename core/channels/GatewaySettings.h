#pragma once

#include "channels/transport/NetworkTransport.h"
#include "channels/wechat/WeChatV2Message.h"

#include <QJsonObject>
#include <QUrl>

namespace paydesk {

class Channel;

// How one channel reaches its acquirer over the network: the protocol, the
// gateway, the merchant account and its secrets. Secrets are read from
// files named in the configuration and never printed.
struct GatewaySettings
{
    enum class Protocol
    {
        WeChatV2,
        Alipay
    };
    Protocol protocol = Protocol::WeChatV2;
    QUrl url; // WeChat: the base ("https://api.mch.weixin.qq.com/"); Alipay: gateway.do

    // WeChat Pay V2
    QString appId; // also Alipay's app_id
    QString mchId;
    QString subAppId;
    QString subMchId;
    QByteArray apiKey;
    wechat::SignType signType = wechat::SignType::HmacSha256;
    QString clientIp = QStringLiteral("127.0.0.1");
    QString notifyUrl;

    // Alipay OpenAPI (PEM or Alipay's bare base64)
    QByteArray appPrivateKey;
    QByteArray alipayPublicKey;
    // The account (PID "2088...") Alipay's bills are issued for; the
    // reconciliation refuses a bill of any other account.
    QString billAccount;

    TransportConfig transport;
};

// Reads one "gateways.<channel>" object. Keys: protocol ("wechat-v2" |
// "alipay"), url, appId, mchId, subAppId, subMchId, apiKeyFile, signType,
// clientIp, notifyUrl, appPrivateKeyFile, alipayPublicKeyFile, caFile,
// clientCertFile, clientKeyFile, billAccount, readTimeoutMs, maxInFlight. Relative file
// names are taken from `baseDir`. Returns an error naming the key.
QString readGatewaySettings(const QJsonObject& o, const QString& where, const QString& baseDir,
                            GatewaySettings& out);

} // namespace paydesk
