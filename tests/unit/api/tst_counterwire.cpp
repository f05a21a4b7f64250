// The counter's wire shapes: what a server writes (toJson, the CLI's --json)
// a client reads back field for field (wire::read), and what a client sends
// a server reads strictly.
#include "api/Json.h"
#include "api/WireDecode.h"

#include <QJsonDocument>
#include <QTest>

using namespace paydesk;

namespace {

constexpr qint64 kAt = 1'796'000'000'123; // a moment with milliseconds

OrderDetails sampleDetails()
{
    OrderDetails d;
    d.order = {QStringLiteral("PO1000100012026120712000000000001"),
               QStringLiteral("req-1"),
               Money::fromFen(1234),
               QStringLiteral("2 coffees"),
               QStringLiteral("0001"),
               QStringLiteral("0002"),
               OrderState::PartiallyRefunded,
               7,
               kAt,
               kAt + 5,
               QStringLiteral("PA1"),
               200,
               34};
    PaymentRecord p;
    p.paymentNo = QStringLiteral("PA1");
    p.orderNo = d.order.orderNo;
    p.kind = PaymentKind::Qr;
    p.wallet = Wallet::Alipay;
    p.channel = QStringLiteral("alipay");
    p.amount = Money::fromFen(1234);
    p.state = PaymentState::Success;
    p.version = 4;
    p.codeMasked = QStringLiteral("28********1234");
    p.channelTradeNo = QStringLiteral("2026120722001");
    p.returnCode = QStringLiteral("10000");
    p.message = QStringLiteral("paid");
    p.codeUrl = QStringLiteral("https://qr.example/abc");
    p.createdAtMs = kAt;
    p.updatedAtMs = kAt + 1;
    p.deadlineAtMs = kAt + 60'000;
    p.pollCount = 3;
    d.payments << p;
    RefundRecord r;
    r.refundNo = QStringLiteral("RF1");
    r.orderNo = d.order.orderNo;
    r.paymentNo = QStringLiteral("PA1");
    r.requestNo = QStringLiteral("rr-1");
    r.amount = Money::fromFen(200);
    r.reason = QStringLiteral("broken cup");
    r.state = RefundState::Success;
    r.version = 2;
    r.channelRefundNo = QStringLiteral("CR1");
    r.returnCode = QStringLiteral("SUCCESS");
    r.message = QStringLiteral("refunded");
    r.createdAtMs = kAt + 2;
    r.updatedAtMs = kAt + 3;
    r.pollCount = 1;
    d.refunds << r;
    RevokeRecord v;
    v.revokeNo = QStringLiteral("RV1");
    v.paymentNo = QStringLiteral("PA0");
    v.orderNo = d.order.orderNo;
    v.reason = QStringLiteral("customer left");
    v.automatic = false;
    v.state = RevokeState::Done;
    v.version = 3;
    v.attempts = 2;
    v.action = QStringLiteral("close");
    v.returnCode = QStringLiteral("SUCCESS");
    v.message = QStringLiteral("closed");
    v.createdAtMs = kAt + 4;
    v.updatedAtMs = kAt + 6;
    d.revokes << v;
    TrackEvent e;
    e.id = 42;
    e.orderNo = d.order.orderNo;
    e.atMs = kAt + 7;
    e.source = QStringLiteral("channel:alipay");
    e.kind = QStringLiteral("transition");
    e.entity = QStringLiteral("PA1");
    e.fromState = QStringLiteral("PROCESSING");
    e.toState = QStringLiteral("SUCCESS");
    e.message = QStringLiteral("paid");
    e.code = QStringLiteral("payment_paid");
    e.args = {QStringLiteral("¥12.34"), QStringLiteral("a%1b")};
    e.raw = QStringLiteral("{...}");
    e.alert = AlertLevel::Watch;
    d.events << e;
    return d;
}

template <typename T> T roundTrip(const QJsonObject& o)
{
    // Through text, as on the wire.
    const QJsonObject back = QJsonDocument::fromJson(QJsonDocument(o).toJson()).object();
    JsonReader report(QJsonObject{});
    const auto v = wire::decode<T>(back, JsonReader::Mode::Lenient, &report);
    if (!v)
        qFatal("%s", qPrintable(report.error()));
    return *v;
}

} // namespace

class tst_CounterWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detailsComeBackWhole();
    void outcomesComeBackWhole();
    void alertsLimitsAndReachability();
    void commandsAreReadStrictly_data();
    void commandsAreReadStrictly();
    void orderFilterAsQuery();
    void hugeNumberIsRefusedNotCast();
};

