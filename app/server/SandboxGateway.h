#pragma once

#include "GatewayHttpServer.h"
#include "channels/alipay/AlipaySign.h"
#include "channels/transport/NetworkTransport.h"
#include "sandbox/AlipayGatewayFront.h"
#include "sandbox/NotificationSender.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/WeChatGatewayFront.h"
#include "sandbox/bills/BillDifferences.h"

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
    // "billDifferences": what the bills show differently from the trades.
    BillDifferences billDifferences;
    // "notifyRetryDelaysMs": waits between attempts to post a notification
    // to a merchant that does not acknowledge it.
    NotificationSender::Options notify;
};
QString loadSandboxGatewayConfig(const QString& path, SandboxGatewayConfig& out);

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
    void setBillDifferences(const BillDifferences& differences)
    {
        m_config.billDifferences = differences;
    }
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
    void postNotification(const ChannelNotification& n, const SandboxAcquirer::NotifyTarget& to);

    const Clock& m_clock;
    SandboxGatewayConfig m_config;
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::unique_ptr<WeChatGatewayFront> m_wechat;
    std::unique_ptr<AlipayGatewayFront> m_alipay;
    std::unique_ptr<GatewayHttpServer> m_server;
    std::unique_ptr<NetworkTransport> m_notifyTransport;
    std::unique_ptr<NotificationSender> m_notifier;
    QList<SandboxListener> m_bound;
};

} // namespace paydesk
