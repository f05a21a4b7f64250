#include "ApiEvents.h"

#include "api/CounterWire.h"
#include "api/Json.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

namespace paydesk {

namespace {

constexpr int kHelloTimeoutMs = 10'000;
// A too slow subscriber's close frame waits behind all it did not read: one
// that never reads would keep its connection and buffer for good.
constexpr int kCloseGraceMs = 5'000;
constexpr qint64 kMaxHelloBytes = 4096;

QString text(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

ApiEvents::ApiEvents(PayDeskApi& api, TerminalAccess& access, int backlog, qint64 maxUnsentBytes,
                     QObject* parent)
    : QObject(parent), m_api(api), m_access(access), m_backlog(backlog),
      m_maxUnsentBytes(maxUnsentBytes), m_epoch(QUuid::createUuid().toString(QUuid::Id128).left(16))
{
    connect(&api, &PayDeskApi::orderChanged, this, [this](const QString& orderNo, int state) {
        publish({{QStringLiteral("type"), QStringLiteral("order")},
                 {QStringLiteral("orderNo"), orderNo},
                 {QStringLiteral("state"), orderStateName(OrderState(state))}});
    });
    connect(&api, &PayDeskApi::paymentChanged, this,
            [this](const QString& orderNo, const QString& paymentNo, int state) {
                publish({{QStringLiteral("type"), QStringLiteral("payment")},
                         {QStringLiteral("orderNo"), orderNo},
                         {QStringLiteral("paymentNo"), paymentNo},
                         {QStringLiteral("state"), paymentStateName(PaymentState(state))}});
            });
    connect(&api, &PayDeskApi::eventRecorded, this, [this](const TrackEvent& e) {
        publish({{QStringLiteral("type"), QStringLiteral("event")},
                 {QStringLiteral("event"), toJson(e)}});
    });
    connect(&api, &PayDeskApi::alertRaised, this, [this](const AlertRecord& a) {
        publish({{QStringLiteral("type"), QStringLiteral("alert")},
                 {QStringLiteral("alert"), toJson(a)}});
    });
    connect(&api, &PayDeskApi::reachabilityChanged, this, [this] {
        QJsonArray wallets;
        for (const WalletReachability& w : m_api.reachability())
            wallets.append(wire::toJson(w));
        publish({{QStringLiteral("type"), QStringLiteral("reachability")},
                 {QStringLiteral("wallets"), wallets}});
    });
    connect(&api, &PayDeskApi::fatalError, this, [this](const QString& message) {
        publish({{QStringLiteral("type"), QStringLiteral("fatal")},
                 {QStringLiteral("message"), message}});
    });
}

ApiEvents::~ApiEvents()
{
    for (const Subscriber& s : std::as_const(m_subscribers)) {
        s.socket->disconnect(this);
        s.socket->abort();
        delete s.socket;
    }
}

int ApiEvents::subscribers() const
{
    int n = 0;
    for (const Subscriber& s : m_subscribers)
        n += s.caller.isValid() && !s.closing ? 1 : 0;
    return n;
}

void ApiEvents::take(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket* socket = owned.release();
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(kMaxHelloBytes);
    socket->setMaxAllowedIncomingFrameSize(kMaxHelloBytes);
    Subscriber s;
    s.socket = socket;
    s.helloDeadline = new QTimer(socket);
    s.helloDeadline->setSingleShot(true);
    connect(s.helloDeadline, &QTimer::timeout, socket, [socket] {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                      QStringLiteral("no signed hello within 10 s"));
    });
    s.helloDeadline->start(kHelloTimeoutMs);
    m_subscribers.insert(socket, s);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString& message) { hello(socket, message); });
    connect(socket, &QWebSocket::binaryMessageReceived, socket, [socket] {
        socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported,
                      QStringLiteral("text messages only"));
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });
}

void ApiEvents::hello(QWebSocket* socket, const QString& message)
{
    auto it = m_subscribers.find(socket);
    if (it == m_subscribers.end() || it->caller.isValid())
        return; // after the hello, subscribers only listen
    const QJsonObject o = QJsonDocument::fromJson(message.toUtf8()).object();
    SignedRequest r;
    r.method = "GET";
    r.pathAndQuery = "/v1/events";
    r.terminal = o.value(QStringLiteral("terminal")).toString().toUtf8();
    r.timestamp = o.value(QStringLiteral("timestamp")).toString().toUtf8();
    r.nonce = o.value(QStringLiteral("nonce")).toString().toUtf8();
    r.signature = o.value(QStringLiteral("signature")).toString().toUtf8();
    if (o.value(QStringLiteral("type")).toString() != QLatin1String("hello"))
        r.signature.clear();
    const AuthResult auth = m_access.authenticate(r);
    if (!auth.ok()) {
        socket->sendTextMessage(text({{QStringLiteral("type"), QStringLiteral("refused")},
                                      {QStringLiteral("code"), authRefusalName(auth.refusal)},
                                      {QStringLiteral("message"), auth.message}}));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, authRefusalName(auth.refusal));
        return;
    }
    it->caller = auth.caller;
    it->helloDeadline->stop();
    const QString epoch = o.value(QStringLiteral("epoch")).toString();
    const qint64 since = o.value(QStringLiteral("seq")).toString().toLongLong();
    // The backlog holds everything after `since` only if it starts at or before since + 1.
    const bool canReplay =
        epoch == m_epoch && (m_sent.empty() ? since == m_seq : m_sent.front().first <= since + 1);
    const bool fresh = epoch.isEmpty();
    socket->sendTextMessage(
        text({{QStringLiteral("type"),
               canReplay || fresh ? QStringLiteral("welcome") : QStringLiteral("resync")},
              {QStringLiteral("epoch"), m_epoch},
              {QStringLiteral("seq"), QString::number(m_seq)}}));
    if (canReplay)
        for (const auto& [seq, sent] : m_sent)
            if (seq > since)
                socket->sendTextMessage(sent);
}

void ApiEvents::publish(QJsonObject message)
{
    message.insert(QStringLiteral("seq"), QString::number(++m_seq));
    const QString t = text(message);
    m_sent.emplace_back(m_seq, t);
    while (qsizetype(m_sent.size()) > m_backlog)
        m_sent.pop_front();
    QList<QWebSocket*> tooSlow;
    for (Subscriber& s : m_subscribers) {
        if (!s.caller.isValid() || s.closing)
            continue;
        if (s.socket->bytesToWrite() > m_maxUnsentBytes) {
            s.closing = true;
            tooSlow << s.socket;
            continue;
        }
        s.socket->sendTextMessage(t);
    }
    // Closed outside the loop: a close may drop the subscriber at once.
    for (QWebSocket* socket : std::as_const(tooSlow)) {
        socket->close(QWebSocketProtocol::CloseCodeTooMuchData,
                      QStringLiteral("too slow: reconnect to catch up"));
        QTimer::singleShot(kCloseGraceMs, socket, [socket] { socket->abort(); });
    }
}

void ApiEvents::drop(QWebSocket* socket)
{
    if (m_subscribers.remove(socket))
        socket->deleteLater();
}

void ApiEvents::closeAll()
{
    for (const Subscriber& s : std::as_const(m_subscribers))
        s.socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopping"));
}

} // namespace paydesk
