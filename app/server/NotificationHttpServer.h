#pragma once

#include "GuardedTcpServer.h"
#include "api/NotificationReceipt.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>

namespace paydesk {

// PayDesk's notify_url: takes the gateways' asynchronous notifications
// (QR payment results) as POST /notify/<channel>, hands each to the handler
// (in the app: EmbeddedApi::receiveNotification, which verifies and applies
// it) and answers with the receipt's body, HTTP 200 whether taken or not, as
// the gateways expect (their retry depends on the body, not the status).
// Plain HTTP: a public notify_url needs HTTPS, which the shop's reverse
// proxy provides in front of it. It listens before the core opens (the
// gateways' notify URLs name its port); until a handler is set it answers
// that PayDesk is starting, which the gateways take as "send again".
// Anyone can post to it, so what one stranger can take is bounded
// (ConnectionLimits: body size, open connections, time to send a request),
// and refusals are alerted once per source and minute by the handler.
class NotificationHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler =
        std::function<NotificationReceipt(const QString& channel, const QByteArray& body)>;
    // `source`: the poster's address ("192.0.2.7"), for the alerts.
    using SourcedHandler = std::function<NotificationReceipt(
        const QString& channel, const QByteArray& body, const QString& source)>;

    explicit NotificationHttpServer(QObject* parent = nullptr);
    ~NotificationHttpServer() override;

    // Who takes the notifications from now on.
    void setHandler(SourcedHandler handler) { m_handler = std::move(handler); }
    void setHandler(Handler handler);
    // Before listenOn (tests shorten the timeout).
    void setLimits(const ConnectionLimits& limits) { m_limits = limits; }
    // The listener's guard once listening (its counters, for tests).
    const GuardedTcpServer* guard() const { return m_guard; }

    // Returns the port, 0 on failure (`error` says why). Listening on all
    // interfaces (0.0.0.0, ::) logs a warning: the notify URL is then open
    // to every network the machine is on, not only the reverse proxy.
    quint16 listenOn(const QHostAddress& address, quint16 port, QString* error);
    // "http://ADDRESS:PORT/notify/" once listening; append the channel name.
    QString baseUrl() const { return m_baseUrl; }
    int received() const { return m_received; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    SourcedHandler m_handler;
    ConnectionLimits m_limits;
    GuardedTcpServer* m_guard = nullptr; // a child, once listening
    QString m_baseUrl;
    int m_received = 0;
};

} // namespace paydesk
