// Saves PNGs of the main screens (offscreen platform), to be looked at:
//   QT_QPA_PLATFORM=offscreen build/tests/gui/screenshots OUTDIR
#include "alerts/AlertsScreen.h"
#include "api/types/Accounts.h"
#include "api/types/ChinaTime.h"
#include "app/Language.h"
#include "approvals/ApprovalsScreen.h"
#include "audit/AuditScreen.h"
#include "books/JournalModel.h"
#include "books/LedgerScreen.h"
#include "cashier/CashierScreen.h"
#include "cashier/SaleSession.h"
#include "dashboard/DashboardScreen.h"
#include "guisupport/GuiHarness.h"
#include "orders/OrdersScreen.h"
#include "qr/QrScreen.h"
#include "reconcile/ReconScreen.h"
#include "refund/RefundDialog.h"
#include "shell/LoginDialog.h"
#include "shift/ShiftCloseDialog.h"

#include "sandbox/SandboxBehaviour.h"
#include <QDialog>
#include <QTableView>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace paydesk;

namespace {

void save(QWidget* w, const QString& dir, const QString& name)
{
    QCoreApplication::processEvents();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!w->grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    std::printf("%s\n", qPrintable(path));
}

void charge(test::GuiHarness& h, const QString& amount, const QString& code)
{
    auto* a = h.find<QLineEdit>(QStringLiteral("amountEdit"));
    auto* c = h.find<QLineEdit>(QStringLiteral("codeEdit"));
    a->setText(amount);
    c->setText(code);
    QTest::keyClick(c, Qt::Key_Return);
    h.drain();
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(dir);
    test::GuiHarness h({}, true);
    h.window().resize(1024, 768);
    h.advance(1000);
    h.window()
        .cashier()
        ->findChild<QLineEdit*>(QStringLiteral("noteEdit"))
        ->setText(QStringLiteral("2 coffees"));
    save(&h.window(), dir, QStringLiteral("01-cashier-ready"));
    charge(h, QStringLiteral("23.50"),
           sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 9));
    h.advance(3000);
    save(&h.window(), dir, QStringLiteral("02-cashier-waiting-for-password"));
    h.advance(10000);
    save(&h.window(), dir, QStringLiteral("03-cashier-paid"));
    h.window().cashier()->session().reset();
    charge(h, QStringLiteral("8.99"),
           sandboxCode(Wallet::Alipay, SandboxBehaviour::InsufficientFunds));
    h.advance(500);
    save(&h.window(), dir, QStringLiteral("04-cashier-not-paid"));
    h.settings().setCounterMode(true);
    h.window().applySettings();
    save(&h.window(), dir, QStringLiteral("05-cashier-counter-mode"));
    h.settings().setCounterMode(false);
    h.window().applySettings();
    const QString paid = h.window().cashier()->session().view().orderNo;
    h.window().showQr();
    h.window().qr()->start(QStringLiteral("66.00"), QStringLiteral("table 4"));
    h.advance(500);
    save(&h.window(), dir, QStringLiteral("06-qr-code"));
    h.window().showOrders();
    h.window().orders()->search(QString());
    h.advance(500);
    h.window().orders()->view()->selectRow(1);
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("07-orders-and-timeline"));
    const QString sale = h.paidOrder(QStringLiteral("88.00"),
                                     sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                                     QStringLiteral("gift box"));
    h.advance(500);
    QDialog* refund = h.window().openRefund(sale);
    h.advance(200);
    save(refund, dir, QStringLiteral("08-refund-dialog"));
    refund->close();
    QDialog* receipt = h.window().openReceipt(sale);
    h.advance(200);
    save(receipt, dir, QStringLiteral("09-receipt"));
    receipt->close();
    ui::Language::apply(QStringLiteral("zh_CN"));
    h.window().showCashier();
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("10-cashier-zh_CN"));
    h.window().showOrders();
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("11-orders-zh_CN"));
    // A large amount raises an alert; counter mode, Chinese, 1024×768.
    h.paidOrder(QStringLiteral("6000.00"),
                sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess));
    h.advance(500);
    h.settings().setCounterMode(true);
    h.window().applySettings();
    h.window().showCashier();
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("12-cashier-counter-mode-alert-zh_CN"));
    h.settings().setCounterMode(false);
    h.window().applySettings();
    ui::Language::apply(QStringLiteral("en"));
    // Five wrong supervisor PINs lock refunds.
    h.settings().setSupervisorPin(QStringLiteral("2468"));
    auto* locked = static_cast<ui::RefundDialog*>(h.window().openRefund(sale));
    h.advance(200);
    locked->findChild<QComboBox*>(QStringLiteral("refundReason"))->setCurrentIndex(1);
    for (int i = 0; i < 5; ++i) {
        locked->findChild<QLineEdit*>(QStringLiteral("refundPin"))->setText(QStringLiteral("0000"));
        locked->submit();
    }
    h.advance(200);
    save(locked, dir, QStringLiteral("13-refund-locked-after-wrong-pins"));
    locked->close();

    // The ledger of the day above: balances, an account's journal with an
    // entry opened, the internal check; the journal in Chinese too.
    ui::LedgerScreen* ledger = h.window().ledger();
    h.window().tabs()->setCurrentWidget(ledger);
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("16-ledger-balances"));
    ledger->showAccountJournal(accounts::channelReceivable(QStringLiteral("wechat")));
    ledger->findChild<QTableView*>(QStringLiteral("journalView"))
        ->setCurrentIndex(ledger->journal().index(0, 0));
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("17-ledger-journal"));
    ui::Language::apply(QStringLiteral("zh_CN"));
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("18-ledger-journal-zh_CN"));
    ui::Language::apply(QStringLiteral("en"));
    ledger->runCheck();
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("19-ledger-internal-check"));

    // Settlement and approvals: an adjustment proposed where nobody logs in,
    // waiting for a second person; the settlement page in Chinese.
    ui::ApprovalsScreen* approvals = h.window().approvals();
    h.window().tabs()->setCurrentWidget(approvals);
    approvals->findChild<QLineEdit*>(QStringLiteral("actorName"))->setText(QStringLiteral("wang"));
    approvals->findChild<QTabWidget*>(QStringLiteral("approvalPages"))->setCurrentIndex(2);
    approvals->findChild<QComboBox*>(QStringLiteral("adjustAccount"))
        ->setCurrentText(accounts::bank());
    approvals->findChild<QLineEdit*>(QStringLiteral("adjustAmount"))
        ->setText(QStringLiteral("-5.00"));
    approvals->findChild<QLineEdit*>(QStringLiteral("adjustReason"))
        ->setText(QStringLiteral("bank charge for March"));
    approvals->proposeAdjustment();
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("20-approvals-adjustment-proposed"));
    ui::Language::apply(QStringLiteral("zh_CN"));
    approvals->findChild<QTabWidget*>(QStringLiteral("approvalPages"))->setCurrentIndex(0);
    approvals->settle();
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("21-approvals-settlement-zh_CN"));
    ui::Language::apply(QStringLiteral("en"));

    // The reconciliation workbench: today's WeChat bill run against the sales above.
    ui::ReconScreen* recon = h.window().recon();
    h.window().tabs()->setCurrentWidget(recon);
    recon->findChild<QLineEdit*>(QStringLiteral("actorName"))->setText(QStringLiteral("wang"));
    recon->setChannel(QStringLiteral("wechat"));
    recon->setDay(chinaTime(h.clock().nowMs()).date());
    recon->reconcile();
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("22-reconciliation"));
    ui::Language::apply(QStringLiteral("zh_CN"));
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("23-reconciliation-zh_CN"));
    ui::Language::apply(QStringLiteral("en"));

    // The alerts centre, every alert (the large sale's, the locked refunds').
    ui::AlertsScreen* alertsCentre = h.window().alertsCentre();
    h.window().tabs()->setCurrentWidget(alertsCentre);
    alertsCentre->findChild<QCheckBox*>(QStringLiteral("alertsOpenOnly"))->setChecked(false);
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("24-alerts-centre"));
    ui::Language::apply(QStringLiteral("zh_CN"));
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("24-alerts-centre-zh_CN"));
    ui::Language::apply(QStringLiteral("en"));

    // The shift close (交班) of the sales above, in both languages.
    auto* shift = static_cast<ui::ShiftCloseDialog*>(h.window().openShiftClose());
    shift->findChild<QLineEdit*>(QStringLiteral("actorName"))->setText(QStringLiteral("li"));
    shift->closeShift();
    h.advance(200);
    save(shift, dir, QStringLiteral("25-shift-close"));
    ui::Language::apply(QStringLiteral("zh_CN"));
    h.advance(200);
    save(shift, dir, QStringLiteral("26-shift-close-zh_CN"));
    ui::Language::apply(QStringLiteral("en"));
    shift->close();

    // The dashboard of the day: the sales above, and some an hour later.
    h.advance(3600'000, 60'000);
    h.paidOrder(QStringLiteral("26.80"),
                sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
    h.paidOrder(QStringLiteral("15.00"),
                sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess));
    h.paidOrder(QStringLiteral("9.90"),
                sandboxCode(Wallet::UnionPay, SandboxBehaviour::InstantSuccess));
    h.window().tabs()->setCurrentWidget(h.window().dashboard());
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("27-dashboard"));
    ui::Language::apply(QStringLiteral("zh_CN"));
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("28-dashboard-zh_CN"));
    ui::Language::apply(QStringLiteral("en"));

    // The audit log of everything above (no users yet: nobody logged in).
    h.window().tabs()->setCurrentWidget(h.window().audit());
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("15-audit-log"));
    ui::Language::apply(QStringLiteral("zh_CN"));
    h.advance(200);
    save(&h.window(), dir, QStringLiteral("15-audit-log-zh_CN"));
    ui::Language::apply(QStringLiteral("en"));

    // The login once the shop has users, a refusal shown in it, and the
    // status bar naming who works.
    h.addPerson(QStringLiteral("boss"), Role::Admin);
    ui::LoginDialog login(*h.core().users, QString(), &h.window());
    login.show();
    login.findChild<QLineEdit*>(QStringLiteral("loginName"))->setText(QStringLiteral("boss"));
    login.findChild<QLineEdit*>(QStringLiteral("loginPassword"))->setText(QStringLiteral("nope"));
    QTest::mouseClick(login.findChild<QPushButton*>(QStringLiteral("loginButton")), Qt::LeftButton);
    if (!QTest::qWaitFor(
            [&] { return login.findChild<QLabel*>(QStringLiteral("loginError"))->isVisible(); },
            5000))
        qWarning("the login's refusal did not show");
    save(&login, dir, QStringLiteral("14-login-refused"));
    login.close();
    Q_UNUSED(paid);
    return 0;
}
