// The ledger behind the engine: every money movement is posted in the same
// batch as its state change; settlement, payouts, adjustments and wallets
// keep the books balanced and explained.
#include "api/types/Accounts.h"
#include "common/ChinaTime.h"
#include "ledger/BackOffice.h"
#include "testsupport/EngineHarness.h"

#include <QRandomGenerator>
#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

Q_DECLARE_METATYPE(paydesk::Wallet)
Q_DECLARE_METATYPE(paydesk::SandboxBehaviour)

namespace {
const QString kMerchant = QStringLiteral("M1");
const qint64 kDayMs = 24LL * 3600 * 1000;

CoreConfig config()
{
    CoreConfig c;
    c.ledger.merchantId = kMerchant;
    c.ledger.feeRatePpm.insert(QStringLiteral("wechat"), 6000);  // 0.6 %
    c.ledger.feeRatePpm.insert(QStringLiteral("alipay"), 3800);  // 0.38 %
    c.ledger.defaultFeeRatePpm = 5000;
    return c;
}

qint64 balance(EngineHarness& h, const QString& account)
{
    const auto b = h.api().backOffice()->ledger().balance(account);
    return b ? b->normalFen() : -999999999;
}

QString failedChecks(const InternalCheckReport& r)
{
    QStringList out;
    if (!r.error.isEmpty())
        out << r.error;
    for (const CheckLine& l : r.lines)
        if (!l.ok())
            out << QStringLiteral("%1: %2 expected %3 found %4").arg(l.subject, l.rule).arg(l.expectedFen).arg(l.actualFen);
    return out.join(QStringLiteral("; "));
}

#define VERIFY_BOOKS(h)                                                                  \
    do {                                                                                 \
        const InternalCheckReport r_ = (h).api().backOffice()->check();                  \
        QVERIFY2(r_.ok(), qPrintable(failedChecks(r_)));                                 \
    } while (false)

QDate chinaToday(EngineHarness& h)
{
    return chinaTime(h.clock().nowMs()).date();
}
} // namespace

class tst_BackOffice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paymentPostsReceivableAndPending_data();
    void paymentPostsReceivableAndPending();
    void everyBehaviourLeavesBooksExplained_data();
    void everyBehaviourLeavesBooksExplained();
    void refundPostsBack();
    void reversalOfPaidPaymentPostsInAndBack();
    void duplicatePaymentRefundIsPosted();
    void restartDoesNotPostAgain();
    void settlementIsTPlusOneAndIdempotent();
    void lateItemsRideWithTheNextSettlement();
    void payoutNeedsSecondPerson();
    void payoutRequestIsIdempotentByRequestNumber();
    void payoutRejectReleasesHold();
    void payoutLimitsPerDay_data();
    void payoutLimitsPerDay();
    void adjustmentPostedOnlyAfterApproval();
    void seed000Scenario2_walletPayPressedThreeTimesChargesOnce();
    void walletRequestNumberReusedWithOtherAmountIsRefused();
    void walletCannotGoBelowZero();
    void walletRefundLimitedToWhatWasPaid();
    void walletTopUpFromPaidOrder();
    void withdrawalFrozenThenDecidedByAnotherPerson_data();
    void withdrawalFrozenThenDecidedByAnotherPerson();
    void withdrawalRefused_data();
    void withdrawalRefused();
    void withdrawalLimitsPerMemberAndChinaDay_data();
    void withdrawalLimitsPerMemberAndChinaDay();
    void withdrawalIdempotentByRequestNumber_data();
    void withdrawalIdempotentByRequestNumber();
    void withdrawalCheckFailsWhenAPostingIsMissing_data();
    void withdrawalCheckFailsWhenAPostingIsMissing();
    void randomOperationsKeepBooksBalanced_data();
    void randomOperationsKeepBooksBalanced();
};

void tst_BackOffice::paymentPostsReceivableAndPending_data()
{
    QTest::addColumn<Wallet>("wallet");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<qint64>("feeFen");
    QTest::newRow("wechat") << Wallet::WeChat << "wechat" << qint64(60);
    QTest::newRow("alipay") << Wallet::Alipay << "alipay" << qint64(38);
    QTest::newRow("unionpay_default_rate") << Wallet::UnionPay << "unionpay" << qint64(50);
}

void tst_BackOffice::paymentPostsReceivableAndPending()
{
    QFETCH(Wallet, wallet);
    QFETCH(QString, channel);
    QFETCH(qint64, feeFen);
    EngineHarness h(config());
    const CommandOutcome out = h.pay(EngineHarness::code(wallet, SandboxBehaviour::InstantSuccess), "100.00", "r1");
    QVERIFY2(out.ok(), qPrintable(out.message));
    h.drain();
    QCOMPARE(balance(h, accounts::channelReceivable(channel)), 10000);
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 10000);
    // The posting is on the order's timeline, with the fee it carries.
    const OrderDetails d = h.details(out.orderNo);
    bool posted = false;
    for (const TrackEvent& e : d.events)
        if (e.source == QLatin1String("ledger") && e.kind == QLatin1String("posted")) {
            posted = true;
            QVERIFY2(e.message.contains(QStringLiteral("fee %1").arg(Money::fromFen(feeFen).toPlainString())),
                     qPrintable(e.message));
        }
    QVERIFY(posted);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::everyBehaviourLeavesBooksExplained_data()
{
    QTest::addColumn<SandboxBehaviour>("behaviour");
    QTest::addColumn<int>("param");
    QTest::addColumn<bool>("paid");
    using B = SandboxBehaviour;
    QTest::newRow("instant_success") << B::InstantSuccess << 0 << true;
    QTest::newRow("user_paying_then_success") << B::UserPayingThenSuccess << 5 << true;
    QTest::newRow("user_paying_then_cancelled") << B::UserPayingThenCancelled << 5 << false;
    QTest::newRow("insufficient_funds") << B::InsufficientFunds << 0 << false;
    QTest::newRow("system_error_then_success") << B::SystemErrorThenSuccess << 0 << true;
    QTest::newRow("no_response_then_success") << B::NoResponseThenSuccess << 0 << true;
    QTest::newRow("never_final") << B::NeverFinal << 0 << false;
    QTest::newRow("revoke_always_fails") << B::RevokeFailsNTimes << 99 << false;
    QTest::newRow("slow_to_record") << B::SlowToRecord << 20 << true;
    QTest::newRow("paid_after_deadline") << B::UserPayingThenSuccess << 45 << false;
}

