#include "RemoteApi.h"

#include "RemoteBackOffice.h"
#include "api/Json.h"
#include "api/WireDecode.h"
#include "api/types/Terminals.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace paydesk {

namespace {

QString errorText(const QJsonObject& o)
{
    const QJsonObject e = o.value(QStringLiteral("error")).toObject();
    return e.value(QStringLiteral("message")).toString();
}

bool isFinalOrder(const QString& state)
{
    return state != QLatin1String("PENDING") && state != QLatin1String("ATTENTION");
}

} // namespace

RemoteApi::RemoteApi(RemoteOptions options, QObject* parent)
    : PayDeskApi(parent), m_options(std::move(options)), m_nam(new QNetworkAccessManager(this)),
      m_reconnect(new QTimer(this)),
      m_accounting(std::make_unique<RemoteBackOffice>(static_cast<RemoteLink&>(*this))),
      m_reconciliation(std::make_unique<RemoteRecon>(static_cast<RemoteLink&>(*this))),
      m_dashboard(std::make_unique<RemoteDashboard>(static_cast<RemoteLink&>(*this)))
{
    if (!m_options.nowMs)
        m_options.nowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &RemoteApi::connectEvents);
}

RemoteApi::~RemoteApi()
{
    if (m_events) {
        m_events->disconnect(this);
        m_events->abort();
    }
}

QList<WalletReachability> RemoteApi::reachability() const
{
    if (m_linkUp)
        return m_reachability;
    QList<WalletReachability> down = m_reachability;
    if (down.isEmpty())
        for (Wallet w : {Wallet::WeChat, Wallet::Alipay})
            down.append(WalletReachability{w, QStringLiteral("server"), Reachability::Down, {}, 0});
    for (WalletReachability& w : down) {
        w.state = Reachability::Down;
        w.detail = m_linkError.isEmpty() ? QStringLiteral("connecting to the PayDesk server")
                                         : m_linkError;
    }
    return down;
}

BackOfficeApi& RemoteApi::accounting()
{
    return *m_accounting;
}

DashboardAccess& RemoteApi::dashboard()
{
    return *m_dashboard;
}

ReconApi& RemoteApi::reconciliation()
{
    return *m_reconciliation;
}

QSslConfiguration RemoteApi::tls() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    if (!m_options.key.caFile.isEmpty()) {
        QFile f(m_options.key.caFile);
        if (f.open(QIODevice::ReadOnly))
            c.setCaCertificates(QSslCertificate::fromData(f.readAll()));
    }
    return c;
}

// A pinned fingerprint stands in for a CA: the one certificate is trusted.
void RemoteApi::trustPinned(QNetworkReply* reply)
{
    const QString pin = m_options.key.fingerprintSha256;
    if (pin.isEmpty())
        return;
    connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError>&) {
        const QByteArray digest =
            reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).toHex();
        QString want = pin.toLower();
        want.remove(QLatin1Char(':'));
        if (QString::fromLatin1(digest) == want)
            reply->ignoreSslErrors();
    });
}

void RemoteApi::setLink(bool up, const QString& error)
{
    m_linkError = up ? QString() : error;
    if (m_linkUp == up)
        return;
    m_linkUp = up;
    Q_EMIT linkChanged(up);
    Q_EMIT reachabilityChanged();
}

QString RemoteApi::parseServers(const QString& text, QList<QUrl>* servers)
{
    servers->clear();
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QUrl url(part.trimmed());
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return QStringLiteral("--remote takes the server's URL, e.g. "
                                  "https://core.shop.example:8443 (several: separated by commas); "
                                  "got '%1'")
                .arg(part.trimmed());
        servers->append(url);
    }
    return QString();
}

QUrl RemoteApi::currentServer() const
{
    return m_server == 0 ? m_options.server : m_options.moreServers.at(m_server - 1);
}

void RemoteApi::moveOnFrom(const QUrl& failed)
{
    if (serverCount() > 1 && currentServer() == failed)
        m_server = (m_server + 1) % serverCount();
}

