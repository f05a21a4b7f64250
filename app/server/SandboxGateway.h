#pragma once

#include "GatewayHttpServer.h"
#include "channels/alipay/AlipaySign.h"
#include "sandbox/AlipayGatewayFront.h"
#include "sandbox/WeChatGatewayFront.h"

#include <QHostAddress>

#include <memory>

namespace paydesk {

class Clock;
class SandboxAcquirer;

// Who the sandbox gateway serves, read from its configuration file:
// {"dataDir": "sandbox-data",
//  "wechat": [{"appId": "wx...", "mchId": "1900000109", "apiKeyFile": "wechat-api-key.txt"}],
//  "alipay": [{"appId": "2021...", "appPublicKeyFile": "app-public.pem"}]}
// File names are relative to the configuration file. The WeChat API keys are
// secrets shared with the merchant side. The sandbox's own Alipay key pair is
// dataDir/sandbox-alipay-private.pem and -public.pem, made on first start;
// the merchant side verifies answers with the public one.
struct SandboxGatewayConfig
{
    QString dataDir;
    QList<WeChatSandboxMerchant> wechat;
    QHash<QString, alipay::RsaKey> alipayAppKeys; // app_id -> the app's public key
    bool durable = true;
};
QString loadSandboxGatewayConfig(const QString& path, SandboxGatewayConfig& out);

// The sandbox acquirer behind real protocols over HTTP: WeChat Pay V2 under
// /wechat/..., Alipay OpenAPI at /alipay/gateway.do. Owns the acquirer (its own database), the
// fronts and the listener.
class SandboxGateway
{
public:
    SandboxGateway(const Clock& clock, SandboxGatewayConfig config);
    ~SandboxGateway();

    // Opens the acquirer's store and listens. Returns an error text.
    QString start(const QHostAddress& address, quint16 port, const GatewayTlsConfig* tls = nullptr);
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:PORT"
    QString baseUrl() const;
    SandboxAcquirer& acquirer() { return *m_acquirer; }
    // The PEM file of the sandbox's Alipay public key (after start()).
    QString alipayPublicKeyFile() const;

private:
    SandboxGatewayConfig m_config;
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::unique_ptr<WeChatGatewayFront> m_wechat;
    std::unique_ptr<AlipayGatewayFront> m_alipay;
    std::unique_ptr<GatewayHttpServer> m_server;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace paydesk