void tst_CounterWire::detailsComeBackWhole()
{
    const OrderDetails d = sampleDetails();
    const OrderDetails b = roundTrip<OrderDetails>(toJson(d));
    const OrderRecord &o = d.order, &ob = b.order;
    QCOMPARE(ob.orderNo, o.orderNo);
    QCOMPARE(ob.requestNo, o.requestNo);
    QCOMPARE(ob.amount, o.amount);
    QCOMPARE(ob.subject, o.subject);
    QCOMPARE(ob.storeId, o.storeId);
    QCOMPARE(ob.terminalId, o.terminalId);
    QCOMPARE(ob.state, o.state);
    QCOMPARE(ob.version, o.version);
    QCOMPARE(ob.createdAtMs, o.createdAtMs);
    QCOMPARE(ob.updatedAtMs, o.updatedAtMs);
    QCOMPARE(ob.paidPaymentNo, o.paidPaymentNo);
    QCOMPARE(ob.refundedFen, o.refundedFen);
    QCOMPARE(ob.refundPendingFen, o.refundPendingFen);
    QCOMPARE(b.payments.size(), 1);
    const PaymentRecord &p = d.payments.first(), &pb = b.payments.first();
    QCOMPARE(pb.paymentNo, p.paymentNo);
    QCOMPARE(pb.orderNo, p.orderNo);
    QCOMPARE(pb.kind, p.kind);
    QCOMPARE(pb.wallet, p.wallet);
    QCOMPARE(pb.channel, p.channel);
    QCOMPARE(pb.amount, p.amount);
    QCOMPARE(pb.state, p.state);
    QCOMPARE(pb.version, p.version);
    QCOMPARE(pb.codeMasked, p.codeMasked);
    QCOMPARE(pb.channelTradeNo, p.channelTradeNo);
    QCOMPARE(pb.returnCode, p.returnCode);
    QCOMPARE(pb.message, p.message);
    QCOMPARE(pb.codeUrl, p.codeUrl);
    QCOMPARE(pb.createdAtMs, p.createdAtMs);
    QCOMPARE(pb.updatedAtMs, p.updatedAtMs);
    QCOMPARE(pb.deadlineAtMs, p.deadlineAtMs);
    QCOMPARE(pb.pollCount, p.pollCount);
    QCOMPARE(b.refunds.size(), 1);
    const RefundRecord &r = d.refunds.first(), &rb = b.refunds.first();
    QCOMPARE(rb.refundNo, r.refundNo);
    QCOMPARE(rb.orderNo, r.orderNo);
    QCOMPARE(rb.paymentNo, r.paymentNo);
    QCOMPARE(rb.requestNo, r.requestNo);
    QCOMPARE(rb.amount, r.amount);
    QCOMPARE(rb.reason, r.reason);
    QCOMPARE(rb.state, r.state);
    QCOMPARE(rb.version, r.version);
    QCOMPARE(rb.channelRefundNo, r.channelRefundNo);
    QCOMPARE(rb.returnCode, r.returnCode);
    QCOMPARE(rb.message, r.message);
    QCOMPARE(rb.createdAtMs, r.createdAtMs);
    QCOMPARE(rb.updatedAtMs, r.updatedAtMs);
    QCOMPARE(rb.pollCount, r.pollCount);
    QCOMPARE(b.revokes.size(), 1);
    const RevokeRecord &v = d.revokes.first(), &vb = b.revokes.first();
    QCOMPARE(vb.revokeNo, v.revokeNo);
    QCOMPARE(vb.paymentNo, v.paymentNo);
    QCOMPARE(vb.orderNo, v.orderNo);
    QCOMPARE(vb.reason, v.reason);
    QCOMPARE(vb.automatic, v.automatic);
    QCOMPARE(vb.state, v.state);
    QCOMPARE(vb.version, v.version);
    QCOMPARE(vb.attempts, v.attempts);
    QCOMPARE(vb.action, v.action);
    QCOMPARE(vb.returnCode, v.returnCode);
    QCOMPARE(vb.message, v.message);
    QCOMPARE(vb.createdAtMs, v.createdAtMs);
    QCOMPARE(vb.updatedAtMs, v.updatedAtMs);
    QCOMPARE(b.events.size(), 1);
    const TrackEvent &e = d.events.first(), &eb = b.events.first();
    QCOMPARE(eb.id, e.id);
    QCOMPARE(eb.orderNo, e.orderNo);
    QCOMPARE(eb.atMs, e.atMs);
    QCOMPARE(eb.source, e.source);
    QCOMPARE(eb.kind, e.kind);
    QCOMPARE(eb.entity, e.entity);
    QCOMPARE(eb.fromState, e.fromState);
    QCOMPARE(eb.toState, e.toState);
    QCOMPARE(eb.message, e.message);
    QCOMPARE(eb.code, e.code);
    QCOMPARE(eb.args, e.args);
    QCOMPARE(eb.raw, e.raw);
    QCOMPARE(eb.alert, e.alert);
}

