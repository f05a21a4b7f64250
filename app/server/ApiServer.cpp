#include "ApiServer.h"

#include "ApiEvents.h"
#include "ApiExchange.h"
#include "HttpServerSupport.h"
#include "api/CounterWire.h"
#include "api/EmbeddedApi.h"
#include "api/Json.h"
#include "common/SecretFile.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>

namespace paydesk {

namespace {

const QString kApi = QStringLiteral("/v1/");

QJsonObject outcomeJson(const BackOfficeOutcome& o)
{
    return {{QStringLiteral("status"), backOfficeStatusName(o.status)},
            {QStringLiteral("ok"), o.ok()},
            {QStringLiteral("message"), o.message}};
}

// Reads only the listed query items; anything else is refused.
bool onlyQueryItems(const QUrlQuery& q, const QStringList& allowed, QString* unknown)
{
    for (const auto& item : q.queryItems())
        if (!allowed.contains(item.first)) {
            *unknown = item.first;
            return false;
        }
    return true;
}

// A route's path template as a whole-path pattern: {name} is one segment.
QRegularExpression routePattern(const QString& path)
{
    QString re = QRegularExpression::escape(path);
    static const QRegularExpression param(QStringLiteral(R"(\\\{[A-Za-z]+\\\})"));
    re.replace(param, QStringLiteral("[^/]+"));
    return QRegularExpression(QLatin1Char('^') + re + QLatin1Char('$'));
}

} // namespace

const QList<ApiRoute>& ApiServer::routes()
{
    static const QList<ApiRoute> all =
        QList<ApiRoute>{
            {"GET", QStringLiteral("/healthz")},
            {"GET", QStringLiteral("/readyz")},
            {"GET", QStringLiteral("/v1/openapi.json")},
            {"POST", QStringLiteral("/v1/enrol")},
            {"POST", QStringLiteral("/v1/payments")},
            {"POST", QStringLiteral("/v1/qr-orders")},
            {"POST", QStringLiteral("/v1/refunds")},
            {"POST", QStringLiteral("/v1/revokes")},
            {"GET", QStringLiteral("/v1/orders")},
            {"GET", QStringLiteral("/v1/orders/{orderNo}")},
            {"POST", QStringLiteral("/v1/orders/{orderNo}/query")},
            {"GET", QStringLiteral("/v1/alerts")},
            {"POST", QStringLiteral("/v1/alerts/{id}/acknowledge")},
            {"POST", QStringLiteral("/v1/pin-lockouts")},
            {"GET", QStringLiteral("/v1/reachability")},
            {"GET", QStringLiteral("/v1/limits")},
            {"GET", QStringLiteral("/v1/events")},
            {"POST", QStringLiteral("/notify/{channel}")},
        } +
        backOfficeRoutes();
    return all;
}

ApiServer::ApiServer(EmbeddedApi& api, ApiServerOptions options, QObject* parent)
    : QAbstractHttpServer(parent), m_api(api), m_options(std::move(options))
{
    m_events = new ApiEvents(api, api.terminalAccess(), m_options.eventBacklog,
                             m_options.maxUnsentEventBytes, this);
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> ws = nextPendingWebSocketConnection();
            if (ws->requestUrl().path() != QLatin1String("/v1/events") || m_stopping) {
                ws->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          m_stopping ? QStringLiteral("server stopping")
                                     : QStringLiteral("events are at /v1/events"));
                ws.release()->deleteLater();
                continue;
            }
            m_events->take(std::move(ws));
        }
    });
    connect(&api, &PayDeskApi::fatalError, this, [this] { m_storageFailed = true; });
    m_uptime.start();
}

ApiServer::~ApiServer() = default;

