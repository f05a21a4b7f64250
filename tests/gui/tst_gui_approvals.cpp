// Settlement and maker-checker at the back-office desk: a day settled, a
// payout requested by one accountant, refused to its own proposer and
// approved by another; an adjustment proposed and rejected (with a reason)
// where nobody logs in; bad input said and nothing changed; and a cashier
// offered none of it.
#include "api/types/Accounts.h"
#include "api/types/ChinaTime.h"
#include "app/Language.h"
#include "approvals/ApprovalInbox.h"
#include "approvals/ApprovalsModel.h"
#include "approvals/ApprovalsScreen.h"
#include "approvals/SettlementsModel.h"
#include "approvals/WalletOpsModel.h"
#include "approvals/WalletPage.h"
#include "guisupport/GuiHarness.h"
#include "sandbox/SandboxBehaviour.h"
#include "shell/ShiftLogin.h"

#include <QComboBox>
#include <QDateEdit>
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

template <typename T> T* child(QWidget* w, const char* name)
{
    T* found = w->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no %s", name);
    return found;
}

void click(QWidget* w, const char* name)
{
    QTest::mouseClick(child<QPushButton>(w, name), Qt::LeftButton);
}

ApprovalsScreen* openApprovals(GuiHarness& h)
{
    ApprovalsScreen* s = h.window().approvals();
    h.window().tabs()->setCurrentWidget(s); // opening the tab reads
    s->reload();
    return s;
}

} // namespace

