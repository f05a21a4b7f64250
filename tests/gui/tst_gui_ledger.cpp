// The ledger screen: balances with the trial balance (now and at an earlier
// moment), the journal filtered by account and reference and opened on an
// entry's postings, a long journal read a page at a time, the internal
// check, and the roles that may read it.
#include "api/types/Accounts.h"
#include "api/types/ChinaTime.h"
#include "app/Language.h"
#include "books/BalancesModel.h"
#include "books/CheckModel.h"
#include "books/JournalModel.h"
#include "books/LedgerScreen.h"
#include "books/PostingsModel.h"
#include "guisupport/GuiHarness.h"
#include "sandbox/SandboxBehaviour.h"
#include "shell/ShiftLogin.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::cell;
using paydesk::test::GuiHarness;

namespace {

const QString kReceivable = accounts::channelReceivable(QStringLiteral("wechat"));

QString instantCode()
{
    return sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
}

// The balance row of `account`: {debit, credit} as shown; empty when absent.
QStringList shownBalance(const BalancesModel& m, const QString& account)
{
    for (int row = 0; row < m.rowCount(); ++row)
        if (m.index(row, BalancesModel::Account).data().toString() == account)
            return {m.index(row, BalancesModel::Debit).data().toString(),
                    m.index(row, BalancesModel::Credit).data().toString()};
    return {};
}

QString textOf(const LedgerScreen* s, const char* name)
{
    return s->findChild<QLabel*>(QLatin1String(name))->text();
}

LedgerScreen* openLedger(GuiHarness& h)
{
    LedgerScreen* s = h.window().ledger();
    h.window().tabs()->setCurrentWidget(s); // opening the tab reads the ledger
    return s;
}

} // namespace