void tst_BackOffice::everyBehaviourLeavesBooksExplained()
{
    QFETCH(SandboxBehaviour, behaviour);
    QFETCH(int, param);
    QFETCH(bool, paid);
    for (Wallet w : {Wallet::WeChat, Wallet::Alipay}) {
        EngineHarness h(config());
        const CommandOutcome out = h.pay(EngineHarness::code(w, behaviour, param), "12.34", "r1");
        QVERIFY2(out.ok(), qPrintable(out.message));
        h.advance(10 * 60 * 1000, 500);
        const QString channel = w == Wallet::WeChat ? QStringLiteral("wechat") : QStringLiteral("alipay");
        // What the ledger says the channel owes equals what the acquirer kept.
        QCOMPARE(balance(h, accounts::channelReceivable(channel)), paid ? 1234 : 0);
        QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), paid ? 1234 : 0);
        VERIFY_BOOKS(h);
    }
}

void tst_BackOffice::refundPostsBack()
{
    EngineHarness h(config());
    const CommandOutcome out = h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "80.00", "r1");
    QVERIFY(h.refund(out.orderNo, "30.00", "rf1").ok());
    h.advance(60'000);
    QCOMPARE(balance(h, accounts::channelReceivable(QStringLiteral("wechat"))), 5000);
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 5000);
    // The order's money trail: the payment and the refund.
    JournalFilter f;
    f.ref = out.orderNo;
    const auto trail = h.api().backOffice()->ledger().journal(f);
    QCOMPARE(trail.size(), 2);
    QCOMPARE(trail[0].refKind, refkind::payment);
    QCOMPARE(trail[1].refKind, refkind::refund);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::reversalOfPaidPaymentPostsInAndBack()
{
    // The pay answer is lost but the trade is paid; the cashier revokes: the
    // channel reverses it (money in, then back).
    EngineHarness h(config());
    const CommandOutcome out =
        h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::NoResponseThenSuccess), "40.00", "r1");
    QVERIFY(h.revoke(out.orderNo).ok());
    h.advance(120'000);
    const OrderDetails d = h.details(out.orderNo);
    QCOMPARE(paymentStateName(d.payments.first().state), paymentStateName(PaymentState::Reversed));
    QVERIFY(h.api().backOffice()->ledger().entry(QStringLiteral("pay:") + d.payments.first().paymentNo));
    QVERIFY(h.api().backOffice()->ledger().entry(QStringLiteral("reversal:") + d.payments.first().paymentNo));
    QCOMPARE(balance(h, accounts::channelReceivable(QStringLiteral("alipay"))), 0);
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 0);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::duplicatePaymentRefundIsPosted()
{
    // Seed 000 scenario 5: Alipay took the money but its answer was lost; the
    // cashier revokes and charges WeChat on the same order. The books hold
    // both movements and keep exactly one sale.
    EngineHarness h(config());
    const CommandOutcome first =
        h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::NoResponseThenSuccess), "50.00", "r1");
    h.advance(500);
    CommandOutcome revoked, second;
    h.api().revoke(RevokeCommand{QString(), first.orderNo, QStringLiteral("customer switched")},
                   [&](const CommandOutcome& o) { revoked = o; });
    h.api().pay(PayCommand{QStringLiteral("r2"), Money::fromFen(5000),
                           EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), QString(),
                           first.orderNo},
                [&](const CommandOutcome& o) { second = o; });
    h.drain();
    QVERIFY2(second.ok(), qPrintable(second.message));
    h.advance(5 * 60 * 1000, 500);
    QCOMPARE(balance(h, accounts::channelReceivable(QStringLiteral("alipay"))), 0);
    QCOMPARE(balance(h, accounts::channelReceivable(QStringLiteral("wechat"))), 5000);
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 5000);
    JournalFilter f;
    f.ref = first.orderNo;
    QCOMPARE(h.api().backOffice()->ledger().journal(f).size(), 3); // alipay in, alipay back, wechat in
    VERIFY_BOOKS(h);
}

