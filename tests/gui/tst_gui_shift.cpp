// The shift close (交班): what a counter's shift took, refunded and revoked
// by wallet, its open orders, kept by the core and printed as a slip; the
// next shift starts where the last one ended; only counter roles close.
#include "app/Language.h"
#include "guisupport/GuiHarness.h"
#include "sandbox/SandboxBehaviour.h"
#include "shell/ShiftLogin.h"
#include "shift/ShiftCloseDialog.h"
#include "shift/ShiftReportModel.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
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

ShiftCloseDialog* closeAs(GuiHarness& h, const QString& name)
{
    auto* d = static_cast<ShiftCloseDialog*>(h.window().openShiftClose());
    if (!d)
        return nullptr;
    if (auto* field = d->findChild<QLineEdit*>(QStringLiteral("actorName"));
        field && !name.isEmpty())
        field->setText(name);
    d->closeShift();
    return d;
}

} // namespace

class tst_GuiShift : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en")); }

    void shiftClosedWithTheRightTotals()
    {
        GuiHarness h;
        const QString first = h.paidOrder(QStringLiteral("12.00"), code(Wallet::WeChat));
        h.paidOrder(QStringLiteral("8.00"), code(Wallet::WeChat));
        h.paidOrder(QStringLiteral("30.00"), code(Wallet::Alipay));
        const auto refund = h.replyOf<CommandOutcome>([&](auto reply) {
            h.api().refund({QStringLiteral("shift-refund"), first, Money::fromFen(2'00),
                            QStringLiteral("one cup short")},
                           reply);
        });
        QVERIFY2(refund.ok(), qPrintable(refund.message));
        // A sale the customer never finished, revoked before anything was
        // taken: it counts nowhere.
        const QString unpaid = h.paidOrder(QStringLiteral("99.00"),
                                           code(Wallet::Alipay, SandboxBehaviour::NeverFinal));
        const auto revoke = h.replyOf<CommandOutcome>([&](auto reply) {
            h.api().revoke(
                {QStringLiteral("shift-revoke"), unpaid, QStringLiteral("customer left")}, reply);
        });
        QVERIFY2(revoke.ok(), qPrintable(revoke.message));
        // Alipay took 40.00 but its answer was lost; the cashier revoked the
        // sale, so the money went back: taken and revoked in this shift.
        const QString lost = h.paidOrder(
            QStringLiteral("40.00"), code(Wallet::Alipay, SandboxBehaviour::NoResponseThenSuccess));
        h.advance(500);
        const auto reversed = h.replyOf<CommandOutcome>([&](auto reply) {
            h.api().revoke({QStringLiteral("shift-reverse"), lost, QStringLiteral("answer lost")},
                           reply);
        });
        QVERIFY2(reversed.ok(), qPrintable(reversed.message));
        h.advance(5 * 60 * 1000, 500);
        // A customer still entering the password when the shift ends.
        const QString open =
            h.paidOrder(QStringLiteral("5.00"), code(Wallet::WeChat, SandboxBehaviour::NeverFinal));
        h.advance(2000);

        ShiftCloseDialog* d = closeAs(h, QString());
        QVERIFY(d);
        // Nobody logs in here: the closing person types a name first.
        QVERIFY(d->status().startsWith(QStringLiteral("Type your name first")));
        d->findChild<QLineEdit*>(QStringLiteral("actorName"))->setText(QStringLiteral("li"));
        d->closeShift();
        QTRY_COMPARE(d->model().rowCount(), 3); // WeChat, Alipay, the totals
        const ShiftReportModel& m = d->model();
        QCOMPARE(cell(m, 0, ShiftReportModel::WalletColumn), QStringLiteral("WeChat Pay"));
        QCOMPARE(cell(m, 0, ShiftReportModel::Sales), QStringLiteral("2"));
        QCOMPARE(cell(m, 0, ShiftReportModel::SalesAmount), QStringLiteral("20.00"));
        QCOMPARE(cell(m, 0, ShiftReportModel::Refunded), QStringLiteral("2.00"));
        QCOMPARE(cell(m, 0, ShiftReportModel::Net), QStringLiteral("18.00"));
        QCOMPARE(cell(m, 1, ShiftReportModel::WalletColumn), QStringLiteral("Alipay"));
        QCOMPARE(cell(m, 1, ShiftReportModel::Sales), QStringLiteral("2"));
        QCOMPARE(cell(m, 1, ShiftReportModel::SalesAmount), QStringLiteral("70.00"));
        QCOMPARE(cell(m, 1, ShiftReportModel::Revokes), QStringLiteral("1"));
        QCOMPARE(cell(m, 1, ShiftReportModel::Revoked), QStringLiteral("40.00"));
        QCOMPARE(cell(m, 1, ShiftReportModel::Net), QStringLiteral("30.00"));
        QCOMPARE(cell(m, 2, ShiftReportModel::WalletColumn), QStringLiteral("Total"));
        QCOMPARE(cell(m, 2, ShiftReportModel::Sales), QStringLiteral("4"));
        QCOMPARE(cell(m, 2, ShiftReportModel::SalesAmount), QStringLiteral("90.00"));
        QCOMPARE(cell(m, 2, ShiftReportModel::Net), QStringLiteral("48.00"));
        const QString left = d->findChild<QLabel*>(QStringLiteral("shiftOpenOrders"))->text();
        QVERIFY2(left.contains(open) && !left.contains(unpaid) && !left.contains(lost),
                 qPrintable(left));
        QVERIFY(d->status().contains(QStringLiteral("closed by li")));

        // Kept by the core, as shown.
        const auto kept = h.replyOf<QList<ShiftReport>>(
            [&](auto reply) { h.core().guard->shifts().shifts(10, reply); });
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().number(), d->model().report().number());
        QCOMPARE(kept.first().totals().netFen(), 48'00);
        QCOMPARE(kept.first().closedBy, QStringLiteral("li"));
        QCOMPARE(kept.first().openOrders, QStringList{open});

        // The slip as PDF.
        const QString pdf = h.dataDir() + QStringLiteral("/shift.pdf");
        QCOMPARE(d->exportPdf(pdf), QString());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        d->close();

        // The next shift starts at this close: only what came after.
        h.advance(60'000);
        h.paidOrder(QStringLiteral("5.50"), code(Wallet::WeChat));
        ShiftCloseDialog* next = closeAs(h, QStringLiteral("wang"));
        QTRY_COMPARE(next->model().rowCount(), 2);
        QCOMPARE(cell(next->model(), 0, ShiftReportModel::WalletColumn),
                 QStringLiteral("WeChat Pay"));
        QCOMPARE(cell(next->model(), 1, ShiftReportModel::Net), QStringLiteral("5.50"));
        QCOMPARE(next->model().report().openedAtMs, kept.first().closedAtMs);
    }

    void onlyCounterRolesClose()
    {
        GuiHarness h;
        const QString wang = h.addPerson(QStringLiteral("wang"), Role::Accountant);
        const QString li = h.addPerson(QStringLiteral("li"), Role::Cashier);
        h.actAs(wang);
        QVERIFY(!h.window().openShiftClose());
        const auto refused = h.replyOf<ShiftCloseResult>(
            [&](auto reply) { h.core().guard->shifts().closeShift(QString(), reply); });
        QCOMPARE(refused.outcome.status, BackOfficeStatus::Forbidden);

        h.actAs(li);
        ShiftCloseDialog* d = closeAs(h, QString());
        QVERIFY(d);
        // Logged in: closed in li's name, and the next person logs in from here.
        QTRY_VERIFY(d->status().contains(QStringLiteral("closed by li")));
        QVERIFY(d->findChild<QPushButton*>(QStringLiteral("shiftNext"))->isVisible());
        QCOMPARE(d->model().rowCount(), 1); // nothing sold: the totals alone
        QCOMPARE(cell(d->model(), 0, ShiftReportModel::Net), QStringLiteral("0.00"));
    }
};

QTEST_MAIN(tst_GuiShift)
#include "tst_gui_shift.moc"
