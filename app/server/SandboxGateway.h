#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace paydesk {

class Clock;
class GatewayHttpServer;
class NotificationSender;
class SandboxAcquirer;
class SandboxFronts;
struct BillDifferences;
struct SandboxCertificateFiles;
struct SandboxGatewayConfig; // sandbox/SandboxGatewayConfig.h, with its loader

// One address the sandbox gateway listens on.
struct SandboxListener
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0: any free port
    bool tls = false; // HTTPS with the sandbox's generated certificates
};

// The sandbox acquirer behind real protocols over HTTP(S): WeChat Pay V2
// under /wechat/..., Alipay OpenAPI at /alipay/gateway.do. The acquirer, its
// fronts and its notifications are SandboxFronts (core/sandbox); this adds
// the listeners. HTTPS listeners use a test CA and certificates made on
// first start in dataDir/tls (see SandboxCertificates); the merchant
// certificate issued by that CA is what WeChat's secapi/* calls must
// present.
class SandboxGateway
{
public:
    SandboxGateway(const Clock& clock, SandboxGatewayConfig config);
    ~SandboxGateway();

    // Opens the acquirer's store and listens. Returns an error text.
    QString start(const QHostAddress& address, quint16 port, bool tls = false);
    QString start(const QList<SandboxListener>& listeners);
    // The first listener's port and "http(s)://ADDRESS:PORT".
    quint16 port() const { return m_bound.isEmpty() ? 0 : m_bound.first().port; }
    QString baseUrl() const;
    // The first plain or TLS listener's base URL; empty when there is none.
    QString url(bool tls) const;
    // Every listener's base URL, in the order given to start().
    QStringList urls() const;
    SandboxAcquirer& acquirer();
    // The control call behind reconciliation tests: what the next bills
    // show differently (replaces the configured differences).
    void setBillDifferences(const BillDifferences& differences);
    // The PEM file of the sandbox's Alipay public key (after start()).
    QString alipayPublicKeyFile() const;
    // The test CA, server and merchant client certificates (after a start
    // with a TLS listener; the paths are known before).
    SandboxCertificateFiles certificates() const;
    // Who posts notifications (after start()): its counts, for tests.
    NotificationSender& notifier();

private:
    QString urlOf(const SandboxListener& l) const;

    std::unique_ptr<SandboxFronts> m_fronts;
    std::unique_ptr<GatewayHttpServer> m_server;
    QList<SandboxListener> m_bound;
};

} // namespace paydesk
