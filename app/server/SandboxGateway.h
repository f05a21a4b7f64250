#pragma once

#include "GatewayHttpServer.h"
#include "sandbox/WeChatGatewayFront.h"

#include <QHostAddress>

#include <memory>

namespace paydesk {

class Clock;
class SandboxAcquirer;

// Who the sandbox gateway serves, read from its configuration file:
// {"dataDir": "sandbox-data",
//  "wechat": [{"appId": "wx...", "mchId": "1900000109", "apiKeyFile": "wechat-api-key.txt"}]}
// File names are relative to the configuration file. The API keys are
// secrets shared with the merchant side.
struct SandboxGatewayConfig
{
    QString dataDir;
    QList<WeChatSandboxMerchant> wechat;
    bool durable = true;
};
QString loadSandboxGatewayConfig(const QString& path, SandboxGatewayConfig& out);

// The sandbox acquirer behind real protocols over HTTP: WeChat Pay V2 under
// /wechat/... . Owns the acquirer (its own database), the fronts and the
// listener.
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

private:
    SandboxGatewayConfig m_config;
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::unique_ptr<WeChatGatewayFront> m_wechat;
    std::unique_ptr<GatewayHttpServer> m_server;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace paydesk
