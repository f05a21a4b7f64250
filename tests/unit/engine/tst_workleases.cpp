// Several cores on one database share the unfinished work through order
// leases: a live holder keeps its orders, a dead one's are taken over once
// its lease runs out, a stopped one's at once.
#include "testsupport/EngineHarness.h"

#include <QCoreApplication>
#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

namespace {

constexpr qint64 kLeaseMs = 6'000; // EngineConfig's default

CommandOutcome waitFor(const std::function<void(PayDeskApi::Reply)>& send)
{
    std::optional<CommandOutcome> out;
    send([&](const CommandOutcome& o) { out = o; });
    for (int i = 0; i < 1000 && !out; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    if (!out)
        qFatal("command never answered");
    return *out;
}

OrderDetails detailsOf(PayDeskApi& api, const QString& orderNo)
{
    std::optional<OrderDetails> d;
    api.orderDetails(orderNo, [&](const std::optional<OrderDetails>& x) { d = x; });
    if (!d)
        qFatal("no order %s", qPrintable(orderNo));
    return *d;
}

QList<TrackEvent> eventsWithCode(const OrderDetails& d, const QString& code)
{
    QList<TrackEvent> out;
    for (const TrackEvent& e : d.events)
        if (e.code == code)
            out << e;
    return out;
}

QString userPayingCode()
{
    return EngineHarness::code(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 5);
}

} // namespace

class tst_WorkLeases : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedHoldersOrderIsTakenOverWhenItsLeaseRunsOut();
    void commandsOnAnotherHoldersOrderAreRefused();
    void stoppedHoldersOrderIsTakenOverAtOnce();
    void refundOfAFinishedOrderIsAnyones();
};

