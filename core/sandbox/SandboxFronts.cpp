#include "sandbox/SandboxFronts.h"

#include "channels/transport/NetworkTransport.h"
#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "common/SaveFile.h"
#include "common/SecretFile.h"
#include "sandbox/AlipayGatewayFront.h"
#include "sandbox/NotificationSender.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/WeChatGatewayFront.h"

#include <QDir>
#include <QFile>
#include <QUrl>

namespace paydesk {

SandboxFronts::SandboxFronts(const Clock& clock, SandboxGatewayConfig config)
    : m_clock(clock), m_config(std::move(config)),
      m_acquirer(std::make_unique<SandboxAcquirer>(clock))
{}

SandboxFronts::~SandboxFronts()
{
    m_acquirer->setNotificationSink(nullptr);
    m_notifier.reset();
    m_wechat.reset();
    m_alipay.reset();
}

QString SandboxFronts::open()
{
    if (!QDir().mkpath(m_config.dataDir))
        return QStringLiteral("cannot create %1").arg(m_config.dataDir);
    DatabaseConfig db;
    db.sqlitePath = QDir(m_config.dataDir).filePath(QStringLiteral("sandbox.db"));
    db.durable = m_config.durable;
    if (QString e = m_acquirer->open(db); !e.isEmpty())
        return e;
    m_wechat = std::make_unique<WeChatGatewayFront>(*m_acquirer, QStringLiteral("wechat"),
                                                    m_config.wechat);
    m_wechat->setBillDifferences(&m_config.billDifferences);
    if (QString e = ensureAlipayKeyPair(m_config.dataDir); !e.isEmpty())
        return e;
    const QString privatePath = alipayPrivateKeyPath(m_config.dataDir);
    QByteArray privatePem;
    if (QString e = readKeyFile(privatePath, KeyFileKind::Secret, QStringLiteral("the sandbox"),
                                &privatePem);
        !e.isEmpty())
        return e;
    QString keyError;
    m_alipayKey = alipay::RsaKey::load(privatePem, alipay::RsaKey::Kind::Private, &keyError);
    if (m_alipayKey.isNull())
        return QStringLiteral("%1: %2").arg(privatePath, keyError);
    return QString();
}

void SandboxFronts::attach(const QString& billBaseUrl)
{
    Q_ASSERT_X(m_wechat, "SandboxFronts::attach", "open() first");
    m_alipay =
        std::make_unique<AlipayGatewayFront>(*m_acquirer, QStringLiteral("alipay"), m_alipayKey,
                                             m_config.alipayAppKeys, billBaseUrl, &m_clock);
    m_alipay->setBillDifferences(&m_config.billDifferences);
    // Merchants' notify URLs are verified like any HTTPS peer (system CAs);
    // a demo's listener on loopback is plain HTTP.
    m_notifyTransport = std::make_unique<NetworkTransport>(TransportConfig());
    m_notifier = std::make_unique<NotificationSender>(*m_notifyTransport, m_config.notify);
    m_acquirer->setNotificationSink(
        [this](const QString&, const ChannelNotification& n, const SandboxNotifyTarget& to) {
            postNotification(n, to);
        });
}

GatewayFront& SandboxFronts::wechat()
{
    return *m_wechat;
}

GatewayFront& SandboxFronts::alipay()
{
    return *m_alipay;
}

QString SandboxFronts::wechatPathPrefix()
{
    return WeChatGatewayFront::pathPrefix();
}

void SandboxFronts::postNotification(const ChannelNotification& n, const SandboxNotifyTarget& to)
{
    const QString label = QStringLiteral("%1 %2 %3 (%4)")
                              .arg(to.protocol, n.paymentNo, n.returnCode, n.notificationId);
    if (to.url.isEmpty())
        return; // the merchant asked for none: it queries instead
    const QUrl url(to.url, QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        qWarning("sandbox: notify_url %s of %s is not an http(s) URL; not sent",
                 qUtf8Printable(to.url), qUtf8Printable(n.paymentNo));
        return;
    }
    QString error;
    if (to.protocol == QLatin1String("wechat")) {
        const QByteArray body = m_wechat->notificationBody(n, to.account, to.signType, &error);
        if (!body.isEmpty())
            return m_notifier->send(url, "text/xml; charset=utf-8", body,
                                    NotificationSender::Ack::WeChat, label);
    } else if (to.protocol == QLatin1String("alipay")) {
        const QByteArray body =
            m_alipay->notificationBody(n, to.account, chinaTime(m_clock.nowMs()), &error);
        if (!body.isEmpty())
            return m_notifier->send(url, "application/x-www-form-urlencoded;charset=utf-8", body,
                                    NotificationSender::Ack::Alipay, label);
    } else {
        error = QStringLiteral("unknown protocol ") + to.protocol;
    }
    qWarning("sandbox: notification %s not sent: %s", qUtf8Printable(label), qUtf8Printable(error));
}

void SandboxFronts::setBillDifferences(const BillDifferences& differences)
{
    m_config.billDifferences = differences;
}

QString SandboxFronts::tlsDir() const
{
    return QDir(m_config.dataDir).filePath(QStringLiteral("tls"));
}

SandboxCertificateFiles SandboxFronts::certificates() const
{
    return sandboxCertificateFiles(tlsDir());
}

QString SandboxFronts::alipayPublicKeyPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sandbox-alipay-public.pem"));
}

QString SandboxFronts::alipayPrivateKeyPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sandbox-alipay-private.pem"));
}

QString SandboxFronts::ensureAlipayKeyPair(const QString& dataDir)
{
    // The sandbox's own Alipay keys: made once, kept with its trades.
    if (!QDir().mkpath(dataDir))
        return QStringLiteral("cannot create %1").arg(dataDir);
    return ensureRsaKeyPair(alipayPrivateKeyPath(dataDir), alipayPublicKeyPath(dataDir),
                            QStringLiteral("the sandbox's"));
}

QString SandboxFronts::ensureRsaKeyPair(const QString& privatePath, const QString& publicPath,
                                        const QString& whose)
{
    if (QFile::exists(privatePath) && QFile::exists(publicPath))
        return QString();
    QByteArray privatePem, publicPem;
    if (!alipay::RsaKey::generate(2048, &privatePem, &publicPem))
        return QStringLiteral("cannot generate %1 RSA key pair").arg(whose);
    // A half left from an interrupted start is replaced with its pair; the
    // public half goes first, so a private key on disk always has it.
    QFile::remove(privatePath);
    QFile::remove(publicPath);
    if (QString e = saveFile(publicPath, publicPem, false); !e.isEmpty())
        return e;
    return saveFile(privatePath, privatePem, true);
}

} // namespace paydesk
