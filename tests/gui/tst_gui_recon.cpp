// The reconciliation workbench: a day of WeChat sales reconciled against the
// sandbox's bill, which leaves one sale out and bills another at another
// amount on purpose (billDifferences); the report shown and exported; one
// difference written off, proposed by one accountant, refused to its own
// proposer and approved by another; one explained; a bill file that is not
// a bill refused with nothing changed; a cashier offered none of it.
#include "api/EmbeddedApi.h"
#include "api/types/ChinaTime.h"
#include "app/Language.h"
#include "guisupport/GuiHarness.h"
#include "reconcile/DifferencesModel.h"
#include "reconcile/ReconReportModel.h"
#include "reconcile/ReconScreen.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxChannel.h"
#include "sandbox/bills/BillDifferences.h"
#include "shell/ShiftLogin.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::cell;
using paydesk::test::GuiHarness;

namespace {

QString paymentOf(GuiHarness& h, const QString& orderNo)
{
    const auto d = h.replyOf<std::optional<OrderDetails>>(
        [&](auto reply) { h.api().orderDetails(orderNo, reply); });
    return d && !d->payments.isEmpty() ? d->payments.constFirst().paymentNo : QString();
}

int rowOfKind(const DifferencesModel& m, const QString& kind)
{
    for (int row = 0; row < m.rowCount(); ++row)
        if (cell(m, row, DifferencesModel::Kind) == kind)
            return row;
    return -1;
}

QString detail(ReconScreen* s)
{
    return s->findChild<QLabel*>(QStringLiteral("diffDetail"))->text();
}

// A day of three WeChat sales, the bill of which leaves the first out and
// bills the second at 9.99 (so the channel also pays out 22.01 less).
struct BillDay
{
    GuiHarness h;
    QDate day;
    QString dropped;
    QString misbilled;
    BillDifferences differences;

    BillDay()
    {
        day = chinaTime(h.clock().nowMs()).date();
        const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        dropped = h.paidOrder(QStringLiteral("12.00"), code);
        misbilled = h.paidOrder(QStringLiteral("20.00"), code);
        h.paidOrder(QStringLiteral("8.00"), code);
        differences.dropPayments << paymentOf(h, dropped);
        differences.amountFen.insert(paymentOf(h, misbilled), 9'99);
        auto& core = static_cast<EmbeddedApi&>(*h.core().core);
        auto* wechat =
            dynamic_cast<SandboxChannel*>(core.billSource(QStringLiteral("wechat")).channel);
        if (!wechat)
            qFatal("the harness's WeChat is not the in-process sandbox");
        wechat->setBillDifferences(&differences);
        h.advance(24 * 3600 * 1000LL, 12 * 3600 * 1000); // the day is over
    }
};

} // namespace

class tst_GuiRecon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en")); }

    void dayReconciledAndWriteOffApprovedBySecondAccountant()
    {
        BillDay b;
        GuiHarness& h = b.h;
        h.addPerson(QStringLiteral("wang"), Role::Accountant);
        h.addPerson(QStringLiteral("chen"), Role::Accountant);
        h.actAs(h.logIn(QStringLiteral("wang")));
        ReconScreen* s = h.window().recon();
        h.window().tabs()->setCurrentWidget(s);
        QVERIFY(h.window().tabs()->isTabEnabled(h.window().tabs()->indexOf(s)));

        s->setChannel(QStringLiteral("wechat"));
        s->setDay(b.day);
        s->reconcile();
        QTRY_VERIFY(s->report().hasReport());
        QVERIFY2(s->status().contains(QStringLiteral("reconciled: 2 matched, 3 differences")),
                 qPrintable(s->status()));
        const ReconReportModel& r = s->report();
        QCOMPARE(cell(r, r.rowOf(QStringLiteral("paid")), ReconReportModel::Ours),
                 QStringLiteral("40.00"));
        QCOMPARE(cell(r, r.rowOf(QStringLiteral("paid")), ReconReportModel::Bill),
                 QStringLiteral("17.99"));
        QCOMPARE(cell(r, r.rowOf(QStringLiteral("missing_at_channel")), ReconReportModel::Ours),
                 QStringLiteral("1"));
        // The channel paid out less than the ledger expects: the two sales' difference.
        QCOMPARE(cell(r, r.rowOf(QStringLiteral("fund_short")), ReconReportModel::Bill),
                 QStringLiteral("22.01"));

        // Exported as the core writes it; a bad path is said.
        const QString csv = h.dataDir() + QStringLiteral("/report.csv");
        QCOMPARE(s->exportReport(csv, false), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("paid,40.00,17.99"));
        QCOMPARE(s->exportReport(h.dataDir() + QStringLiteral("/report.pdf"), true), QString());
        QVERIFY(!s->exportReport(h.dataDir() + QStringLiteral("/no/dir/r.csv"), false).isEmpty());

        DifferencesModel& d = s->differences();
        QTRY_COMPARE(d.rowCount(), 3); // missing, amount, and the fund short by both
        const int missing = rowOfKind(d, QStringLiteral("missing_at_channel"));
        QVERIFY(missing >= 0);
        const qint64 id = d.differences().at(missing).id;
        QCOMPARE(cell(d, missing, DifferencesModel::Order), b.dropped);
        QVERIFY(s->selectDifference(id));
        // A write-off needs its reason.
        s->proposeWriteOffSelected();
        QVERIFY(detail(s).startsWith(QStringLiteral("Give the reason first")));
        s->findChild<QLineEdit*>(QStringLiteral("diffReason"))
            ->setText(QStringLiteral("customer disputed; the channel returned it"));
        s->proposeWriteOffSelected();
        QTRY_COMPARE(cell(d, d.rowOf(id), DifferencesModel::State),
                     QStringLiteral("writeoff_proposed"));
        QCOMPARE(cell(d, d.rowOf(id), DifferencesModel::ProposedBy), QStringLiteral("wang"));
        QVERIFY(s->findChild<QPushButton*>(QStringLiteral("diffApprove"))->isEnabled());

        // wang may not approve his own proposal.
        s->decideSelected(true);
        QTRY_VERIFY2(detail(s).contains(QStringLiteral("wang")) &&
                         cell(d, d.rowOf(id), DifferencesModel::State) ==
                             QStringLiteral("writeoff_proposed"),
                     qPrintable(detail(s)));

        h.actAs(h.logIn(QStringLiteral("chen")));
        s->reloadDifferences();
        QTRY_VERIFY(s->selectDifference(id));
        s->decideSelected(true);
        // Decided: it leaves the list of those needing a person, and says so.
        QTRY_COMPARE(d.rowOf(id), -1);
        QVERIFY2(detail(s).startsWith(QStringLiteral("Difference %1:").arg(id)),
                 qPrintable(detail(s)));
        s->findChild<QCheckBox*>(QStringLiteral("diffNeedsAction"))->setChecked(false);
        QTRY_VERIFY(d.rowOf(id) >= 0);
        QCOMPARE(cell(d, d.rowOf(id), DifferencesModel::State), QStringLiteral("written_off"));
        QCOMPARE(cell(d, d.rowOf(id), DifferencesModel::DecidedBy), QStringLiteral("chen"));
    }