void tst_BackOffice::restartDoesNotPostAgain()
{
    EngineHarness h(config());
    h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 5), "9.99", "r1");
    h.advance(2000);
    h.restart(); // mid-poll: the payment resumes and succeeds after the restart
    h.advance(60'000);
    h.restart();
    h.advance(5000);
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 999);
    QCOMPARE(h.api().backOffice()->ledger().journal({}).size(), 1);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::settlementIsTPlusOneAndIdempotent()
{
    EngineHarness h(config());
    const QDate day = chinaToday(h);
    const CommandOutcome a = h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "100.00", "r1");
    h.pay(EngineHarness::code(Wallet::Alipay, SandboxBehaviour::InstantSuccess), "50.00", "r2");
    QVERIFY(h.refund(a.orderNo, "10.00", "rf1").ok());
    h.advance(30'000);
    Settlement& s = h.api().backOffice()->settlement();

    SettlementReport early = s.run(day, "ann");
    QCOMPARE(early.outcome.status, BackOfficeStatus::NotDue);
    QVERIFY(early.outcome.message.contains(day.addDays(1).toString(Qt::ISODate)));

    h.clock().advance(kDayMs);
    const SettlementReport r = s.run(day, "ann");
    QCOMPARE(r.outcome.status, BackOfficeStatus::Ok);
    // fees: 100 × 0.6 % = 0.60, 50 × 0.38 % = 0.19, refund returns 10 × 0.6 % = 0.06
    QCOMPARE(r.row.totals.items, 3);
    QCOMPARE(r.row.totals.grossFen, 15000);
    QCOMPARE(r.row.totals.returnedFen, -1000);
    QCOMPARE(r.row.totals.feeFen, 60 + 19 - 6);
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 0);
    QCOMPARE(balance(h, accounts::merchantAvailable(kMerchant)), 14000 - 73);
    QCOMPARE(balance(h, accounts::feeIncome(kMerchant)), 73);

    const SettlementReport again = s.run(day, "bob");
    QCOMPARE(again.outcome.status, BackOfficeStatus::Repeated);
    QCOMPARE(again.row.totals.feeFen, 73);
    QCOMPARE(again.row.runBy, QStringLiteral("ann"));
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::merchantAvailable(kMerchant)), 14000 - 73);
    QCOMPARE(h.api().backOffice()->ledger().journal({}).size(), 4);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::lateItemsRideWithTheNextSettlement()
{
    EngineHarness h(config());
    const QDate day1 = chinaToday(h);
    h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "10.00", "r1");
    h.clock().advance(kDayMs);
    Settlement& s = h.api().backOffice()->settlement();
    QCOMPARE(s.run(day1, "ann").outcome.status, BackOfficeStatus::Ok);
    // Day 2 is empty; day 3 has a sale; settling day 3 must not skip day 2's (none) or lose day 3's.
    h.clock().advance(kDayMs);
    h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "20.00", "r2");
    h.clock().advance(kDayMs);
    QCOMPARE(s.run(day1.addDays(1), "ann").row.totals.items, 0);
    const SettlementReport r3 = s.run(day1.addDays(2), "ann");
    QCOMPARE(r3.row.totals.items, 1);
    QCOMPARE(r3.row.totals.grossFen, 2000);
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 0);
    VERIFY_BOOKS(h);
}

namespace {
// Pays and settles ¥1,000.00 of WeChat sales (0.6 % fees) so ¥994.00 is available.
void fundAvailable(EngineHarness& h)
{
    const QDate day = chinaToday(h);
    h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "1000.00", "fund");
    h.clock().advance(kDayMs);
    QCOMPARE(h.api().backOffice()->settlement().run(day, "ann").outcome.status, BackOfficeStatus::Ok);
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::merchantAvailable(kMerchant)), 99400);
}
} // namespace

void tst_BackOffice::payoutNeedsSecondPerson()
{
    EngineHarness h(config());
    fundAvailable(h);
    Approvals& ap = h.api().backOffice()->approvals();
    // Regression: a space after the proposer's name made "ann" another person.
    const BackOfficeOutcome req = ap.requestPayout(*Money::parse("500.00"), "ann ", "weekly");
    QCOMPARE(req.status, BackOfficeStatus::Ok);
    QCOMPARE(balance(h, accounts::merchantAvailable(kMerchant)), 49400);
    QCOMPARE(balance(h, accounts::payoutHold(kMerchant)), 50000);

    const BackOfficeOutcome self = ap.approve(req.number, "ANN");
    QCOMPARE(self.status, BackOfficeStatus::SameUser);
    QVERIFY(self.message.contains(QLatin1String("ask another person")));
    QCOMPARE(balance(h, accounts::payoutHold(kMerchant)), 50000);

    QCOMPARE(ap.approve(req.number, "bob").status, BackOfficeStatus::Ok);
    QCOMPARE(ap.approve(req.number, "carl").status, BackOfficeStatus::InvalidState);
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::payoutHold(kMerchant)), 0);
    QCOMPARE(balance(h, accounts::bank()), -50000); // the money left the bank account
    QCOMPARE(ap.find(req.number)->decidedBy, QStringLiteral("bob"));
    VERIFY_BOOKS(h);
}

// A payout requested twice under one request number (a double click, a
// retry after a lost answer) is held once; the whole available balance may
// be requested, so a second hold could not even be refused for funds.
void tst_BackOffice::payoutRequestIsIdempotentByRequestNumber()
{
    EngineHarness h(config());
    fundAvailable(h);
    Approvals& ap = h.api().backOffice()->approvals();
    const qint64 available = balance(h, accounts::merchantAvailable(kMerchant));
    const Money all = Money::fromFen(available);
    const BackOfficeOutcome first = ap.requestPayout(all, "ann", "weekly", "po-1");
    QCOMPARE(first.status, BackOfficeStatus::Ok);
    const BackOfficeOutcome again = ap.requestPayout(all, "bob", "pressed again", "po-1");
    QCOMPARE(again.status, BackOfficeStatus::Repeated);
    QCOMPARE(again.number, first.number);
    const BackOfficeOutcome other = ap.requestPayout(Money::fromFen(100), "ann", QString(), "po-1");
    QCOMPARE(other.status, BackOfficeStatus::RequestMismatch);
    QCOMPARE(other.field, QStringLiteral("amount"));
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::payoutHold(kMerchant)), available);
    QCOMPARE(balance(h, accounts::merchantAvailable(kMerchant)), 0);
    QCOMPARE(ap.list(QStringLiteral("payout")).size(), 1);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::payoutRejectReleasesHold()
{
    EngineHarness h(config());
    fundAvailable(h);
    Approvals& ap = h.api().backOffice()->approvals();
    const BackOfficeOutcome req = ap.requestPayout(*Money::parse("994.00"), "ann", QString());
    QCOMPARE(req.status, BackOfficeStatus::Ok);
    QCOMPARE(ap.requestPayout(*Money::parse("0.01"), "ann", QString()).status, BackOfficeStatus::InsufficientFunds);
    QCOMPARE(ap.reject(req.number, "bob", QString()).status, BackOfficeStatus::InvalidArgument); // needs a reason
    QCOMPARE(ap.reject(req.number, "bob", "bank details wrong").status, BackOfficeStatus::Ok);
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::merchantAvailable(kMerchant)), 99400);
    QCOMPARE(balance(h, accounts::payoutHold(kMerchant)), 0);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::payoutLimitsPerDay_data()
{
    QTest::addColumn<QStringList>("amounts");
    QTest::addColumn<BackOfficeStatus>("last");
    QTest::newRow("three_allowed") << QStringList{"1.00", "1.00", "1.00"} << BackOfficeStatus::Ok;
    QTest::newRow("fourth_refused") << QStringList{"1.00", "1.00", "1.00", "1.00"} << BackOfficeStatus::LimitReached;
    QTest::newRow("amount_over_daily_limit") << QStringList{"600.00", "500.00"} << BackOfficeStatus::LimitReached;
}

