// Saves PNGs of the main screens (offscreen platform), to be looked at:
//   QT_QPA_PLATFORM=offscreen build/tests/gui/screenshots OUTDIR
#include "cashier/CashierScreen.h"
#include "cashier/SaleSession.h"
#include "guisupport/GuiHarness.h"
#include "sandbox/SandboxBehaviour.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
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
    for (int i = 0; i < h.window().tabs()->count(); ++i) {
        h.window().tabs()->setCurrentIndex(i);
        h.drain();
        save(&h.window(), dir, QStringLiteral("10-tab-%1").arg(i));
    }
    return 0;
}