void tst_WorkLeases::killedHoldersOrderIsTakenOverWhenItsLeaseRunsOut()
{
    EngineHarness a;
    const CommandOutcome out =
        a.pay(userPayingCode(), QStringLiteral("8.80"), QStringLiteral("lease-1"));
    QVERIFY2(out.ok(), qPrintable(out.message));
    QCOMPARE(a.details(out.orderNo).payments.first().state, PaymentState::Processing);

    auto b = a.copyAsIfKilled();
    const qint64 killedAtMs = b->clock().nowMs();
    QCOMPARE(b->api().resumeAll(), 0);
    QCOMPARE(b->api().workHeldElsewhere(), 1);
    QVERIFY(b->api().isIdle()); // none of its own work, but not all done

    b->advance(kLeaseMs - 1'000);
    OrderDetails d = detailsOf(b->api(), out.orderNo);
    QCOMPARE(d.payments.first().state, PaymentState::Processing);
    QVERIFY(eventsWithCode(d, QStringLiteral("work_taken_over")).isEmpty());

    b->advance(60'000);
    d = detailsOf(b->api(), out.orderNo);
    QCOMPARE(orderStateName(d.order.state), orderStateName(OrderState::Paid));
    QCOMPARE(d.payments.size(), 1); // charged once
    const auto takeovers = eventsWithCode(d, QStringLiteral("work_taken_over"));
    QCOMPARE(takeovers.size(), 1);
    // Named after the dead holder (host/pid/random), within 10 s of its death.
    QCOMPARE(takeovers.first().args.size(), 1);
    QVERIFY2(takeovers.first().args.first().count(QLatin1Char('/')) == 2,
             qPrintable(takeovers.first().args.first()));
    QVERIFY(takeovers.first().atMs >= killedAtMs + kLeaseMs);
    QVERIFY(takeovers.first().atMs <= killedAtMs + 10'000);
    const auto trade = b->sandbox().trade(d.payments.first().paymentNo);
    QVERIFY(trade.has_value());
    QCOMPARE(trade->state, QStringLiteral("SUCCESS"));
    QCOMPARE(b->api().workHeldElsewhere(), 0);
    QVERIFY(b->api().isIdle());
}

// Two cores in one thread on one SQLite file would wait on each other's
// write lock, so the other core here works on a copy taken while the holder
// lived (its lease fresh); tst_cli runs two live processes.
void tst_WorkLeases::commandsOnAnotherHoldersOrderAreRefused()
{
    EngineHarness a;
    const CommandOutcome out =
        a.pay(userPayingCode(), QStringLiteral("9.90"), QStringLiteral("lease-2"));
    QVERIFY2(out.ok(), qPrintable(out.message));
    auto b = a.copyAsIfKilled();

    const CommandOutcome revoke = b->revoke(out.orderNo);
    QCOMPARE(int(revoke.status), int(CommandStatus::AttemptInProgress));
    QVERIFY2(revoke.message.contains(QStringLiteral("another PayDesk process or server")),
             qPrintable(revoke.message));
    const CommandOutcome query =
        waitFor([&](PayDeskApi::Reply r) { b->api().query(out.orderNo, r); });
    QCOMPARE(int(query.status), int(CommandStatus::AttemptInProgress));
    // A further attempt at the order with another code: refused too.
    const CommandOutcome second =
        b->pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::InstantSuccess),
               QStringLiteral("9.90"), QStringLiteral("lease-2b"), out.orderNo);
    QCOMPARE(int(second.status), int(CommandStatus::AttemptInProgress));
    // Nothing changed.
    const OrderDetails d = b->details(out.orderNo);
    QCOMPARE(d.payments.size(), 1);
    QVERIFY(d.revokes.isEmpty());
    QVERIFY(eventsWithCode(d, QStringLiteral("revoke_requested")).isEmpty());
}

void tst_WorkLeases::stoppedHoldersOrderIsTakenOverAtOnce()
{
    EngineHarness a;
    const CommandOutcome out =
        a.pay(userPayingCode(), QStringLiteral("7.70"), QStringLiteral("lease-3"));
    QVERIFY2(out.ok(), qPrintable(out.message));
    auto b = a.openPeer();
    QCOMPARE(b->resumeAll(), 0);
    const qint64 stoppedAtMs = a.clock().nowMs();
    a.stop(); // a clean stop ends its leases

    a.advance(kLeaseMs / 3 + 500); // one tick of B's
    OrderDetails d = detailsOf(*b, out.orderNo);
    const auto takeovers = eventsWithCode(d, QStringLiteral("work_taken_over"));
    QCOMPARE(takeovers.size(), 1);
    QVERIFY(takeovers.first().atMs < stoppedAtMs + kLeaseMs);

    a.advance(60'000);
    d = detailsOf(*b, out.orderNo);
    QCOMPARE(orderStateName(d.order.state), orderStateName(OrderState::Paid));
    QCOMPARE(d.payments.size(), 1);
}

void tst_WorkLeases::refundOfAFinishedOrderIsAnyones()
{
    EngineHarness a;
    const CommandOutcome out =
        a.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::InstantSuccess),
              QStringLiteral("5.00"), QStringLiteral("lease-4"));
    QVERIFY2(out.ok(), qPrintable(out.message));
    QCOMPARE(orderStateName(a.details(out.orderNo).order.state), orderStateName(OrderState::Paid));
    // A's lease from the sale is still fresh, but nothing is left
    // unfinished: another core may refund the order at once.
    auto b = a.copyAsIfKilled();
    const CommandOutcome refund =
        b->refund(out.orderNo, QStringLiteral("2.00"), QStringLiteral("lease-4-refund"));
    QVERIFY2(refund.ok(), qPrintable(refund.message));
    b->advance(60'000);
    const OrderDetails d = b->details(out.orderNo);
    QCOMPARE(d.refunds.size(), 1);
    QCOMPARE(d.refunds.first().state, RefundState::Success);
    QCOMPARE(d.order.refundedFen, 200);
    QVERIFY(eventsWithCode(d, QStringLiteral("work_taken_over")).isEmpty());
}

QTEST_GUILESS_MAIN(tst_WorkLeases)
#include "tst_workleases.moc"