void tst_BackOffice::payoutLimitsPerDay()
{
    QFETCH(QStringList, amounts);
    QFETCH(BackOfficeStatus, last);
    CoreConfig c = config();
    c.ledger.payoutFenPerDay = 100'000; // ¥1,000.00
    EngineHarness h(c);
    fundAvailable(h);
    BackOfficeOutcome o;
    for (const QString& a : amounts)
        o = h.api().backOffice()->approvals().requestPayout(*Money::parse(a), "ann", QString());
    QCOMPARE(o.status, last);
    // A new day starts a new count.
    if (last == BackOfficeStatus::LimitReached) {
        h.clock().advance(kDayMs);
        QCOMPARE(h.api().backOffice()->approvals().requestPayout(*Money::parse("1.00"), "ann", QString()).status,
                 BackOfficeStatus::Ok);
    }
    h.api().backOffice()->commit();
    VERIFY_BOOKS(h);
}

void tst_BackOffice::adjustmentPostedOnlyAfterApproval()
{
    EngineHarness h(config());
    Approvals& ap = h.api().backOffice()->approvals();
    QCOMPARE(ap.proposeAdjustment("asset:piggy:x", *Money::parse("1.00"), QString(), "r", "ann").status,
             BackOfficeStatus::InvalidArgument);
    QCOMPARE(ap.proposeAdjustment(accounts::suspense(), *Money::parse("1.00"), QString(), "", "ann").status,
             BackOfficeStatus::InvalidArgument);
    const BackOfficeOutcome p = ap.proposeAdjustment(accounts::suspense(), *Money::parse("-3.21"), QString(),
                                                     "cash found in drawer", "ann");
    QCOMPARE(p.status, BackOfficeStatus::Ok);
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::suspense()), 0);
    QCOMPARE(ap.approve(p.number, "ann").status, BackOfficeStatus::SameUser);
    QCOMPARE(ap.approve(p.number, "bob").status, BackOfficeStatus::Ok);
    h.api().backOffice()->commit();
    QCOMPARE(balance(h, accounts::suspense()), 321);
    QCOMPARE(balance(h, accounts::adjustments()), -321);
    const auto e = h.api().backOffice()->ledger().entry(QStringLiteral("adjust:") + p.number);
    QVERIFY(e);
    QVERIFY(e->memo.contains(QLatin1String("cash found in drawer")));
    QVERIFY(e->memo.contains(QLatin1String("ann")) && e->memo.contains(QLatin1String("bob")));
    VERIFY_BOOKS(h);
}

