#pragma once

#include <QHostAddress>
#include <QHttpServerResponder>
#include <QString>
#include <QTcpServer>

namespace paydesk {

// Starts `server` listening; on failure deletes it and returns null with
// `error` saying where and why ("cannot listen on 127.0.0.1:80: ...").
inline QTcpServer* listenOrExplain(QTcpServer* server, const QHostAddress& address, quint16 port,
                                   QString* error)
{
    if (server->listen(address, port))
        return server;
    if (error)
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(server->errorString());
    delete server;
    return nullptr;
}

// A short plain-text answer (errors of the HTTP layer itself).
inline void writePlain(QHttpServerResponder& responder, const QByteArray& text,
                       QHttpServerResponder::StatusCode status)
{
    responder.write(text, QByteArrayLiteral("text/plain; charset=utf-8"), status);
}

} // namespace paydesk
