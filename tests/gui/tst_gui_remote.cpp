// The counter app against a server (paydesk --remote): the real main window
// over RemoteApi, the server's core in this process behind a real
// ApiServer on loopback. A sale goes through; with the server gone the
// counter says so and charges nothing.
#include "ApiServer.h"
#include "CoreFactory.h"
#include "RemoteApi.h"
#include "api/TerminalKeyFile.h"
#include "cashier/CashierScreen.h"
#include "cashier/SaleSession.h"
#include "dashboard/DashboardScreen.h"
#include "sandbox/SandboxBehaviour.h"
#include "settings/AppSettings.h"
#include "shell/MainWindow.h"
#include "testsupport/EngineHarness.h"
#include "testsupport/TempDir.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::EngineHarness;
using paydesk::test::TempDataDir;

namespace {

// A counter window over a remote core at `url` with the key in `keyPath`.
struct Counter
{
    TempDataDir settingsDir;
    std::unique_ptr<ui::CoreSession> core;
    std::unique_ptr<ui::AppSettings> settings;
    std::unique_ptr<ui::MainWindow> window;

    Counter(const QString& url, const QString& keyPath)
    {
        app::CoreOptions o;
        o.remoteUrl = url;
        o.terminalKey = keyPath;
        QString error;
        core = app::createCore(o, &error);
        if (!core)
            qFatal("%s", qPrintable(error));
        settings =
            std::make_unique<ui::AppSettings>(settingsDir.file(QStringLiteral("paydesk.ini")));
        window = std::make_unique<ui::MainWindow>(*core, *settings);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->activateWindow();
    }
    template <typename T> T* find(const QString& name) const
    {
        return static_cast<QWidget*>(window->cashier())->findChild<T*>(name);
    }
    SalePhase phase() const { return window->cashier()->session().view().phase; }
    void charge(const QString& amount, const QString& code)
    {
        auto* edit = find<QLineEdit>(QStringLiteral("amountEdit"));
        edit->setFocus();
        QTest::keyClicks(edit, amount);
        QTRY_COMPARE(edit->text(), amount);
        window->cashier()->acceptScannedCode(code);
    }
};

// Enrols terminal 0002/`terminal` with the server behind `api`; its key file.
QString enrolCounter(EngineHarness& server, ApiServer& api, const QString& terminal,
                     const TempDataDir& keys)
{
    std::optional<TerminalEnrolment> e;
    server.api().terminalAccess().addTerminal(QStringLiteral("0002"), terminal,
                                              [&](const TerminalEnrolment& v) { e = v; });
    for (int i = 0; i < 100 && !e; ++i)
        server.drain();
    if (!e)
        qFatal("no enrolment code");
    TerminalKey key;
    key.server = api.baseUrl();
    key.storeId = QStringLiteral("0002");
    key.terminalId = terminal;
    if (!RemoteApi::enrol(QUrl(api.baseUrl()), key, e->code, &key.secret).isEmpty())
        qFatal("enrolment refused");
    const QString keyPath = keys.file(QStringLiteral("terminal.json"));
    if (!writeTerminalKey(keyPath, key).isEmpty())
        qFatal("cannot write the key");
    return keyPath;
}

} // namespace