void tst_BackOffice::seed000Scenario2_walletPayPressedThreeTimesChargesOnce()
{
    // 小张 tops up ¥1,000, buys a ¥200 ticket and presses "wallet pay" three
    // times; each press may even carry a new request number.
    EngineHarness h(config());
    Wallets& w = h.api().backOffice()->wallets();
    QCOMPARE(w.topUpCash("zhang", *Money::parse("1000.00"), "top-1", "cashier").status, BackOfficeStatus::Ok);
    QList<BackOfficeOutcome> presses;
    presses << w.pay("zhang", *Money::parse("200.00"), "TICKET-42", "press-1", "app")
            << w.pay("zhang", *Money::parse("200.00"), "TICKET-42", "press-1", "app")
            << w.pay("zhang", *Money::parse("200.00"), "TICKET-42", "press-3", "app");
    QCOMPARE(presses[0].status, BackOfficeStatus::Ok);
    QCOMPARE(presses[1].status, BackOfficeStatus::Repeated);
    QCOMPARE(presses[2].status, BackOfficeStatus::Repeated);
    for (const auto& p : presses)
        QCOMPARE(p.number, presses[0].number);
    h.api().backOffice()->commit();
    const auto view = w.show("zhang");
    QVERIFY(view);
    QCOMPARE(view->balance.fen(), 80000);
    QCOMPARE(view->totals.spentFen, 20000);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::walletRequestNumberReusedWithOtherAmountIsRefused()
{
    EngineHarness h(config());
    Wallets& w = h.api().backOffice()->wallets();
    QCOMPARE(w.topUpCash("m", *Money::parse("10.00"), "t1", "c").status, BackOfficeStatus::Ok);
    const BackOfficeOutcome o = w.topUpCash("m", *Money::parse("11.00"), "t1", "c");
    QCOMPARE(o.status, BackOfficeStatus::RequestMismatch);
    QCOMPARE(o.field, QStringLiteral("amount"));
    QVERIFY(o.message.contains(QLatin1String("use a new number")));
    h.api().backOffice()->commit();
    QCOMPARE(w.show("m")->balance.fen(), 1000);
}

void tst_BackOffice::walletCannotGoBelowZero()
{
    EngineHarness h(config());
    Wallets& w = h.api().backOffice()->wallets();
    QCOMPARE(w.topUpCash("m", *Money::parse("5.00"), "t1", "c").status, BackOfficeStatus::Ok);
    const BackOfficeOutcome o = w.pay("m", *Money::parse("5.01"), "S1", "p1", "c");
    QCOMPARE(o.status, BackOfficeStatus::InsufficientFunds);
    QVERIFY(o.message.contains(QLatin1String("5.00")));
    QCOMPARE(w.pay("m", *Money::parse("5.00"), "S1", "p2", "c").status, BackOfficeStatus::Ok);
    QCOMPARE(w.pay("m", *Money::parse("0.01"), "S2", "p3", "c").status, BackOfficeStatus::InsufficientFunds);
    QCOMPARE(w.pay("nobody", *Money::parse("1.00"), "S3", "p4", "c").status, BackOfficeStatus::InsufficientFunds);
    h.api().backOffice()->commit();
    VERIFY_BOOKS(h);
}

void tst_BackOffice::walletRefundLimitedToWhatWasPaid()
{
    EngineHarness h(config());
    Wallets& w = h.api().backOffice()->wallets();
    w.topUpCash("m", *Money::parse("100.00"), "t1", "c");
    const BackOfficeOutcome paid = w.pay("m", *Money::parse("30.00"), "S1", "p1", "c");
    QCOMPARE(w.refund(paid.number, *Money::parse("20.00"), "one item back", "rf1", "c").status, BackOfficeStatus::Ok);
    QCOMPARE(w.refund(paid.number, *Money::parse("20.00"), "again", "rf1", "c").status, BackOfficeStatus::Repeated);
    QCOMPARE(w.refund(paid.number, *Money::parse("10.01"), "too much", "rf2", "c").status, BackOfficeStatus::InvalidState);
    QCOMPARE(w.refund(paid.number, *Money::parse("10.00"), "rest", "rf3", "c").status, BackOfficeStatus::Ok);
    QCOMPARE(w.refund("WO999999", *Money::parse("1.00"), "x", "rf4", "c").status, BackOfficeStatus::NotFound);
    h.api().backOffice()->commit();
    const auto v = w.show("m");
    QCOMPARE(v->balance.fen(), 10000);
    QCOMPARE(v->totals.refundsInFen, 3000);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::walletTopUpFromPaidOrder()
{
    EngineHarness h(config());
    const CommandOutcome sale = h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InstantSuccess), "200.00", "r1");
    const CommandOutcome unpaid = h.pay(EngineHarness::code(Wallet::WeChat, SandboxBehaviour::InsufficientFunds), "5.00", "r2");
    h.advance(1000);
    Wallets& w = h.api().backOffice()->wallets();
    QCOMPARE(w.topUpFromOrder("m", unpaid.orderNo, "t0", "c").status, BackOfficeStatus::InvalidState);
    QCOMPARE(w.topUpFromOrder("m", sale.orderNo, "t1", "c").status, BackOfficeStatus::Ok);
    QCOMPARE(w.topUpFromOrder("m", sale.orderNo, "t2", "c").status, BackOfficeStatus::Repeated);
    h.api().backOffice()->commit();
    QCOMPARE(w.show("m")->balance.fen(), 20000);
    // The sale's money now sits in the wallet, not in the merchant's pending.
    QCOMPARE(balance(h, accounts::merchantPending(kMerchant)), 0);
    VERIFY_BOOKS(h);
}

namespace {
// A member with ¥1,000.00 topped up in cash.
Wallets& fundWallet(EngineHarness& h, const QString& member = QStringLiteral("m"),
                    const QString& amount = QStringLiteral("1000.00"))
{
    Wallets& w = h.api().backOffice()->wallets();
    const BackOfficeOutcome o =
        w.topUpCash(member, *Money::parse(amount), QStringLiteral("top-") + member, "cashier");
    if (o.status != BackOfficeStatus::Ok)
        qFatal("top-up failed: %s", qPrintable(o.message));
    return w;
}

qint64 cashDrawer(EngineHarness& h)
{
    return balance(h, accounts::cash(config().storeId));
}
} // namespace

void tst_BackOffice::withdrawalFrozenThenDecidedByAnotherPerson_data()
{
    QTest::addColumn<bool>("approve");
    QTest::addColumn<qint64>("walletAfter");
    QTest::addColumn<qint64>("cashAfter");
    QTest::addColumn<qint64>("withdrawnAfter");
    QTest::addColumn<QString>("stateAfter");
    QTest::newRow("approved_pays_out_in_cash")
        << true << qint64(70000) << qint64(70000) << qint64(30000) << "PAID";
    QTest::newRow("rejected_releases_to_wallet")
        << false << qint64(100000) << qint64(100000) << qint64(0) << "REJECTED";
}

