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
    // A subscriber that has not read `maxUnsentBytes` is too slow to keep:
    // it is closed and catches up from the backlog (or resyncs) when it
    // reconnects.
    ApiEvents(PayDeskApi& api, TerminalAccess& access, int backlog, qint64 maxUnsentBytes,
              QObject* parent = nullptr);
    ~ApiEvents() override;

    void take(std::unique_ptr<QWebSocket> socket);
    int subscribers() const;
    // Every WebSocket held: subscribers, ones not yet signed in, ones being
    // closed.
    int connections() const { return int(m_subscribers.size()); }
    // SIGTERM: tells every subscriber the server is going and closes them.
    void closeAll();
    QString epoch() const { return m_epoch; }

private:
    struct Subscriber
    {
        QWebSocket* socket = nullptr;
        QTimer* helloDeadline = nullptr;
        Caller caller; // valid once the hello checked out
        bool closing = false; // too slow: being closed, sent nothing more
    };
    void publish(QJsonObject message);
    void hello(QWebSocket* socket, const QString& text);
    void drop(QWebSocket* socket);

    PayDeskApi& m_api;
    TerminalAccess& m_access;
    int m_backlog;
    qint64 m_maxUnsentBytes;
    QString m_epoch;
    qint64 m_seq = 0;
    std::deque<std::pair<qint64, QString>> m_sent; // seq, message text
    QHash<QWebSocket*, Subscriber> m_subscribers;
};

} // namespace paydesk