void RemoteApi::send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                     bool resendWhenLost, AnswerFn done)
{
    sendAttempt(method, pathAndQuery, body, resendWhenLost, std::move(done), 0, false);
}

void RemoteApi::sendAttempt(const QByteArray& method, const QString& pathAndQuery,
                            const QByteArray& body, bool resendWhenLost, AnswerFn done, int attempt,
                            bool sentBefore)
{
    const QUrl server = currentServer();
    QNetworkRequest rq(QUrl(server.toString() + pathAndQuery));
    rq.setSslConfiguration(tls());
    rq.setTransferTimeout(m_options.requestTimeoutMs);
    rq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray ts = QByteArray::number(m_options.nowMs());
    const QByteArray nonce = signing::freshNonce();
    rq.setRawHeader("X-PayDesk-Terminal",
                    (m_options.key.storeId + QLatin1Char('/') + m_options.key.terminalId).toUtf8());
    rq.setRawHeader("X-PayDesk-Timestamp", ts);
    rq.setRawHeader("X-PayDesk-Nonce", nonce);
    rq.setRawHeader(
        "X-PayDesk-Signature",
        signing::sign(m_options.key.secret,
                      signing::canonical(method, signing::target(rq.url()), ts, nonce, body)));
    QNetworkReply* reply = m_nam->sendCustomRequest(rq, method, body);
    trustPinned(reply);
    ++m_inFlight;
    auto sent = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::uploadProgress, reply, [sent](qint64 bytes, qint64) {
        if (bytes > 0)
            *sent = true;
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, sent, server, method, pathAndQuery, body, resendWhenLost, done, attempt,
             sentBefore] {
                reply->deleteLater();
                --m_inFlight;
                Answer a;
                a.resent = sentBefore;
                a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                a.sent = *sent || a.status != 0 ||
                         reply->error() == QNetworkReply::OperationCanceledError ||
                         reply->error() == QNetworkReply::RemoteHostClosedError;
                if (a.status != 0) {
                    a.json = QJsonDocument::fromJson(reply->readAll()).object();
                    setLink(true, QString());
                    return done(a);
                }
                a.error = reply->errorString();
                setLink(false, QStringLiteral("the server %1 does not answer: %2")
                                   .arg(server.toString(), a.error));
                moveOnFrom(server);
                if (a.sent && resendWhenLost) {
                    // Its outcome is the server's to tell (any server of the
                    // database: the request number makes it one): ask again,
                    // same request number, until one answers.
                    const int delay = qMin(m_options.maxBackoffMs, 500 << qMin(attempt, 6));
                    QTimer::singleShot(delay, this, [=, this] {
                        sendAttempt(method, pathAndQuery, body, resendWhenLost, done, attempt + 1,
                                    true);
                    });
                    return;
                }
                if (!a.sent && attempt + 1 < serverCount()) {
                    // Nothing left this machine: the next server, at once.
                    sendAttempt(method, pathAndQuery, body, resendWhenLost, done, attempt + 1,
                                sentBefore);
                    return;
                }
                done(a);
            });
}

void RemoteApi::command(const QString& path, const QJsonObject& body, Reply reply)
{
    send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), true,
         [this, reply](const Answer& a) {
             if (a.status == 0)
                 return reply(CommandOutcome::error(
                     CommandStatus::ServerUnreachable,
                     QStringLiteral("the server could not be reached (%1): nothing was done; "
                                    "try again once it is back")
                         .arg(a.error)));
             if (a.status != 200) {
                 // The HTTP layer refused it before the facade saw it.
                 const QString code = a.json.value(QStringLiteral("error"))
                                          .toObject()
                                          .value(QStringLiteral("code"))
                                          .toString();
                 return reply(CommandOutcome::error(
                     a.status == 503 ? CommandStatus::ServerUnreachable
                                     : CommandStatus::InvalidArgument,
                     QStringLiteral("the server refused the request (%1 %2): %3")
                         .arg(a.status)
                         .arg(code, errorText(a.json))));
             }
             JsonReader report(QJsonObject{});
             auto o = wire::decode<CommandOutcome>(a.json, JsonReader::Mode::Lenient, &report);
             if (!o)
                 return reply(CommandOutcome::error(
                     CommandStatus::StorageError,
                     QStringLiteral("the server's answer is unreadable (%1)").arg(report.error())));
             if (!o->orderNo.isEmpty())
                 watch(o->orderNo);
             reply(*o);
         });
}