class tst_GuiLedger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // As the app shows it in English (plural forms come from the translation).
        QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en"));
    }

    void salesShowOnBothSidesAndTheTrialBalanceBalances()
    {
        GuiHarness h;
        QVERIFY(!h.paidOrder(QStringLiteral("12.00"), instantCode()).isEmpty());
        QVERIFY(!h.paidOrder(QStringLiteral("8.50"), instantCode()).isEmpty());
        LedgerScreen* s = openLedger(h);
        QTRY_VERIFY(!shownBalance(s->balances(), kReceivable).isEmpty());
        // What the channels owe us, on the debit side; the merchant's
        // pending money, the same amount on the credit side.
        QCOMPARE(shownBalance(s->balances(), kReceivable),
                 (QStringList{QStringLiteral("20.50"), QString()}));
        QCOMPARE(s->balances().debitTotalFen(), 20'50);
        QCOMPARE(s->balances().creditTotalFen(), 20'50);
        const QString trial = textOf(s, "trialBalance");
        QVERIFY2(trial.contains(QStringLiteral("debits 20.50 = credits 20.50, balanced")),
                 qPrintable(trial));
    }

    void balancesAtAnEarlierMomentLeaveOutLaterSales()
    {
        GuiHarness h;
        QVERIFY(!h.paidOrder(QStringLiteral("12.00"), instantCode()).isEmpty());
        const qint64 afterFirstMs = h.clock().nowMs() + 1000;
        h.advance(60 * 60 * 1000, 60 * 1000);
        QVERIFY(!h.paidOrder(QStringLiteral("8.50"), instantCode()).isEmpty());
        LedgerScreen* s = openLedger(h);
        QTRY_COMPARE(shownBalance(s->balances(), kReceivable).value(0), QStringLiteral("20.50"));

        s->findChild<QCheckBox*>(QStringLiteral("ledgerAtNow"))->setChecked(false);
        const QDateTime at = chinaTime(afterFirstMs);
        auto* edit = s->findChild<QDateTimeEdit*>(QStringLiteral("ledgerAt"));
        edit->setDateTime(QDateTime(at.date(), at.time()));
        Q_EMIT edit->editingFinished();
        QTRY_COMPARE(shownBalance(s->balances(), kReceivable).value(0), QStringLiteral("12.00"));
        const QString trial = textOf(s, "trialBalance");
        QVERIFY2(trial.contains(at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))) &&
                     trial.contains(QStringLiteral("debits 12.00 = credits 12.00, balanced")),
                 qPrintable(trial));
    }

    void journalByAccountAndReferenceOpensTheEntrysPostings()
    {
        GuiHarness h;
        const QString first = h.paidOrder(QStringLiteral("12.00"), instantCode());
        QVERIFY(!h.paidOrder(QStringLiteral("8.50"), instantCode()).isEmpty());
        LedgerScreen* s = openLedger(h);
        QTRY_VERIFY(s->balances().rowCount() > 0);

        s->showAccountJournal(kReceivable);
        QTRY_COMPARE(s->journal().rowCount(), 2);
        QCOMPARE(s->journal().index(0, JournalModel::Amount).data().toString(),
                 QStringLiteral("12.00"));
        QCOMPARE(s->journal().index(0, JournalModel::Kind).data().toString(),
                 QStringLiteral("payment"));

        auto* ref = s->findChild<QLineEdit*>(QStringLiteral("journalRef"));
        ref->setText(first);
        Q_EMIT ref->returnPressed();
        QTRY_COMPARE(s->journal().rowCount(), 1);
        QCOMPARE(s->journal().index(0, JournalModel::Order).data().toString(), first);
        auto* view = s->findChild<QTableView*>(QStringLiteral("journalView"));
        view->setCurrentIndex(s->journal().index(0, 0));
        QCOMPARE(s->postings().rowCount(), 2);
        QCOMPARE(s->postings().index(0, PostingsModel::Account).data().toString(), kReceivable);
        QCOMPARE(s->postings().index(0, PostingsModel::Debit).data().toString(),
                 QStringLiteral("12.00"));
        QCOMPARE(s->postings().index(1, PostingsModel::Credit).data().toString(),
                 QStringLiteral("12.00"));
        QVERIFY(textOf(s, "entryTitle").contains(first));

        // A reference nobody used: nothing, said as such.
        ref->setText(QStringLiteral("NO-SUCH-REF"));
        Q_EMIT ref->returnPressed();
        QTRY_COMPARE(s->journal().rowCount(), 0);
        QCOMPARE(textOf(s, "journalStatus"), QStringLiteral("0 entries"));
        QCOMPARE(s->postings().rowCount(), 0);
    }

    void longJournalIsReadAPageAtATime()
    {
        GuiHarness h;
        // Every entry in the same millisecond (the clock stands still): the
        // next page starts at that time and must skip the rows it has shown.
        const int topUps = JournalModel::kPageRows + 50;
        BackOfficeApi& books = h.api().accounting();
        for (int i = 0; i < topUps; ++i) {
            const auto o = h.replyOf<BackOfficeOutcome>([&](auto reply) {
                books.topUpCash(QStringLiteral("M1"), Money::fromFen(1'00),
                                QStringLiteral("top-%1").arg(i), QStringLiteral("wang"), reply);
            });
            QVERIFY2(o.ok(), qPrintable(o.message));
        }
        LedgerScreen* s = openLedger(h);
        s->showAccountJournal(accounts::wallet(QStringLiteral("M1")));
        QTRY_COMPARE(s->journal().rowCount(), JournalModel::kPageRows);
        QVERIFY(s->journal().canFetchMore({}));
        QCOMPARE(
            textOf(s, "journalStatus"),
            QStringLiteral("%1 entries shown; scroll down for more").arg(JournalModel::kPageRows));
        s->journal().fetchMore({});
        QTRY_COMPARE(s->journal().rowCount(), topUps);
        QVERIFY(!s->journal().canFetchMore({}));
        QCOMPARE(textOf(s, "journalStatus"), QStringLiteral("%1 entries").arg(topUps));
        for (int row = 1; row < topUps; ++row)
            QVERIFY(s->journal().entry(row).id > s->journal().entry(row - 1).id);
    }

    void internalCheckHolds()
    {
        GuiHarness h;
        QVERIFY(!h.paidOrder(QStringLiteral("12.00"), instantCode()).isEmpty());
        LedgerScreen* s = openLedger(h);
        s->runCheck();
        QTRY_VERIFY(s->check().rowCount() > 0);
        QCOMPARE(s->check().failingLines(), 0);
        QCOMPARE(textOf(s, "checkStatus"),
                 QStringLiteral("All %1 lines hold.").arg(s->check().rowCount()));
        QCOMPARE(s->check().index(0, CheckModel::Result).data().toString(), QStringLiteral("ok"));
    }

    void failingLineSaysWhatIsWrong_data()
    {
        QTest::addColumn<qint64>("expectedFen");
        QTest::addColumn<qint64>("actualFen");
        QTest::addColumn<bool>("isCount");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("holds") << qint64(5'00) << qint64(5'00) << false << QStringLiteral("ok");
        QTest::newRow("books hold more")
            << qint64(5'00) << qint64(7'50) << false
            << QStringLiteral("the books hold 2.50 more than the rule expects");
        QTest::newRow("books hold less")
            << qint64(5'00) << qint64(0) << false
            << QStringLiteral("the books hold 5.00 less than the rule expects");
        QTest::newRow("one item more")
            << qint64(3) << qint64(4) << true << QStringLiteral("1 more than the rule expects");
        QTest::newRow("items fewer")
            << qint64(3) << qint64(1) << true << QStringLiteral("2 fewer than the rule expects");
    }

    void failingLineSaysWhatIsWrong()
    {
        QFETCH(qint64, expectedFen);
        QFETCH(qint64, actualFen);
        QFETCH(bool, isCount);
        QFETCH(QString, verdict);
        CheckLine line{QStringLiteral("liability:pending:M1"), QStringLiteral("rule"), expectedFen,
                       actualFen, isCount};
        QCOMPARE(CheckModel::verdict(line), verdict);
        CheckModel model;
        model.setReport({{line}, {}});
        QCOMPARE(model.failingLines(), line.ok() ? 0 : 1);
        QCOMPARE(model.index(0, CheckModel::Result).data().toString(), verdict);
    }

    void onlyRolesThatMayReadItSeeIt()
    {
        GuiHarness h;
        QVERIFY(!h.paidOrder(QStringLiteral("12.00"), instantCode()).isEmpty());
        const QString li = h.addPerson(QStringLiteral("li"), Role::Cashier);
        const QString wang = h.addPerson(QStringLiteral("wang"), Role::Accountant);
        LedgerScreen* s = h.window().ledger();
        QTabWidget* tabs = h.window().tabs();

        h.actAs(li);
        QVERIFY(!tabs->isTabEnabled(tabs->indexOf(s)));
        // The core refuses even when the screen is reached.
        s->reload();
        QCOMPARE(s->balances().rowCount(), 0);
        QCOMPARE(s->journal().rowCount(), 0);
        QVERIFY2(textOf(s, "trialBalance").contains(QStringLiteral("li (cashier) may not")),
                 qPrintable(textOf(s, "trialBalance")));
        s->runCheck();
        QCOMPARE(s->check().rowCount(), 0);

        h.actAs(wang);
        QVERIFY(tabs->isTabEnabled(tabs->indexOf(s)));
        s->reload();
        QTRY_COMPARE(shownBalance(s->balances(), kReceivable).value(0), QStringLiteral("12.00"));
    }
};

QTEST_MAIN(tst_GuiLedger)
#include "tst_gui_ledger.moc"