void tst_BackOffice::withdrawalFrozenThenDecidedByAnotherPerson()
{
    QFETCH(bool, approve);
    QFETCH(qint64, walletAfter);
    QFETCH(qint64, cashAfter);
    QFETCH(qint64, withdrawnAfter);
    QFETCH(QString, stateAfter);
    EngineHarness h(config());
    Wallets& w = fundWallet(h);
    QCOMPARE(cashDrawer(h), 100000);

    const BackOfficeOutcome req =
        w.requestWithdrawal("m", *Money::parse("300.00"), "w1", "ann", "moving away");
    QCOMPARE(req.status, BackOfficeStatus::Ok);
    QVERIFY2(req.number.startsWith(QLatin1String("WD")), qPrintable(req.number));
    h.api().backOffice()->commit();
    // Frozen at once: the member cannot spend it while it waits.
    QCOMPARE(w.show("m")->balance.fen(), 70000);
    QCOMPARE(w.show("m")->totals.heldFen, 30000);
    QCOMPARE(balance(h, accounts::walletWithdrawalHold()), 30000);
    QCOMPARE(w.pay("m", *Money::parse("700.01"), "S1", "p1", "c").status,
             BackOfficeStatus::InsufficientFunds);
    VERIFY_BOOKS(h);

    const BackOfficeOutcome self = approve ? w.approveWithdrawal(req.number, " ANN ")
                                           : w.rejectWithdrawal(req.number, "Ann", "no");
    QCOMPARE(self.status, BackOfficeStatus::SameUser);
    QVERIFY2(self.message.contains(QLatin1String("ask another person")), qPrintable(self.message));
    QCOMPARE(balance(h, accounts::walletWithdrawalHold()), 30000);

    const BackOfficeOutcome decided = approve
                                          ? w.approveWithdrawal(req.number, "bob")
                                          : w.rejectWithdrawal(req.number, "bob", "id not shown");
    QCOMPARE(decided.status, BackOfficeStatus::Ok);
    h.api().backOffice()->commit();
    const auto v = w.show("m");
    QCOMPARE(v->balance.fen(), walletAfter);
    QCOMPARE(v->totals.withdrawnFen, withdrawnAfter);
    QCOMPARE(v->totals.heldFen, 0);
    QCOMPARE(balance(h, accounts::walletWithdrawalHold()), 0);
    QCOMPARE(cashDrawer(h), cashAfter);
    QCOMPARE(w.withdrawals("m").first().stateName(), stateAfter);
    QCOMPARE(w.withdrawals("m").first().decidedBy, QStringLiteral("bob"));

    // Decided once, for good: neither decision applies again.
    const BackOfficeOutcome again = w.approveWithdrawal(req.number, "carl");
    QCOMPARE(again.status, BackOfficeStatus::InvalidState);
    QVERIFY2(again.message.contains(QLatin1String("cannot be decided again")),
             qPrintable(again.message));
    QCOMPARE(w.rejectWithdrawal(req.number, "carl", "late").status, BackOfficeStatus::InvalidState);
    h.api().backOffice()->commit();
    QCOMPARE(w.show("m")->balance.fen(), walletAfter);
    QCOMPARE(cashDrawer(h), cashAfter);
    const auto all = h.api().backOffice()->ledger().balances();
    QVERIFY(all);
    qint64 trial = 0;
    for (const AccountBalance& b : *all)
        trial += b.signedFen;
    QCOMPARE(trial, 0);
    VERIFY_BOOKS(h);
}

void tst_BackOffice::withdrawalRefused_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("requestNo");
    QTest::addColumn<QString>("by");
    QTest::addColumn<BackOfficeStatus>("status");
    QTest::addColumn<QString>("message");
    using S = BackOfficeStatus;
    QTest::newRow("zero_amount") << "m"
                                 << "0.00"
                                 << "w1"
                                 << "ann" << S::InvalidArgument << "positive amount";
    QTest::newRow("negative_amount") << "m"
                                     << "-1.00"
                                     << "w1"
                                     << "ann" << S::InvalidArgument << "positive amount";
    QTest::newRow("above_balance")
        << "m"
        << "1000.01"
        << "w1"
        << "ann" << S::InsufficientFunds
        << "only 1000.00 is available to withdraw from member m's wallet (asked 1000.01)";
    QTest::newRow("unknown_member") << "ghost"
                                    << "1.00"
                                    << "w1"
                                    << "ann" << S::NotFound << "no wallet for member ghost";
    QTest::newRow("bad_member_id") << "bad member!"
                                   << "1.00"
                                   << "w1"
                                   << "ann" << S::InvalidArgument << "member id";
    QTest::newRow("without_request_number") << "m"
                                            << "1.00"
                                            << ""
                                            << "ann" << S::InvalidArgument << "request number";
    QTest::newRow("without_requester") << "m"
                                       << "1.00"
                                       << "w1"
                                       << " " << S::InvalidArgument << "--by NAME";
}

void tst_BackOffice::withdrawalRefused()
{
    QFETCH(QString, member);
    QFETCH(QString, amount);
    QFETCH(QString, requestNo);
    QFETCH(QString, by);
    QFETCH(BackOfficeStatus, status);
    QFETCH(QString, message);
    EngineHarness h(config());
    Wallets& w = fundWallet(h);
    const BackOfficeOutcome o =
        w.requestWithdrawal(member, *Money::parse(amount), requestNo, by, QString());
    QCOMPARE(backOfficeStatusName(o.status), backOfficeStatusName(status));
    QVERIFY2(o.message.contains(message), qPrintable(o.message));
    h.api().backOffice()->commit();
    QCOMPARE(w.show("m")->balance.fen(), 100000);
    QCOMPARE(balance(h, accounts::walletWithdrawalHold()), 0);
    QVERIFY(w.withdrawals().isEmpty());
    VERIFY_BOOKS(h);
}

void tst_BackOffice::withdrawalLimitsPerMemberAndChinaDay_data()
{
    QTest::addColumn<QStringList>("amounts");
    QTest::addColumn<BackOfficeStatus>("last");
    QTest::addColumn<QString>("message");
    using S = BackOfficeStatus;
    QTest::newRow("three_allowed") << QStringList{"1.00", "1.00", "1.00"} << S::Ok << "";
    QTest::newRow("fourth_refused")
        << QStringList{"1.00", "1.00", "1.00", "1.00"} << S::LimitReached
        << "3 withdrawals of member m were requested today";
    QTest::newRow("exactly_10000_yuan_allowed") << QStringList{"6000.00", "4000.00"} << S::Ok << "";
    QTest::newRow("over_10000_yuan_refused")
        << QStringList{"6000.00", "4000.01"} << S::LimitReached
        << "above the daily limit of 10000.00; request at most 4000.00";
    QTest::newRow("a_fen_over_10000_yuan_refused")
        << QStringList{"10000.00", "0.01"} << S::LimitReached
        << "would reach 10000.01, above the daily limit of 10000.00";
}

