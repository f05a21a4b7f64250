// The dashboard's figures from the engine's own rows: a period's takings by
// wallet and hour of the day, each channel's success rate and median time to
// paid, and the items waiting for a person now.
#include "api/types/Dashboard.h"
#include "testsupport/EngineHarness.h"

#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

namespace {

const qint64 kHourMs = 3600LL * 1000;
const qint64 kDayMs = 24 * kHourMs;

const WalletTakings* takingsOf(const DashboardFigures& f, Wallet w)
{
    for (const WalletTakings& t : f.byWallet)
        if (t.wallet == w)
            return &t;
    return nullptr;
}

const ChannelPerformance* channelOf(const DashboardFigures& f, Wallet w)
{
    for (const ChannelPerformance& c : f.channels)
        if (c.wallet == w)
            return &c;
    return nullptr;
}

DashboardResult figures(EngineHarness& h, qint64 fromMs, qint64 toMs)
{
    return h.replyOf<DashboardResult>(
        [&](auto reply) { h.api().dashboard().figures(fromMs, toMs, reply); });
}

QString paid(EngineHarness& h, const QString& amount, Wallet w,
             SandboxBehaviour b = SandboxBehaviour::InstantSuccess, int n = 0)
{
    static int serial = 0;
    const CommandOutcome o =
        h.pay(EngineHarness::code(w, b, n), amount, QStringLiteral("dash-%1").arg(++serial));
    return o.orderNo;
}

qint64 timeToPaidMs(EngineHarness& h, const QString& orderNo)
{
    const PaymentRecord p = h.details(orderNo).payments.constFirst();
    return p.updatedAtMs - p.createdAtMs;
}

} // namespace

class tst_Dashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aDaysTakingsByWalletAndHour();
    void successRateAndMedianTimeToPaid();
    void periodIsStartInclusiveEndExclusive();
    void badPeriodIsRefused_data();
    void badPeriodIsRefused();
    void openItemsAreCountedWhateverThePeriod();
};

