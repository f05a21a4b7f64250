// paydesk-core serve's HTTP layer in one process: the embedded core with a
// manual clock behind a real ApiServer on a loopback port, called over real
// HTTP and WebSocket. Enrolment, signatures and their refusals, bad
// requests, the API's description against the routes, and events.
#include "ApiEvents.h"
#include "ApiServer.h"
#include "api/Json.h"
#include "api/types/Terminals.h"
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/EngineHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace paydesk;
using paydesk::test::EngineHarness;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject json;
    QString errorCode() const
    {
        return json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

// A terminal's side: signs what it sends, as the remote client does.
class Client
{
public:
    explicit Client(EngineHarness& h) : m_h(h) {}
    void setBase(const QString& base) { m_base = base; }

    QByteArray terminal = "S1/T1";
    QByteArray secret;
    // Overrides for the refusal rows.
    std::optional<qint64> timestampMs;
    QByteArray fixedNonce;
    bool sign = true;

    Answer send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body = {})
    {
        QNetworkRequest rq(QUrl(m_base + pathAndQuery));
        rq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (sign) {
            const QByteArray ts = QByteArray::number(timestampMs.value_or(m_h.clock().nowMs()));
            const QByteArray nonce = fixedNonce.isEmpty() ? signing::freshNonce() : fixedNonce;
            rq.setRawHeader("X-PayDesk-Terminal", terminal);
            rq.setRawHeader("X-PayDesk-Timestamp", ts);
            rq.setRawHeader("X-PayDesk-Nonce", nonce);
            rq.setRawHeader(
                "X-PayDesk-Signature",
                signing::sign(secret, signing::canonical(method, signing::target(rq.url()), ts,
                                                         nonce, body)));
        }
        QNetworkReply* reply = m_nam.sendCustomRequest(rq, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return a;
    }
    Answer post(const QString& path, const QJsonObject& body)
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private:
    EngineHarness& m_h;
    QString m_base;
    QNetworkAccessManager m_nam;
};

// A server over an embedded core, and an enrolled terminal S1/T1.
struct Served
{
    EngineHarness h;
    ApiServer server;
    Client client;

    explicit Served(ApiServerOptions options = {}) : server(h.api(), options), client(h)
    {
        QString error;
        if (!server.listen(&error))
            qFatal("%s", qPrintable(error));
        client.setBase(server.baseUrl());
    }

    TerminalEnrolment add(const QString& store, const QString& terminal)
    {
        std::optional<TerminalEnrolment> got;
        h.api().terminalAccess().addTerminal(store, terminal,
                                             [&](const TerminalEnrolment& e) { got = e; });
        for (int i = 0; i < 100 && !got; ++i)
            h.drain();
        return *got;
    }
    void enrol()
    {
        const TerminalEnrolment e = add(QStringLiteral("S1"), QStringLiteral("T1"));
        QVERIFY2(e.outcome.ok(), qPrintable(e.outcome.message));
        const Answer a = client.post(QStringLiteral("/v1/enrol"),
                                     {{QStringLiteral("storeId"), QStringLiteral("S1")},
                                      {QStringLiteral("terminalId"), QStringLiteral("T1")},
                                      {QStringLiteral("code"), e.code}});
        QCOMPARE(a.status, 200);
        client.secret = a.json.value(QStringLiteral("secret")).toString().toLatin1();
        QVERIFY(!client.secret.isEmpty());
    }
};

QJsonObject payBody(const QString& requestNo, const QString& code)
{
    return {{QStringLiteral("requestNo"), requestNo},
            {QStringLiteral("amount"), QStringLiteral("12.34")},
            {QStringLiteral("paymentCode"), code}};
}

} // namespace

class tst_ApiServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enrolledTerminalPays();
    void enrolmentCodeIsOneTimeAndGuessesVoidIt();
    void refusedRequests_data();
    void refusedRequests();
    void badRequests_data();
    void badRequests();
    void oversizedBodyIsRefusedUnread();
    void descriptionMatchesTheRoutes();
    void eventsReachASignedSubscriber();
    void slowSubscriberIsClosedOthersGoOn();
    void healthAndStopping();
    void plainHttpOnlyOnLoopback();
};