    void differenceExplainedWhereNobodyLogsIn()
    {
        BillDay b;
        ReconScreen* s = b.h.window().recon();
        b.h.window().tabs()->setCurrentWidget(s);
        s->setChannel(QStringLiteral("wechat"));
        s->setDay(b.day);
        s->reconcile();
        QVERIFY(s->status().startsWith(QStringLiteral("Type your name first")));
        QVERIFY(!s->report().hasReport());
        s->findChild<QLineEdit*>(QStringLiteral("actorName"))->setText(QStringLiteral("wang"));
        s->reconcile();
        QTRY_COMPARE(s->differences().rowCount(), 3);
        const int row = rowOfKind(s->differences(), QStringLiteral("amount_mismatch"));
        QVERIFY(row >= 0);
        const qint64 id = s->differences().differences().at(row).id;
        QVERIFY(s->selectDifference(id));
        s->findChild<QLineEdit*>(QStringLiteral("diffReason"))
            ->setText(QStringLiteral("the bill's typo; confirmed with the channel"));
        s->resolveSelected();
        QTRY_COMPARE(s->differences().rowOf(id), -1);
        QCOMPARE(s->differences().rowCount(), 2);

        // The same bill again changes nothing.
        s->reconcile();
        QTRY_VERIFY2(s->status().contains(QStringLiteral("nothing changed")),
                     qPrintable(s->status()));
        QCOMPARE(s->differences().rowCount(), 2);
    }

    void fileThatIsNotABillIsRefused()
    {
        BillDay b;
        ReconScreen* s = b.h.window().recon();
        s->findChild<QLineEdit*>(QStringLiteral("actorName"))->setText(QStringLiteral("wang"));
        const QString path = b.h.dataDir() + QStringLiteral("/not-a-bill.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello,world\n");
        f.close();
        s->setChannel(QStringLiteral("wechat"));
        s->setDay(b.day);
        s->reconcile(path);
        QTRY_VERIFY(!s->status().startsWith(QStringLiteral("Reconciling")));
        QVERIFY2(s->status().contains(QStringLiteral("line")), qPrintable(s->status()));
        QVERIFY(!s->report().hasReport());
        s->reloadDifferences();
        b.h.drain();
        QCOMPARE(s->differences().rowCount(), 0);
    }

    void cashierIsOfferedNoneOfIt()
    {
        GuiHarness h;
        h.actAs(h.addPerson(QStringLiteral("li"), Role::Cashier));
        ReconScreen* s = h.window().recon();
        QVERIFY(!h.window().tabs()->isTabEnabled(h.window().tabs()->indexOf(s)));
        s->reloadDifferences();
        QVERIFY(!s->findChild<QPushButton*>(QStringLiteral("reconDownload"))->isEnabled());
        QVERIFY2(detail(s).contains(QStringLiteral("li (cashier) may not")), qPrintable(detail(s)));
        s->reconcile();
        h.drain();
        QVERIFY2(s->status().contains(QStringLiteral("may not")), qPrintable(s->status()));
        QVERIFY(!s->report().hasReport());
    }
};

QTEST_MAIN(tst_GuiRecon)
#include "tst_gui_recon.moc"
