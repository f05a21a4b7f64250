#pragma once

#include "GuardedTcpServer.h"
#include "api/types/Terminals.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>

#include <functional>

class QHttpServerResponder;

namespace paydesk {

class ApiEvents;
class ApiExchange;
class EmbeddedApi;

// One route: the method and the path as the API's description writes it
// ("/v1/orders/{orderNo}").
struct ApiRoute
{
    QByteArray method;
    QString path;
};

struct ApiServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    // HTTPS and WSS with these (PEM); both empty: plain HTTP, loopback only.
    QString certificateFile;
    QString keyFile;
    ConnectionLimits limits{256 * 1024, 16 * 1024, 256, 30'000, "a request"};
    int requestsPerSecond = 50; // per terminal; a burst of twice that is let through
    int eventBacklog = 10'000;  // messages a reconnecting subscriber can catch up on
    // An event subscriber with this much unread is closed as too slow.
    qint64 maxUnsentEventBytes = 8 * 1024 * 1024;
};

// The core as a service: the facade's use cases over HTTP/JSON under /v1
// (one route per use case, the CLI's --json shapes), its signals over a
// WebSocket (/v1/events), the gateways' notifications (/notify/CHANNEL),
// /healthz and /readyz. Every /v1 request but enrolment and the API's own
// description is signed by an enrolled terminal (TerminalAccess). Domain
// outcomes answer 200 with their stable status; the HTTP layer's own
// refusals answer 4xx/5xx with {"error":{"code","message","field"}}.
class ApiServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    ApiServer(EmbeddedApi& api, ApiServerOptions options, QObject* parent = nullptr);
    ~ApiServer() override;

    // Returns the port, 0 on failure (`error` says why).
    quint16 listen(QString* error);
    // "https://127.0.0.1:8443" once listening.
    QString baseUrl() const { return m_baseUrl; }
    // SIGTERM: commands are refused from now on (503 stopping); reads and
    // the events' goodbye still go out.
    void stopTakingCommands();
    const GuardedTcpServer* guard() const { return m_guard; }
    // Every route this server answers; a request for any other is refused
    // before it is read (no_such_route, method_not_allowed).
    static const QList<ApiRoute>& routes();
    ApiEvents& events() { return *m_events; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void route(const std::shared_ptr<ApiExchange>& x);
    void routeAuthenticated(const std::shared_ptr<ApiExchange>& x, const Caller& caller);
    // The back office's and reconciliation's routes (ApiBackOfficeRoutes.cpp):
    // true when `x` was one of them (answered, or answering).
    bool routeBackOffice(const std::shared_ptr<ApiExchange>& x, const Caller& caller);
    static QList<ApiRoute> backOfficeRoutes();
    bool withinRate(const Caller& caller);

    EmbeddedApi& m_api;
    ApiServerOptions m_options;
    GuardedTcpServer* m_guard = nullptr;
    ApiEvents* m_events = nullptr;
    QString m_baseUrl;
    bool m_stopping = false;
    bool m_storageFailed = false;
    struct Bucket
    {
        double tokens = 0;
        qint64 atMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
    QElapsedTimer m_uptime;
};

} // namespace paydesk