void tst_ApiServer::enrolledTerminalPays()
{
    Served s;
    s.enrol();
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
    const Answer paid =
        s.client.post(QStringLiteral("/v1/payments"), payBody(QStringLiteral("r1"), code));
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const QString orderNo = paid.json.value(QStringLiteral("orderNo")).toString();
    QVERIFY(!orderNo.isEmpty());
    s.h.drain();
    const Answer order = s.client.send("GET", QStringLiteral("/v1/orders/") + orderNo);
    QCOMPARE(order.status, 200);
    QCOMPARE(order.json.value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    // The order is the calling terminal's, whatever the server's own numbers are.
    QCOMPARE(order.json.value(QStringLiteral("storeId")).toString(), QStringLiteral("S1"));
    QCOMPARE(order.json.value(QStringLiteral("terminalId")).toString(), QStringLiteral("T1"));
    QCOMPARE(order.json.value(QStringLiteral("amount"))
                 .toObject()
                 .value(QStringLiteral("fen"))
                 .toString(),
             QStringLiteral("1234"));
    QVERIFY(!order.json.value(QStringLiteral("timeline")).toArray().isEmpty());
    // The same request number again: the first result, no second charge.
    const Answer again =
        s.client.post(QStringLiteral("/v1/payments"), payBody(QStringLiteral("r1"), code));
    QCOMPARE(again.json.value(QStringLiteral("orderNo")).toString(), orderNo);
    QCOMPARE(again.json.value(QStringLiteral("repeated")).toBool(), true);
    QCOMPARE(s.h.orderCount(), 1);
    const Answer list = s.client.send("GET", QStringLiteral("/v1/orders?limit=5&state=paid"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value(QStringLiteral("orders")).toArray().size(), 1);
    const Answer unknown = s.client.send("GET", QStringLiteral("/v1/orders/PO1nosuchorder"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), QStringLiteral("not_found"));
}

void tst_ApiServer::enrolmentCodeIsOneTimeAndGuessesVoidIt()
{
    Served s;
    const TerminalEnrolment e = s.add(QStringLiteral("S1"), QStringLiteral("T2"));
    const auto enrol = [&](const QString& code) {
        return s.client.post(QStringLiteral("/v1/enrol"),
                             {{QStringLiteral("storeId"), QStringLiteral("S1")},
                              {QStringLiteral("terminalId"), QStringLiteral("T2")},
                              {QStringLiteral("code"), code}});
    };
    QCOMPARE(enrol(e.code).status, 200);
    // Used once: the code is gone.
    const Answer second = enrol(e.code);
    QCOMPARE(second.status, 403);
    QCOMPARE(second.json.value(QStringLiteral("status")).toString(),
             QStringLiteral("invalid_state"));
    QVERIFY(second.json.value(QStringLiteral("secret")).isUndefined());
    // A new code; five wrong guesses void it, so the right one then fails too.
    const TerminalEnrolment f = s.add(QStringLiteral("S1"), QStringLiteral("T2"));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(enrol(QStringLiteral("AAAA-AAAA-AAAA-AAAA"))
                     .json.value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("invalid_argument"));
    QCOMPARE(enrol(QStringLiteral("AAAA-AAAA-AAAA-AAAA"))
                 .json.value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("limit_reached"));
    QCOMPARE(enrol(f.code).status, 403);
}

void tst_ApiServer::refusedRequests_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("code");
    QTest::newRow("unsigned") << "unsigned"
                              << "missing_signature";
    QTest::newRow("unknown_terminal") << "unknown"
                                      << "unknown_terminal";
    QTest::newRow("wrong_secret") << "secret"
                                  << "bad_signature";
    QTest::newRow("ten_minutes_old") << "old"
                                     << "stale_timestamp";
    QTest::newRow("replayed_nonce") << "replay"
                                    << "replayed_nonce";
    QTest::newRow("disabled_terminal") << "disabled"
                                       << "terminal_disabled";
}

void tst_ApiServer::refusedRequests()
{
    QFETCH(QString, tamper);
    QFETCH(QString, code);
    Served s;
    s.enrol();
    if (tamper == QLatin1String("unsigned"))
        s.client.sign = false;
    else if (tamper == QLatin1String("unknown"))
        s.client.terminal = "S1/T9";
    else if (tamper == QLatin1String("secret"))
        s.client.secret = "not-the-secret";
    else if (tamper == QLatin1String("old"))
        s.client.timestampMs = s.h.clock().nowMs() - 10 * 60 * 1000;
    else if (tamper == QLatin1String("replay")) {
        s.client.fixedNonce = "nonce-used-twice-0001";
        QCOMPARE(s.client.send("GET", QStringLiteral("/v1/limits")).status, 200);
    } else if (tamper == QLatin1String("disabled")) {
        std::optional<BackOfficeOutcome> done;
        s.h.api().terminalAccess().disableTerminal(QStringLiteral("S1"), QStringLiteral("T1"),
                                                   [&](const BackOfficeOutcome& o) { done = o; });
        for (int i = 0; i < 100 && !done; ++i)
            s.h.drain();
        QVERIFY(done && done->ok());
    }
    const int ordersBefore = s.h.orderCount();
    const Answer a =
        s.client.post(QStringLiteral("/v1/payments"),
                      payBody(QStringLiteral("r-refused"),
                              sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)));
    QCOMPARE(a.status, 401);
    QCOMPARE(a.errorCode(), code);
    QVERIFY(!a.json.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .isEmpty());
    s.h.drain();
    QCOMPARE(s.h.orderCount(), ordersBefore); // nothing was done in its name
}