class tst_GuiApprovals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en")); }

    void daySettledAndPayoutApprovedBySecondAccountant()
    {
        GuiHarness h;
        const QDate saleDay = chinaTime(h.clock().nowMs()).date();
        QVERIFY(!h.paidOrder(QStringLiteral("300.00"),
                             sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess))
                     .isEmpty());
        const QString wang = h.addPerson(QStringLiteral("wang"), Role::Accountant);
        h.addPerson(QStringLiteral("chen"), Role::Accountant);
        h.actAs(wang);
        ApprovalsScreen* s = openApprovals(h);
        QTabWidget* tabs = h.window().tabs();
        QVERIFY(tabs->isTabEnabled(tabs->indexOf(s)));
        // Logged-in people act in their own names: no name to type.
        QVERIFY(!child<QLineEdit>(s, "actorName")->isVisible());

        // Today is not over: the core says when the day can be settled.
        child<QDateEdit>(s, "settleDay")->setDate(saleDay);
        click(s, "settleButton");
        QTRY_VERIFY(child<QLabel>(s, "settleStatus")->text().contains(QStringLiteral("T+1")));
        QCOMPARE(s->settlements().rowCount(), 0);

        // Two days on, wang's session has ended: wang logs in again.
        h.advance(2 * 24 * 3600 * 1000LL, 12 * 3600 * 1000);
        click(s, "settleButton");
        QTRY_VERIFY(child<QLabel>(s, "settleStatus")->text().contains(QStringLiteral("log in")));
        QCOMPARE(s->settlements().rowCount(), 0);
        h.actAs(h.logIn(QStringLiteral("wang")));
        click(s, "settleButton");
        QTRY_COMPARE(s->settlements().rowCount(), 1);
        const QString settled = child<QLabel>(s, "settleStatus")->text();
        QVERIFY2(settled.startsWith(saleDay.toString(Qt::ISODate) +
                                    QStringLiteral(" settled: payments 300.00")),
                 qPrintable(settled));
        QCOMPARE(cell(s->settlements(), 0, SettlementsModel::Net), QStringLiteral("300.00"));
        QCOMPARE(cell(s->settlements(), 0, SettlementsModel::RunBy), QStringLiteral("wang"));
        const QString available = cell(s->settlements(), 0, SettlementsModel::Available);

        const QString limits = child<QLabel>(s, "payoutLimits")->text();
        QVERIFY2(limits.contains(QStringLiteral("3 payouts a day, at most 10000.00 a day")),
                 qPrintable(limits));
        child<QLineEdit>(s, "payoutAmount")->setText(QStringLiteral("100.00"));
        child<QLineEdit>(s, "payoutNote")->setText(QStringLiteral("rent"));
        click(s, "payoutRequest");
        ApprovalInbox& payouts = s->payouts();
        QTRY_COMPARE(payouts.model().rowCount(), 1);
        const QString number = cell(payouts.model(), 0, ApprovalsModel::Number);
        QCOMPARE(cell(payouts.model(), 0, ApprovalsModel::State), QStringLiteral("REQUESTED"));
        QCOMPARE(cell(payouts.model(), 0, ApprovalsModel::Amount), QStringLiteral("100.00"));
        QCOMPARE(cell(payouts.model(), 0, ApprovalsModel::ProposedBy), QStringLiteral("wang"));
        QVERIFY2(payouts.status().contains(number + QStringLiteral(" requested")),
                 qPrintable(payouts.status()));

        // The proposer cannot approve it: the core's refusal is shown.
        QVERIFY(payouts.select(number));
        click(&payouts, "payoutApprove");
        QTRY_VERIFY2(payouts.status().contains(QStringLiteral("cannot also decide it")),
                     qPrintable(payouts.status()));
        QCOMPARE(cell(payouts.model(), 0, ApprovalsModel::State), QStringLiteral("REQUESTED"));

        h.actAs(h.logIn(QStringLiteral("chen")));
        s->reload();
        QTRY_COMPARE(payouts.model().rowCount(), 1);
        QVERIFY(payouts.select(number));
        click(&payouts, "payoutApprove");
        QTRY_COMPARE(cell(payouts.model(), 0, ApprovalsModel::State), QStringLiteral("APPROVED"));
        QCOMPARE(cell(payouts.model(), 0, ApprovalsModel::DecidedBy), QStringLiteral("chen"));
        QCOMPARE(payouts.status(), number + QStringLiteral(" approved."));
        // The money left the merchant's available balance for the bank.
        const auto balance = h.replyOf<BackOfficeRead<AccountBalance>>([&](auto reply) {
            h.api().accounting().balance(accounts::merchantAvailable(QStringLiteral("M0001")),
                                         BackOfficeApi::kNow, reply);
        });
        QVERIFY2(balance.ok(), qPrintable(balance.outcome.message));
        QCOMPARE(plainYuan(balance.value.normalFen() + 100'00), available);
    }

    void adjustmentRejectedWithAReasonWhereNobodyLogsIn()
    {
        GuiHarness h;
        ApprovalsScreen* s = openApprovals(h);
        QLineEdit* name = child<QLineEdit>(s, "actorName");
        QVERIFY(name->isVisible());
        ApprovalInbox& adjustments = s->adjustments();

        // Nobody named: nothing is proposed.
        child<QComboBox>(s, "adjustAccount")->setCurrentText(accounts::bank());
        child<QLineEdit>(s, "adjustAmount")->setText(QStringLiteral("5.00"));
        child<QLineEdit>(s, "adjustReason")->setText(QStringLiteral("bank charge"));
        s->proposeAdjustment();
        QVERIFY(adjustments.status().startsWith(QStringLiteral("Type your name first")));
        // A bad amount: said, nothing proposed.
        name->setText(QStringLiteral("wang"));
        child<QLineEdit>(s, "adjustAmount")->setText(QStringLiteral("5.001"));
        s->proposeAdjustment();
        QVERIFY2(adjustments.status().startsWith(QStringLiteral("The amount is not valid")),
                 qPrintable(adjustments.status()));
        h.drain();
        QCOMPARE(adjustments.model().rowCount(), 0);

        child<QLineEdit>(s, "adjustAmount")->setText(QStringLiteral("5.00"));
        s->proposeAdjustment();
        QTRY_COMPARE(adjustments.model().rowCount(), 1);
        QCOMPARE(cell(adjustments.model(), 0, ApprovalsModel::Account), accounts::bank());
        QCOMPARE(cell(adjustments.model(), 0, ApprovalsModel::CounterAccount),
                 accounts::adjustments());
        QCOMPARE(cell(adjustments.model(), 0, ApprovalsModel::ProposedBy), QStringLiteral("wang"));

        name->setText(QStringLiteral("chen"));
        QVERIFY(adjustments.select(cell(adjustments.model(), 0, ApprovalsModel::Number)));
        adjustments.decide(false);
        QVERIFY(adjustments.status().startsWith(QStringLiteral("Say why you reject")));
        QCOMPARE(cell(adjustments.model(), 0, ApprovalsModel::State), QStringLiteral("REQUESTED"));
        child<QLineEdit>(&adjustments, "adjustmentDecisionNote")
            ->setText(QStringLiteral("the bank refunded it"));
        adjustments.decide(false);
        QTRY_COMPARE(cell(adjustments.model(), 0, ApprovalsModel::State),
                     QStringLiteral("REJECTED"));
        QCOMPARE(cell(adjustments.model(), 0, ApprovalsModel::DecidedBy), QStringLiteral("chen"));
        QCOMPARE(cell(adjustments.model(), 0, ApprovalsModel::DecisionNote),
                 QStringLiteral("the bank refunded it"));
        // Decided once: a second decision is not offered.
        adjustments.decide(true);
        QVERIFY(adjustments.status().contains(QStringLiteral("is already REJECTED")));
    }

    void walletToppedUpAndWithdrawalApprovedByAnother()
    {
        GuiHarness h;
        ApprovalsScreen* s = openApprovals(h);
        WalletPage& w = s->wallets();
        auto* name = child<QLineEdit>(s, "actorName");
        name->setText(QStringLiteral("li"));
        child<QLineEdit>(&w, "walletMember")->setText(QStringLiteral("M1"));
        // A bad amount: said, nothing moves.
        child<QLineEdit>(&w, "walletTopUpAmount")->setText(QStringLiteral("1e3"));
        w.topUpCash();
        QVERIFY2(w.status().startsWith(QStringLiteral("The amount is not valid")),
                 qPrintable(w.status()));
        child<QLineEdit>(&w, "walletTopUpAmount")->setText(QStringLiteral("100.00"));
        w.topUpCash();
        QTRY_VERIFY2(w.summary().startsWith(QStringLiteral("M1: balance 100.00; topped up 100.00")),
                     qPrintable(w.summary()));
        QCOMPARE(w.ops().rowCount(), 1);
        QCOMPARE(cell(w.ops(), 0, WalletOpsModel::Amount), QStringLiteral("100.00"));
        QCOMPARE(cell(w.ops(), 0, WalletOpsModel::By), QStringLiteral("li"));

        child<QLineEdit>(&w, "walletWithdrawAmount")->setText(QStringLiteral("30.00"));
        child<QLineEdit>(&w, "walletWithdrawNote")->setText(QStringLiteral("moving away"));
        w.requestWithdrawal();
        ApprovalInbox& inbox = w.withdrawals();
        QTRY_COMPARE(inbox.model().rowCount(), 1);
        QCOMPARE(cell(inbox.model(), 0, ApprovalsModel::State), QStringLiteral("REQUESTED"));
        QTRY_VERIFY2(w.summary().contains(QStringLiteral("balance 70.00")) &&
                         w.summary().contains(QStringLiteral("held for withdrawals 30.00")),
                     qPrintable(w.summary()));
        const QString number = cell(inbox.model(), 0, ApprovalsModel::Number);

        QVERIFY(inbox.select(number));
        inbox.decide(true); // li asked for it: not li's to approve
        QTRY_VERIFY2(inbox.status().contains(QStringLiteral("cannot also decide it")),
                     qPrintable(inbox.status()));
        name->setText(QStringLiteral("chen"));
        QVERIFY(inbox.select(number));
        inbox.decide(true);
        // An approved withdrawal is paid out at once.
        QTRY_COMPARE(cell(inbox.model(), 0, ApprovalsModel::State), QStringLiteral("PAID"));
        QTRY_VERIFY2(w.summary().contains(QStringLiteral("withdrawn 30.00")) &&
                         w.summary().contains(QStringLiteral("balance 70.00")),
                     qPrintable(w.summary()));
    }

    void cashierIsOfferedNoneOfIt()
    {
        GuiHarness h;
        const QString li = h.addPerson(QStringLiteral("li"), Role::Cashier);
        h.actAs(li);
        ApprovalsScreen* s = h.window().approvals();
        QTabWidget* tabs = h.window().tabs();
        QVERIFY(!tabs->isTabEnabled(tabs->indexOf(s)));
        s->reload();
        QVERIFY(!child<QPushButton>(s, "settleButton")->isEnabled());
        QVERIFY(!child<QPushButton>(s, "payoutRequest")->isEnabled());
        QVERIFY(!child<QPushButton>(&s->payouts(), "payoutApprove")->isEnabled());
        QVERIFY2(s->payouts().status().contains(QStringLiteral("li (cashier) may not")),
                 qPrintable(s->payouts().status()));
        QVERIFY2(child<QLabel>(s, "settleStatus")->text().contains(QStringLiteral("li (cashier)")),
                 qPrintable(child<QLabel>(s, "settleStatus")->text()));
        // And the core refuses even if the screen is driven.
        s->requestPayout();
        h.drain();
        QCOMPARE(s->payouts().model().rowCount(), 0);
    }
};

QTEST_MAIN(tst_GuiApprovals)
#include "tst_gui_approvals.moc"
