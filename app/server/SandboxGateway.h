#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace paydesk {

class AlipayGatewayFront;
class Clock;
class GatewayHttpServer;
class NetworkTransport;
class NotificationSender;
class SandboxAcquirer;
class WeChatGatewayFront;
struct BillDifferences;
struct ChannelNotification;
struct SandboxCertificateFiles;
struct SandboxGatewayConfig; // sandbox/SandboxGatewayConfig.h, with its loader
struct SandboxNotifyTarget;

// One address the sandbox gateway listens on.
struct SandboxListener
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0: any free port
    bool tls = false; // HTTPS with the sandbox's generated certificates
};

// The sandbox acquirer behind real protocols over HTTP(S): WeChat Pay V2
// under /wechat/..., Alipay OpenAPI at /alipay/gateway.do. Owns the acquirer
// (its own database), the fronts and the listeners. QR payments' results
// are posted to the notify_url the merchant's request named, in the
// gateway's signed format, until the merchant acknowledges them. HTTPS listeners use a
// test CA and certificates made on first start in dataDir/tls (see
// SandboxCertificates); the merchant certificate issued by that CA is what
// WeChat's secapi/* calls must present.
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
    SandboxAcquirer& acquirer() { return *m_acquirer; }
    // The control call behind reconciliation tests: what the next bills
    // show differently (replaces the configured differences).
    void setBillDifferences(const BillDifferences& differences);
    // The PEM file of the sandbox's Alipay public key (after start()).
    QString alipayPublicKeyFile() const;
    // Makes the sandbox's Alipay RSA key pair in `dataDir` unless it is
    // there; start() does it too. Safe on any thread, so a caller may make it
    // beside other slow work (the demo makes its app's key pair meanwhile).
    static QString ensureAlipayKeyPair(const QString& dataDir);
    // A 2048-bit RSA pair in two PEM files (the private one readable by the
    // owner only) unless both are there; `whose` names it in the error.
    static QString ensureRsaKeyPair(const QString& privatePath, const QString& publicPath,
                                    const QString& whose);
    // The test CA, server and merchant client certificates (after a start
    // with a TLS listener; the paths are known before).
    SandboxCertificateFiles certificates() const;
    // Who posts notifications (after start()): its counts, for tests.
    NotificationSender& notifier() { return *m_notifier; }

private:
    static QString alipayPublicKeyPath(const QString& dataDir);
    static QString alipayPrivateKeyPath(const QString& dataDir);

    QString urlOf(const SandboxListener& l) const;
    void postNotification(const ChannelNotification& n, const SandboxNotifyTarget& to);

    const Clock& m_clock;
    std::unique_ptr<SandboxGatewayConfig> m_config;
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::unique_ptr<WeChatGatewayFront> m_wechat;
    std::unique_ptr<AlipayGatewayFront> m_alipay;
    std::unique_ptr<GatewayHttpServer> m_server;
    std::unique_ptr<NetworkTransport> m_notifyTransport;
    std::unique_ptr<NotificationSender> m_notifier;
    QList<SandboxListener> m_bound;
};

} // namespace paydesk
