#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace paydesk {

// What one request to the server came back with.
struct RemoteAnswer
{
    // 0: no answer (not sent, or lost); else the HTTP status.
    int status = 0;
    bool sent = false;   // some of the request left this machine
    bool resent = false; // its first answer was lost and it was sent again
    QJsonObject json;
    QString error; // no answer: why
};

// The signed HTTP link to a server that RemoteApi keeps (its key, TLS
// trust, timeouts and link state), for the parts of the facade that sit
// beside it (the back office, reconciliation).
class RemoteLink
{
public:
    using AnswerFn = std::function<void(const RemoteAnswer&)>;

    virtual ~RemoteLink() = default;
    // Sends one signed request. `resendWhenLost`: when the request left but
    // its answer was lost, it is sent again, unchanged, until the server
    // answers; only for what is safe to do twice (a request number, a
    // decision the second time refused). Otherwise a lost answer is
    // answered with status 0 and `sent` telling whether it may have arrived.
    virtual void send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                      bool resendWhenLost, AnswerFn done) = 0;
};

} // namespace paydesk
