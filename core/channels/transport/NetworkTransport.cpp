#include "channels/transport/NetworkTransport.h"

#include "common/SecretFile.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

namespace paydesk {

namespace {

// Certificates may be readable by all, the client key by its owner only.
QString readFile(const QString& path, KeyFileKind kind, const char* key, QByteArray* out)
{
    return readKeyFile(path, kind, QLatin1String(key), out);
}

HttpReply::Outcome outcomeOf(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::NoError:
        return HttpReply::Outcome::Answered;
    case QNetworkReply::OperationCanceledError: // our read timeout aborted it
    case QNetworkReply::TimeoutError:
        return HttpReply::Outcome::TimedOut;
    // Nothing left this machine: the gateway cannot have seen the request.
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProtocolUnknownError:
        return HttpReply::Outcome::NotConnected;
    default:
        return HttpReply::Outcome::NetworkError;
    }
}

} // namespace

QString loadTransportCertificates(const QString& caFile, const QString& clientCertFile,
                                  const QString& clientKeyFile, TransportConfig& config)
{
    QByteArray pem;
    if (!caFile.isEmpty()) {
        if (QString e = readFile(caFile, KeyFileKind::Public, "caFile", &pem); !e.isEmpty())
            return e;
        const QList<QSslCertificate> cas = QSslCertificate::fromData(pem, QSsl::Pem);
        if (cas.isEmpty())
            return QStringLiteral("%1 holds no PEM certificate").arg(caFile);
        config.extraCaCertificates += cas;
    }
    if (clientCertFile.isEmpty() != clientKeyFile.isEmpty())
        return QStringLiteral("a client certificate needs both its certificate and key file");
    if (!clientCertFile.isEmpty()) {
        if (QString e = readFile(clientCertFile, KeyFileKind::Public, "clientCertFile", &pem);
            !e.isEmpty())
            return e;
        const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
        if (certs.isEmpty())
            return QStringLiteral("%1 holds no PEM certificate").arg(clientCertFile);
        if (QString e = readFile(clientKeyFile, KeyFileKind::Secret, "clientKeyFile", &pem);
            !e.isEmpty())
            return e;
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            return QStringLiteral("%1 holds no PEM private key (RSA or EC, unencrypted)")
                .arg(clientKeyFile);
        config.clientCertificate = certs.first();
        config.clientKey = key;
    }
    return QString();
}

NetworkTransport::NetworkTransport(TransportConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_nam(newAccessManager())
{
    Q_ASSERT(m_config.maxInFlight > 0);
}

QNetworkAccessManager* NetworkTransport::newAccessManager()
{
    auto* nam = new QNetworkAccessManager(this);
    // Gateways are reached directly; a system proxy setting must not leak
    // payment traffic elsewhere.
    nam->setProxy(QNetworkProxy::NoProxy);
    return nam;
}

NetworkTransport::~NetworkTransport()
{
    // Callbacks must not run into a half-destroyed owner.
    for (QNetworkReply* r : findChildren<QNetworkReply*>())
        r->disconnect(this);
}

void NetworkTransport::post(const HttpCall& call, std::function<void(const HttpReply&)> done)
{
    Pending p{call, std::move(done)};
    if (m_inFlight < m_config.maxInFlight)
        return start(std::move(p));
    if (int(m_queue.size()) >= m_config.maxQueued) {
        HttpReply r;
        r.outcome = HttpReply::Outcome::NotConnected;
        r.error = QStringLiteral("too many calls waiting for %1 (%2 queued): not sent")
                      .arg(call.url.host())
                      .arg(m_queue.size());
        // Asynchronous, as promised by HttpTransport.
        QTimer::singleShot(0, this, [r, cb = std::move(p.done)] { cb(r); });
        return;
    }
    m_queue.push_back(std::move(p));
}

void NetworkTransport::start(Pending p)
{
    ++m_inFlight;
    QNetworkRequest req(p.call.url);
    if (p.call.method == HttpCall::Method::Post)
        req.setHeader(QNetworkRequest::ContentTypeHeader, p.call.contentType);
    req.setTransferTimeout(int(m_config.readTimeoutMs));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    const bool withCertificate = p.call.clientCertificate && !m_config.clientCertificate.isNull();
    if (p.call.url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_config.extraCaCertificates.isEmpty())
            ssl.addCaCertificates(m_config.extraCaCertificates);
        if (withCertificate) {
            ssl.setLocalCertificate(m_config.clientCertificate);
            ssl.setPrivateKey(m_config.clientKey);
        }
        req.setSslConfiguration(ssl);
    }
    QNetworkAccessManager* nam = m_nam;
    if (withCertificate) {
        if (!m_certNam)
            m_certNam = newAccessManager();
        nam = m_certNam;
    }
    QNetworkReply* reply = p.call.method == HttpCall::Method::Get ? nam->get(req)
                                                                  : nam->post(req, p.call.body);
    // Qt sends a request again on a new connection when the one it used
    // closes before answering; a refusal of that second connection says
    // nothing about the first, which the gateway may have read and acted on.
    // So "not sent" holds only while no byte of the request ever left.
    auto sent = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::requestSent, this, [sent] { *sent = true; });
    connect(reply, &QNetworkReply::uploadProgress, this, [sent](qint64 bytesSent, qint64) {
        if (bytesSent > 0)
            *sent = true;
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, sent, done = std::move(p.done)] { finished(reply, *sent, done); });
}

void NetworkTransport::finished(QNetworkReply* reply, bool requestLeft,
                                const std::function<void(const HttpReply&)>& done)
{
    reply->deleteLater();
    --m_inFlight;
    HttpReply r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        r.body = reply->readAll();
    r.outcome = outcomeOf(reply->error());
    // An HTTP error status is still an answer: the adapter decides what a
    // 500 page means (it is never a verified trade result).
    if (r.httpStatus != 0 && (reply->error() == QNetworkReply::NoError ||
                              reply->error() >= QNetworkReply::ContentAccessDenied))
        r.outcome = HttpReply::Outcome::Answered;
    if (r.outcome != HttpReply::Outcome::Answered)
        r.error = reply->errorString();
    if (r.outcome == HttpReply::Outcome::NotConnected && requestLeft) {
        r.outcome = HttpReply::Outcome::NetworkError;
        r.error += QStringLiteral(" (after the request had been sent: it may have arrived)");
    }
    startQueued();
    done(r);
}

void NetworkTransport::startQueued()
{
    while (m_inFlight < m_config.maxInFlight && !m_queue.empty()) {
        Pending p = std::move(m_queue.front());
        m_queue.pop_front();
        start(std::move(p));
    }
}

} // namespace paydesk