void tst_CounterWire::outcomesComeBackWhole()
{
    CommandOutcome o =
        CommandOutcome::error(CommandStatus::RequestMismatch, QStringLiteral("differs"));
    o.orderNo = QStringLiteral("PO1");
    o.refundNo = QStringLiteral("RF1");
    o.codeUrl = QStringLiteral("weixin://x");
    o.repeated = true;
    o.field = QStringLiteral("amount");
    o.channel = QStringLiteral("wechat");
    o.channelStatus = TradeStatus::Processing;
    o.returnCode = QStringLiteral("USERPAYING");
    const CommandOutcome b = roundTrip<CommandOutcome>(toJson(o));
    QCOMPARE(b.status, o.status);
    QCOMPARE(b.message, o.message);
    QCOMPARE(b.orderNo, o.orderNo);
    QCOMPARE(b.refundNo, o.refundNo);
    QCOMPARE(b.codeUrl, o.codeUrl);
    QCOMPARE(b.repeated, o.repeated);
    QCOMPARE(b.field, o.field);
    QCOMPARE(b.channel, o.channel);
    QCOMPARE(b.channelStatus, o.channelStatus);
    QCOMPARE(b.returnCode, o.returnCode);
    // Every status name comes back as its value.
    for (int s = 0; s <= int(CommandStatus::ChannelUnreachable); ++s)
        QCOMPARE(
            roundTrip<CommandOutcome>(toJson(CommandOutcome::error(CommandStatus(s), {}))).status,
            CommandStatus(s));
}