void tst_Dashboard::aDaysTakingsByWalletAndHour()
{
    EngineHarness h;
    const qint64 dayStart = h.clock().nowMs() - 8 * kHourMs; // 08:00 China: the day began at 00:00
    const QString first = paid(h, QStringLiteral("12.00"), Wallet::WeChat);
    paid(h, QStringLiteral("8.00"), Wallet::WeChat);
    QVERIFY(h.refund(first, QStringLiteral("2.00"), QStringLiteral("dash-refund")).ok());
    h.advance(2 * kHourMs, 60'000); // 10:00
    paid(h, QStringLiteral("30.00"), Wallet::Alipay);
    // Alipay took 40.00 but its answer was lost; the sale was revoked, so the
    // money went back: a sale and a revoke of the same day.
    const QString lost =
        paid(h, QStringLiteral("40.00"), Wallet::Alipay, SandboxBehaviour::NoResponseThenSuccess);
    h.advance(500);
    QVERIFY(h.revoke(lost).ok());
    h.advance(60'000);
    QCOMPARE(h.details(lost).payments.constFirst().state, PaymentState::Reversed);

    const DashboardResult r = figures(h, dayStart, dayStart + kDayMs);
    QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.message));
    const DashboardFigures& f = r.figures;
    QCOMPARE(f.byWallet.size(), 2);
    const WalletTakings* wechat = takingsOf(f, Wallet::WeChat);
    QVERIFY(wechat);
    QCOMPARE(wechat->sales, 2);
    QCOMPARE(wechat->salesFen, 20'00);
    QCOMPARE(wechat->refunds, 1);
    QCOMPARE(wechat->refundsFen, 2'00);
    QCOMPARE(wechat->netFen(), 18'00);
    const WalletTakings* alipay = takingsOf(f, Wallet::Alipay);
    QVERIFY(alipay);
    QCOMPARE(alipay->sales, 2);
    QCOMPARE(alipay->salesFen, 70'00);
    QCOMPARE(alipay->revokes, 1);
    QCOMPARE(alipay->revokedFen, 40'00);
    QCOMPARE(f.totals().netFen(), 48'00);
    // Hours of the day in China time, each wallet's sales in its own row.
    QCOMPARE(f.byHour.size(), 2);
    QCOMPARE(f.byHour.at(0).hour, 8);
    QCOMPARE(f.byHour.at(0).wallet, Wallet::WeChat);
    QCOMPARE(f.byHour.at(0).sales, 2);
    QCOMPARE(f.byHour.at(0).salesFen, 20'00);
    QCOMPARE(f.byHour.at(1).hour, 10);
    QCOMPARE(f.byHour.at(1).wallet, Wallet::Alipay);
    QCOMPARE(f.byHour.at(1).salesFen, 70'00);
    QCOMPARE(f.asOfMs, h.clock().nowMs());

    // The next day has none of it.
    const DashboardResult next = figures(h, dayStart + kDayMs, dayStart + 2 * kDayMs);
    QVERIFY(next.outcome.ok());
    QVERIFY(next.figures.byWallet.isEmpty());
    QVERIFY(next.figures.byHour.isEmpty());
    QVERIFY(next.figures.channels.isEmpty());
}

void tst_Dashboard::successRateAndMedianTimeToPaid()
{
    EngineHarness h;
    const qint64 from = h.clock().nowMs();
    // WeChat: paid at once, and paid after the customer confirmed (the
    // engine polls until it is).
    paid(h, QStringLiteral("1.00"), Wallet::WeChat);
    const QString slow =
        paid(h, QStringLiteral("2.00"), Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 3);
    h.advance(20'000);
    const qint64 slowMs = timeToPaidMs(h, slow);
    QVERIFY2(slowMs >= 3'000, qPrintable(QString::number(slowMs)));
    // Alipay: one paid, one refused for lack of funds, one never finished
    // (revoked unpaid), one still paying.
    paid(h, QStringLiteral("3.00"), Wallet::Alipay);
    paid(h, QStringLiteral("4.00"), Wallet::Alipay, SandboxBehaviour::InsufficientFunds);
    const QString gaveUp =
        paid(h, QStringLiteral("5.00"), Wallet::Alipay, SandboxBehaviour::NeverFinal);
    QVERIFY(h.revoke(gaveUp).ok());
    h.advance(10'000);
    paid(h, QStringLiteral("6.00"), Wallet::Alipay, SandboxBehaviour::NeverFinal);

    const DashboardResult r = figures(h, from, h.clock().nowMs() + 1);
    QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.message));
    const ChannelPerformance* wechat = channelOf(r.figures, Wallet::WeChat);
    QVERIFY(wechat);
    QCOMPARE(wechat->paid, 2);
    QCOMPARE(wechat->notPaid, 0);
    QCOMPARE(wechat->successRate(), 1.0);
    // The mean of 0 and slowMs, each in whole tenths of a second.
    QCOMPARE(wechat->medianToPaidMs, slowMs / 100 / 2 * 100);
    const ChannelPerformance* alipay = channelOf(r.figures, Wallet::Alipay);
    QVERIFY(alipay);
    QCOMPARE(alipay->paid, 1);
    QCOMPARE(alipay->notPaid, 2);
    QCOMPARE(alipay->inProgress, 1);
    QCOMPARE(alipay->successRate(), 1.0 / 3.0);
    QCOMPARE(alipay->medianToPaidMs, 0);
    // All three paid together: 0, 0 and slowMs.
    QCOMPARE(r.figures.overall.paid, 3);
    QCOMPARE(r.figures.overall.notPaid, 2);
    QCOMPARE(r.figures.overall.medianToPaidMs, 0);
    QCOMPARE(r.figures.openOrders, 1); // the one still paying
    QVERIFY(!channelOf(r.figures, Wallet::UnionPay));
}

void tst_Dashboard::periodIsStartInclusiveEndExclusive()
{
    EngineHarness h;
    const qint64 at = h.clock().nowMs();
    paid(h, QStringLiteral("9.99"), Wallet::UnionPay);
    const DashboardResult from = figures(h, at, at + 1);
    QVERIFY(from.outcome.ok());
    QCOMPARE(from.figures.totals().salesFen, 9'99);
    const DashboardResult before = figures(h, at - kHourMs, at);
    QVERIFY(before.outcome.ok());
    QCOMPARE(before.figures.totals().sales, 0);
}

void tst_Dashboard::badPeriodIsRefused_data()
{
    QTest::addColumn<qint64>("fromMs");
    QTest::addColumn<qint64>("toMs");
    QTest::addColumn<QString>("message");
    const qint64 t = 1'767'225'600'000;
    QTest::newRow("empty") << t << t << QStringLiteral("must end after it starts");
    QTest::newRow("backwards") << t << t - 1 << QStringLiteral("must end after it starts");
    QTest::newRow("longer than a year")
        << t << t + kDashboardMaxPeriodMs + 1 << QStringLiteral("longer than a year");
}

void tst_Dashboard::badPeriodIsRefused()
{
    QFETCH(qint64, fromMs);
    QFETCH(qint64, toMs);
    QFETCH(QString, message);
    EngineHarness h;
    const DashboardResult r = figures(h, fromMs, toMs);
    QCOMPARE(r.outcome.status, BackOfficeStatus::InvalidArgument);
    QVERIFY2(r.outcome.message.contains(message), qPrintable(r.outcome.message));
}

void tst_Dashboard::openItemsAreCountedWhateverThePeriod()
{
    EngineHarness h;
    // A sale the channel never finishes: after its deadline the engine
    // revokes it; a revoke that always fails goes to the manual queue with
    // a page alert, and the order waits for a person.
    const QString stuck =
        paid(h, QStringLiteral("7.00"), Wallet::WeChat, SandboxBehaviour::RevokeFailsNTimes, 99);
    h.advance(10 * 60'000, 1'000);
    QCOMPARE(h.details(stuck).order.state, OrderState::Attention);
    qint64 page = 0;
    qint64 watch = 0;
    for (const AlertRecord& a : h.alerts()) {
        if (a.acknowledgedAtMs != 0)
            continue;
        (a.level == AlertLevel::Page ? page : watch) += 1;
    }
    QVERIFY(page > 0);
    // A period long before all of it: the open items are the same.
    const DashboardResult r = figures(h, 0, kHourMs);
    QVERIFY(r.outcome.ok());
    QCOMPARE(r.figures.openPageAlerts, page);
    QCOMPARE(r.figures.openWatchAlerts, watch);
    QCOMPARE(r.figures.openOrders, 1);
    QCOMPARE(r.figures.openDifferences, 0);
    QCOMPARE(r.figures.totals().sales, 0);
}

QTEST_GUILESS_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"