void tst_ApiServer::badRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QByteArray code =
        sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess).toLatin1();
    QTest::newRow("malformed_json") << QByteArray("POST") << "/v1/payments"
                                    << QByteArray("{\"requestNo\":") << 400 << "malformed_json"
                                    << "";
    QTest::newRow("not_an_object")
        << QByteArray("POST") << "/v1/payments" << QByteArray("[1,2]") << 400 << "malformed_json"
        << "";
    QTest::newRow("unknown_field")
        << QByteArray("POST") << "/v1/payments"
        << QByteArray("{\"requestNo\":\"b1\",\"amount\":\"1.00\",\"paymentCode\":\"" + code +
                      "\",\"tip\":\"5.00\"}")
        << 400 << "unknown_field"
        << "tip";
    QTest::newRow("amount_as_float")
        << QByteArray("POST") << "/v1/payments"
        << QByteArray("{\"requestNo\":\"b2\",\"amount\":12.5,\"paymentCode\":\"" + code + "\"}")
        << 400 << "wrong_type"
        << "amount";
    QTest::newRow("three_decimals")
        << QByteArray("POST") << "/v1/payments"
        << QByteArray("{\"requestNo\":\"b3\",\"amount\":\"1.234\",\"paymentCode\":\"" + code +
                      "\"}")
        << 400 << "bad_value"
        << "amount";
    QTest::newRow("missing_request_no")
        << QByteArray("POST") << "/v1/payments"
        << QByteArray("{\"amount\":\"1.00\",\"paymentCode\":\"" + code + "\"}") << 400
        << "missing_field"
        << "requestNo";
    QTest::newRow("wallet_unknown")
        << QByteArray("POST") << "/v1/qr-orders"
        << QByteArray("{\"requestNo\":\"b4\",\"amount\":\"1.00\",\"wallet\":\"paypal\"}") << 400
        << "bad_value"
        << "wallet";
    QTest::newRow("get_on_a_command")
        << QByteArray("GET") << "/v1/payments" << QByteArray() << 405 << "method_not_allowed"
        << "";
    QTest::newRow("no_such_route")
        << QByteArray("GET") << "/v1/nothing-here" << QByteArray() << 404 << "no_such_route"
        << "";
    QTest::newRow("bad_order_filter")
        << QByteArray("GET") << "/v1/orders?state=SHIPPED" << QByteArray() << 400 << "bad_value"
        << "";
    QTest::newRow("pin_lockout_of_no_time")
        << QByteArray("POST") << "/v1/pin-lockouts"
        << QByteArray(R"({"failedTries":5,"lockedForMs":"0"})") << 400 << "bad_value"
        << "lockedForMs";
    QTest::newRow("unknown_alert_parameter")
        << QByteArray("GET") << "/v1/alerts?colour=red" << QByteArray() << 400 << "unknown_field"
        << "colour";
    // The back office and reconciliation refuse the same way.
    QTest::newRow("top_up_unknown_field")
        << QByteArray("POST") << "/v1/wallets/m1/cash-top-ups"
        << QByteArray(R"({"amount":"1.00","requestNo":"t","by":"ann","memberId":"m2"})") << 400
        << "unknown_field"
        << "memberId";
    QTest::newRow("top_up_amount_as_float")
        << QByteArray("POST") << "/v1/wallets/m1/cash-top-ups"
        << QByteArray(R"({"amount":1.5,"requestNo":"t","by":"ann"})") << 400 << "wrong_type"
        << "amount";
    QTest::newRow("decision_says_which_way")
        << QByteArray("POST") << "/v1/withdrawals/WD000001/decision"
        << QByteArray(R"({"by":"bob"})") << 400 << "missing_field"
        << "approve";
    QTest::newRow("bill_path_on_the_server")
        << QByteArray("POST") << "/v1/reconciliations"
        << QByteArray(
               R"({"channel":"wechat","day":"2026-11-23","by":"ann","billPath":"/etc/passwd"})")
        << 400 << "bad_value"
        << "billPath";
    QTest::newRow("report_path_on_the_server")
        << QByteArray("POST") << "/v1/reconciliations"
        << QByteArray(
               R"({"channel":"wechat","day":"2026-11-23","by":"ann","pdfPath":"/tmp/x.pdf"})")
        << 400 << "bad_value"
        << "pdfPath";
    QTest::newRow("unknown_journal_parameter")
        << QByteArray("GET") << "/v1/ledger/journal?acount=asset:bank" << QByteArray() << 400
        << "bad_value"
        << "";
    QTest::newRow("bad_difference_state")
        << QByteArray("GET") << "/v1/differences?state=closed" << QByteArray() << 400 << "bad_value"
        << "";
    QTest::newRow("difference_id_not_a_number")
        << QByteArray("GET") << "/v1/differences/abc" << QByteArray() << 400 << "bad_value"
        << "id";
    QTest::newRow("unknown_difference")
        << QByteArray("GET") << "/v1/differences/999" << QByteArray() << 404 << "not_found"
        << "";
    QTest::newRow("approvals_of_no_kind")
        << QByteArray("GET") << "/v1/approvals?kind=bonus" << QByteArray() << 400 << "bad_value"
        << "kind";
    QTest::newRow("get_on_a_wallet_command") << QByteArray("GET") << "/v1/wallets/m1/payments"
                                             << QByteArray() << 405 << "method_not_allowed"
                                             << "";
}