void tst_BackOffice::withdrawalLimitsPerMemberAndChinaDay()
{
    QFETCH(QStringList, amounts);
    QFETCH(BackOfficeStatus, last);
    QFETCH(QString, message);
    EngineHarness h(config()); // the seed's limits are the defaults: 3 and ¥10,000.00 a day
    Wallets& w = fundWallet(h, "m", "30000.00");
    fundWallet(h, "other", "30000.00");
    BackOfficeOutcome o;
    int n = 0;
    for (const QString& a : amounts)
        o = w.requestWithdrawal("m", *Money::parse(a), QStringLiteral("w%1").arg(++n), "ann",
                                QString());
    QCOMPARE(backOfficeStatusName(o.status), backOfficeStatusName(last));
    QVERIFY2(o.message.contains(message), qPrintable(o.message));
    if (last == BackOfficeStatus::LimitReached) {
        // Per member: another member's wallet is not limited by this one's.
        QCOMPARE(w.requestWithdrawal("other", *Money::parse("1.00"), "o1", "ann", QString()).status,
                 BackOfficeStatus::Ok);
        // Per China day: the refused amount stays refused until midnight in
        // China and is allowed after it.
        const Money refused = *Money::parse(amounts.last());
        const QDateTime midnight(chinaToday(h).addDays(1), QTime(0, 0), chinaZone());
        h.clock().advance(midnight.toMSecsSinceEpoch() - h.clock().nowMs() - 1000);
        QCOMPARE(w.requestWithdrawal("m", refused, "late", "ann", QString()).status,
                 BackOfficeStatus::LimitReached);
        h.clock().advance(2000);
        QCOMPARE(w.requestWithdrawal("m", refused, "next-day", "ann", QString()).status,
                 BackOfficeStatus::Ok);
    }
    h.api().backOffice()->commit();
    VERIFY_BOOKS(h);
}

void tst_BackOffice::withdrawalIdempotentByRequestNumber_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("requestNo");
    QTest::addColumn<BackOfficeStatus>("status");
    QTest::addColumn<qint64>("heldAfter");
    QTest::addColumn<QString>("field"); // RequestMismatch: the field named as differing
    using S = BackOfficeStatus;
    QTest::newRow("same_request_repeated") << "m"
                                           << "300.00"
                                           << "w1" << S::Repeated << qint64(30000) << "";
    QTest::newRow("same_request_other_amount")
        << "m"
        << "300.01"
        << "w1" << S::RequestMismatch << qint64(30000) << "amount";
    QTest::newRow("same_request_other_member")
        << "other"
        << "300.00"
        << "w1" << S::RequestMismatch << qint64(30000) << "member";
    QTest::newRow("request_number_of_a_top_up")
        << "m"
        << "300.00"
        << "top-m" << S::RequestMismatch << qint64(30000) << "command";
    QTest::newRow("new_request_number") << "m"
                                        << "300.00"
                                        << "w2" << S::Ok << qint64(60000) << "";
}

void tst_BackOffice::withdrawalIdempotentByRequestNumber()
{
    QFETCH(QString, member);
    QFETCH(QString, amount);
    QFETCH(QString, requestNo);
    QFETCH(BackOfficeStatus, status);
    QFETCH(qint64, heldAfter);
    EngineHarness h(config());
    Wallets& w = fundWallet(h);
    fundWallet(h, "other");
    const BackOfficeOutcome first =
        w.requestWithdrawal("m", *Money::parse("300.00"), "w1", "ann", "first");
    QCOMPARE(first.status, BackOfficeStatus::Ok);
    const BackOfficeOutcome o =
        w.requestWithdrawal(member, *Money::parse(amount), requestNo, "bob", "again");
    QCOMPARE(backOfficeStatusName(o.status), backOfficeStatusName(status));
    if (status == BackOfficeStatus::Repeated)
        QCOMPARE(o.number, first.number);
    QTEST(o.field, "field");
    if (status == BackOfficeStatus::RequestMismatch)
        QVERIFY2(o.message.contains(QLatin1String("use a new number")), qPrintable(o.message));
    h.api().backOffice()->commit();
    QCOMPARE(w.show("m")->totals.heldFen, heldAfter);
    QCOMPARE(w.show("m")->balance.fen(), 100000 - heldAfter);
    QCOMPARE(w.show("other")->balance.fen(), 100000);
    // A top-up cannot take a withdrawal's number either.
    const BackOfficeOutcome topUp = w.topUpCash("m", *Money::parse("1.00"), "w1", "c");
    QCOMPARE(topUp.status, BackOfficeStatus::RequestMismatch);
    QCOMPARE(topUp.field, QStringLiteral("command"));
    VERIFY_BOOKS(h);
}

void tst_BackOffice::withdrawalCheckFailsWhenAPostingIsMissing_data()
{
    QTest::addColumn<int>("decision"); // 0 none, 1 approve, 2 reject
    QTest::addColumn<QString>("removedKey");
    QTest::addColumn<bool>("walletLineFails");
    QTest::addColumn<bool>("holdLineFails");
    QTest::newRow("request_hold_missing") << 0 << "withdrawal-hold:" << true << true;
    QTest::newRow("payout_missing") << 1 << "withdrawal:" << false << true;
    QTest::newRow("release_missing") << 2 << "withdrawal-release:" << true << true;
}

