// Logging in at the counter: nothing is asked before the shop has users;
// then a person logs in before the first sale, a wrong password is shown
// and lets nobody in, the status bar names who works, a shift change logs
// the next person in (ending the previous session), and the core refuses
// what the new person's role may not do.
#include "guisupport/GuiHarness.h"
#include "orders/OrdersScreen.h"
#include "qr/QrScreen.h"
#include "refund/RefundDialog.h"
#include "sandbox/SandboxBehaviour.h"
#include "shell/LoginDialog.h"
#include "shell/ShiftLogin.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

namespace {

const QString kPassword = GuiHarness::password();

// An admin (boss), a cashier (li), an accountant (wang) and a supervisor (zhou).
void addStaff(GuiHarness& h)
{
    h.addPerson(QStringLiteral("li"), Role::Cashier);
    h.addPerson(QStringLiteral("wang"), Role::Accountant);
    h.addPerson(QStringLiteral("zhou"), Role::Supervisor);
}

// Types into the login dialog once it is shown: `passwords` in turn, each
// a try after the one before was refused, cancelling when they run out.
// The refusals shown go to `errors`.
struct LoginScript
{
    QString name;
    QStringList passwords;
    QStringList errors;
    int tries = 0;
    bool shown = false;
    QPointer<LoginDialog> dialog; // the one this script answers
};

void drive(const std::shared_ptr<LoginScript>& s)
{
    QTimer::singleShot(10, [s] {
        if (!s->shown)
            s->dialog = qobject_cast<LoginDialog*>(QApplication::activeModalWidget());
        LoginDialog* dialog = s->dialog;
        if (!dialog || !dialog->isVisible()) {
            if (!s->shown)
                drive(s); // not shown yet; once shown and closed, the script ends
            return;
        }
        s->shown = true;
        auto* button = dialog->findChild<QPushButton*>(QStringLiteral("loginButton"));
        if (!button->isEnabled())
            return drive(s); // a try is being checked
        auto* error = dialog->findChild<QLabel*>(QStringLiteral("loginError"));
        if (s->tries > 0 && !error->isHidden())
            s->errors << error->text();
        if (s->passwords.isEmpty())
            return dialog->reject();
        dialog->findChild<QLineEdit*>(QStringLiteral("loginName"))->setText(s->name);
        dialog->findChild<QLineEdit*>(QStringLiteral("loginPassword"))
            ->setText(s->passwords.takeFirst());
        ++s->tries;
        QTest::mouseClick(button, Qt::LeftButton);
        drive(s);
    });
}

std::shared_ptr<LoginScript> answerLogin(const QString& name, const QStringList& passwords)
{
    auto s = std::make_shared<LoginScript>();
    s->name = name;
    s->passwords = passwords;
    drive(s);
    return s;
}

CommandOutcome pay(GuiHarness& h, const QString& requestNo)
{
    return h.replyOf<CommandOutcome>([&](auto reply) {
        h.api().pay({requestNo,
                     Money::fromFen(12'00),
                     sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                     QString(),
                     QString(),
                     {}},
                    reply);
    });
}

} // namespace

class tst_GuiLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noUsersNoLogin()
    {
        GuiHarness h;
        QVERIFY(!h.window().shiftLogin().required());
        QVERIFY(h.window().shiftLogin().logInAtStart()); // nothing asked
        QCOMPARE(pay(h, QStringLiteral("open")).status, CommandStatus::Ok);
    }

    void wrongPasswordThenRightOne()
    {
        GuiHarness h;
        addStaff(h);
        ShiftLogin& shift = h.window().shiftLogin();
        QVERIFY(shift.required());
        // Nobody logged in yet: the core refuses the sale.
        const CommandOutcome before = pay(h, QStringLiteral("nobody"));
        QCOMPARE(before.status, CommandStatus::Unauthenticated);
        const auto script =
            answerLogin(QStringLiteral("li"), {QStringLiteral("wrong-password"), kPassword});
        QVERIFY(shift.logInAtStart());
        QCOMPARE(script->errors.size(), 1);
        QVERIFY2(script->errors.first().contains(QStringLiteral("Not logged in")),
                 qPrintable(script->errors.first()));
        QCOMPARE(shift.who(), QStringLiteral("li (cashier)"));
        QCOMPARE(shift.badge()->text(), QStringLiteral("Logged in: li (cashier)"));
        QCOMPARE(pay(h, QStringLiteral("li-sale")).status, CommandStatus::Ok);
    }