void tst_CounterWire::alertsLimitsAndReachability()
{
    AlertRecord a{77,
                  kAt,
                  AlertLevel::Page,
                  QStringLiteral("conflicting_result"),
                  QStringLiteral("PO1"),
                  QStringLiteral("look"),
                  QStringLiteral("ann"),
                  kAt + 9};
    const AlertRecord ab = roundTrip<AlertRecord>(toJson(a));
    QCOMPARE(ab.id, a.id);
    QCOMPARE(ab.atMs, a.atMs);
    QCOMPARE(ab.level, a.level);
    QCOMPARE(ab.kind, a.kind);
    QCOMPARE(ab.orderNo, a.orderNo);
    QCOMPARE(ab.message, a.message);
    QCOMPARE(ab.acknowledgedBy, a.acknowledgedBy);
    QCOMPARE(ab.acknowledgedAtMs, a.acknowledgedAtMs);
    const CounterLimits l = roundTrip<CounterLimits>(
        wire::toJson(CounterLimits{5'000'000, 100'000, 30'000, 3, 1'000'000, 2, 200'000}));
    QCOMPARE(l.maxAmountFen, qint64(5'000'000));
    QCOMPARE(l.largeAmountFen, qint64(100'000));
    QCOMPARE(l.cashierRefundLimitFen, qint64(30'000));
    QCOMPARE(l.payoutsPerDay, 3);
    QCOMPARE(l.payoutFenPerDay, qint64(1'000'000));
    QCOMPARE(l.walletWithdrawalsPerDay, 2);
    QCOMPARE(l.walletWithdrawalFenPerDay, qint64(200'000));
    const WalletReachability w{Wallet::WeChat, QStringLiteral("wechat"), Reachability::Down,
                               QStringLiteral("timed out"), kAt};
    const WalletReachability wb = roundTrip<WalletReachability>(wire::toJson(w));
    QCOMPARE(wb.wallet, w.wallet);
    QCOMPARE(wb.channel, w.channel);
    QCOMPARE(wb.state, w.state);
    QCOMPARE(wb.detail, w.detail);
    QCOMPARE(wb.sinceMs, w.sinceMs);
}

void tst_CounterWire::commandsAreReadStrictly_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("field");
    QTest::newRow("complete")
        << QByteArray(R"({"requestNo":"r","amount":"0.01","paymentCode":"134","subject":"s"})")
        << "ok"
        << "";
    QTest::newRow("amount_zero") << QByteArray(
                                        R"({"requestNo":"r","amount":"0.00","paymentCode":"134"})")
                                 << "bad_value"
                                 << "amount";
    QTest::newRow("amount_negative")
        << QByteArray(R"({"requestNo":"r","amount":"-1.00","paymentCode":"134"})") << "bad_value"
        << "amount";
    QTest::newRow("amount_exponent")
        << QByteArray(R"({"requestNo":"r","amount":"1e3","paymentCode":"134"})") << "bad_value"
        << "amount";
    QTest::newRow("amount_number")
        << QByteArray(R"({"requestNo":"r","amount":1,"paymentCode":"134"})") << "wrong_type"
        << "amount";
    QTest::newRow("code_number") << QByteArray(
                                        R"({"requestNo":"r","amount":"1.00","paymentCode":134})")
                                 << "wrong_type"
                                 << "paymentCode";
    QTest::newRow("empty_request_no")
        << QByteArray(R"({"requestNo":"","amount":"1.00","paymentCode":"134"})") << "missing_field"
        << "requestNo";
    QTest::newRow("regression: a field named \"\" was refused without naming it")
        << QByteArray(R"({"requestNo":"r","amount":"1.00","paymentCode":"134","":"M1"})")
        << "unknown_field"
        << "\"\"";
    QTest::newRow("extra_field")
        << QByteArray(R"({"requestNo":"r","amount":"1.00","paymentCode":"134","x":1})")
        << "unknown_field"
        << "x";
}

void tst_CounterWire::commandsAreReadStrictly()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QFETCH(QString, field);
    JsonReader report(QJsonObject{});
    const auto cmd = wire::decode<PayCommand>(QJsonDocument::fromJson(json).object(),
                                              JsonReader::Mode::Strict, &report);
    QCOMPARE(jsonProblemCode(report.problem()), problem);
    QCOMPARE(report.field(), field);
    QCOMPARE(cmd.has_value(), problem == QLatin1String("ok"));
    if (cmd) {
        // And what a client writes, a server reads the same.
        const auto back = wire::decode<PayCommand>(wire::toJson(*cmd), JsonReader::Mode::Strict);
        QVERIFY(back);
        QCOMPARE(back->amount, cmd->amount);
        QCOMPARE(back->paymentCode, cmd->paymentCode);
        QCOMPARE(back->subject, cmd->subject);
    }
}

void tst_CounterWire::orderFilterAsQuery()
{
    OrderFilter f;
    f.state = int(OrderState::Paid);
    f.sinceMs = kAt;
    f.search = QStringLiteral("12 34&x=1");
    f.limit = 20;
    f.beforeOrderNo = QStringLiteral("PO9");
    QString why;
    const auto b =
        wire::orderFilterFromQuery(QUrlQuery(wire::toQuery(f).toString(QUrl::FullyEncoded)), &why);
    QVERIFY2(b, qPrintable(why));
    QCOMPARE(b->state, f.state);
    QCOMPARE(b->sinceMs, f.sinceMs);
    QCOMPARE(b->search, f.search);
    QCOMPARE(b->limit, f.limit);
    QCOMPARE(b->beforeOrderNo, f.beforeOrderNo);
    QVERIFY(!wire::orderFilterFromQuery(QUrlQuery(QStringLiteral("limit=0")), &why));
    QVERIFY(why.contains(QLatin1String("limit")));
}

// Regression (fuzz_api_request under UBSan): 1e70 was cast to qint64 before
// its range was checked, undefined behaviour.
void tst_CounterWire::hugeNumberIsRefusedNotCast()
{
    for (const char* json : {R"({"failedTries":1e70,"lockedForMs":"1000"})",
                             R"({"failedTries":-1e70,"lockedForMs":"1000"})",
                             R"({"failedTries":5,"lockedForMs":1e300})"}) {
        JsonReader report(QJsonObject{});
        QVERIFY(!wire::decode<PinLockout>(QJsonDocument::fromJson(json).object(),
                                          JsonReader::Mode::Strict, &report));
        QCOMPARE(jsonProblemCode(report.problem()), QStringLiteral("wrong_type"));
        QVERIFY(!report.field().isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_CounterWire)
#include "tst_counterwire.moc"
