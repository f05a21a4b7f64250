#pragma once

#include "channels/Channel.h"

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
class NotificationHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler =
        std::function<NotificationReceipt(const QString& channel, const QByteArray& body)>;

    explicit NotificationHttpServer(QObject* parent = nullptr);
    ~NotificationHttpServer() override;

    // Who takes the notifications from now on.
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // Returns the port, 0 on failure (`error` says why).
    quint16 listenOn(const QHostAddress& address, quint16 port, QString* error);
    // "http://ADDRESS:PORT/notify/" once listening; append the channel name.
    QString baseUrl() const { return m_baseUrl; }
    int received() const { return m_received; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Handler m_handler;
    QString m_baseUrl;
    int m_received = 0;
};

} // namespace paydesk
