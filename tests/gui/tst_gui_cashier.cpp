// The cashier screen on the real widgets, through the sandbox: keyboard-only
// sale, a scanner burst while the focus is in the note field, revoke during
// polling, cancel racing completion, refusals that end with a next step.
#include "cashier/CashierScreen.h"
#include "cashier/LastSalesPanel.h"
#include "cashier/SaleSession.h"
#include "common/OutcomeSound.h"
#include "guisupport/GuiHarness.h"
#include "orders/OrdersScreen.h"
#include "qr/QrScreen.h"
#include "receipt/ReceiptDialog.h"
#include "refund/RefundDialog.h"
#include "sandbox/SandboxBehaviour.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

namespace {

QString code(SandboxBehaviour b, int n = 0, Wallet w = Wallet::WeChat)
{
    return sandboxCode(w, b, n);
}

// Types the amount the way a person does: the scanner filter holds fast keys
// for a few ms, then delivers them to the field.
void typeAmount(GuiHarness& h, const QString& amount)
{
    auto* edit = h.find<QLineEdit>(QStringLiteral("amountEdit"));
    edit->setFocus();
    QTest::keyClicks(edit, amount);
    QTRY_COMPARE(edit->text(), amount);
}

SalePhase phase(GuiHarness& h)
{
    return h.window().cashier()->session().view().phase;
}

} // namespace