void RemoteApi::watch(const QString& orderNo)
{
    m_watched.insert(orderNo);
}

void RemoteApi::pay(const PayCommand& cmd, Reply reply)
{
    command(QStringLiteral("/v1/payments"), wire::toJson(cmd), std::move(reply));
}

void RemoteApi::createQr(const QrCommand& cmd, Reply reply)
{
    command(QStringLiteral("/v1/qr-orders"), wire::toJson(cmd), std::move(reply));
}

void RemoteApi::refund(const RefundCommand& cmd, Reply reply)
{
    command(QStringLiteral("/v1/refunds"), wire::toJson(cmd), std::move(reply));
}

void RemoteApi::revoke(const RevokeCommand& cmd, Reply reply)
{
    command(QStringLiteral("/v1/revokes"), wire::toJson(cmd), std::move(reply));
}

void RemoteApi::query(const QString& orderNo, Reply reply)
{
    command(QStringLiteral("/v1/orders/%1/query")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(orderNo))),
            QJsonObject{}, std::move(reply));
}

void RemoteApi::acknowledgeAlert(qint64 alertId, const QString& who, Reply reply)
{
    command(QStringLiteral("/v1/alerts/%1/acknowledge").arg(alertId), {{QStringLiteral("by"), who}},
            std::move(reply));
}

void RemoteApi::reportPinLockout(const PinLockout& lockout, Reply reply)
{
    command(QStringLiteral("/v1/pin-lockouts"), wire::toJson(lockout), std::move(reply));
}

void RemoteApi::orderDetails(const QString& orderNo, DetailsReply reply)
{
    send("GET",
         QStringLiteral("/v1/orders/") + QString::fromLatin1(QUrl::toPercentEncoding(orderNo)), {},
         false, [reply](const Answer& a) {
             if (a.status != 200)
                 return reply(std::nullopt);
             reply(wire::decode<OrderDetails>(a.json, JsonReader::Mode::Lenient));
         });
}

void RemoteApi::orders(const OrderFilter& filter, OrdersReply reply)
{
    send("GET", QStringLiteral("/v1/orders?") + wire::toQuery(filter).toString(QUrl::FullyEncoded),
         {}, false, [reply](const Answer& a) {
             JsonReader r(a.json);
             reply(a.status == 200 ? wire::readList<OrderRecord>(r, QStringLiteral("orders"))
                                   : QList<OrderRecord>());
         });
}

void RemoteApi::alerts(bool openOnly, int limit, AlertsReply reply)
{
    send("GET",
         QStringLiteral("/v1/alerts?open=%1&limit=%2")
             .arg(openOnly ? QStringLiteral("true") : QStringLiteral("false"))
             .arg(qBound(1, limit, 1000)),
         {}, false, [reply](const Answer& a) {
             JsonReader r(a.json);
             reply(a.status == 200 ? wire::readList<AlertRecord>(r, QStringLiteral("alerts"))
                                   : QList<AlertRecord>());
         });
}

void RemoteApi::refreshCounterState()
{
    send("GET", QStringLiteral("/v1/limits"), {}, false, [this](const Answer& a) {
        if (a.status == 200)
            if (auto l = wire::decode<CounterLimits>(a.json, JsonReader::Mode::Lenient))
                m_limits = *l;
    });
    send("GET", QStringLiteral("/v1/reachability"), {}, false, [this](const Answer& a) {
        if (a.status != 200)
            return;
        JsonReader r(a.json);
        m_reachability = wire::readList<WalletReachability>(r, QStringLiteral("wallets"));
        Q_EMIT reachabilityChanged();
    });
}

