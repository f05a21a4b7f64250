// The window fits the counter's screens (1024×768 and 1366×768) in every
// state: both languages, counter mode, alerts shown, a sale in progress or
// finished, each tab. Nothing the cashier needs is pushed off screen.
#include "app/Language.h"
#include "cashier/CashierScreen.h"
#include "cashier/SaleSession.h"
#include "guisupport/GuiHarness.h"
#include "orders/AlertsStrip.h"
#include "orders/OrdersScreen.h"
#include "qr/QrScreen.h"
#include "sandbox/SandboxBehaviour.h"

#include <QAbstractButton>
#include <QDir>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

namespace {

// Every visible button and field of the current screen lies inside the
// window's client area and is not squeezed below its own minimum.
QStringList offScreen(QWidget* window, QWidget* screen)
{
    QStringList out;
    const QRect area = window->rect();
    const auto widgets = screen->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisible() || (!qobject_cast<QAbstractButton*>(w) && !qobject_cast<QLineEdit*>(w)))
            continue;
        const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
        if (!area.contains(r))
            out << QStringLiteral("%1 at %2,%3 %4x%5 outside %6x%7")
                       .arg(w->objectName().isEmpty()
                                ? QString::fromLatin1(w->metaObject()->className())
                                : w->objectName())
                       .arg(r.x())
                       .arg(r.y())
                       .arg(r.width())
                       .arg(r.height())
                       .arg(area.width())
                       .arg(area.height());
        else if (w->height() < w->minimumSizeHint().height() - 1)
            out << QStringLiteral("%1 squeezed to %2 px high (needs %3)")
                       .arg(w->objectName())
                       .arg(w->height())
                       .arg(w->minimumSizeHint().height());
    }
    return out;
}

} // namespace

class tst_GuiLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Language::apply(QStringLiteral("en")); }

    void everyStateFitsTheCountersScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("counterMode");
        QTest::addColumn<int>("widthPx");
        for (const char* lang : {"en", "zh_CN"})
            for (bool counter : {false, true})
                for (int width : {1024, 1366})
                    QTest::addRow("%s-%s-%d", lang, counter ? "counter" : "normal", width)
                        << QString::fromLatin1(lang) << counter << width;
    }
    void everyStateFitsTheCountersScreen()
    {
        QFETCH(QString, language);
        QFETCH(bool, counterMode);
        QFETCH(int, widthPx);
        Language::apply(language);
        GuiHarness h({}, true);
        h.settings().setCounterMode(counterMode);
        h.window().applySettings();
        h.window().resize(widthPx, 768);
        h.window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window()));
        const QSize min = h.window().minimumSizeHint();
        QVERIFY2(min.width() <= widthPx && min.height() <= 768,
                 qPrintable(QStringLiteral("minimum %1x%2").arg(min.width()).arg(min.height())));

        auto check = [&](const char* state) {
            QCoreApplication::processEvents();
            QWidget* screen = h.window().tabs()->currentWidget();
            const QStringList bad = offScreen(&h.window(), screen);
            if (!bad.isEmpty() || h.window().height() > 768) {
                // What the test saw, to be looked at.
                const QString shot = QDir::temp().filePath(
                    QStringLiteral("layout-%1.png").arg(QLatin1String(QTest::currentDataTag())));
                h.window().grab().save(shot);
                qWarning("screenshot: %s", qPrintable(shot));
            }
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(
                                        QLatin1String(state), bad.join(QStringLiteral("; ")))));
            QVERIFY2(h.window().height() <= 768,
                     qPrintable(QStringLiteral("%1: window grew to %2 px")
                                    .arg(QLatin1String(state))
                                    .arg(h.window().height())));
        };
        check("cashier idle");
        if (QTest::currentTestFailed())
            return;
        // A large amount raises an alert: the strip shows above the tabs.
        h.paidOrder(QStringLiteral("6000.00"),
                    sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        QTRY_VERIFY(h.window().alerts()->isVisible());
        check("cashier with an alert");
        if (QTest::currentTestFailed())
            return;
        h.find<QLineEdit>(QStringLiteral("amountEdit"))->setText(QStringLiteral("23.50"));
        h.window().cashier()->acceptScannedCode(
            sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 9));
        h.advance(2'000);
        QTRY_COMPARE(h.window().cashier()->session().view().phase, SalePhase::WaitingForPassword);
        check("cashier waiting for the password");
        if (QTest::currentTestFailed())
            return;
        h.advance(10'000);
        QTRY_COMPARE(h.window().cashier()->session().view().phase, SalePhase::Paid);
        check("cashier paid");
        if (QTest::currentTestFailed())
            return;
        h.window().showQr();
        h.window().qr()->start(QStringLiteral("66.00"), QStringLiteral("table 4"));
        h.advance(500);
        check("QR code shown");
        if (QTest::currentTestFailed())
            return;
        h.window().showOrders();
        h.window().orders()->view()->selectRow(0);
        h.drain();
        check("orders with a detail");
    }
};

QTEST_MAIN(tst_GuiLayout)
#include "tst_gui_layout.moc"