    void sharedPinGivesWayToLogins()
    {
        GuiHarness h;
        h.settings().setSupervisorPin(QStringLiteral("2468"));
        const QString orderNo = h.paidOrder(
            QStringLiteral("20.00"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        QDialog* before = h.window().openRefund(orderNo);
        QVERIFY(before->findChild<QLineEdit*>(QStringLiteral("refundPin"))->isVisibleTo(before));
        before->close();
        addStaff(h);
        answerLogin(QStringLiteral("li"), {kPassword});
        QVERIFY(h.window().shiftLogin().logInAtStart());
        // The cashier's own login and the core's refund limit decide now.
        QDialog* after = h.window().openRefund(orderNo);
        QVERIFY(after);
        QVERIFY(!after->findChild<QLineEdit*>(QStringLiteral("refundPin"))->isVisibleTo(after));
        after->close();
    }

    void supervisorApprovesARefundAtTheCounter()
    {
        GuiHarness h;
        const QString orderNo =
            h.paidOrder(QStringLiteral("800.00"),
                        sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        addStaff(h);
        answerLogin(QStringLiteral("li"), {kPassword});
        QVERIFY(h.window().shiftLogin().logInAtStart());
        auto* dialog = static_cast<RefundDialog*>(h.window().openRefund(orderNo));
        QVERIFY(dialog);
        h.drain();
        dialog->findChild<QLineEdit*>(QStringLiteral("refundAmount"))
            ->setText(QStringLiteral("600.00"));
        dialog->findChild<QComboBox*>(QStringLiteral("refundReason"))->setCurrentIndex(1);
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("refundSupervisorName"));
        auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("refundSupervisorPassword"));
        QVERIFY(!name->isVisibleTo(dialog));
        // Above the cashier's ¥500.00: refused, and the supervisor is asked.
        dialog->submit();
        QTRY_VERIFY(!dialog->statusText().contains(QStringLiteral("Sending")));
        QVERIFY2(dialog->statusText().contains(QStringLiteral("a supervisor must do it")),
                 qPrintable(dialog->statusText()));
        QVERIFY(name->isVisibleTo(dialog));
        // Another cashier's password approves nothing.
        name->setText(QStringLiteral("zhou"));
        password->setText(QStringLiteral("wrong-password"));
        dialog->submit();
        QTRY_VERIFY(!dialog->statusText().contains(QStringLiteral("Sending")));
        QVERIFY(!dialog->succeeded());
        name->setText(QStringLiteral("zhou"));
        password->setText(kPassword);
        dialog->submit();
        QTRY_VERIFY(dialog->succeeded());
        h.drain();
        // Made in the supervisor's name; the cashier is still the one here.
        QCOMPARE(h.window().shiftLogin().who(), QStringLiteral("li (cashier)"));
        AuditFilter refunds;
        refunds.action = QStringLiteral("refund");
        std::optional<QList<AuditEntry>> log;
        answerLogin(QStringLiteral("boss"), {kPassword});
        h.window().shiftLogin().switchUser();
        h.core().guard->audit().entries(refunds, [&](const QList<AuditEntry>& e) { log = e; });
        QTRY_VERIFY(log.has_value());
        QCOMPARE(log->size(), 2);
        QCOMPARE(log->at(0).user, QStringLiteral("zhou"));
        QCOMPARE(log->at(0).outcome, QStringLiteral("ok"));
        QCOMPARE(log->at(1).user, QStringLiteral("li"));
        QCOMPARE(log->at(1).outcome, QStringLiteral("forbidden"));
        dialog->close();
    }

    void cancelAtStartQuits()
    {
        GuiHarness h;
        addStaff(h);
        answerLogin(QStringLiteral("li"), {});
        QVERIFY(!h.window().shiftLogin().logInAtStart());
    }

    void shiftChangeEndsThePreviousSession()
    {
        GuiHarness h;
        addStaff(h);
        ShiftLogin& shift = h.window().shiftLogin();
        answerLogin(QStringLiteral("li"), {kPassword});
        QVERIFY(shift.logInAtStart());
        const QString liToken = h.core().guard->sessionToken();
        QVERIFY(h.core().users->session(liToken));

        answerLogin(QStringLiteral("wang"), {kPassword});
        shift.switchUser();
        h.drain();
        QCOMPARE(shift.who(), QStringLiteral("wang (accountant)"));
        QVERIFY(!h.core().users->session(liToken)); // li's session ended
        // An accountant takes no payments: the core refuses, nothing is made.
        const CommandOutcome refused = pay(h, QStringLiteral("wang-sale"));
        QCOMPARE(refused.status, CommandStatus::Forbidden);
        QVERIFY2(refused.message.contains(QStringLiteral("needs the cashier or supervisor role")),
                 qPrintable(refused.message));
        QVERIFY(refused.orderNo.isEmpty());
        // The window offers what the role allows: an accountant reads orders.
        QTabWidget* tabs = h.window().tabs();
        QVERIFY(!tabs->isTabEnabled(tabs->indexOf(static_cast<QWidget*>(h.window().cashier()))));
        QVERIFY(!tabs->isTabEnabled(tabs->indexOf(static_cast<QWidget*>(h.window().qr()))));
        QVERIFY(tabs->isTabEnabled(tabs->indexOf(static_cast<QWidget*>(h.window().orders()))));
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(h.window().orders()));
        QCOMPARE(h.window().openRefund(QStringLiteral("PO1")), nullptr);

        // A cancelled shift change keeps the person who is there.
        answerLogin(QStringLiteral("li"), {});
        shift.switchUser();
        QCOMPARE(shift.who(), QStringLiteral("wang (accountant)"));
    }
};

QTEST_MAIN(tst_GuiLogin)
#include "tst_gui_login.moc"