class tst_GuiRemote : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saleThroughTheServer()
    {
        EngineHarness server;
        // Requests are signed with the counter's time: the server's clock is now.
        server.clock().advance(QDateTime::currentMSecsSinceEpoch() - server.clock().nowMs());
        ApiServer api(server.api(), {});
        QString error;
        QVERIFY(api.listen(&error));
        std::optional<TerminalEnrolment> e;
        server.api().terminalAccess().addTerminal(QStringLiteral("0002"), QStringLiteral("0005"),
                                                  [&](const TerminalEnrolment& v) { e = v; });
        QTRY_VERIFY((server.drain(), e.has_value()));
        TempDataDir keys;
        TerminalKey key;
        key.server = api.baseUrl();
        key.storeId = QStringLiteral("0002");
        key.terminalId = QStringLiteral("0005");
        QCOMPARE(RemoteApi::enrol(QUrl(api.baseUrl()), key, e->code, &key.secret), QString());
        const QString keyPath = keys.file(QStringLiteral("terminal.json"));
        QCOMPARE(writeTerminalKey(keyPath, key), QString());

        Counter c(api.baseUrl(), keyPath);
        // Connected: the server's wallets, none down for want of a link.
        QTRY_VERIFY_WITH_TIMEOUT((server.drain(), static_cast<RemoteApi&>(*c.core->api).linkUp()),
                                 5000);
        // The server's wallets come with their own answer, after the link.
        QTRY_VERIFY_WITH_TIMEOUT((server.drain(), c.window->findChild<QLabel*>(QStringLiteral(
                                                      "reachability_wechat")) != nullptr),
                                 5000);
        c.charge(QStringLiteral("6.60"),
                 sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        QTRY_COMPARE_WITH_TIMEOUT((server.drain(), c.phase()), SalePhase::Paid, 10'000);
        const QString orderNo = c.window->cashier()->session().view().orderNo;
        QVERIFY(!orderNo.isEmpty());
        // The server's books hold it, as this counter's sale.
        const OrderDetails d = server.details(orderNo);
        QCOMPARE(d.order.state, OrderState::Paid);
        QCOMPARE(d.order.amount.fen(), qint64(660));
        QCOMPARE(d.order.terminalId, QStringLiteral("0005"));

        // The back office's dashboard, read from the server (Alt+9).
        QTest::keyClick(c.window.get(), Qt::Key_9, Qt::AltModifier);
        QCOMPARE(c.window->tabs()->currentWidget(), static_cast<QWidget*>(c.window->dashboard()));
        QTRY_COMPARE_WITH_TIMEOUT(
            (server.drain(), c.window->dashboard()->figures().totals().salesFen), qint64(660),
            10'000);
    }

    // The link drops while the customer types the password: the counter
    // says it waits for the server (no revoke, no second charge), and shows
    // the sale's true outcome once the server is back.
    void saleWaitsForTheServerAndShowsItsOutcome()
    {
        EngineHarness server;
        server.clock().advance(QDateTime::currentMSecsSinceEpoch() - server.clock().nowMs());
        auto api = std::make_unique<ApiServer>(server.api(), ApiServerOptions{});
        QString error;
        QVERIFY(api->listen(&error));
        const quint16 port = quint16(QUrl(api->baseUrl()).port());
        TempDataDir keys;
        const QString keyPath = enrolCounter(server, *api, QStringLiteral("0007"), keys);
        Counter c(api->baseUrl(), keyPath);
        QTRY_VERIFY_WITH_TIMEOUT((server.drain(), c.core->api->linkUp()), 5000);
        c.charge(QStringLiteral("8.80"),
                 sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 5));
        QTRY_COMPARE_WITH_TIMEOUT((server.drain(), c.phase()), SalePhase::WaitingForPassword,
                                  10'000);

        api.reset(); // the server goes away mid-sale
        QTRY_VERIFY_WITH_TIMEOUT(!c.core->api->linkUp(), 5000);
        auto* headline = c.find<QLabel>(QStringLiteral("saleHeadline"));
        QTRY_VERIFY2(headline->text().contains(QLatin1String("Waiting for the PayDesk server")),
                     qPrintable(headline->text()));
        QVERIFY(c.window->cashier()->session().busy());
        QVERIFY(!c.window->cashier()->session().view().canRevoke);
        QVERIFY(c.find<QLabel>(QStringLiteral("saleNextStep"))
                    ->text()
                    .contains(QLatin1String("Do not charge this sale again")));

        // Meanwhile the customer pays; the server's core records it.
        server.advance(10'000);
        ApiServerOptions again;
        again.port = port;
        api = std::make_unique<ApiServer>(server.api(), again);
        QVERIFY2(api->listen(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT((server.drain(), c.phase()), SalePhase::Paid, 20'000);
        QVERIFY(!headline->text().contains(QLatin1String("Waiting for")));
    }

    void serverGoneChargesNothingAndSaysSo()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        TempDataDir keys;
        TerminalKey key{url, QStringLiteral("0002"), QStringLiteral("0006"), "secret", {}, {}};
        const QString keyPath = keys.file(QStringLiteral("terminal.json"));
        QCOMPARE(writeTerminalKey(keyPath, key), QString());
        Counter c(url, keyPath);
        // Every wallet shows down, with the reason.
        QTRY_VERIFY_WITH_TIMEOUT(!c.core->api->reachability().isEmpty() &&
                                     c.core->api->reachability().first().state ==
                                         Reachability::Down,
                                 5000);
        c.charge(QStringLiteral("3.00"),
                 sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        QTRY_VERIFY_WITH_TIMEOUT(c.window->cashier()->session().view().final, 5000);
        QVERIFY(c.phase() != SalePhase::Paid);
        const QString next = c.find<QLabel>(QStringLiteral("saleNextStep"))->text();
        QVERIFY2(next.contains(QLatin1String("Nothing was charged")) &&
                     next.contains(QLatin1String("server cannot be reached")),
                 qPrintable(next));
    }
};

QTEST_MAIN(tst_GuiRemote)
#include "tst_gui_remote.moc"
