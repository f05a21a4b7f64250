#pragma once

#include <QHash>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

class QTcpSocket;
class QTimer;

namespace paydesk {

// What one listener takes before it stops reading.
struct ConnectionLimits
{
    qint64 maxBodyBytes = 64 * 1024; // gateways' notifications are a few KB
    qint64 maxHeaderBytes = 16 * 1024;
    int maxConnections = 64;       // open at once; more are answered 503 and closed
    int requestTimeoutMs = 10'000; // a request arrives whole within this of the
                                   // connection opening or the last answer
    QByteArray what = "a notification"; // what the refusals call a request
};

// A QTcpServer for a QAbstractHttpServer that keeps strangers from taking
// it over. QAbstractHttpServer (Qt 6.4) buffers a whole body, however
// large, and keeps idle connections forever; so connections are taken here
// first: beyond the limit they are answered 503 and closed, each one's
// bytes are watched before the HTTP server reads them (a declared
// Content-Length or a body past the limit is answered 413 and closed, the
// rest never read), and one that brings no whole request in time is closed.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    // `http`: the HTTP server bound to this one (its reading is cut off
    // from a refused connection).
    GuardedTcpServer(const ConnectionLimits& limits, QObject* http, QObject* parent = nullptr);
    ~GuardedTcpServer() override;

    // Connections speak TLS with this configuration (HTTPS, WSS).
    void setTls(const QSslConfiguration& tls) { m_tls = tls; }
    // The HTTP server answered a request on `socket`: the next may come.
    void requestAnswered(QTcpSocket* socket);

    int openConnections() const;
    int refusedConnections() const { return m_refusedConnections; }
    int refusedRequests() const { return m_refusedRequests; }
    int closedIdle() const { return m_closedIdle; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection
    {
        // Null once the socket is gone: a WebSocket's owner deletes it
        // without the signals this watches (Qt disconnects them on upgrade).
        QPointer<QTcpSocket> alive;
        QTimer* deadline = nullptr;
        qint64 requestBytes = 0; // of the request under way, as received
        QByteArray head;         // its header block so far, until whole
        bool headRead = false;
        // Became a WebSocket: its frames are its owner's to bound, and it
        // may stay open without a request.
        bool upgraded = false;
    };

    void inspect(QTcpSocket* socket);
    void refuse(QTcpSocket* socket, const QByteArray& status, const QByteArray& why);
    void forget(QTcpSocket* socket);

    ConnectionLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QObject* m_http;
    QHash<QTcpSocket*, Connection> m_open;
    int m_refusedConnections = 0;
    int m_refusedRequests = 0;
    int m_closedIdle = 0;
};

} // namespace paydesk