void tst_ApiServer::badRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    Served s;
    s.enrol();
    const Answer a = s.client.send(method, path, body);
    QCOMPARE(a.status, status);
    QCOMPARE(a.errorCode(), code);
    if (!field.isEmpty())
        QCOMPARE(a.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 field);
    s.h.drain();
    QCOMPARE(s.h.orderCount(), 0); // bad input changes nothing
}

void tst_ApiServer::oversizedBodyIsRefusedUnread()
{
    ApiServerOptions o;
    o.limits.maxBodyBytes = 1024;
    Served s(o);
    s.enrol();
    const QByteArray big = "{\"requestNo\":\"" + QByteArray(4096, 'x') + "\"}";
    const Answer a = s.client.send("POST", QStringLiteral("/v1/payments"), big);
    QCOMPARE(a.status, 413);
    QCOMPARE(s.h.orderCount(), 0);
}

void tst_ApiServer::descriptionMatchesTheRoutes()
{
    Served s;
    s.enrol();
    const Answer doc = s.client.send("GET", QStringLiteral("/v1/openapi.json"));
    QCOMPARE(doc.status, 200);
    QCOMPARE(doc.json.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
    QSet<QString> documented;
    const QJsonObject paths = doc.json.value(QStringLiteral("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p)
        for (const QString& m : p.value().toObject().keys())
            documented.insert(m.toUpper() + QLatin1Char(' ') + p.key());
    QSet<QString> served;
    for (const ApiRoute& r : ApiServer::routes())
        served.insert(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path);
    QCOMPARE(documented, served);
    // Each documented route answers: not "no such route", not "method not allowed".
    static const QRegularExpression param(QStringLiteral("\\{[A-Za-z]+\\}"));
    for (const QString& route : std::as_const(documented)) {
        const QStringList parts = route.split(QLatin1Char(' '));
        if (parts.at(1) == QLatin1String("/v1/events"))
            continue; // a WebSocket: eventsReachASignedSubscriber
        QString path = parts.at(1);
        path.replace(param, QStringLiteral("123"));
        const Answer a =
            s.client.send(parts.at(0).toLatin1(), path,
                          parts.at(0) == QLatin1String("POST") ? QByteArray("{}") : QByteArray());
        QVERIFY2(a.status != 0, qPrintable(route));
        QVERIFY2(a.errorCode() != QLatin1String("no_such_route") &&
                     a.errorCode() != QLatin1String("method_not_allowed"),
                 qPrintable(route + QStringLiteral(": ") + a.errorCode()));
        // A documented error answer is the Error shape.
        if (a.status >= 400 && !parts.at(1).startsWith(QLatin1String("/notify/")) &&
            !parts.at(1).endsWith(QLatin1String("z")))
            QVERIFY2(!a.errorCode().isEmpty() || a.json.contains(QStringLiteral("status")),
                     qPrintable(route));
    }
    // An undocumented route is refused.
    QCOMPARE(s.client.send("DELETE", QStringLiteral("/v1/orders")).errorCode(),
             QStringLiteral("method_not_allowed"));
}

void tst_ApiServer::eventsReachASignedSubscriber()
{
    Served s;
    s.enrol();
    QWebSocket ws;
    QStringList received;
    QObject::connect(&ws, &QWebSocket::textMessageReceived, &ws,
                     [&](const QString& m) { received << m; });
    QUrl url(s.server.baseUrl() + QStringLiteral("/v1/events"));
    url.setScheme(QStringLiteral("ws"));
    ws.open(url);
    QTRY_VERIFY2_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState,
                              qPrintable(ws.errorString()), 5000);
    const QByteArray ts = QByteArray::number(s.h.clock().nowMs());
    const QByteArray nonce = signing::freshNonce();
    ws.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")},
                                  {QStringLiteral("terminal"), QStringLiteral("S1/T1")},
                                  {QStringLiteral("timestamp"), QString::fromLatin1(ts)},
                                  {QStringLiteral("nonce"), QString::fromLatin1(nonce)},
                                  {QStringLiteral("signature"),
                                   QString::fromLatin1(signing::sign(
                                       s.client.secret,
                                       signing::canonical("GET", "/v1/events", ts, nonce, {})))}})
            .toJson(QJsonDocument::Compact)));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 5000);
    QVERIFY2(received.first().contains(QLatin1String("\"welcome\"")), qPrintable(received.first()));
    QCOMPARE(s.server.events().subscribers(), 1);
    const Answer paid =
        s.client.post(QStringLiteral("/v1/payments"),
                      payBody(QStringLiteral("e1"),
                              sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)));
    const QString orderNo = paid.json.value(QStringLiteral("orderNo")).toString();
    s.h.drain();
    QTRY_VERIFY_WITH_TIMEOUT(received.filter(QLatin1String("\"type\":\"order\""))
                                     .filter(orderNo)
                                     .filter(QLatin1String("PAID"))
                                     .size() == 1,
                             5000);
    QVERIFY(!received.filter(QLatin1String("\"type\":\"event\"")).isEmpty());

    // A subscriber whose hello is not signed is told why and closed.
    QWebSocket stranger;
    QStringList told;
    QObject::connect(&stranger, &QWebSocket::textMessageReceived, &stranger,
                     [&](const QString& m) { told << m; });
    stranger.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(stranger.state(), QAbstractSocket::ConnectedState, 5000);
    stranger.sendTextMessage(QStringLiteral("{\"type\":\"hello\",\"terminal\":\"S1/T1\"}"));
    QTRY_COMPARE_WITH_TIMEOUT(stranger.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(!told.isEmpty() && told.first().contains(QLatin1String("missing_signature")));
    QCOMPARE(s.server.events().subscribers(), 1);
}

