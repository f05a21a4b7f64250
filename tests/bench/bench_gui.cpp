// bench_gui [--orders N] [--runs R] [--json]: the cashier app's start-up and
// its orders view over a large database.
//  - cold start to ready: a fresh process (this binary, --child) builds the
//    demo core and the main window and says "ready" once the window is shown
//    and its first paint is done; measured from process start by the parent.
//    Baseline: the same process showing an empty QMainWindow.
//  - orders view over N orders (default 1,000,000, bulk-inserted into a fresh
//    paydesk.db with the store's own INSERT statements in one transaction):
//    open the core, open the orders screen until its first page is painted,
//    each further page, a last-4 search (about 110 matching orders) and an
//    exact-number search. Baselines: raw SQLite reading the same first page,
//    and the last-4 matches through the same index.
//  - journal view over the same N payments' ledger entries (one each, two
//    postings, bulk-inserted too): the ledger screen opened on its balances
//    and the journal's first page, further pages, one account's journal, one
//    order's entries. Baseline: raw SQLite reading the journal's first page.
// Goals: both <= 1 s; a search answers at interactive speed (<= 100 ms).
#include "BenchSupport.h"

#include "CoreFactory.h"
#include "books/BalancesModel.h"
#include "books/JournalModel.h"
#include "books/LedgerScreen.h"
#include "common/ChinaTime.h"
#include "dashboard/DashboardPeriod.h"
#include "dashboard/DashboardScreen.h"
#include "dashboard/WalletFiguresModel.h"
#include "orders/OrdersScreen.h"
#include "orders/OrdersTableModel.h"
#include "settings/AppSettings.h"
#include "shell/MainWindow.h"
#include "store/SqlStore.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLineEdit>
#include <QMainWindow>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

QElapsedTimer g_sinceMain;

// --child app|baseline DIR: start, show, print "ready MS", exit.
int child(const QString& mode, const QString& dir)
{
    QMainWindow* window = nullptr;
    std::unique_ptr<ui::CoreSession> core;
    std::unique_ptr<ui::AppSettings> settings;
    std::unique_ptr<ui::MainWindow> main;
    if (mode == QLatin1String("app")) {
        app::CoreOptions o;
        o.demo = true;
        o.dataDir = dir;
        QString error;
        core = app::createCore(o, &error);
        if (!core)
            die(error);
        settings = std::make_unique<ui::AppSettings>(QDir(dir).filePath(QStringLiteral("s.ini")));
        main = std::make_unique<ui::MainWindow>(*core, *settings);
        window = main.get();
    } else {
        window = new QMainWindow;
    }
    window->resize(1024, 768);
    window->show();
    window->grab(); // the first full paint
    QCoreApplication::processEvents();
    std::printf("ready %lld\n", static_cast<long long>(g_sinceMain.elapsed()));
    std::fflush(stdout);
    return 0;
}

double coldStartMs(const QString& mode, int runs)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir dir;
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child"), mode, dir.path()});
        if (!p.waitForReadyRead(30000))
            die(QStringLiteral("child did not start: ") +
                QString::fromLocal8Bit(p.readAllStandardError()));
        while (!p.canReadLine() && p.waitForReadyRead(30000)) {
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        p.waitForFinished(30000);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

QString orderNumber(const char* prefix, qint64 atMs, int seq)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone(8 * 3600));
    return QString::fromLatin1(prefix) + QStringLiteral("100010001") +
           t.toString(QStringLiteral("yyyyMMddHHmmsszzz")) +
           QStringLiteral("%1").arg(seq % 10000, 4, 10, QLatin1Char('0'));
}

void check(int rc, sqlite3* db, const char* what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what),
                                         QString::fromUtf8(sqlite3_errmsg(db))));
}

