// The incidents of a ticketing site's payment outage (timeouts, lost answers,
// frantic clicks, late results), each replayed against PayDesk and ending
// with the money right.
#include "testsupport/EngineHarness.h"

#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

class tst_SeedScenarios : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // 1: the pay button does nothing, the customer clicks it over and over.
    void scenario1_franticClicksOnPayChargeOnce();
    // 3: the order was closed by timeout, but the payment then went through.
    void scenario3_closedByTimeoutThenPaidIsRefunded();
    // 4: paid at the channel, but the order shows "paying".
    void scenario4_paidAtChannelButShownPendingIsResolved();
    // 5: paid twice through two channels for one order.
    void scenario5_paidTwiceViaTwoChannelsKeepsOne();
};

void tst_SeedScenarios::scenario1_franticClicksOnPayChargeOnce()
{
    EngineHarness h;
    const QString code = EngineHarness::code(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 4);
    PayCommand cmd{QStringLiteral("sale-frantic"), Money::fromFen(20000), code, QString(), QString()};
    QList<CommandOutcome> outs;
    for (int i = 0; i < 10; ++i) {
        h.api().pay(cmd, [&](const CommandOutcome& o) { outs << o; });
        h.advance(300);
    }
    h.advance(60000);
    QCOMPARE(outs.size(), 10);
    for (const auto& o : outs) {
        QVERIFY(o.ok());
        QCOMPARE(o.orderNo, outs.first().orderNo);
    }
    QCOMPARE(h.orderCount(), 1);
    const OrderDetails d = h.details(outs.first().orderNo);
    QCOMPARE(d.payments.size(), 1);
    QCOMPARE(d.order.state, OrderState::Paid);
    const auto trade = h.sandbox().trade(d.payments.first().paymentNo);
    QCOMPARE(trade->state, QStringLiteral("SUCCESS"));
    QCOMPARE(trade->amountFen, 20000); // charged once
}

void tst_SeedScenarios::scenario3_closedByTimeoutThenPaidIsRefunded()
{
    EngineHarness h;
    // The pay answer is lost and the acquirer records the paid trade only
    // after 40 s: at the 30 s deadline PayDesk revokes without knowing.
    const CommandOutcome out = h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::SlowToRecord, 40),
                                     QStringLiteral("88.00"), QStringLiteral("sale-3"));
    h.advance(5 * 60 * 1000, 500);
    const OrderDetails d = h.details(out.orderNo);
    const auto trade = h.sandbox().trade(d.payments.first().paymentNo);
    QVERIFY(trade.has_value());
    // Never "closed but paid": either the money came back, or the order is paid.
    if (d.order.state == OrderState::Closed) {
        QVERIFY2(trade->state != QLatin1String("SUCCESS"), qPrintable(trade->state));
        QVERIFY(d.payments.first().state == PaymentState::Reversed ||
                d.payments.first().state == PaymentState::Closed);
    } else {
        QCOMPARE(d.order.state, OrderState::Paid);
        QCOMPARE(trade->state, QStringLiteral("SUCCESS"));
    }
    QVERIFY(h.alertKinds().contains(QStringLiteral("not_final_after_deadline")));
}

void tst_SeedScenarios::scenario4_paidAtChannelButShownPendingIsResolved()
{
    EngineHarness h;
    const CommandOutcome out = h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::NoResponseThenSuccess),
                                     QStringLiteral("66.00"), QStringLiteral("sale-4"));
    QCOMPARE(h.details(out.orderNo).order.state, OrderState::Pending);
    h.advance(30000);
    const OrderDetails d = h.details(out.orderNo);
    QCOMPARE(d.order.state, OrderState::Paid);
    bool timedOut = false;
    for (const auto& e : d.events)
        timedOut |= e.message.contains(QStringLiteral("timeout"));
    QVERIFY2(timedOut, "the timeline shows the lost answer");
}

void tst_SeedScenarios::scenario5_paidTwiceViaTwoChannelsKeepsOne()
{
    EngineHarness h;
    // Alipay takes the money but its answer is lost; the cashier revokes and
    // charges the customer's WeChat code on the same order.
    const CommandOutcome first = h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::NoResponseThenSuccess),
                                       QStringLiteral("50.00"), QStringLiteral("sale-5"));
    h.advance(500);
    // While the outcome is unknown a second code is refused...
    QCOMPARE(h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), QStringLiteral("50.00"),
                   QStringLiteral("sale-5-b"), first.orderNo)
                 .status,
             CommandStatus::AttemptInProgress);
    // ...unless the cashier revokes it and, in the same breath, charges the
    // customer's other code: the revoke guarantees the first cannot be kept.
    CommandOutcome revoked, second;
    h.api().revoke(RevokeCommand{QString(), first.orderNo, QStringLiteral("customer switched")},
                   [&](const CommandOutcome& o) { revoked = o; });
    h.api().pay(PayCommand{QStringLiteral("sale-5-c"), Money::fromFen(5000),
                           EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                           QString(), first.orderNo},
                [&](const CommandOutcome& o) { second = o; });
    h.drain();
    QVERIFY2(revoked.ok(), qPrintable(revoked.message));
    QVERIFY2(second.ok(), qPrintable(second.message));
    h.advance(5 * 60 * 1000, 500);
    const OrderDetails d = h.details(first.orderNo);
    QCOMPARE(d.order.state, OrderState::Paid);
    QCOMPARE(d.payments.size(), 2);
    qint64 keptFen = 0;
    for (const auto& p : d.payments) {
        const auto trade = h.sandbox().trade(p.paymentNo);
        QVERIFY(trade.has_value());
        if (trade->state == QLatin1String("SUCCESS"))
            keptFen += trade->amountFen - trade->refundedFen;
    }
    QCOMPARE(keptFen, 5000); // the customer paid exactly once
    QCOMPARE(d.order.paidPaymentNo, d.payments.last().paymentNo);
    QCOMPARE(d.payments.first().state, PaymentState::Reversed);
}

QTEST_GUILESS_MAIN(tst_SeedScenarios)
#include "tst_seed_scenarios.moc"
