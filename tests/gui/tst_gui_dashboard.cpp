// The dashboard: a period's takings by wallet and hour, success rates and
// median time to paid, open items that lead to their screens; it follows
// payments live while shown; only the roles that read the books see it.
#include "alerts/AlertsScreen.h"
#include "api/types/ChinaTime.h"
#include "app/Language.h"
#include "dashboard/DashboardPeriod.h"
#include "dashboard/DashboardScreen.h"
#include "dashboard/HourlyTakingsChart.h"
#include "dashboard/WalletFiguresModel.h"
#include "guisupport/GuiHarness.h"
#include "sandbox/SandboxBehaviour.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::cell;
using paydesk::test::GuiHarness;

namespace {

QString code(Wallet w, SandboxBehaviour b = SandboxBehaviour::InstantSuccess)
{
    return sandboxCode(w, b);
}

QString figure(DashboardScreen* s, const QString& name)
{
    return s->findChild<QLabel*>(name)->text();
}

DashboardScreen* openDashboard(GuiHarness& h)
{
    DashboardScreen* s = h.window().dashboard();
    h.window().tabs()->setCurrentWidget(s); // shown: it reads the figures
    return s;
}

} // namespace

class tst_GuiDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en")); }

    void periods_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QDate>("chosenFirst");
        QTest::addColumn<QDate>("chosenLast");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        // "Now" is 2026-03-10 00:30 China time (2026-03-09 16:30 UTC): the
        // China day, not the UTC one.
        QTest::newRow("today") << int(PeriodChoice::Today) << QDate() << QDate()
                               << QDate(2026, 3, 10) << QDate(2026, 3, 10);
        QTest::newRow("yesterday") << int(PeriodChoice::Yesterday) << QDate() << QDate()
                                   << QDate(2026, 3, 9) << QDate(2026, 3, 9);
        QTest::newRow("last 7 days") << int(PeriodChoice::Last7Days) << QDate() << QDate()
                                     << QDate(2026, 3, 4) << QDate(2026, 3, 10);
        QTest::newRow("this month") << int(PeriodChoice::ThisMonth) << QDate() << QDate()
                                    << QDate(2026, 3, 1) << QDate(2026, 3, 10);
        QTest::newRow("chosen") << int(PeriodChoice::Chosen) << QDate(2026, 2, 1)
                                << QDate(2026, 2, 28) << QDate(2026, 2, 1) << QDate(2026, 2, 28);
        QTest::newRow("chosen backwards")
            << int(PeriodChoice::Chosen) << QDate(2026, 2, 28) << QDate(2026, 2, 1)
            << QDate(2026, 2, 1) << QDate(2026, 2, 28);
    }

    void periods()
    {
        QFETCH(int, choice);
        QFETCH(QDate, chosenFirst);
        QFETCH(QDate, chosenLast);
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        const qint64 now =
            QDateTime(QDate(2026, 3, 9), QTime(16, 30), QTimeZone::utc()).toMSecsSinceEpoch();
        const DashboardPeriod p =
            dashboardPeriod(PeriodChoice(choice), now, chosenFirst, chosenLast);
        QCOMPARE(p.firstDay, first);
        QCOMPARE(p.lastDay, last);
        QCOMPARE(p.fromMs, chinaDayStartMs(first));
        QCOMPARE(p.toMs, chinaDayStartMs(last.addDays(1)));
    }

    void todaysTakingsFollowPaymentsLive()
    {
        GuiHarness h;
        // The harness's clock starts at 08:00 China time.
        const QString first = h.paidOrder(QStringLiteral("12.00"), code(Wallet::WeChat));
        h.paidOrder(QStringLiteral("8.00"), code(Wallet::WeChat));
        h.paidOrder(QStringLiteral("30.00"), code(Wallet::Alipay));
        h.paidOrder(QStringLiteral("4.00"),
                    code(Wallet::Alipay, SandboxBehaviour::InsufficientFunds));
        const auto refund = h.replyOf<CommandOutcome>([&](auto reply) {
            h.api().refund({QStringLiteral("dash-refund"), first, Money::fromFen(2'00),
                            QStringLiteral("one cup short")},
                           reply);
        });
        QVERIFY2(refund.ok(), qPrintable(refund.message));

        // Alt+9 opens it; opening reads the figures.
        QTest::keyClick(&h.window(), Qt::Key_9, Qt::AltModifier);
        DashboardScreen* s = h.window().dashboard();
        QCOMPARE(h.window().tabs()->currentWidget(), static_cast<QWidget*>(s));
        QTRY_COMPARE(s->wallets().rowCount(), 3); // WeChat, Alipay, all wallets
        const WalletFiguresModel& m = s->wallets();
        QCOMPARE(cell(m, 0, WalletFiguresModel::WalletColumn), QStringLiteral("WeChat Pay"));
        QCOMPARE(cell(m, 0, WalletFiguresModel::Sales), QStringLiteral("2"));
        QCOMPARE(cell(m, 0, WalletFiguresModel::Taken), QStringLiteral("20.00"));
        QCOMPARE(cell(m, 0, WalletFiguresModel::Refunded), QStringLiteral("2.00 (1)"));
        QCOMPARE(cell(m, 0, WalletFiguresModel::Net), QStringLiteral("18.00"));
        QCOMPARE(cell(m, 0, WalletFiguresModel::SuccessRate), QStringLiteral("100.0 %"));
        QCOMPARE(cell(m, 0, WalletFiguresModel::MedianToPaid), QStringLiteral("0.0 s"));
        QCOMPARE(cell(m, 1, WalletFiguresModel::WalletColumn), QStringLiteral("Alipay"));
        QCOMPARE(cell(m, 1, WalletFiguresModel::Net), QStringLiteral("30.00"));
        QCOMPARE(cell(m, 1, WalletFiguresModel::SuccessRate), QStringLiteral("50.0 %"));
        QCOMPARE(cell(m, 1, WalletFiguresModel::NotPaid), QStringLiteral("1"));
        QCOMPARE(cell(m, 2, WalletFiguresModel::WalletColumn), QStringLiteral("All wallets"));
        QCOMPARE(cell(m, 2, WalletFiguresModel::Net), QStringLiteral("48.00"));
        QCOMPARE(cell(m, 2, WalletFiguresModel::SuccessRate), QStringLiteral("75.0 %"));
        QCOMPARE(figure(s, QStringLiteral("figureNet")), QStringLiteral("¥48.00"));
        QCOMPARE(figure(s, QStringLiteral("figureSales")), QStringLiteral("3 sales, ¥50.00"));
        QCOMPARE(figure(s, QStringLiteral("figureSuccessRate")), QStringLiteral("75.0 %"));
        // The bars: the 08:00 hour, a part per wallet.
        QCOMPARE(s->chart().fenAt(Wallet::WeChat, 8), 20'00);
        QCOMPARE(s->chart().fenAt(Wallet::Alipay, 8), 30'00);
        QCOMPARE(s->chart().fenAt(Wallet::WeChat, 9), 0);
        QVERIFY2(s->status().contains(chinaTime(h.clock().nowMs()).date().toString(Qt::ISODate)),
                 qPrintable(s->status()));

        // A sale while the dashboard is open shows without anyone asking.
        h.paidOrder(QStringLiteral("1.50"), code(Wallet::UnionPay));
        QVERIFY(s->reloadPending());
        QTRY_COMPARE(s->wallets().rowCount(), 4);
        QCOMPARE(figure(s, QStringLiteral("figureNet")), QStringLiteral("¥49.50"));
        QCOMPARE(s->chart().fenAt(Wallet::UnionPay, 8), 1'50);

        // Yesterday had nothing.
        s->choosePeriod(int(PeriodChoice::Yesterday));
        QTRY_COMPARE(s->wallets().rowCount(), 0);
        QCOMPARE(figure(s, QStringLiteral("figureNet")), QStringLiteral("¥0.00"));
        QCOMPARE(figure(s, QStringLiteral("figureSuccessRate")), QStringLiteral("—"));
    }

    void openItemsLeadToTheirScreens()
    {
        GuiHarness h;
        // A sale the channel never finishes and that cannot be revoked: the
        // order waits for a person, with a page alert.
        h.paidOrder(QStringLiteral("7.00"),
                    sandboxCode(Wallet::WeChat, SandboxBehaviour::RevokeFailsNTimes, 99));
        h.advance(10 * 60'000, 1'000);
        DashboardScreen* s = openDashboard(h);
        auto* alerts = s->findChild<QPushButton*>(QStringLiteral("figureOpenAlerts"));
        QTRY_VERIFY2(alerts->text().startsWith(QStringLiteral("Open alerts: 1 to act on")),
                     qPrintable(alerts->text()));
        QCOMPARE(s->findChild<QPushButton*>(QStringLiteral("figureOpenOrders"))->text(),
                 QStringLiteral("Orders not finished: 1"));
        QCOMPARE(s->findChild<QPushButton*>(QStringLiteral("figureOpenDifferences"))->text(),
                 QStringLiteral("Reconciliation differences waiting: 0"));
        alerts->click();
        QCOMPARE(h.window().tabs()->currentWidget(),
                 static_cast<QWidget*>(h.window().alertsCentre()));
    }

    void onlyTheBooksRolesSeeIt()
    {
        GuiHarness h;
        h.paidOrder(QStringLiteral("3.00"), code(Wallet::WeChat));
        const QString li = h.addPerson(QStringLiteral("li"), Role::Cashier);
        const QString wang = h.addPerson(QStringLiteral("wang"), Role::Accountant);
        DashboardScreen* s = h.window().dashboard();
        QTabWidget* tabs = h.window().tabs();

        h.actAs(li);
        QVERIFY(!tabs->isTabEnabled(tabs->indexOf(s)));
        const auto refused = h.replyOf<DashboardResult>(
            [&](auto reply) { h.core().guard->dashboard().figures(0, 1, reply); });
        QCOMPARE(refused.outcome.status, BackOfficeStatus::Forbidden);
        s->reload(); // the screen says why, and shows nothing
        QVERIFY2(s->status().contains(QStringLiteral("li (cashier) may not read the dashboard")),
                 qPrintable(s->status()));
        QCOMPARE(s->wallets().rowCount(), 0);

        h.actAs(wang);
        QVERIFY(tabs->isTabEnabled(tabs->indexOf(s)));
        openDashboard(h);
        QTRY_COMPARE(s->wallets().rowCount(), 2);
        QCOMPARE(figure(s, QStringLiteral("figureNet")), QStringLiteral("¥3.00"));

        // The shift changes to a cashier: the accountant's figures go.
        h.actAs(li);
        s->reload();
        QCOMPARE(s->wallets().rowCount(), 0);
        QCOMPARE(figure(s, QStringLiteral("figureNet")), QString());
        QCOMPARE(s->chart().fenAt(Wallet::WeChat, 8), 0);
    }
};

QTEST_MAIN(tst_GuiDashboard)
#include "tst_gui_dashboard.moc"
