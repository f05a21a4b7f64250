#include "SandboxGateway.h"

#include "GatewayHttpServer.h"
#include "channels/transport/NetworkTransport.h"
#include "sandbox/AlipayGatewayFront.h"
#include "sandbox/NotificationSender.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/SandboxGatewayConfig.h"
#include "sandbox/WeChatGatewayFront.h"

#include "common/ChinaTime.h"
#include "common/SaveFile.h"
#include "common/SecretFile.h"

#include "sandbox/SandboxAcquirer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace paydesk {

SandboxGateway::SandboxGateway(const Clock& clock, SandboxGatewayConfig config)
    : m_clock(clock), m_config(std::make_unique<SandboxGatewayConfig>(std::move(config))),
      m_acquirer(std::make_unique<SandboxAcquirer>(clock))
{}

SandboxGateway::~SandboxGateway()
{
    // The listener goes first: no request may reach a front being destroyed.
    m_server.reset();
    m_acquirer->setNotificationSink(nullptr);
    m_notifier.reset();
    m_wechat.reset();
    m_alipay.reset();
}

QString SandboxGateway::start(const QHostAddress& address, quint16 port, bool tls)
{
    return start(QList<SandboxListener>{SandboxListener{address, port, tls}});
}

namespace {

QString loadTls(const SandboxCertificateFiles& files, GatewayTlsConfig* out)
{
    const QString where = QStringLiteral("the sandbox's TLS files");
    QByteArray pem;
    if (QString e = readKeyFile(files.serverCertificate, KeyFileKind::Public, where, &pem);
        !e.isEmpty())
        return e;
    const QList<QSslCertificate> server = QSslCertificate::fromData(pem, QSsl::Pem);
    if (QString e = readKeyFile(files.serverKey, KeyFileKind::Secret, where, &pem); !e.isEmpty())
        return e;
    out->key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (QString e = readKeyFile(files.caCertificate, KeyFileKind::Public, where, &pem);
        !e.isEmpty())
        return e;
    out->clientCaCertificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (server.isEmpty() || out->key.isNull() || out->clientCaCertificates.isEmpty())
        return QStringLiteral("the sandbox's TLS files in %1 are damaged: delete them to have "
                              "them made again")
            .arg(QFileInfo(files.caCertificate).absolutePath());
    out->certificate = server.first();
    return QString();
}

} // namespace

QString SandboxGateway::start(const QList<SandboxListener>& listeners)
{
    Q_ASSERT(!listeners.isEmpty());
    if (!QDir().mkpath(m_config->dataDir))
        return QStringLiteral("cannot create %1").arg(m_config->dataDir);
    DatabaseConfig db;
    db.sqlitePath = QDir(m_config->dataDir).filePath(QStringLiteral("sandbox.db"));
    db.durable = m_config->durable;
    if (QString e = m_acquirer->open(db); !e.isEmpty())
        return e;
    m_wechat = std::make_unique<WeChatGatewayFront>(*m_acquirer, QStringLiteral("wechat"),
                                                    m_config->wechat);
    if (QString e = ensureAlipayKeyPair(m_config->dataDir); !e.isEmpty())
        return e;
    const QString privatePath = alipayPrivateKeyPath(m_config->dataDir);
    QByteArray privatePem;
    if (QString e = readKeyFile(privatePath, KeyFileKind::Secret, QStringLiteral("the sandbox"),
                                &privatePem);
        !e.isEmpty())
        return e;
    QString keyError;
    const alipay::RsaKey sandboxKey =
        alipay::RsaKey::load(privatePem, alipay::RsaKey::Kind::Private, &keyError);
    if (sandboxKey.isNull())
        return QStringLiteral("%1: %2").arg(privatePath, keyError);

    GatewayTlsConfig tls;
    for (const SandboxListener& l : listeners) {
        if (!l.tls || !tls.certificate.isNull())
            continue;
        SandboxCertificateFiles files;
        if (QString e = ensureSandboxCertificates(
                QDir(m_config->dataDir).filePath(QStringLiteral("tls")), &files);
            !e.isEmpty())
            return e;
        if (QString e = loadTls(files, &tls); !e.isEmpty())
            return e;
    }
    m_server = std::make_unique<GatewayHttpServer>();
    for (const SandboxListener& l : listeners) {
        QString error;
        SandboxListener bound = l;
        bound.port = m_server->listenOn(l.address, l.port, l.tls ? &tls : nullptr, &error);
        if (bound.port == 0)
            return error;
        m_bound << bound;
    }
    // Bill links point at the first listener, HTTPS when there is one, as
    // the real bill links are.
    const QString billBase = url(true).isEmpty() ? baseUrl() : url(true);
    m_alipay =
        std::make_unique<AlipayGatewayFront>(*m_acquirer, QStringLiteral("alipay"), sandboxKey,
                                             m_config->alipayAppKeys, billBase, &m_clock);
    m_wechat->setBillDifferences(&m_config->billDifferences);
    m_alipay->setBillDifferences(&m_config->billDifferences);
    m_server->addFront(WeChatGatewayFront::pathPrefix(), m_wechat.get());
    m_server->addFront(QStringLiteral("/alipay/"), m_alipay.get());

    // Merchants' notify URLs are verified like any HTTPS peer (system CAs);
    // a demo's listener on loopback is plain HTTP.
    m_notifyTransport = std::make_unique<NetworkTransport>(TransportConfig());
    m_notifier = std::make_unique<NotificationSender>(*m_notifyTransport, m_config->notify);
    m_acquirer->setNotificationSink(
        [this](const QString&, const ChannelNotification& n, const SandboxNotifyTarget& to) {
            postNotification(n, to);
        });
    return QString();
}

void SandboxGateway::postNotification(const ChannelNotification& n, const SandboxNotifyTarget& to)
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

QString SandboxGateway::urlOf(const SandboxListener& l) const
{
    QString host = l.address.toString();
    if (l.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3")
        .arg(l.tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(l.port);
}

QString SandboxGateway::baseUrl() const
{
    return m_bound.isEmpty() ? QString() : urlOf(m_bound.first());
}

QString SandboxGateway::url(bool tls) const
{
    for (const SandboxListener& l : m_bound)
        if (l.tls == tls)
            return urlOf(l);
    return QString();
}

QStringList SandboxGateway::urls() const
{
    QStringList out;
    for (const SandboxListener& l : m_bound)
        out << urlOf(l);
    return out;
}

QString SandboxGateway::alipayPublicKeyFile() const
{
    return alipayPublicKeyPath(m_config->dataDir);
}

QString SandboxGateway::alipayPublicKeyPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sandbox-alipay-public.pem"));
}

QString SandboxGateway::alipayPrivateKeyPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sandbox-alipay-private.pem"));
}

QString SandboxGateway::ensureAlipayKeyPair(const QString& dataDir)
{
    // The sandbox's own Alipay keys: made once, kept with its trades.
    if (!QDir().mkpath(dataDir))
        return QStringLiteral("cannot create %1").arg(dataDir);
    return ensureRsaKeyPair(alipayPrivateKeyPath(dataDir), alipayPublicKeyPath(dataDir),
                            QStringLiteral("the sandbox's"));
}

QString SandboxGateway::ensureRsaKeyPair(const QString& privatePath, const QString& publicPath,
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

SandboxCertificateFiles SandboxGateway::certificates() const
{
    return sandboxCertificateFiles(QDir(m_config->dataDir).filePath(QStringLiteral("tls")));
}

void SandboxGateway::setBillDifferences(const BillDifferences& differences)
{
    m_config->billDifferences = differences;
}

} // namespace paydesk