quint16 ApiServer::listen(QString* error)
{
    const bool tls = !m_options.certificateFile.isEmpty() || !m_options.keyFile.isEmpty();
    if (!tls && !m_options.address.isLoopback()) {
        if (error)
            *error = QStringLiteral("plain HTTP is served on loopback only (%1 is not): give the "
                                    "server's certificate and key (serverCertFile, serverKeyFile "
                                    "or --cert/--key) for HTTPS")
                         .arg(m_options.address.toString());
        return 0;
    }
    auto* guard = new GuardedTcpServer(m_options.limits, this, this);
    if (tls) {
        // The key only its owner may read; the certificate only its owner may change.
        QByteArray certPem, keyPem;
        QString why = readKeyFile(m_options.certificateFile, KeyFileKind::Public,
                                  QStringLiteral("the server's certificate"), &certPem);
        if (why.isEmpty())
            why = readKeyFile(m_options.keyFile, KeyFileKind::Secret,
                              QStringLiteral("the server's private key"), &keyPem);
        if (!why.isEmpty()) {
            if (error)
                *error = why;
            delete guard;
            return 0;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem);
        const QByteArray& pem = keyPem;
        const QSslKey key(pem, QSsl::Rsa);
        const QSslKey ecKey = key.isNull() ? QSslKey(pem, QSsl::Ec) : QSslKey();
        if (chain.isEmpty() || (key.isNull() && ecKey.isNull())) {
            if (error)
                *error = QStringLiteral("%1 holds no PEM certificate or %2 no PEM RSA/EC key")
                             .arg(m_options.certificateFile, m_options.keyFile);
            delete guard;
            return 0;
        }
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setLocalCertificateChain(chain);
        c.setPrivateKey(key.isNull() ? ecKey : key);
        c.setPeerVerifyMode(QSslSocket::VerifyNone); // terminals prove themselves by signature
        c.setProtocol(QSsl::TlsV1_2OrLater);
        guard->setTls(c);
    }
    QTcpServer* server = listenOrExplain(guard, m_options.address, m_options.port, error);
    if (!server)
        return 0;
    m_guard = guard;
    bind(server);
    const QString host = m_options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_options.address.toString())
                             : m_options.address.toString();
    m_baseUrl = QStringLiteral("%1://%2:%3")
                    .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
                    .arg(server->serverPort());
    return server->serverPort();
}

void ApiServer::stopTakingCommands()
{
    m_stopping = true;
    m_events->closeAll();
}

bool ApiServer::withinRate(const Caller& caller)
{
    const qint64 now = m_uptime.elapsed();
    const double rate = m_options.requestsPerSecond;
    Bucket& b = m_buckets[caller.name()];
    if (b.atMs == 0 && b.tokens == 0)
        b.tokens = 2 * rate;
    b.tokens = std::min(2 * rate, b.tokens + (now - b.atMs) * rate / 1000.0);
    b.atMs = now;
    if (b.tokens < 1)
        return false;
    b.tokens -= 1;
    return true;
}

bool ApiServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (m_guard)
        m_guard->requestAnswered(socket);
    // Qt 6.4 upgrades a WebSocket request once a handler took it, unanswered;
    // the subscriber signs its hello instead (ApiEvents).
    if (request.url().path() == QLatin1String("/v1/events") &&
        request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return true;
    auto x = std::make_shared<ApiExchange>(request, socket, makeResponder(request, socket));
    route(x);
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    writePlain(responder, "no such route", Status::NotFound);
}

