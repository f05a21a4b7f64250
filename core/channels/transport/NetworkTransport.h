#pragma once

#include "channels/transport/HttpTransport.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <deque>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace paydesk {

struct TransportConfig
{
    qint64 readTimeoutMs = 10'000; // whole answer, from the request's start
    int maxInFlight = 4;           // per channel; the rest wait in this channel's queue
    int maxQueued = 256;           // beyond that a call fails fast as NotConnected
    // Extra trust anchors (the sandbox's test CA). The system store is always
    // used; certificate verification is never turned off.
    QList<QSslCertificate> extraCaCertificates;
    // The merchant certificate for mutual TLS (WeChat secapi/*); may be null.
    QSslCertificate clientCertificate;
    QSslKey clientKey;
};

// Reads the PEM files of a TransportConfig. Returns an error naming the file.
QString loadTransportCertificates(const QString& caFile, const QString& clientCertFile,
                                  const QString& clientKeyFile, TransportConfig& config);

// HTTPS to one gateway over QNetworkAccessManager. One instance per channel:
// its own connection pool, in-flight cap and queue, so a slow gateway only
// delays its own channel (bulkhead). Never retries by itself: whether a
// repeat is safe is the adapter's and the engine's decision. (Qt's HTTP stack
// may resend once when a reused connection closes before any byte of the
// answer; every gateway call carries its own idempotent number, out_trade_no
// or out_refund_no, so a resend cannot take money twice.)
class NetworkTransport final : public QObject, public HttpTransport
{
    Q_OBJECT
public:
    explicit NetworkTransport(TransportConfig config, QObject* parent = nullptr);
    ~NetworkTransport() override;

    void post(const HttpCall& call, std::function<void(const HttpReply&)> done) override;

    int inFlight() const { return m_inFlight; }
    int queued() const { return int(m_queue.size()); }

private:
    struct Pending
    {
        HttpCall call;
        std::function<void(const HttpReply&)> done;
    };
    void start(Pending p);
    void finished(QNetworkReply* reply, bool requestLeft,
                  const std::function<void(const HttpReply&)>& done);
    void startQueued();

    QNetworkAccessManager* newAccessManager();

    TransportConfig m_config;
    QNetworkAccessManager* m_nam;
    // Calls that present the client certificate get their own connections:
    // Qt applies a request's TLS settings only when it opens a connection,
    // so a pooled connection opened without the certificate would carry a
    // secapi/* call without it (and the reverse would show the merchant's
    // identity where it is not asked for).
    QNetworkAccessManager* m_certNam = nullptr;
    std::deque<Pending> m_queue;
    int m_inFlight = 0;
};

} // namespace paydesk
