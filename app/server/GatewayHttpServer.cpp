#include "GatewayHttpServer.h"

#include "HttpServerSupport.h"
#include "sandbox/GatewayFront.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

namespace paydesk {

namespace {

using Status = QHttpServerResponder::StatusCode;

// X509 from a Qt certificate, through DER.
X509* toX509(const QSslCertificate& c)
{
    const QByteArray der = c.toDer();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    return d2i_X509(nullptr, &p, long(der.size()));
}

} // namespace

GatewayHttpServer::GatewayHttpServer(QObject* parent) : QAbstractHttpServer(parent) {}
GatewayHttpServer::~GatewayHttpServer() = default;

void GatewayHttpServer::addFront(const QString& pathPrefix, GatewayFront* front)
{
    Q_ASSERT(front && pathPrefix.startsWith(QLatin1Char('/')));
    m_fronts.append({pathPrefix, front});
}

quint16 GatewayHttpServer::listenOn(const QHostAddress& address, quint16 port,
                                    const GatewayTlsConfig* tls, QString* error)
{
    // Each listener is its own server bound to this one, so plain HTTP and
    // HTTPS can serve side by side (sslSetup() would turn every later
    // listener into HTTPS).
    QTcpServer* server = nullptr;
    if (tls) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(tls->certificate);
        ssl.setPrivateKey(tls->key);
        // Ask for a client certificate without requiring one: WeChat wants
        // it only on secapi/* paths, checked per request.
        ssl.setPeerVerifyMode(QSslSocket::QueryPeer);
        ssl.setCaCertificates(tls->clientCaCertificates);
        auto* sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(ssl);
        // A client that never finishes its handshake must not hold a slot.
        sslServer->setHandshakeTimeout(10'000);
        server = sslServer;
        for (const QSslCertificate& ca : tls->clientCaCertificates)
            if (!m_clientCas.contains(ca))
                m_clientCas.append(ca);
    } else {
        server = new QTcpServer(this);
    }
    if (!listenOrExplain(server, address, port, error))
        return 0;
    bind(server);
    return server->serverPort();
}

bool GatewayHttpServer::clientCertificateVerified(QTcpSocket* socket) const
{
    auto* ssl = qobject_cast<QSslSocket*>(socket);
    if (!ssl || m_clientCas.isEmpty())
        return false;
    const QList<QSslCertificate> chain = ssl->peerCertificateChain();
    if (chain.isEmpty())
        return false;
    // QueryPeer lets any certificate through the handshake: verify the
    // chain against the configured CAs here.
    X509_STORE* store = X509_STORE_new();
    for (const QSslCertificate& ca : m_clientCas)
        if (X509* x = toX509(ca)) {
            X509_STORE_add_cert(store, x);
            X509_free(x);
        }
    X509* leaf = toX509(chain.first());
    STACK_OF(X509)* untrusted = sk_X509_new_null();
    for (qsizetype i = 1; i < chain.size(); ++i)
        if (X509* x = toX509(chain.at(i)))
            sk_X509_push(untrusted, x);
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    bool ok = false;
    if (leaf && ctx && X509_STORE_CTX_init(ctx, store, leaf, untrusted) == 1) {
        X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_CLIENT);
        ok = X509_verify_cert(ctx) == 1;
    }
    X509_STORE_CTX_free(ctx);
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(leaf);
    X509_STORE_free(store);
    return ok;
}

bool GatewayHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path();
    GatewayFront* front = nullptr;
    for (const auto& [prefix, f] : m_fronts)
        if (path.startsWith(prefix))
            front = f;
    if (!front)
        return false;
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    if (request.method() != QHttpServerRequest::Method::Post && !get) {
        QHttpServerResponder responder = makeResponder(request, socket);
        writePlain(responder, "the gateway takes POST (and GET for bill files) only",
                   Status::MethodNotAllowed);
        return true;
    }
    GatewayRequest g;
    g.method = get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
    g.path = path;
    g.query = request.url().query(QUrl::FullyEncoded).toUtf8();
    g.contentType = request.value("Content-Type");
    g.body = request.body();
    g.clientCertificate = clientCertificateVerified(socket);

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> alive(socket);
    front->handle(g, [responder, alive](const GatewayResponse& r) {
        if (!alive)
            return; // the client gave up; the acquirer's work stands
        // A lost answer: the connection stays open and silent until the
        // client's own timeout, as on a real network. (Closing it instead
        // would let the client's HTTP stack resend the request.)
        if (r.drop)
            return;
        responder->write(r.body, {{QByteArrayLiteral("Content-Type"), r.contentType}},
                         Status(r.httpStatus));
    });
    return true;
}

void GatewayHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    writePlain(responder, "no gateway at " + request.url().path().toUtf8(), Status::NotFound);
}

} // namespace paydesk