// N orders, each with its paid payment, newest last; one transaction.
double generate(const QString& dir, int n)
{
    { // the schema, through the core's own migrations
        EmbeddedOptions o;
        o.dataDir = dir;
        EmbeddedApi api(o);
        if (QString e = api.open(); !e.isEmpty())
            die(e);
    }
    QElapsedTimer t;
    t.start();
    sqlite3* db = nullptr;
    check(sqlite3_open(QDir(dir).filePath(QStringLiteral("paydesk.db")).toUtf8().constData(), &db),
          db, "open");
    check(sqlite3_exec(db, "PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr), db,
          "begin");
    sqlite3_stmt* order = nullptr;
    sqlite3_stmt* payment = nullptr;
    const QByteArray orderSql = SqlStore::statementText(SqlStore::Statement::InsertOrder).toUtf8();
    const QByteArray paymentSql =
        SqlStore::statementText(SqlStore::Statement::InsertPayment).toUtf8();
    check(sqlite3_prepare_v2(db, orderSql.constData(), -1, &order, nullptr), db, "prepare order");
    check(sqlite3_prepare_v2(db, paymentSql.constData(), -1, &payment, nullptr), db,
          "prepare payment");
    // The ledger as the engine posts each payment: one entry, the channel's
    // receivable debited and the merchant's pending money credited.
    check(
        sqlite3_exec(db,
                     "INSERT INTO ledger_accounts (id, code, type, currency, created_at_ms) VALUES"
                     " (1, 'asset:channel-receivable:wechat', 1, 'CNY', 0),"
                     " (2, 'asset:channel-receivable:alipay', 1, 'CNY', 0),"
                     " (3, 'asset:channel-receivable:unionpay', 1, 'CNY', 0),"
                     " (4, 'liability:pending:M0001', 2, 'CNY', 0)",
                     nullptr, nullptr, nullptr),
        db, "accounts");
    sqlite3_stmt* entry = nullptr;
    sqlite3_stmt* posting = nullptr;
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO ledger_entries (id, idem_key, ref_kind, ref_no, order_no,"
                             " memo, currency, at_ms, reverses_entry_id)"
                             " VALUES (?, ?, 'payment', ?, ?, ?, 'CNY', ?, 0)",
                             -1, &entry, nullptr),
          db, "prepare entry");
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO ledger_postings (entry_id, account_id, amount_fen, at_ms)"
                             " VALUES (?, ?, ?, ?)",
                             -1, &posting, nullptr),
          db, "prepare posting");
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(n) * 1000;
    auto text = [](sqlite3_stmt* s, int i, const QByteArray& v) {
        sqlite3_bind_text(s, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    };
    for (int i = 0; i < n; ++i) {
        const qint64 at = start + qint64(i) * 1000 + (i % 997);
        const QByteArray orderNo = orderNumber("PO", at, i).toLatin1();
        const QByteArray paymentNo = orderNumber("PA", at, i).toLatin1();
        const qint64 fen = 100 + (i * 37) % 50000;
        int k = 1;
        text(order, k++, orderNo);
        text(order, k++, "bench-" + QByteArray::number(i));
        sqlite3_bind_int64(order, k++, fen);
        text(order, k++, "CNY");
        text(order, k++, "bench sale");
        text(order, k++, "0001");
        text(order, k++, "0001");
        sqlite3_bind_int(order, k++, int(OrderState::Paid));
        sqlite3_bind_int(order, k++, 2);
        sqlite3_bind_int64(order, k++, at);
        sqlite3_bind_int64(order, k++, at);
        text(order, k++, paymentNo);
        sqlite3_bind_int64(order, k++, 0);
        sqlite3_bind_int64(order, k++, 0);
        text(order, k++, ""); // no work lease: the orders are finished
        sqlite3_bind_int64(order, k++, 0);
        check(sqlite3_step(order), db, "insert order");
        sqlite3_reset(order);
        k = 1;
        const int wallet = 1 + i % 3;
        text(payment, k++, paymentNo);
        text(payment, k++, orderNo);
        sqlite3_bind_int(payment, k++, int(PaymentKind::Barcode));
        sqlite3_bind_int(payment, k++, wallet);
        text(payment, k++, walletName(Wallet(wallet)).toLatin1());
        sqlite3_bind_int64(payment, k++, fen);
        text(payment, k++, "CNY");
        sqlite3_bind_int(payment, k++, int(PaymentState::Success));
        sqlite3_bind_int(payment, k++, 2);
        const QByteArray last4 = QByteArray::number(1000 + i % 9000);
        text(payment, k++, "13************" + last4);
        text(payment, k++, "T" + QByteArray::number(i));
        text(payment, k++, "SUCCESS");
        text(payment, k++, "");
        text(payment, k++, "");
        sqlite3_bind_int64(payment, k++, at);
        sqlite3_bind_int64(payment, k++, at);
        sqlite3_bind_int64(payment, k++, at + 30000);
        sqlite3_bind_int(payment, k++, 0);
        sqlite3_bind_int(payment, k++, 0);
        text(payment, k++, last4);
        check(sqlite3_step(payment), db, "insert payment");
        sqlite3_reset(payment);
        k = 1;
        sqlite3_bind_int64(entry, k++, i + 1);
        text(entry, k++, "capture:" + paymentNo);
        text(entry, k++, paymentNo);
        text(entry, k++, orderNo);
        text(entry, k++, "payment via " + walletName(Wallet(wallet)).toLatin1());
        sqlite3_bind_int64(entry, k++, at);
        check(sqlite3_step(entry), db, "insert entry");
        sqlite3_reset(entry);
        for (const auto& [account, signedFen] : {std::pair{wallet, fen}, std::pair{4, -fen}}) {
            sqlite3_bind_int64(posting, 1, i + 1);
            sqlite3_bind_int64(posting, 2, account);
            sqlite3_bind_int64(posting, 3, signedFen);
            sqlite3_bind_int64(posting, 4, at);
            check(sqlite3_step(posting), db, "insert posting");
            sqlite3_reset(posting);
        }
    }
    sqlite3_finalize(order);
    sqlite3_finalize(payment);
    sqlite3_finalize(entry);
    sqlite3_finalize(posting);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    sqlite3_close(db);
    return double(t.elapsed()) / 1000.0;
}