namespace {

// A client frame as RFC 6455 wants it: FIN, text, masked.
QByteArray maskedTextFrame(const QByteArray& payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    Q_ASSERT(payload.size() < 65536);
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (int i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    return frame;
}

QByteArray signedHello(Served& s)
{
    const QByteArray ts = QByteArray::number(s.h.clock().nowMs());
    const QByteArray nonce = signing::freshNonce();
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")},
                                     {QStringLiteral("terminal"), QStringLiteral("S1/T1")},
                                     {QStringLiteral("timestamp"), QString::fromLatin1(ts)},
                                     {QStringLiteral("nonce"), QString::fromLatin1(nonce)},
                                     {QStringLiteral("signature"),
                                      QString::fromLatin1(signing::sign(
                                          s.client.secret, signing::canonical("GET", "/v1/events",
                                                                              ts, nonce, {})))}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

// A subscriber that stops reading (a frozen counter, a dead link) must not
// grow the server's memory without end or hold up the others: past its
// limit of unread bytes it is closed, and the rest go on.
void tst_ApiServer::slowSubscriberIsClosedOthersGoOn()
{
    ApiServerOptions options;
    options.maxUnsentEventBytes = 16 * 1024;
    options.requestsPerSecond = 1'000'000; // the flood of sales is the point here
    Served s(options);
    s.enrol();

    // The frozen one speaks WebSocket by hand so that it can stop reading.
    QTcpSocket frozen;
    frozen.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    frozen.connectToHost(QHostAddress::LocalHost, QUrl(s.server.baseUrl()).port());
    QVERIFY(frozen.waitForConnected(5000));
    frozen.write("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray handshake;
    QTRY_VERIFY_WITH_TIMEOUT((handshake += frozen.readAll()).contains("\r\n\r\n"), 5000);
    QVERIFY2(handshake.startsWith("HTTP/1.1 101"), handshake.constData());
    frozen.write(maskedTextFrame(signedHello(s)));
    QTRY_COMPARE_WITH_TIMEOUT(s.server.events().subscribers(), 1, 5000);
    // From now on it reads nothing: its window closes, the server's queue grows.
    frozen.setReadBufferSize(1);
    frozen.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);

    QWebSocket reader;
    QStringList received;
    QObject::connect(&reader, &QWebSocket::textMessageReceived, &reader,
                     [&](const QString& m) { received << m; });
    QUrl url(s.server.baseUrl() + QStringLiteral("/v1/events"));
    url.setScheme(QStringLiteral("ws"));
    reader.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(reader.state(), QAbstractSocket::ConnectedState, 5000);
    reader.sendTextMessage(QString::fromUtf8(signedHello(s)));
    QTRY_COMPARE_WITH_TIMEOUT(s.server.events().subscribers(), 2, 5000);

    // Sales made at the server's own counter, quickly: their events go to both.
    int sales = 0;
    for (; sales < 5000 && s.server.events().subscribers() == 2; ++sales)
        QVERIFY(s.h.pay(sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                        QStringLiteral("1.00"), QStringLiteral("slow-%1").arg(sales))
                    .ok());
    QVERIFY2(s.server.events().subscribers() == 1,
             qPrintable(QStringLiteral("still 2 subscribers after %1 sales").arg(sales)));
    // The reader still gets what follows.
    const Answer last =
        s.client.post(QStringLiteral("/v1/payments"),
                      payBody(QStringLiteral("after"),
                              sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)));
    const QString orderNo = last.json.value(QStringLiteral("orderNo")).toString();
    s.h.drain();
    QTRY_VERIFY_WITH_TIMEOUT(
        !received.filter(QLatin1String("\"type\":\"order\"")).filter(orderNo).isEmpty(), 5000);
    // The server lets the frozen connection go (at the latest after its
    // grace period), whether or not the peer ever reads its close frame.
    QTRY_COMPARE_WITH_TIMEOUT(s.server.events().connections(), 1, 8000);
}

void tst_ApiServer::healthAndStopping()
{
    Served s;
    s.enrol();
    s.client.sign = false; // health needs no signature
    QCOMPARE(
        s.client.send("GET", QStringLiteral("/healthz")).json.value(QStringLiteral("ok")).toBool(),
        true);
    QCOMPARE(s.client.send("GET", QStringLiteral("/readyz")).status, 200);
    s.server.stopTakingCommands();
    QCOMPARE(s.client.send("GET", QStringLiteral("/readyz")).status, 503);
    s.client.sign = true;
    const Answer refused =
        s.client.post(QStringLiteral("/v1/payments"),
                      payBody(QStringLiteral("late"),
                              sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)));
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.errorCode(), QStringLiteral("stopping"));
    QCOMPARE(s.client.send("GET", QStringLiteral("/v1/limits")).status, 200); // reads still answer
}

void tst_ApiServer::plainHttpOnlyOnLoopback()
{
    EngineHarness h;
    ApiServerOptions o;
    o.address = QHostAddress::AnyIPv4;
    ApiServer server(h.api(), o);
    QString error;
    QCOMPARE(server.listen(&error), quint16(0));
    QVERIFY2(error.contains(QLatin1String("loopback")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_ApiServer)
#include "tst_apiserver.moc"