void RemoteApi::start()
{
    refreshCounterState();
    connectEvents();
}

void RemoteApi::connectEvents()
{
    if (m_events) {
        m_events->disconnect(this);
        m_events->deleteLater();
    }
    m_events = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_events->setSslConfiguration(tls());
    const QUrl server = currentServer();
    QUrl url(server.toString() + QStringLiteral("/v1/events"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                         : QStringLiteral("ws"));
    QWebSocket* ws = m_events;
    if (!m_options.key.fingerprintSha256.isEmpty()) {
        const QString pin = m_options.key.fingerprintSha256.toLower().remove(QLatin1Char(':'));
        connect(ws, &QWebSocket::sslErrors, ws, [ws, pin](const QList<QSslError>&) {
            if (QString::fromLatin1(ws->sslConfiguration()
                                        .peerCertificate()
                                        .digest(QCryptographicHash::Sha256)
                                        .toHex()) == pin)
                ws->ignoreSslErrors();
        });
    }
    connect(ws, &QWebSocket::connected, this, [this, ws] {
        const QByteArray ts = QByteArray::number(m_options.nowMs());
        const QByteArray nonce = signing::freshNonce();
        QJsonObject hello{
            {QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("terminal"),
             m_options.key.storeId + QLatin1Char('/') + m_options.key.terminalId},
            {QStringLiteral("timestamp"), QString::fromLatin1(ts)},
            {QStringLiteral("nonce"), QString::fromLatin1(nonce)},
            {QStringLiteral("signature"),
             QString::fromLatin1(signing::sign(
                 m_options.key.secret, signing::canonical("GET", "/v1/events", ts, nonce, {})))},
            {QStringLiteral("epoch"), m_epoch},
            {QStringLiteral("seq"), QString::number(m_seq)}};
        ws->sendTextMessage(QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
    });
    connect(ws, &QWebSocket::textMessageReceived, this, &RemoteApi::onEvent);
    connect(ws, &QWebSocket::disconnected, this, [this, ws, server] {
        if (ws != m_events)
            return;
        setLink(false,
                QStringLiteral("the server %1 closed the events: %2")
                    .arg(server.toString(),
                         ws->closeReason().isEmpty() ? ws->errorString() : ws->closeReason()));
        // The next server's epoch is its own: it answers resync, and the
        // watched orders are read again there.
        moveOnFrom(server);
        m_reconnect->start(m_backoffMs);
        m_backoffMs = qMin(m_options.maxBackoffMs, m_backoffMs * 2);
    });
    ws->open(url);
}

void RemoteApi::onEvent(const QString& text)
{
    const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = m.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("welcome") || type == QLatin1String("resync")) {
        const bool again = !m_epoch.isEmpty();
        const bool resyncNeeded = type == QLatin1String("resync");
        m_epoch = m.value(QStringLiteral("epoch")).toString();
        if (resyncNeeded || !again)
            m_seq = m.value(QStringLiteral("seq")).toString().toLongLong();
        m_backoffMs = 500;
        setLink(true, QString());
        refreshCounterState();
        if (resyncNeeded)
            resync();
        return;
    }
    if (type == QLatin1String("refused")) {
        setLink(false, QStringLiteral("the server refused this terminal: %1")
                           .arg(m.value(QStringLiteral("message")).toString()));
        return;
    }
    const qint64 seq = m.value(QStringLiteral("seq")).toString().toLongLong();
    if (seq <= m_seq)
        return; // replayed twice
    m_seq = seq;
    if (type == QLatin1String("order")) {
        const QString orderNo = m.value(QStringLiteral("orderNo")).toString();
        const QString state = m.value(QStringLiteral("state")).toString();
        if (isFinalOrder(state))
            m_watched.remove(orderNo);
        Q_EMIT orderChanged(orderNo, orderStateFromName(state));
    } else if (type == QLatin1String("payment")) {
        JsonReader r(m);
        PaymentRecord p;
        p.state = r.enumeration<PaymentState>(QStringLiteral("state"), paymentStateName, 1, 6,
                                              PaymentState::Created);
        Q_EMIT paymentChanged(m.value(QStringLiteral("orderNo")).toString(),
                              m.value(QStringLiteral("paymentNo")).toString(), int(p.state));
    } else if (type == QLatin1String("event")) {
        if (auto e = wire::decode<TrackEvent>(m.value(QStringLiteral("event")).toObject(),
                                              JsonReader::Mode::Lenient)) {
            m_lastEvent[e->orderNo] = qMax(m_lastEvent.value(e->orderNo), e->id);
            Q_EMIT eventRecorded(*e);
        }
    } else if (type == QLatin1String("alert")) {
        if (auto a = wire::decode<AlertRecord>(m.value(QStringLiteral("alert")).toObject(),
                                               JsonReader::Mode::Lenient))
            Q_EMIT alertRaised(*a);
    } else if (type == QLatin1String("reachability")) {
        JsonReader r(m);
        m_reachability = wire::readList<WalletReachability>(r, QStringLiteral("wallets"));
        Q_EMIT reachabilityChanged();
    } else if (type == QLatin1String("fatal")) {
        Q_EMIT fatalError(QStringLiteral("the server stopped: ") +
                          m.value(QStringLiteral("message")).toString());
    }
}

// The server could not replay what was missed: re-read each watched order
// and tell what changed, as the signals would have.
void RemoteApi::resync()
{
    for (const QString& orderNo : std::as_const(m_watched)) {
        orderDetails(orderNo, [this, orderNo](const std::optional<OrderDetails>& d) {
            if (!d)
                return;
            const qint64 last = m_lastEvent.value(orderNo);
            for (const TrackEvent& e : d->events)
                if (e.id > last) {
                    m_lastEvent[orderNo] = e.id;
                    Q_EMIT eventRecorded(e);
                }
            for (const PaymentRecord& p : d->payments)
                Q_EMIT paymentChanged(orderNo, p.paymentNo, int(p.state));
            if (isFinalOrder(orderStateName(d->order.state)))
                m_watched.remove(orderNo);
            Q_EMIT orderChanged(orderNo, int(d->order.state));
        });
    }
}

QString RemoteApi::enrol(const QUrl& server, const TerminalKey& who, const QString& code,
                         QByteArray* secret)
{
    QNetworkAccessManager nam;
    QNetworkRequest rq(QUrl(server.toString() + QStringLiteral("/v1/enrol")));
    rq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    rq.setTransferTimeout(15'000);
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    if (!who.caFile.isEmpty()) {
        QFile f(who.caFile);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read the server's CA %1").arg(who.caFile);
        c.setCaCertificates(QSslCertificate::fromData(f.readAll()));
    }
    rq.setSslConfiguration(c);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("storeId"), who.storeId},
                                  {QStringLiteral("terminalId"), who.terminalId},
                                  {QStringLiteral("code"), code}})
            .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = nam.post(rq, body);
    if (!who.fingerprintSha256.isEmpty()) {
        const QString pin = who.fingerprintSha256.toLower().remove(QLatin1Char(':'));
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin] {
            if (QString::fromLatin1(reply->sslConfiguration()
                                        .peerCertificate()
                                        .digest(QCryptographicHash::Sha256)
                                        .toHex()) == pin)
                reply->ignoreSslErrors();
        });
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 0)
        return QStringLiteral("the server %1 does not answer: %2")
            .arg(server.toString(), reply->errorString());
    if (status != 200)
        return o.contains(QStringLiteral("error")) ? errorText(o)
                                                   : o.value(QStringLiteral("message")).toString();
    *secret = o.value(QStringLiteral("secret")).toString().toLatin1();
    return secret->isEmpty() ? QStringLiteral("the server sent no secret") : QString();
}

} // namespace paydesk
