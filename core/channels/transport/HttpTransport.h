#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

namespace paydesk {

// One call to a gateway: a POST, or a GET of a file it links to (a bill).
struct HttpCall
{
    enum class Method
    {
        Post,
        Get
    };
    Method method = Method::Post;
    QUrl url;
    QByteArray contentType; // POST only
    QByteArray body;        // POST only
    // Present the merchant's client certificate (WeChat secapi/* calls).
    bool clientCertificate = false;
};

struct HttpReply
{
    enum class Outcome
    {
        Answered,     // an HTTP response arrived (any status)
        TimedOut,     // no complete answer within the read timeout
        NotConnected, // the connection failed before anything was sent
        NetworkError, // the connection broke; the request may have arrived
    };
    Outcome outcome = Outcome::NetworkError;
    int httpStatus = 0;
    QByteArray body;
    QString error; // what went wrong, for the track; empty when answered
};

// How an adapter reaches its gateway. Tests and the benchmark swap in
// their own; production uses NetworkTransport (QNetworkAccessManager, TLS).
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    // `done` runs once, later, on the caller's thread.
    // (Named for the common case; a GET goes the same way.)
    virtual void post(const HttpCall& call, std::function<void(const HttpReply&)> done) = 0;
};

} // namespace paydesk