// Raw SQLite running one read-only query to its last row: the baseline for
// the orders view's own reads. An empty `text` binds nothing.
double rawQueryMs(const QString& dir, const QByteArray& sql, const QByteArray& text = {})
{
    sqlite3* db = nullptr;
    check(sqlite3_open_v2(QDir(dir).filePath(QStringLiteral("paydesk.db")).toUtf8().constData(),
                          &db, SQLITE_OPEN_READONLY, nullptr),
          db, "open");
    QElapsedTimer t;
    t.start();
    sqlite3_stmt* s = nullptr;
    check(sqlite3_prepare_v2(db, sql.constData(), -1, &s, nullptr), db, "prepare");
    if (!text.isEmpty())
        sqlite3_bind_text(s, 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    int rows = 0;
    while (sqlite3_step(s) == SQLITE_ROW)
        ++rows;
    sqlite3_finalize(s);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    sqlite3_close(db);
    if (rows == 0)
        die(QStringLiteral("the baseline query found no rows: %1").arg(QString::fromLatin1(sql)));
    return ms;
}

template <typename Pred> void pumpUntil(Pred done)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

} // namespace

int main(int argc, char** argv)
{
    g_sinceMain.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--child"))
        return child(args.at(2), args.at(3));

    QCommandLineParser p;
    const QCommandLineOption ordersOpt(QStringLiteral("orders"),
                                       QStringLiteral("orders in the database"),
                                       QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("cold starts (median)"),
                                     QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("one JSON object"));
    p.addOptions({ordersOpt, runsOpt, jsonOpt});
    p.process(app);
    const int n = positiveOption(p, ordersOpt);
    const int runs = positiveOption(p, runsOpt);

    JsonObject out;
    const double startApp = coldStartMs(QStringLiteral("app"), runs);
    const double startBase = coldStartMs(QStringLiteral("baseline"), runs);
    JsonObject start;
    start.number(QStringLiteral("coldStartToReadyMs"), startApp, 1)
        .number(QStringLiteral("baselineEmptyWindowMs"), startBase, 1)
        .number(QStringLiteral("ratio"), startApp / startBase, 2)
        .flag(QStringLiteral("goalMet"), startApp <= 1000);
    out.object(QStringLiteral("coldStart"), start);

    QTemporaryDir dir;
    const double generateS = generate(dir.path(), n);
    const int pageRows = 200;
    const double rawMs =
        rawQueryMs(dir.path(), "SELECT * FROM orders ORDER BY order_no DESC LIMIT " +
                                   QByteArray::number(pageRows));
    // A suffix that generate() gave to about n / 9000 payments; the search's
    // own work, through the payments' last-4 index, newest first.
    const QByteArray last4 = QByteArray::number(1000 + (n / 2) % 9000);
    const double rawLast4 =
        rawQueryMs(dir.path(),
                   "SELECT o.* FROM payments p JOIN orders o ON o.order_no = p.order_no"
                   " WHERE p.code_last4 = ? ORDER BY o.order_no DESC LIMIT 200",
                   last4);

    QElapsedTimer t;
    t.start();
    app::CoreOptions o;
    o.dataDir = dir.path();
    QString error;
    auto core = app::createCore(o, &error);
    if (!core)
        die(error);
    const double openCoreMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    ui::OrdersScreen screen(*core->api, *core->clock);
    screen.resize(1024, 768);
    screen.show();
    pumpUntil([&] { return screen.model().rowCount() > 0; });
    screen.grab(); // first page painted, with its wallet column
    const double openViewMs = double(t.nsecsElapsed()) / 1e6;
    const double openTotalMs = openCoreMs + openViewMs;
    t.restart();
    const int pages = 10;
    for (int i = 0; i < pages; ++i)
        screen.model().fetchMore({});
    screen.grab();
    const double pageMs = double(t.nsecsElapsed()) / 1e6 / pages;
    const QString someOrder = screen.model().orderNoAt(screen.model().rowCount() - 1);
    t.restart();
    screen.search(QString::fromLatin1(last4));
    pumpUntil([&] { return screen.model().rowCount() > 0; });
    const double last4Ms = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    screen.search(someOrder);
    pumpUntil([&] { return screen.model().rowCount() == 1; });
    const double exactMs = double(t.nsecsElapsed()) / 1e6;

    // The ledger screen over the same data (an entry per payment): opened on
    // its balances and the journal's first page, then pages, an account's
    // journal and one order's entries.
    const double rawJournalMs =
        rawQueryMs(dir.path(), "SELECT * FROM ledger_entries WHERE at_ms >= 0 ORDER BY id LIMIT " +
                                   QByteArray::number(ui::JournalModel::kPageRows));
    ui::LedgerScreen ledger(*core);
    ledger.resize(1024, 768);
    ledger.show();
    t.restart();
    ledger.reload();
    pumpUntil([&] { return ledger.journal().rowCount() > 0 && ledger.balances().rowCount() > 0; });
    ledger.grab();
    const double openJournalMs = double(t.nsecsElapsed()) / 1e6;
    if (!ledger.balances().balanced())
        die(QStringLiteral("the generated ledger does not balance"));
    t.restart();
    for (int i = 0; i < pages; ++i)
        ledger.journal().fetchMore({});
    ledger.grab();
    const double journalPageMs = double(t.nsecsElapsed()) / 1e6 / pages;
    t.restart();
    ledger.showAccountJournal(QStringLiteral("asset:channel-receivable:alipay"));
    pumpUntil([&] { return ledger.journal().rowCount() > 0; });
    ledger.grab();
    const double accountJournalMs = double(t.nsecsElapsed()) / 1e6;
    const QString anOrder = screen.model().orderNoAt(0);
    ledger.showAccountJournal(QString());
    t.restart();
    auto* ref = ledger.findChild<QLineEdit*>(QStringLiteral("journalRef"));
    ref->setText(anOrder);
    Q_EMIT ref->returnPressed();
    pumpUntil([&] { return ledger.journal().rowCount() == 1; });
    const double orderJournalMs = double(t.nsecsElapsed()) / 1e6;

    // The dashboard over the same data: a whole China day (86,400 of the
    // generated payments, a second apart: a busy day's close), then the last
    // 7 days. Each is timed from the period chosen to the figures painted.
    const QDate lastFullDay = chinaTime(QDateTime::currentMSecsSinceEpoch()).date().addDays(-1);
    const qint64 dayFromMs = chinaDayStartMs(lastFullDay);
    const qint64 dayToMs = chinaDayStartMs(lastFullDay.addDays(1));
    const QByteArray rawDashboardSql =
        "SELECT wallet, state, ((created_at_ms + 28800000) / 3600000) % 24, COUNT(*),"
        " SUM(amount_fen) FROM payments WHERE created_at_ms >= " +
        QByteArray::number(dayFromMs) + " AND created_at_ms < " + QByteArray::number(dayToMs) +
        " GROUP BY 1, 2, 3";
    const double rawDashboardDayMs = rawQueryMs(dir.path(), rawDashboardSql);
    ui::DashboardScreen dashboard(*core, core->guard->dashboard());
    dashboard.resize(1024, 768);
    dashboard.show();
    pumpUntil([&] { return !dashboard.reloadPending(); });
    const auto timeDashboard = [&](ui::PeriodChoice choice, QDate first, QDate last) {
        QElapsedTimer d;
        d.start();
        dashboard.choosePeriod(int(choice), first, last);
        pumpUntil([&] { return !dashboard.reloadPending(); });
        dashboard.grab();
        return double(d.nsecsElapsed()) / 1e6;
    };
    const double dashboardDayMs = timeDashboard(ui::PeriodChoice::Chosen, lastFullDay, lastFullDay);
    const qint64 daySales = dashboard.figures().totals().sales;
    const double dashboardWeekMs = timeDashboard(ui::PeriodChoice::Last7Days, {}, {});
    const qint64 weekSales = dashboard.figures().totals().sales;
    if (daySales == 0 || weekSales <= daySales)
        die(QStringLiteral("the dashboard found no sales in the generated days"));
    JsonObject dash;
    dash.integer(QStringLiteral("daySales"), daySales)
        .number(QStringLiteral("openDayMs"), dashboardDayMs, 1)
        .integer(QStringLiteral("last7DaysSales"), weekSales)
        .number(QStringLiteral("last7DaysMs"), dashboardWeekMs, 1)
        .number(QStringLiteral("baselineRawSqliteDayMs"), rawDashboardDayMs, 2)
        .number(QStringLiteral("ratioDayToBaseline"), dashboardDayMs / rawDashboardDayMs, 1)
        .flag(QStringLiteral("goalMet"), openCoreMs + dashboardDayMs <= 1000);

    JsonObject journal;
    journal.integer(QStringLiteral("entries"), n)
        .number(QStringLiteral("openLedgerBalancesAndJournalMs"), openJournalMs, 1)
        .number(QStringLiteral("nextPageMs"), journalPageMs, 2)
        .number(QStringLiteral("accountJournalFirstPageMs"), accountJournalMs, 1)
        .number(QStringLiteral("orderEntriesMs"), orderJournalMs, 1)
        .number(QStringLiteral("baselineRawSqliteFirstPageMs"), rawJournalMs, 2)
        .number(QStringLiteral("ratioOpenToBaseline"), openJournalMs / rawJournalMs, 1)
        .flag(QStringLiteral("goalMet"), openCoreMs + openJournalMs <= 1000);

    JsonObject view;
    view.integer(QStringLiteral("orders"), n)
        .number(QStringLiteral("generateSeconds"), generateS, 1)
        .number(QStringLiteral("openCoreMs"), openCoreMs, 1)
        .number(QStringLiteral("openOrdersViewFirstPageMs"), openViewMs, 1)
        .number(QStringLiteral("openTotalMs"), openTotalMs, 1)
        .integer(QStringLiteral("pageRows"), pageRows)
        .number(QStringLiteral("nextPageMs"), pageMs, 2)
        .number(QStringLiteral("searchLast4Ms"), last4Ms, 1)
        .number(QStringLiteral("searchExactNumberMs"), exactMs, 1)
        .number(QStringLiteral("baselineRawSqliteLast4Ms"), rawLast4, 2)
        .number(QStringLiteral("ratioLast4ToBaseline"), last4Ms / rawLast4, 1)
        .number(QStringLiteral("baselineRawSqliteFirstPageMs"), rawMs, 2)
        .number(QStringLiteral("ratioViewToBaseline"), openViewMs / rawMs, 1)
        .flag(QStringLiteral("goalMet"), openTotalMs <= 1000)
        .flag(QStringLiteral("searchGoalMet"), std::max(last4Ms, exactMs) <= 100);
    out.object(QStringLiteral("ordersView"), view);
    out.object(QStringLiteral("journalView"), journal);
    out.object(QStringLiteral("dashboard"), dash);
    out.print(p.isSet(jsonOpt));
    return 0;
}
