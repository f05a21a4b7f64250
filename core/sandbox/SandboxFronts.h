#pragma once

#include "channels/alipay/AlipaySign.h"
#include "sandbox/SandboxGatewayConfig.h"

#include <QString>

#include <memory>

namespace paydesk {

class AlipayGatewayFront;
class Clock;
class GatewayFront;
class NetworkTransport;
class NotificationSender;
class SandboxAcquirer;
class WeChatGatewayFront;
struct ChannelNotification;
struct SandboxCertificateFiles;
struct SandboxNotifyTarget;

// The sandbox acquirer behind the real protocols, without a network
// listener: the acquirer (its own database in dataDir), the WeChat Pay V2 and
// Alipay fronts, the sandbox's Alipay key pair, and the poster of QR
// payments' notifications to the notify_url the merchant's request named
// (in the gateway's signed format, until acknowledged). Whoever listens for
// HTTP (SandboxGateway) hands requests to the fronts.
class SandboxFronts
{
public:
    SandboxFronts(const Clock& clock, SandboxGatewayConfig config);
    ~SandboxFronts();

    // Opens the acquirer's store and makes the WeChat front and the Alipay
    // key pair. Returns an error text.
    QString open();
    // Makes the Alipay front, whose bill links point at `billBaseUrl`, and
    // starts posting notifications. After open().
    void attach(const QString& billBaseUrl);

    // The fronts and the paths they are served under.
    GatewayFront& wechat();
    GatewayFront& alipay();
    static QString wechatPathPrefix();
    static QString alipayPathPrefix() { return QStringLiteral("/alipay/"); }
    SandboxAcquirer& acquirer() { return *m_acquirer; }
    NotificationSender& notifier() { return *m_notifier; }
    const SandboxGatewayConfig& config() const { return m_config; }
    // The control call behind reconciliation tests: what the next bills
    // show differently (replaces the configured differences).
    void setBillDifferences(const BillDifferences& differences);

    // Where TLS files live: dataDir/tls.
    QString tlsDir() const;
    SandboxCertificateFiles certificates() const;
    // The PEM file of the sandbox's Alipay public key (after open()).
    QString alipayPublicKeyFile() const { return alipayPublicKeyPath(m_config.dataDir); }
    // Makes the sandbox's Alipay RSA key pair in `dataDir` unless it is
    // there; open() does it too. Safe on any thread, so a caller may make it
    // beside other slow work (the demo makes its app's key pair meanwhile).
    static QString ensureAlipayKeyPair(const QString& dataDir);
    // A 2048-bit RSA pair in two PEM files (the private one readable by the
    // owner only) unless both are there; `whose` names it in the error.
    static QString ensureRsaKeyPair(const QString& privatePath, const QString& publicPath,
                                    const QString& whose);

private:
    static QString alipayPublicKeyPath(const QString& dataDir);
    static QString alipayPrivateKeyPath(const QString& dataDir);
    void postNotification(const ChannelNotification& n, const SandboxNotifyTarget& to);

    const Clock& m_clock;
    SandboxGatewayConfig m_config;
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::unique_ptr<WeChatGatewayFront> m_wechat;
    std::unique_ptr<AlipayGatewayFront> m_alipay;
    alipay::RsaKey m_alipayKey; // the sandbox's own, signing its Alipay answers
    std::unique_ptr<NetworkTransport> m_notifyTransport;
    std::unique_ptr<NotificationSender> m_notifier;
};

} // namespace paydesk
