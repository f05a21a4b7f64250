#include "NotificationHttpServer.h"

#include "HttpServerSupport.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRegularExpression>
#include <QTcpServer>

namespace paydesk {

namespace {

using Status = QHttpServerResponder::StatusCode;
const QString kPrefix = QStringLiteral("/notify/");

} // namespace

NotificationHttpServer::NotificationHttpServer(QObject* parent) : QAbstractHttpServer(parent) {}

NotificationHttpServer::~NotificationHttpServer() = default;

quint16 NotificationHttpServer::listenOn(const QHostAddress& address, quint16 port, QString* error)
{
    QTcpServer* server = listenOrExplain(new QTcpServer(this), address, port, error);
    if (!server)
        return 0;
    bind(server);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    m_baseUrl = QStringLiteral("http://%1:%2%3").arg(host).arg(server->serverPort()).arg(kPrefix);
    return server->serverPort();
}

bool NotificationHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
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
        r = m_handler(channel, request.body());
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
