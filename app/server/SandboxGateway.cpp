#include "SandboxGateway.h"

#include "GatewayHttpServer.h"
#include "common/SecretFile.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/SandboxFronts.h"

#include <QFileInfo>

namespace paydesk {

SandboxGateway::SandboxGateway(const Clock& clock, SandboxGatewayConfig config)
    : m_fronts(std::make_unique<SandboxFronts>(clock, std::move(config)))
{}

SandboxGateway::~SandboxGateway()
{
    // The listener goes first: no request may reach a front being destroyed.
    m_server.reset();
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
    if (QString e = m_fronts->open(); !e.isEmpty())
        return e;
    GatewayTlsConfig tls;
    for (const SandboxListener& l : listeners) {
        if (!l.tls || !tls.certificate.isNull())
            continue;
        SandboxCertificateFiles files;
        if (QString e = ensureSandboxCertificates(m_fronts->tlsDir(), &files); !e.isEmpty())
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
    m_fronts->attach(url(true).isEmpty() ? baseUrl() : url(true));
    m_server->addFront(SandboxFronts::wechatPathPrefix(), &m_fronts->wechat());
    m_server->addFront(SandboxFronts::alipayPathPrefix(), &m_fronts->alipay());
    return QString();
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

SandboxAcquirer& SandboxGateway::acquirer()
{
    return m_fronts->acquirer();
}

NotificationSender& SandboxGateway::notifier()
{
    return m_fronts->notifier();
}

QString SandboxGateway::alipayPublicKeyFile() const
{
    return m_fronts->alipayPublicKeyFile();
}

SandboxCertificateFiles SandboxGateway::certificates() const
{
    return m_fronts->certificates();
}

void SandboxGateway::setBillDifferences(const BillDifferences& differences)
{
    m_fronts->setBillDifferences(differences);
}

} // namespace paydesk