class tst_GuiCashier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Counter mode enlarges every emphasised text and field, on every tab,
    // and leaving it gives them their sizes back. Regression: the QR tab,
    // hidden meanwhile, kept the large type.
    void counterModeScalesEveryTabAndBack()
    {
        GuiHarness h;
        h.window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window()));
        auto* code = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        auto* qrHeadline = h.window().qr()->findChild<QLabel*>(QStringLiteral("saleHeadline"));
        QVERIFY(qrHeadline);
        const qreal codePt = code->font().pointSizeF();
        const qreal headlinePt = qrHeadline->font().pointSizeF();
        h.settings().setCounterMode(true);
        h.window().applySettings();
        QCOMPARE(code->font().pointSizeF(), 16 * 1.4);
        QCOMPARE(qrHeadline->font().pointSizeF(), 16 * 2.2);
        h.settings().setCounterMode(false);
        h.window().applySettings();
        QCOMPARE(code->font().pointSizeF(), codePt);
        QCOMPARE(qrHeadline->font().pointSizeF(), headlinePt);
        h.window().showQr();
        QCOMPARE(qrHeadline->font().pointSizeF(), headlinePt);
    }

    void keyboardOnlySale()
    {
        GuiHarness h;
        auto* amount = h.find<QLineEdit>(QStringLiteral("amountEdit"));
        auto* codeEdit = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        typeAmount(h, QStringLiteral("12.34"));
        QTest::keyClick(amount, Qt::Key_Return);
        QTRY_VERIFY(codeEdit->hasFocus()); // Enter with no code: on to the code field
        QTest::keyClicks(codeEdit, code(SandboxBehaviour::InstantSuccess));
        QTest::keyClick(codeEdit, Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::Paid);
        auto* headline = h.find<QLabel>(QStringLiteral("saleHeadline"));
        QVERIFY2(headline->text().contains(QStringLiteral("12.34")), qPrintable(headline->text()));
        QVERIFY(!h.find<QLabel>(QStringLiteral("saleNextStep"))->text().isEmpty());
        QVERIFY(codeEdit->text().isEmpty()); // the code is good for one charge only
        // Esc clears for the next sale.
        QTest::keyClick(amount, Qt::Key_Escape);
        QTRY_VERIFY(amount->text().isEmpty());
        QCOMPARE(phase(h), SalePhase::Idle);
    }

    void scannerBurstWhileFocusInNote()
    {
        GuiHarness h;
        typeAmount(h, QStringLiteral("8.80"));
        auto* note = h.find<QLineEdit>(QStringLiteral("noteEdit"));
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("tea")); // a person types a note...
        QTRY_COMPARE(note->text(), QStringLiteral("tea"));
        // ...and the scanner fires while the note still has the focus.
        QTest::keyClicks(note, code(SandboxBehaviour::InstantSuccess, 0, Wallet::Alipay));
        QTest::keyClick(note, Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::Paid);
        // Nothing of the scan was typed into the note (the finished sale
        // then cleared it for the next one).
        QVERIFY(!note->text().contains(code(SandboxBehaviour::InstantSuccess, 0, Wallet::Alipay)));
        std::optional<OrderDetails> d;
        h.api().orderDetails(h.window().cashier()->session().view().orderNo,
                             [&](const std::optional<OrderDetails>& x) { d = x; });
        QVERIFY(d);
        QCOMPARE(d->order.subject, QStringLiteral("tea"));
        QCOMPARE(d->payments.constLast().wallet, Wallet::Alipay);
    }

    void scanWithoutAmountAsksForIt()
    {
        GuiHarness h;
        auto* note = h.find<QLineEdit>(QStringLiteral("noteEdit"));
        note->setFocus();
        QTest::keyClicks(note, code(SandboxBehaviour::InstantSuccess));
        QTest::keyClick(note, Qt::Key_Return);
        auto* codeEdit = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        QTRY_COMPARE(codeEdit->text(), code(SandboxBehaviour::InstantSuccess));
        QVERIFY(note->text().isEmpty());
        QCOMPARE(phase(h), SalePhase::Idle);
        QVERIFY(!h.find<QLabel>(QStringLiteral("cashierStatus"))->text().isEmpty());
        // Typing the amount and Enter charges the held code.
        typeAmount(h, QStringLiteral("3.00"));
        QTest::keyClick(h.find<QLineEdit>(QStringLiteral("amountEdit")), Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::Paid);
    }

    // Regression: the amount stayed in the field after a sale, and the
    // next scan charged it at once.
    void regression_finishedSaleDoesNotChargeItsAmountAgain()
    {
        GuiHarness h;
        typeAmount(h, QStringLiteral("26.80"));
        h.window().cashier()->acceptScannedCode(code(SandboxBehaviour::InstantSuccess));
        QTRY_COMPARE(phase(h), SalePhase::Paid);
        const QString firstOrder = h.window().cashier()->session().view().orderNo;
        QVERIFY(h.find<QLineEdit>(QStringLiteral("amountEdit"))->text().isEmpty());
        // The next customer's code arrives before any amount is typed.
        h.window().cashier()->acceptScannedCode(
            code(SandboxBehaviour::InstantSuccess, 0, Wallet::Alipay));
        h.drain();
        QCOMPARE(h.window().cashier()->session().view().orderNo, firstOrder);
        QVERIFY2(h.find<QLabel>(QStringLiteral("cashierStatus"))
                     ->text()
                     .contains(QStringLiteral("amount")),
                 qPrintable(h.find<QLabel>(QStringLiteral("cashierStatus"))->text()));
        QList<OrderRecord> orders;
        h.api().orders(OrderFilter{}, [&](const QList<OrderRecord>& l) { orders = l; });
        QCOMPARE(orders.size(), 1);
    }

    // A large amount is charged only when the cashier confirms it (Enter
    // twice); the core hears nothing before.
    void largeAmountIsChargedOnlyWhenConfirmed()
    {
        GuiHarness h;
        const qint64 largeFen = h.api().counterLimits().largeAmountFen;
        QVERIFY(largeFen > 0);
        const QString amount = Money::fromFen(largeFen).toPlainString();
        typeAmount(h, amount);
        h.window().cashier()->acceptScannedCode(code(SandboxBehaviour::InstantSuccess));
        h.drain();
        QCOMPARE(phase(h), SalePhase::Idle);
        auto* status = h.find<QLabel>(QStringLiteral("cashierStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("large amount")),
                 qPrintable(status->text()));
        QList<OrderRecord> orders;
        h.api().orders(OrderFilter{}, [&](const QList<OrderRecord>& l) { orders = l; });
        QCOMPARE(orders.size(), 0);
        // Enter again: confirmed and charged.
        QTest::keyClick(h.find<QLineEdit>(QStringLiteral("amountEdit")), Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::Paid);
        h.api().orders(OrderFilter{}, [&](const QList<OrderRecord>& l) { orders = l; });
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.first().amount.fen(), largeFen);
    }

    // A smaller amount than largeAmount is charged at once, as before.
    void amountBelowLargeIsChargedAtOnce()
    {
        GuiHarness h;
        const qint64 largeFen = h.api().counterLimits().largeAmountFen;
        typeAmount(h, Money::fromFen(largeFen - 1).toPlainString());
        h.window().cashier()->acceptScannedCode(code(SandboxBehaviour::InstantSuccess));
        QTRY_COMPARE(phase(h), SalePhase::Paid);
    }

    // The status bar shows a light per wallet, fed by the core's own calls.
    void reachabilityLightTurnsGreenAfterAnAnswer()
    {
        GuiHarness h;
        auto* light = h.window().findChild<QLabel*>(QStringLiteral("reachability_wechat"));
        QVERIFY(light);
        QCOMPARE(light->property("reachability").toInt(), int(Reachability::Unknown));
        typeAmount(h, QStringLiteral("9.90"));
        h.window().cashier()->acceptScannedCode(code(SandboxBehaviour::InstantSuccess));
        QTRY_COMPARE(phase(h), SalePhase::Paid);
        light = h.window().findChild<QLabel*>(QStringLiteral("reachability_wechat"));
        QVERIFY(light);
        QCOMPARE(light->property("reachability").toInt(), int(Reachability::Up));
    }

    // Quitting during a sale asks first and says what happens to it; "Stay"
    // keeps the window and the sale, "Quit" closes.
    void quitDuringASaleAsksFirst()
    {
        GuiHarness h;
        typeAmount(h, QStringLiteral("18.00"));
        h.window().cashier()->acceptScannedCode(code(SandboxBehaviour::UserPayingThenSuccess));
        QTRY_COMPARE(phase(h), SalePhase::WaitingForPassword);
        auto answer = [](const QString& button) {
            QTimer::singleShot(0, [button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box);
                QCOMPARE(box->objectName(), QStringLiteral("quitDuringSale"));
                QVERIFY(box->text().contains(QStringLiteral("revokes")));
                for (QAbstractButton* b : box->buttons())
                    if (b->text() == button)
                        b->click();
            });
        };
        answer(QStringLiteral("Stay"));
        QVERIFY(!h.window().close());
        QCOMPARE(phase(h), SalePhase::WaitingForPassword);
        answer(QStringLiteral("Quit"));
        QVERIFY(h.window().close());
    }

    // No sale in progress: quitting asks nothing.
    void quitWithoutASaleAsksNothing()
    {
        GuiHarness h;
        QVERIFY(h.window().close());
    }

    // A sale, its receipt, a refund and the screens, by key alone.
    void wholeJourneyByKeys()
    {
        GuiHarness h;
        QWidget* w = &h.window();
        QVERIFY(QTest::qWaitForWindowActive(w));
        typeAmount(h, QStringLiteral("12.00"));
        QTest::keyClick(h.find<QLineEdit>(QStringLiteral("amountEdit")), Qt::Key_Return);
        QTest::keyClicks(h.find<QLineEdit>(QStringLiteral("codeEdit")),
                         code(SandboxBehaviour::InstantSuccess));
        QTest::keyClick(h.find<QLineEdit>(QStringLiteral("codeEdit")), Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::Paid);
        const QString orderNo = h.window().cashier()->session().view().orderNo;

        QTest::keyClick(w, Qt::Key_F3); // receipt of this sale
        QTRY_VERIFY(h.window().findChild<ReceiptDialog*>());
        delete h.window().findChild<ReceiptDialog*>(); // as if closed with Esc
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QTest::keyClick(w, Qt::Key_F2); // new sale
        QTRY_COMPARE(phase(h), SalePhase::Idle);

        auto* lastSales = h.find<LastSalesPanel>(QStringLiteral("lastSalesPanel"));
        lastSales->selectOrder(orderNo);
        QTest::keyClick(w, Qt::Key_F4); // refund the selected sale
        QTRY_VERIFY(h.window().findChild<RefundDialog*>());
        delete h.window().findChild<RefundDialog*>();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));

        QTest::keyClick(w, Qt::Key_3, Qt::AltModifier);
        QTRY_COMPARE(h.window().tabs()->currentWidget(),
                     static_cast<QWidget*>(h.window().orders()));
        QTest::keyClick(w, Qt::Key_1, Qt::AltModifier);
        QTRY_COMPARE(h.window().tabs()->currentWidget(),
                     static_cast<QWidget*>(h.window().cashier()));
        QTest::keyClick(w, Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("ordersSearch"));
    }

    // Regression: an amount sent to the QR tab stayed on the Cashier tab.
    void regression_amountSentToQrDoesNotStayAtTheCounter()
    {
        GuiHarness h;
        typeAmount(h, QStringLiteral("15.00"));
        auto* qrButton = h.find<QPushButton>(QStringLiteral("qrButton"));
        QVERIFY(qrButton);
        QTest::mouseClick(qrButton, Qt::LeftButton);
        QTRY_COMPARE(h.window().tabs()->currentWidget(), static_cast<QWidget*>(h.window().qr()));
        QVERIFY(h.find<QLineEdit>(QStringLiteral("amountEdit"))->text().isEmpty());
        h.window().showCashier();
        h.window().cashier()->acceptScannedCode(code(SandboxBehaviour::InstantSuccess));
        h.drain();
        QCOMPARE(phase(h), SalePhase::Idle); // asks for the amount, charges nothing
    }

    void passwordThenPaidShowsEachStep()
    {
        GuiHarness h;
        typeAmount(h, QStringLiteral("20.00"));
        auto* codeEdit = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        codeEdit->setFocus();
        QTest::keyClicks(codeEdit, code(SandboxBehaviour::UserPayingThenSuccess, 8));
        QTest::keyClick(codeEdit, Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::WaitingForPassword);
        auto* countdown = h.find<QLabel>(QStringLiteral("saleCountdown"));
        QTRY_VERIFY(countdown->isVisible());
        QVERIFY2(countdown->text().contains(QStringLiteral("30")), qPrintable(countdown->text()));
        h.advance(2'500);
        QTRY_VERIFY(h.window().cashier()->session().view().detail.contains(QStringLiteral("1")));
        h.advance(10'000);
        QTRY_COMPARE(phase(h), SalePhase::Paid);
        QVERIFY(!countdown->isVisible());
    }

    void revokeDuringPolling()
    {
        GuiHarness h;
        typeAmount(h, QStringLiteral("45.00"));
        auto* codeEdit = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        codeEdit->setFocus();
        QTest::keyClicks(codeEdit, code(SandboxBehaviour::NeverFinal));
        QTest::keyClick(codeEdit, Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::WaitingForPassword);
        h.advance(2'500); // first poll
        QTRY_VERIFY2(h.window().cashier()->session().view().lastStep.startsWith(
                         QStringLiteral("query (attempt 1): in progress (USERPAYING)")),
                     qPrintable(h.window().cashier()->session().view().lastStep));
        auto* revoke = h.find<QPushButton>(QStringLiteral("revokeButton"));
        QVERIFY(revoke->isVisible());
        QVERIFY2(revoke->text().contains(QStringLiteral("cancel")), qPrintable(revoke->text()));
        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_COMPARE(phase(h), SalePhase::Revoked);
        QVERIFY(!revoke->isVisible());
        QVERIFY(h.find<QPushButton>(QStringLiteral("newSaleButton"))->isVisible());
        // Esc is refused while busy, allowed now.
        QTest::keyClick(h.find<QLineEdit>(QStringLiteral("amountEdit")), Qt::Key_Escape);
        QTRY_COMPARE(phase(h), SalePhase::Idle);
    }

    void revokeRacingCompletionEndsAtTheCoresTruth()
    {
        GuiHarness h;
        typeAmount(h, QStringLiteral("9.90"));
        auto* codeEdit = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        codeEdit->setFocus();
        // The customer confirms after 2 s; the cashier clicks Revoke at the same moment.
        QTest::keyClicks(codeEdit, code(SandboxBehaviour::UserPayingThenSuccess, 2));
        QTest::keyClick(codeEdit, Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::WaitingForPassword);
        h.clock().advance(2'000);
        QTest::mouseClick(h.find<QPushButton>(QStringLiteral("revokeButton")), Qt::LeftButton);
        h.advance(5'000);
        QTRY_VERIFY(h.window().cashier()->session().view().final);
        std::optional<OrderDetails> d;
        h.api().orderDetails(h.window().cashier()->session().view().orderNo,
                             [&](const std::optional<OrderDetails>& x) { d = x; });
        QVERIFY(d);
        // Whatever won, the screen says what the core says.
        const SalePhase p = phase(h);
        switch (d->order.state) {
        case OrderState::Refunded:
            QCOMPARE(p, SalePhase::Returned);
            break;
        case OrderState::Closed:
            QCOMPARE(p, SalePhase::Revoked);
            break;
        case OrderState::Paid:
            QCOMPARE(p, SalePhase::Paid);
            break;
        default:
            QFAIL(qPrintable(orderStateName(d->order.state)));
        }
    }

    void refusedAndFailedEndWithANextStep_data()
    {
        QTest::addColumn<QString>("paymentCode");
        QTest::addColumn<int>("expected");
        QTest::newRow("insufficient funds")
            << code(SandboxBehaviour::InsufficientFunds) << int(SalePhase::NotPaid);
        QTest::newRow("expired code")
            << code(SandboxBehaviour::AuthCodeExpired) << int(SalePhase::NotPaid);
        QTest::newRow("not a payment code")
            << QStringLiteral("999999999999999999") << int(SalePhase::Refused);
    }
    void refusedAndFailedEndWithANextStep()
    {
        QFETCH(QString, paymentCode);
        QFETCH(int, expected);
        GuiHarness h;
        typeAmount(h, QStringLiteral("1.00"));
        auto* codeEdit = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        codeEdit->setFocus();
        QTest::keyClicks(codeEdit, paymentCode);
        QTest::keyClick(codeEdit, Qt::Key_Return);
        QTRY_COMPARE(int(phase(h)), expected);
        QVERIFY(!h.find<QLabel>(QStringLiteral("saleNextStep"))->text().isEmpty());
        QVERIFY(h.find<QPushButton>(QStringLiteral("newSaleButton"))->isVisible());
    }

    void attentionWhenTheRevokeNeverWorks()
    {
        CoreConfig cfg;
        cfg.defaultPolicy.revokeDelaysMs = {0, 100};
        cfg.defaultPolicy.maxRevokeAttempts = 2;
        GuiHarness h(cfg);
        typeAmount(h, QStringLiteral("5.00"));
        auto* codeEdit = h.find<QLineEdit>(QStringLiteral("codeEdit"));
        codeEdit->setFocus();
        QTest::keyClicks(codeEdit, code(SandboxBehaviour::RevokeFailsNTimes, 99));
        QTest::keyClick(codeEdit, Qt::Key_Return);
        QTRY_COMPARE(phase(h), SalePhase::WaitingForPassword);
        h.advance(35'000); // past the deadline: the core revokes, which keeps failing
        QTRY_COMPARE(phase(h), SalePhase::NeedsAttention);
        QVERIFY(h.find<QLabel>(QStringLiteral("saleNextStep"))
                    ->text()
                    .contains(h.window().cashier()->session().view().orderNo));
    }

    // Each outcome is heard, with its own cue; Settings can turn it off.
    void outcomesAreHeard_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<int>("parameter");
        QTest::addColumn<bool>("soundsOn");
        QTest::addColumn<int>("phase");
        QTest::addColumn<int>("cue"); // -1: nothing heard
        QTest::newRow("paid") << int(SandboxBehaviour::InstantSuccess) << 0 << true
                              << int(SalePhase::Paid) << int(OutcomeCue::Paid);
        QTest::newRow("notPaid") << int(SandboxBehaviour::InsufficientFunds) << 0 << true
                                 << int(SalePhase::NotPaid) << int(OutcomeCue::Failed);
        QTest::newRow("needsAttention")
            << int(SandboxBehaviour::RevokeFailsNTimes) << 99 << true
            << int(SalePhase::NeedsAttention) << int(OutcomeCue::NeedsAttention);
        QTest::newRow("soundsOff")
            << int(SandboxBehaviour::InstantSuccess) << 0 << false << int(SalePhase::Paid) << -1;
    }
    void outcomesAreHeard()
    {
        QFETCH(int, behaviour);
        QFETCH(int, parameter);
        QFETCH(bool, soundsOn);
        QFETCH(int, phase);
        QFETCH(int, cue);
        CoreConfig cfg; // a revoke that never works gives up quickly
        cfg.defaultPolicy.revokeDelaysMs = {0, 100};
        cfg.defaultPolicy.maxRevokeAttempts = 2;
        GuiHarness h(cfg);
        h.settings().setOutcomeSounds(soundsOn);
        h.window().applySettings();
        QList<OutcomeCue> heard;
        connect(&h.window().outcomeSound(), &OutcomeSound::played, this,
                [&](OutcomeCue c) { heard << c; });
        typeAmount(h, QStringLiteral("5.00"));
        h.window().cashier()->acceptScannedCode(code(SandboxBehaviour(behaviour), parameter));
        h.advance(35'000); // past the deadline, and every revoke retry
        QTRY_COMPARE(int(::phase(h)), phase);
        h.drain();
        if (cue < 0)
            QVERIFY(heard.isEmpty());
        else
            QCOMPARE(heard, QList<OutcomeCue>{OutcomeCue(cue)});
    }
};

QTEST_MAIN(tst_GuiCashier)
#include "tst_gui_cashier.moc"
