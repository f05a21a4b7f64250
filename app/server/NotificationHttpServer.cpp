#include "NotificationHttpServer.h"

#include "HttpServerSupport.h"

#include <QDebug>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRegularExpression>
#include <QTcpServer>

namespace paydesk {

namespace {

using Status = QHttpServerResponder::StatusCode;
const QString kPrefix = QStringLiteral("/notify/");

// "192.0.2.7", also when it came over IPv6 as ::ffff:192.0.2.7.
QString sourceOf(const QHostAddress& address)
{
    bool v4 = false;
    const quint32 ip = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip).toString() : address.toString();
}

} // namespace

NotificationHttpServer::NotificationHttpServer(QObject* parent) : QAbstractHttpServer(parent) {}

NotificationHttpServer::~NotificationHttpServer() = default;

void NotificationHttpServer::setHandler(Handler handler)
{
    if (!handler) {
        m_handler = nullptr;
        return;
    }
    m_handler = [handler = std::move(handler)](const QString& channel, const QByteArray& body,
                                               const QString&) { return handler(channel, body); };
}

quint16 NotificationHttpServer::listenOn(const QHostAddress& address, quint16 port, QString* error)
{
    auto* guard = new GuardedTcpServer(m_limits, this, this);
    QTcpServer* server = listenOrExplain(guard, address, port, error);
    if (!server)
        return 0;
    m_guard = guard;
    bind(server);
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6)
        qWarning().noquote()
            << QStringLiteral("warning: the notify URL listens on all interfaces (%1:%2): anyone "
                              "on any network this machine is on can post to it. Listen on the "
                              "address the reverse proxy reaches (e.g. 127.0.0.1:%2) unless "
                              "that is what you want.")
                   .arg(address.toString())
                   .arg(server->serverPort());
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    m_baseUrl = QStringLiteral("http://%1:%2%3").arg(host).arg(server->serverPort()).arg(kPrefix);
    return server->serverPort();
}

bool NotificationHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // Whole, so the connection's clock for its next request starts now.
    if (m_guard)
        m_guard->requestAnswered(socket);
    const QString path = request.url().path();
    if (!path.startsWith(kPrefix))
        return false;
    QHttpServerResponder responder = makeResponder(request, socket);
    if (request.method() != QHttpServerRequest::Method::Post) {
        writePlain(responder, "notifications are POSTed", Status::MethodNotAllowed);
        return true;
    }
    static const QRegularExpression channelName(QStringLiteral("^[a-z0-9_-]{1,32}$"));
    const QString channel = path.mid(kPrefix.size());
    if (!channelName.match(channel).hasMatch()) {
        writePlain(responder, "no such notify URL", Status::NotFound);
        return true;
    }
    ++m_received;
    NotificationReceipt r;
    if (m_handler) {
        r = m_handler(channel, request.body(), sourceOf(request.remoteAddress()));
    } else {
        // Listening already, the core not open yet: the gateway sends again.
        r.replyBody = QByteArrayLiteral("starting");
        r.replyContentType = QByteArrayLiteral("text/plain; charset=utf-8");
        r.error = QStringLiteral("PayDesk is starting");
    }
    responder.write(r.replyBody, {{QByteArrayLiteral("Content-Type"), r.replyContentType}},
                    Status::Ok);
    return true;
}

void NotificationHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    writePlain(responder, "no such notify URL: " + request.url().path().toUtf8(), Status::NotFound);
}

} // namespace paydesk
