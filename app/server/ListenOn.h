#pragma once

#include <QHostAddress>
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

} // namespace paydesk
