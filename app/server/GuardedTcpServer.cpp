#include "GuardedTcpServer.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace paydesk {

namespace {

QByteArray plainAnswer(const QByteArray& status, const QByteArray& text)
{
    return "HTTP/1.1 " + status +
           "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
           "Content-Length: " +
           QByteArray::number(text.size()) + "\r\n\r\n" + text;
}

// The Content-Length a header block declares; -1 when none (or unreadable:
// the HTTP server then refuses it itself).
qint64 declaredLength(QByteArrayView head)
{
    for (QByteArrayView line : head.toByteArray().split('\n')) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 ||
            line.first(colon).trimmed().compare("content-length", Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const qint64 n = line.sliced(colon + 1).trimmed().toLongLong(&ok);
        return ok ? n : -1;
    }
    return -1;
}

bool isWebSocketUpgrade(QByteArrayView head)
{
    for (QByteArrayView line : head.toByteArray().split('\n')) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("upgrade", Qt::CaseInsensitive) == 0 &&
            line.sliced(colon + 1).trimmed().compare("websocket", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits& limits, QObject* http, QObject* parent)
    : QTcpServer(parent), m_limits(limits), m_http(http)
{}

GuardedTcpServer::~GuardedTcpServer()
{
    // The sockets may outlive this (the HTTP server deletes them later).
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it)
        if (it->alive)
            it.key()->disconnect(this);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = nullptr;
    if (m_tls) {
        auto* tls = new QSslSocket(this);
        tls->setSslConfiguration(*m_tls);
        socket = tls;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (auto* tls = qobject_cast<QSslSocket*>(socket)) {
        // A handshake that fails closes it; its deadline bounds a slow one.
        connect(tls, &QSslSocket::sslErrors, tls, [tls] { tls->abort(); });
        tls->startServerEncryption();
    }
    for (auto it = m_open.begin(); it != m_open.end();)
        it = it->alive ? std::next(it) : m_open.erase(it);
    if (m_open.size() >= m_limits.maxConnections) {
        ++m_refusedConnections;
        socket->write(
            plainAnswer("503 Service Unavailable", "too many connections; send again later"));
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        // A peer that reads nothing must not hold the socket either.
        QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
        return;
    }
    // Never more buffered than one request may be: past it the request is
    // refused, and until then the socket does not read ahead.
    socket->setReadBufferSize(m_limits.maxHeaderBytes + m_limits.maxBodyBytes + 1);
    Connection& c = m_open[socket];
    c.alive = socket;
    c.deadline = new QTimer(socket);
    c.deadline->setSingleShot(true);
    c.deadline->setInterval(m_limits.requestTimeoutMs);
    connect(c.deadline, &QTimer::timeout, this, [this, socket] {
        ++m_closedIdle;
        forget(socket);
        socket->disconnectFromHost();
    });
    c.deadline->start();
    // Connected before the HTTP server's own reader (it connects when it
    // takes the pending connection), so this sees every byte first.
    connect(socket, &QIODevice::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_open.remove(socket); });
    addPendingConnection(socket);
}

void GuardedTcpServer::inspect(QTcpSocket* socket)
{
    auto it = m_open.find(socket);
    if (it == m_open.end() || it->upgraded)
        return;
    Connection& c = *it;
    // The HTTP server reads all there is on each readyRead, so what is
    // available now arrived since the last one.
    const qint64 arrived = socket->bytesAvailable();
    c.requestBytes += arrived;
    if (!c.headRead) {
        c.head += socket->peek(std::min<qint64>(arrived, m_limits.maxHeaderBytes + 1));
        qsizetype end = c.head.indexOf("\r\n\r\n");
        if (end < 0)
            end = c.head.indexOf("\n\n");
        if (end >= 0) {
            c.headRead = true;
            const qint64 length = declaredLength(QByteArrayView(c.head).first(end));
            if (isWebSocketUpgrade(QByteArrayView(c.head).first(end))) {
                c.upgraded = true;
                c.deadline->stop();
                c.head.clear();
                return;
            }
            c.head.clear();
            if (length > m_limits.maxBodyBytes)
                return refuse(socket, "413 Payload Too Large",
                              m_limits.what + " is at most " +
                                  QByteArray::number(m_limits.maxBodyBytes) +
                                  " bytes; this one "
                                  "says " +
                                  QByteArray::number(length));
        } else if (c.head.size() > m_limits.maxHeaderBytes) {
            return refuse(socket, "431 Request Header Fields Too Large",
                          "the request's headers are too large");
        }
    }
    // A body without a length (chunked) or longer than it said.
    if (c.requestBytes > m_limits.maxHeaderBytes + m_limits.maxBodyBytes)
        refuse(socket, "413 Payload Too Large",
               m_limits.what + " is at most " + QByteArray::number(m_limits.maxBodyBytes) +
                   " bytes");
}

void GuardedTcpServer::refuse(QTcpSocket* socket, const QByteArray& status, const QByteArray& why)
{
    ++m_refusedRequests;
    forget(socket);
    // The HTTP server reads no more of it (its reader is after this one on
    // the same signal, and so is skipped now), and nothing is kept.
    QObject::disconnect(socket, &QIODevice::readyRead, m_http, nullptr);
    socket->write(plainAnswer(status, why));
    socket->disconnectFromHost();
    QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
}

void GuardedTcpServer::forget(QTcpSocket* socket)
{
    auto it = m_open.find(socket);
    if (it == m_open.end())
        return;
    if (it->deadline)
        it->deadline->stop();
    m_open.erase(it);
}

int GuardedTcpServer::openConnections() const
{
    int n = 0;
    for (const Connection& c : m_open)
        n += c.alive ? 1 : 0;
    return n;
}

void GuardedTcpServer::requestAnswered(QTcpSocket* socket)
{
    auto it = m_open.find(socket);
    if (it == m_open.end() || it->upgraded)
        return;
    it->requestBytes = 0;
    it->head.clear();
    it->headRead = false;
    it->deadline->start();
}

} // namespace paydesk