void tst_BackOffice::withdrawalCheckFailsWhenAPostingIsMissing()
{
    QFETCH(int, decision);
    QFETCH(QString, removedKey);
    QFETCH(bool, walletLineFails);
    QFETCH(bool, holdLineFails);
    EngineHarness h(config());
    Wallets& w = fundWallet(h);
    const BackOfficeOutcome req =
        w.requestWithdrawal("m", *Money::parse("300.00"), "w1", "ann", QString());
    QCOMPARE(req.status, BackOfficeStatus::Ok);
    if (decision == 1)
        QCOMPARE(w.approveWithdrawal(req.number, "bob").status, BackOfficeStatus::Ok);
    if (decision == 2)
        QCOMPARE(w.rejectWithdrawal(req.number, "bob", "no").status, BackOfficeStatus::Ok);
    h.api().backOffice()->commit();
    VERIFY_BOOKS(h);
    // A reversing entry takes the posting's effect away and keeps the trial
    // balance at zero: only the wallet lines can tell.
    Ledger& ledger = h.api().backOffice()->ledger();
    QCOMPARE(ledger.reverse(removedKey + req.number, "test-remove", "posting removed"),
             PostResult::Posted);
    h.api().backOffice()->commit();
    const InternalCheckReport r = h.api().backOffice()->check();
    QVERIFY(!r.ok());
    QStringList seen;
    for (const CheckLine& l : r.lines) {
        if (l.subject == QLatin1String("ledger"))
            QVERIFY(l.ok());
        if (l.subject == QLatin1String("wallet m"))
            QCOMPARE(!l.ok(), walletLineFails);
        if (l.subject == QLatin1String("wallet withdrawals"))
            QCOMPARE(!l.ok(), holdLineFails);
        seen << l.subject;
    }
    QVERIFY(seen.contains(QLatin1String("wallet m")) &&
            seen.contains(QLatin1String("wallet withdrawals")));
}

void tst_BackOffice::randomOperationsKeepBooksBalanced_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 7u, 42u, 2026u})
        QTest::newRow(qPrintable(QStringLiteral("seed_%1").arg(seed))) << seed;
}

void tst_BackOffice::randomOperationsKeepBooksBalanced()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    EngineHarness h(config());
    BackOffice& bo = *h.api().backOffice();
    QStringList paidOrders;
    QStringList walletPays;
    QDate lastSettled = chinaToday(h).addDays(-1);
    const SandboxBehaviour behaviours[] = {SandboxBehaviour::InstantSuccess, SandboxBehaviour::UserPayingThenSuccess,
                                           SandboxBehaviour::InsufficientFunds, SandboxBehaviour::NoResponseThenSuccess,
                                           SandboxBehaviour::NeverFinal, SandboxBehaviour::SystemErrorThenSuccess};
    for (int step = 0; step < 60; ++step) {
        const int op = int(rng.bounded(11));
        const QString req = QStringLiteral("s%1-%2").arg(seed).arg(step);
        const QString amount = Money::fromFen(100 + rng.bounded(50'000)).toPlainString();
        if (op <= 3) {
            const Wallet w = rng.bounded(2) ? Wallet::WeChat : Wallet::Alipay;
            const auto b = behaviours[rng.bounded(int(std::size(behaviours)))];
            const CommandOutcome o = h.pay(EngineHarness::code(w, b, 2), amount, req);
            QVERIFY2(o.ok(), qPrintable(o.message));
            if (rng.bounded(4) == 0)
                h.revoke(o.orderNo);
            h.advance(90'000, 1000);
            if (h.details(o.orderNo).order.state == OrderState::Paid)
                paidOrders << o.orderNo;
        } else if (op == 4 && !paidOrders.isEmpty()) {
            const QString order = paidOrders.takeAt(int(rng.bounded(int(paidOrders.size()))));
            const OrderDetails d = h.details(order);
            h.refund(order, Money::fromFen(1 + rng.bounded(d.order.amount.fen())).toPlainString(), req);
            h.advance(60'000, 1000);
        } else if (op == 5) {
            h.clock().advance(kDayMs / 2);
            const QDate due = chinaToday(h).addDays(-1);
            for (QDate d = lastSettled.addDays(1); d <= due; d = d.addDays(1))
                QVERIFY(bo.settlement().run(d, "ann").outcome.ok());
            lastSettled = qMax(lastSettled, due);
        } else if (op == 6) {
            const auto o = bo.approvals().requestPayout(Money::fromFen(1 + rng.bounded(20'000)), "ann", QString());
            if (o.status == BackOfficeStatus::Ok) {
                if (rng.bounded(2))
                    QCOMPARE(bo.approvals().approve(o.number, "bob").status, BackOfficeStatus::Ok);
                else
                    QCOMPARE(bo.approvals().reject(o.number, "bob", "no").status, BackOfficeStatus::Ok);
            }
        } else if (op == 7) {
            bo.wallets().topUpCash(QStringLiteral("m%1").arg(rng.bounded(3)), *Money::parse(amount), req, "c");
        } else if (op == 8) {
            const auto o = bo.wallets().pay(QStringLiteral("m%1").arg(rng.bounded(3)), *Money::parse(amount),
                                            QStringLiteral("sale-%1").arg(rng.bounded(20)), req, "c");
            if (o.status == BackOfficeStatus::Ok)
                walletPays << o.number;
        } else if (op == 9 && !walletPays.isEmpty()) {
            bo.wallets().refund(walletPays[int(rng.bounded(int(walletPays.size())))],
                                Money::fromFen(1 + rng.bounded(300)), "r", req, "c");
        } else if (op == 10) {
            const auto o =
                bo.wallets().requestWithdrawal(QStringLiteral("m%1").arg(rng.bounded(3)),
                                               *Money::parse(amount), req, "c", QString());
            const int decide = int(rng.bounded(3)); // some stay frozen
            if (o.status == BackOfficeStatus::Ok && decide == 1)
                QCOMPARE(bo.wallets().approveWithdrawal(o.number, "bob").status,
                         BackOfficeStatus::Ok);
            if (o.status == BackOfficeStatus::Ok && decide == 2)
                QCOMPARE(bo.wallets().rejectWithdrawal(o.number, "bob", "no").status,
                         BackOfficeStatus::Ok);
        }
        QVERIFY(bo.commit());
        const InternalCheckReport r = bo.check();
        QVERIFY2(r.ok(), qPrintable(QStringLiteral("step %1 op %2: %3").arg(step).arg(op).arg(failedChecks(r))));
    }
}

QTEST_GUILESS_MAIN(tst_BackOffice)
#include "tst_backoffice.moc"
