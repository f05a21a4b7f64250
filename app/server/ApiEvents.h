#pragma once

#include "api/PayDeskApi.h"
#include "api/types/Terminals.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <memory>

class QWebSocket;
class QTimer;

namespace paydesk {

// The facade's signals pushed to WebSocket subscribers (GET /v1/events).
// A subscriber first sends a signed hello (the request signature over
// "GET /v1/events" with an empty body) naming the last message it saw
// (epoch and seq); it gets what it missed from the backlog, then every new
// message. When the backlog no longer holds its place (the server
// restarted: a new epoch, or it was away too long) it is told to resync:
// re-read what it watches.
class ApiEvents final : public QObject
{
    Q_OBJECT
public:
    ApiEvents(PayDeskApi& api, TerminalAccess& access, int backlog, QObject* parent = nullptr);
    ~ApiEvents() override;

    void take(std::unique_ptr<QWebSocket> socket);
    int subscribers() const;
    // SIGTERM: tells every subscriber the server is going and closes them.
    void closeAll();
    QString epoch() const { return m_epoch; }

private:
    struct Subscriber
    {
        QWebSocket* socket = nullptr;
        QTimer* helloDeadline = nullptr;
        Caller caller; // valid once the hello checked out
    };
    void publish(QJsonObject message);
    void hello(QWebSocket* socket, const QString& text);
    void drop(QWebSocket* socket);

    PayDeskApi& m_api;
    TerminalAccess& m_access;
    int m_backlog;
    QString m_epoch;
    qint64 m_seq = 0;
    std::deque<std::pair<qint64, QString>> m_sent; // seq, message text
    QHash<QWebSocket*, Subscriber> m_subscribers;
};

} // namespace paydesk