void ApiServer::route(const std::shared_ptr<ApiExchange>& x)
{
    const QString path = x->path();
    static const auto patterns = [] {
        QList<std::pair<QByteArray, QRegularExpression>> out;
        for (const ApiRoute& r : routes())
            out.append({r.method, routePattern(r.path)});
        return out;
    }();
    bool pathKnown = false;
    bool methodKnown = false;
    QStringList methods;
    for (const auto& [method, re] : patterns)
        if (re.match(path).hasMatch()) {
            pathKnown = true;
            methods << QString::fromLatin1(method);
            methodKnown = methodKnown || method == x->methodName();
        }
    if (!pathKnown)
        return x->error(Status::NotFound, QStringLiteral("no_such_route"),
                        QStringLiteral("no route %1 (see /v1/openapi.json)").arg(path));
    if (!methodKnown)
        return x->error(
            Status::MethodNotAllowed, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 takes %2").arg(path, methods.join(QStringLiteral(", "))));
    const auto onlyGet = [&] {
        if (x->method == QHttpServerRequest::Method::Get)
            return true;
        x->error(Status::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                 QStringLiteral("%1 is read with GET").arg(path));
        return false;
    };
    if (path == QLatin1String("/healthz") || path == QLatin1String("/readyz")) {
        if (!onlyGet())
            return;
        const bool ready =
            path == QLatin1String("/healthz") ? !m_storageFailed : !m_storageFailed && !m_stopping;
        x->answer({{QStringLiteral("ok"), ready},
                   {QStringLiteral("storage"),
                    m_storageFailed ? QStringLiteral("failed") : QStringLiteral("writable")},
                   {QStringLiteral("scheduler"), QStringLiteral("alive")},
                   {QStringLiteral("stopping"), m_stopping},
                   {QStringLiteral("subscribers"), m_events->subscribers()}},
                  ready ? Status::Ok : Status::ServiceUnavailable);
        return;
    }
    if (path.startsWith(QLatin1String("/notify/"))) {
        static const QRegularExpression channelName(QStringLiteral("^[a-z0-9_-]{1,32}$"));
        const QString channel = path.mid(8);
        if (!x->isPost() || !channelName.match(channel).hasMatch())
            return x->error(Status::NotFound, QStringLiteral("no_such_route"),
                            QStringLiteral("notifications are POSTed to /notify/CHANNEL"));
        // The gateways read the body, not the status.
        const NotificationReceipt r = m_api.receiveNotification(channel, x->body, x->remote);
        x->answerRaw(r.replyBody, r.replyContentType);
        return;
    }
    if (path == QLatin1String("/v1/openapi.json")) {
        if (!onlyGet())
            return;
        QFile f(QStringLiteral(":/paydesk/openapi.json"));
        f.open(QIODevice::ReadOnly);
        x->answer(QJsonDocument::fromJson(f.readAll()).object());
        return;
    }
    if (!path.startsWith(kApi))
        return x->error(Status::NotFound, QStringLiteral("no_such_route"),
                        QStringLiteral("no route %1 (see /v1/openapi.json)").arg(path));
    if (path == QLatin1String("/v1/enrol")) {
        if (!x->isPost())
            return x->error(Status::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                            QStringLiteral("enrolment is POSTed"));
        const auto body = x->jsonBody();
        if (!body)
            return;
        JsonReader r(*body, JsonReader::Mode::Strict);
        const QString store = r.string(QStringLiteral("storeId"), true);
        const QString terminal = r.string(QStringLiteral("terminalId"), true);
        const QString code = r.string(QStringLiteral("code"), true);
        if (!r.finish())
            return x->error(Status::BadRequest, jsonProblemCode(r.problem()), r.error(), r.field());
        m_api.terminalAccess().enrol(store, terminal, code, [x](const EnrolResult& e) {
            QJsonObject o = outcomeJson(e.outcome);
            if (e.outcome.ok())
                o.insert(QStringLiteral("secret"), QString::fromLatin1(e.secret));
            x->answer(o, e.outcome.ok() ? Status::Ok : Status::Forbidden);
        });
        return;
    }
    const AuthResult auth = m_api.terminalAccess().authenticate(x->signedRequest);
    if (!auth.ok())
        return x->error(Status::Unauthorized, authRefusalName(auth.refusal), auth.message);
    if (!withinRate(auth.caller))
        return x->error(Status::TooManyRequests, QStringLiteral("rate_limited"),
                        QStringLiteral("more than %1 requests a second from terminal %2: slow down")
                            .arg(m_options.requestsPerSecond)
                            .arg(auth.caller.name()));
    routeAuthenticated(x, auth.caller);
}

void ApiServer::routeAuthenticated(const std::shared_ptr<ApiExchange>& x, const Caller& caller)
{
    const QString path = x->path();
    const bool post = x->isPost();
    const bool get = x->method == QHttpServerRequest::Method::Get;
    const auto refuseMethod = [&](const char* expected) {
        x->error(Status::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                 QStringLiteral("%1 takes %2").arg(path, QLatin1String(expected)));
    };
    if (post && m_stopping)
        return x->error(Status::ServiceUnavailable, QStringLiteral("stopping"),
                        QStringLiteral("the server is stopping: send the command again to "
                                       "another server or once it is back"));
    const auto outcome = [x](const CommandOutcome& o) { x->answer(toJson(o)); };

    if (path == QLatin1String("/v1/payments")) {
        if (!post)
            return refuseMethod("POST");
        if (auto cmd = x->command<PayCommand>()) {
            cmd->counter = {caller.storeId, caller.terminalId};
            m_api.pay(*cmd, outcome);
        }
        return;
    }
    if (path == QLatin1String("/v1/qr-orders")) {
        if (!post)
            return refuseMethod("POST");
        if (auto cmd = x->command<QrCommand>()) {
            cmd->counter = {caller.storeId, caller.terminalId};
            m_api.createQr(*cmd, outcome);
        }
        return;
    }
    if (path == QLatin1String("/v1/refunds")) {
        if (!post)
            return refuseMethod("POST");
        if (auto cmd = x->command<RefundCommand>())
            m_api.refund(*cmd, outcome);
        return;
    }
    if (path == QLatin1String("/v1/revokes")) {
        if (!post)
            return refuseMethod("POST");
        if (auto cmd = x->command<RevokeCommand>())
            m_api.revoke(*cmd, outcome);
        return;
    }
    if (path == QLatin1String("/v1/pin-lockouts")) {
        if (!post)
            return refuseMethod("POST");
        if (auto l = x->command<PinLockout>()) {
            l->counter = {caller.storeId, caller.terminalId};
            m_api.reportPinLockout(*l, outcome);
        }
        return;
    }
    if (path == QLatin1String("/v1/reachability")) {
        if (!get)
            return refuseMethod("GET");
        QJsonArray wallets;
        for (const WalletReachability& w : m_api.reachability())
            wallets.append(wire::toJson(w));
        return x->answer({{QStringLiteral("wallets"), wallets}});
    }
    if (path == QLatin1String("/v1/limits")) {
        if (!get)
            return refuseMethod("GET");
        return x->answer(wire::toJson(m_api.counterLimits()));
    }
    if (path == QLatin1String("/v1/alerts")) {
        if (!get)
            return refuseMethod("GET");
        const QUrlQuery q = x->query();
        QString unknown;
        if (!onlyQueryItems(q, {QStringLiteral("open"), QStringLiteral("limit")}, &unknown))
            return x->error(Status::BadRequest, QStringLiteral("unknown_field"),
                            QStringLiteral("%1: is not a parameter of /v1/alerts").arg(unknown),
                            unknown);
        const QString open = q.queryItemValue(QStringLiteral("open"));
        bool okLimit = true;
        const int limit = q.hasQueryItem(QStringLiteral("limit"))
                              ? q.queryItemValue(QStringLiteral("limit")).toInt(&okLimit)
                              : 100;
        if (!okLimit || limit < 1 || limit > 1000 ||
            !(open.isEmpty() || open == QLatin1String("true") || open == QLatin1String("false")))
            return x->error(Status::BadRequest, QStringLiteral("bad_value"),
                            QStringLiteral("open is true or false and limit 1 to 1000"));
        m_api.alerts(open != QLatin1String("false"), limit, [x](const QList<AlertRecord>& list) {
            QJsonArray a;
            for (const AlertRecord& r : list)
                a.append(toJson(r));
            x->answer({{QStringLiteral("alerts"), a}});
        });
        return;
    }
    static const QRegularExpression ack(QStringLiteral("^/v1/alerts/([0-9]{1,18})/acknowledge$"));
    if (const auto m = ack.match(path); m.hasMatch()) {
        if (!post)
            return refuseMethod("POST");
        const auto body = x->jsonBody();
        if (!body)
            return;
        JsonReader r(*body, JsonReader::Mode::Strict);
        const QString by = r.string(QStringLiteral("by"), true);
        if (!r.finish())
            return x->error(Status::BadRequest, jsonProblemCode(r.problem()), r.error(), r.field());
        m_api.acknowledgeAlert(m.captured(1).toLongLong(), by, outcome);
        return;
    }
    if (path == QLatin1String("/v1/orders")) {
        if (!get)
            return refuseMethod("GET");
        QString why;
        const auto filter = wire::orderFilterFromQuery(x->query(), &why);
        if (!filter)
            return x->error(Status::BadRequest, QStringLiteral("bad_value"), why);
        m_api.orders(*filter, [x](const QList<OrderRecord>& list) {
            QJsonArray a;
            for (const OrderRecord& o : list)
                a.append(toJson(o));
            x->answer({{QStringLiteral("orders"), a}});
        });
        return;
    }
    static const QRegularExpression order(
        QStringLiteral("^/v1/orders/([A-Za-z0-9_-]{1,64})(/query)?$"));
    if (const auto m = order.match(path); m.hasMatch()) {
        const QString orderNo = m.captured(1);
        if (m.hasCaptured(2)) {
            if (!post)
                return refuseMethod("POST");
            m_api.query(orderNo, outcome);
            return;
        }
        if (!get)
            return refuseMethod("GET");
        m_api.orderDetails(orderNo, [x, orderNo](const std::optional<OrderDetails>& d) {
            if (!d)
                return x->error(Status::NotFound, QStringLiteral("not_found"),
                                QStringLiteral("no order %1").arg(orderNo));
            x->answer(toJson(*d));
        });
        return;
    }
    if (routeBackOffice(x, caller))
        return;
    x->error(Status::NotFound, QStringLiteral("no_such_route"),
             QStringLiteral("no route %1 (see /v1/openapi.json)").arg(path));
}

} // namespace paydesk
