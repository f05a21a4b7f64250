// bench_payments: payments per second through the facade (EmbeddedApi, the
// in-process sandbox, durable group commits, the system clock), against raw
// SQLite writing the same rows in the same run.
//
//   bench_payments [--payments N] [--window W] [--warmup K] [--timeout S] [--json]

#include "BenchSupport.h"

#include "api/EmbeddedApi.h"
#include "domain/States.h"
#include "ledger/EnginePostings.h"
#include "ledger/LedgerStore.h"
#include "ledger/SettlementStore.h"
#include "sandbox/InProcessSandbox.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "store/Database.h"
#include "store/SqlStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

constexpr double kGoalPaymentsPerS = 12'000;
constexpr double kGoalRatio = 0.5;

struct Options
{
    int payments = 50'000;
    int window = 512;
    int warmup = 32;
    int timeoutS = 300;
    bool json = false;
};

Options parseOptions(const QCoreApplication& app)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Payments per second through the PayDesk facade "
                                               "against raw SQLite doing the same writes."));
    p.addHelpOption();
    const QCommandLineOption payments(QStringLiteral("payments"),
                                      QStringLiteral("Payments to measure (default 50000)."),
                                      QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Payments kept in flight (default 512)."),
                                    QStringLiteral("W"), QStringLiteral("512"));
    const QCommandLineOption warmup(
        QStringLiteral("warmup"),
        QStringLiteral("Payments run first to count rows per order (default 32)."),
        QStringLiteral("K"), QStringLiteral("32"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Give up after S seconds (default 300)."),
                                     QStringLiteral("S"), QStringLiteral("300"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object instead of a table."));
    p.addOptions({payments, window, warmup, timeout, json});
    p.process(app);

    Options opt;
    opt.payments = positiveOption(p, payments);
    opt.window = positiveOption(p, window);
    opt.warmup = positiveOption(p, warmup);
    opt.timeoutS = positiveOption(p, timeout);
    opt.json = p.isSet(json);
    return opt;
}

// ---------------------------------------------------------------- raw SQLite

class RawDb
{
public:
    explicit RawDb(const QString& path)
    {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            die(QStringLiteral("cannot open %1").arg(path));
        // The pragmas the core's Database sets for a durable SQLite store, so
        // the only difference left is the code around the writes.
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        exec("PRAGMA temp_store=MEMORY");
        exec("PRAGMA cache_size=-65536");
    }
    ~RawDb()
    {
        for (sqlite3_stmt* s : m_statements)
            sqlite3_finalize(s);
        sqlite3_close(m_db);
    }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const QByteArray& sql)
    {
        char* error = nullptr;
        if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
            const QString e = QString::fromUtf8(error);
            sqlite3_free(error);
            die(QStringLiteral("raw SQLite: %1 in %2").arg(e, QString::fromUtf8(sql.left(80))));
        }
    }
    sqlite3_stmt* prepare(const QString& sql)
    {
        sqlite3_stmt* s = nullptr;
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                               &s, nullptr) != SQLITE_OK)
            die(QStringLiteral("raw SQLite: cannot prepare %1: %2")
                    .arg(sql.left(80), QString::fromUtf8(sqlite3_errmsg(m_db))));
        m_statements.push_back(s);
        return s;
    }
    // Runs a bound write and readies the statement for the next binding.
    void step(sqlite3_stmt* s, qint64 rows = 1)
    {
        if (sqlite3_step(s) != SQLITE_DONE)
            die(QStringLiteral("raw SQLite write failed: %1")
                    .arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
        if (sqlite3_changes(m_db) != rows)
            die(QStringLiteral("raw SQLite write changed %1 rows, expected %2")
                    .arg(sqlite3_changes(m_db))
                    .arg(rows));
        sqlite3_reset(s);
    }
    // An INSERT ... RETURNING id of one row.
    qint64 stepReturningId(sqlite3_stmt* s)
    {
        if (sqlite3_step(s) != SQLITE_ROW)
            die(QStringLiteral("raw SQLite insert returned no row: %1")
                    .arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
        const qint64 id = sqlite3_column_int64(s, 0);
        if (sqlite3_step(s) != SQLITE_DONE)
            die(QStringLiteral("raw SQLite insert failed: %1")
                    .arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
        sqlite3_reset(s);
        return id;
    }
    qint64 totalChanges() const { return sqlite3_total_changes64(m_db); }

private:
    sqlite3* m_db = nullptr;
    std::vector<sqlite3_stmt*> m_statements;
};

// Binds by position; the byte arrays must outlive the step (SQLITE_STATIC
// avoids a copy, as Qt's driver does).
void bindArg(sqlite3_stmt* s, int i, const QByteArray& v)
{
    sqlite3_bind_text(s, i, v.constData(), int(v.size()), SQLITE_STATIC);
}
void bindArg(sqlite3_stmt* s, int i, qint64 v)
{
    sqlite3_bind_int64(s, i, v);
}
template <typename... Args> void bindAll(sqlite3_stmt* s, const Args&... args)
{
    int i = 0;
    (bindArg(s, ++i, args), ...);
}

QString placeholders(int n)
{
    QStringList q;
    for (int i = 0; i < n; ++i)
        q << QStringLiteral("?");
    return q.join(QLatin1Char(','));
}

struct BaselineRun
{
    double wallS = 0;
    double cpuS = 0;
    qint64 transactions = 0;
    qint64 engineRows = 0;
    qint64 sandboxRows = 0;
};

// What one instant-success payment writes, taken from a real one: same
// texts, same lengths; only the numbers change per payment.
struct RowTemplate
{
    OrderDetails details;
    QString fingerprint;
    // The ledger's rows for the payment (entry, postings, clearing item),
    // read back from the facade's own database.
    QByteArray entryRefKind, entryMemo, clearingMerchant, clearingDay;
    std::vector<std::pair<qint64, qint64>> postings; // account id, amount
    qint64 clearingFeeFen = 0;
};

// Reads the ledger rows the core wrote for `orderNo` through its own
// connection (the benchmark's copy of them must match).
void readLedgerTemplate(sqlite3* db, const QString& orderNo, RowTemplate* tpl)
{
    if (!db)
        die(QStringLiteral("no handle on the facade's database"));
    auto query = [db](const char* sql, const QByteArray& arg, auto&& each) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            die(QStringLiteral("ledger template: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
        sqlite3_bind_text(st, 1, arg.constData(), int(arg.size()), SQLITE_TRANSIENT);
        int rows = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            each(st);
            ++rows;
        }
        sqlite3_finalize(st);
        return rows;
    };
    auto text = [](sqlite3_stmt* st, int i) {
        return QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                          sqlite3_column_bytes(st, i));
    };
    const QByteArray order = orderNo.toUtf8();
    QByteArray entryId;
    if (query("SELECT id, ref_kind, memo FROM ledger_entries WHERE order_no = ?", order,
              [&](sqlite3_stmt* st) {
                  entryId = text(st, 0);
                  tpl->entryRefKind = text(st, 1);
                  tpl->entryMemo = text(st, 2);
              }) != 1)
        die(QStringLiteral("warm-up order %1 has not exactly one ledger entry").arg(orderNo));
    query("SELECT account_id, amount_fen FROM ledger_postings WHERE entry_id = ? ORDER BY id",
          entryId, [&](sqlite3_stmt* st) {
              tpl->postings.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
          });
    if (query("SELECT merchant_id, business_date, fee_fen FROM clearing WHERE order_no = ?", order,
              [&](sqlite3_stmt* st) {
                  tpl->clearingMerchant = text(st, 0);
                  tpl->clearingDay = text(st, 1);
                  tpl->clearingFeeFen = sqlite3_column_int64(st, 2);
              }) != 1 ||
        tpl->postings.empty())
        die(QStringLiteral("warm-up order %1 has no postings or clearing item").arg(orderNo));
}

BaselineRun runBaseline(const QString& dir, int total, int batch, const RowTemplate& tpl)
{
    RawDb eng(QDir(dir).filePath(QStringLiteral("engine.db")));
    RawDb sbx(QDir(dir).filePath(QStringLiteral("sandbox.db")));
    // The same schemas the core and the sandbox create.
    auto migrate = [](RawDb& db, const QStringList& migrations) {
        db.exec("BEGIN");
        for (const QString& m : migrations)
            db.exec(Database::translate(SqlDialect::Sqlite, m).toUtf8());
        db.exec("COMMIT");
    };
    migrate(eng, SqlStore::migrations());
    migrate(eng, LedgerStore::migrations());
    migrate(eng, SettlementStore::migrations());
    migrate(sbx, SandboxAcquirer::migrations());

    // The very statements SqlStore runs, so only the code around them differs.
    auto storeStatement = [&eng](SqlStore::Statement st) {
        return eng.prepare(SqlStore::statementText(st));
    };
    sqlite3_stmt* insCommand = storeStatement(SqlStore::Statement::InsertCommand);
    sqlite3_stmt* insOrder = storeStatement(SqlStore::Statement::InsertOrder);
    sqlite3_stmt* insPayment = storeStatement(SqlStore::Statement::InsertPayment);
    sqlite3_stmt* insEvent = storeStatement(SqlStore::Statement::InsertEvent);
    sqlite3_stmt* updPayment = storeStatement(SqlStore::Statement::UpdatePayment);
    sqlite3_stmt* updOrder = storeStatement(SqlStore::Statement::UpdateOrder);
    sqlite3_stmt* insEntry = eng.prepare(LedgerStore::entriesInsertText(1));
    sqlite3_stmt* insPostings =
        eng.prepare(LedgerStore::postingsInsertText(qsizetype(tpl.postings.size())));
    sqlite3_stmt* insClearing = eng.prepare(SettlementStore::clearingInsertText());
    sqlite3_stmt* takeTrade =
        sbx.prepare(QStringLiteral("UPDATE sandbox_counters SET value=? WHERE name='trade'"));
    sqlite3_stmt* insTrade = sbx.prepare(
        QStringLiteral("INSERT INTO sandbox_trades (payment_no, channel, kind, behaviour,"
                       " parameter, amount_fen, currency, state, created_at_ms, paid_at_ms,"
                       " trade_no, revoke_failures_left, refunded_fen, code_url,"
                       " auth_code_masked, settles_at_ms, expire_at_ms, revoke_action,"
                       " error_code, tombstone) VALUES (%1) ON CONFLICT (payment_no) DO NOTHING")
            .arg(placeholders(20)));

    const OrderRecord& o = tpl.details.order;
    const PaymentRecord& p = tpl.details.payments.constFirst();
    const QByteArray currency = o.amount.currency().toUtf8();
    const QByteArray subject = o.subject.toUtf8();
    const QByteArray storeId = o.storeId.toUtf8();
    const QByteArray terminalId = o.terminalId.toUtf8();
    const QByteArray channel = p.channel.toUtf8();
    const QByteArray codeMasked = p.codeMasked.toUtf8();
    const QByteArray returnCode = p.returnCode.toUtf8();
    const QByteArray message = p.message.toUtf8();
    const QByteArray fingerprint = tpl.fingerprint.toUtf8();
    const QByteArray empty;
    const QByteArray leaseHolder = "paydesk-bench/12345/0f3a9c1d";
    const QByteArray pay("pay");
    const QByteArray barcode("barcode");
    const QByteArray success("SUCCESS");
    struct EventBytes
    {
        QByteArray source, kind, from, to, message, raw;
        bool aboutOrder;
        int alert;
        QByteArray code, args;
    };
    std::vector<EventBytes> events;
    for (const TrackEvent& e : tpl.details.events)
        events.push_back({e.source.toUtf8(), e.kind.toUtf8(), e.fromState.toUtf8(),
                          e.toState.toUtf8(), e.message.toUtf8(), e.raw.toUtf8(),
                          e.entity == o.orderNo, int(e.alert), e.code.toUtf8(),
                          e.args.join(QChar(0x1f)).toUtf8()});

    auto number = [](const char* prefix, qint64 i) {
        // 32 characters, like the generator's numbers.
        return QByteArray(prefix) +
               QByteArray::number(i).rightJustified(32 - int(qstrlen(prefix)), '0');
    };

    const qint64 eng0 = eng.totalChanges();
    const qint64 sbx0 = sbx.totalChanges();
    BaselineRun out;
    const double cpu0 = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int first = 0; first < total; first += batch) {
        eng.exec("BEGIN IMMEDIATE");
        sbx.exec("BEGIN IMMEDIATE");
        const int last = std::min(total, first + batch);
        for (int i = first; i < last; ++i) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QByteArray requestNo = "base-" + QByteArray::number(i);
            const QByteArray orderNo = number("PO1", i);
            const QByteArray paymentNo = number("PA1", i);
            const QByteArray tradeNo =
                "SBX20260101" + QByteArray::number(i).rightJustified(12, '0');

            bindAll(insCommand, requestNo, pay, fingerprint, orderNo, now);
            eng.step(insCommand);
            // The creator's work lease, as the engine writes it (holder host/pid/random).
            bindAll(insOrder, orderNo, requestNo, kAmountFen, currency, subject, storeId,
                    terminalId, int(OrderState::Pending), 1, now, now, empty, 0, 0, leaseHolder,
                    now + 6'000);
            eng.step(insOrder);
            bindAll(insPayment, paymentNo, orderNo, int(PaymentKind::Barcode), int(p.wallet),
                    channel, kAmountFen, currency, int(PaymentState::Created), 1, codeMasked, empty,
                    empty, empty, empty, now, now, p.deadlineAtMs, 0, 0, codeMasked.right(4));
            eng.step(insPayment);

            // The acquirer reserves trade numbers in blocks.
            if (i % SandboxAcquirer::kNumberBlock == 0) {
                bindAll(takeTrade, qint64(i) + SandboxAcquirer::kNumberBlock);
                sbx.step(takeTrade);
            }
            bindAll(insTrade, paymentNo, channel, barcode, 0, 0, kAmountFen, currency, success, now,
                    now, tradeNo, 0, 0, empty, codeMasked, 0, p.deadlineAtMs, empty, empty, 0);
            sbx.step(insTrade);

            for (const EventBytes& e : events) {
                bindAll(insEvent, orderNo, now, e.source, e.kind,
                        e.aboutOrder ? orderNo : paymentNo, e.from, e.to, e.message, e.raw, e.alert,
                        e.code, e.args);
                eng.step(insEvent);
            }
            // Binds in SqlStore's order: changing columns, key, version read.
            bindAll(updPayment, int(PaymentState::Success), 2, tradeNo, returnCode, message, empty,
                    now, 0, 0, paymentNo, 1);
            eng.step(updPayment);
            bindAll(updOrder, int(OrderState::Paid), 2, now, paymentNo, 0, 0, orderNo, 1);
            eng.step(updOrder);

            // The ledger: entry (its id comes back), postings, clearing item.
            const QByteArray entryKey = EnginePostings::paymentKey(QString::fromLatin1(paymentNo))
                                            .toUtf8(); // also the clearing item's key
            bindAll(insEntry, entryKey, tpl.entryRefKind, paymentNo, orderNo, tpl.entryMemo,
                    currency, now, 0);
            const qint64 entryId = eng.stepReturningId(insEntry);
            int k = 0;
            for (const auto& [accountId, amountFen] : tpl.postings) {
                bindArg(insPostings, ++k, entryId);
                bindArg(insPostings, ++k, accountId);
                bindArg(insPostings, ++k, amountFen);
                bindArg(insPostings, ++k, now);
            }
            eng.step(insPostings, qint64(tpl.postings.size()));
            bindAll(insClearing, entryKey, tpl.clearingMerchant, channel, orderNo, tpl.clearingDay,
                    kAmountFen, tpl.clearingFeeFen, currency, now, empty);
            eng.step(insClearing);
        }
        sbx.exec("COMMIT");
        eng.exec("COMMIT");
        ++out.transactions;
    }
    out.wallS = double(timer.nsecsElapsed()) / 1e9;
    out.cpuS = cpuSeconds() - cpu0;
    out.engineRows = eng.totalChanges() - eng0;
    out.sandboxRows = sbx.totalChanges() - sbx0;
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Options opt = parseOptions(app);

    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(QStringLiteral("cannot create a temporary directory"));
    const QString facadeDir = QDir(tmp.path()).filePath(QStringLiteral("facade"));
    const QString baselineDir = QDir(tmp.path()).filePath(QStringLiteral("baseline"));
    QDir().mkpath(baselineDir);

    EmbeddedOptions eo;
    eo.dataDir = facadeDir;
    eo.durable = true;
    eo.sandbox = std::make_shared<InProcessSandbox>();
    auto api = std::make_unique<EmbeddedApi>(eo);
    if (const QString e = api->open(); !e.isEmpty())
        die(e);

    // Warm-up: prepares every statement and tells how many rows one payment
    // writes (events per order), for the baseline to write the same.
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
    const PumpResult warm =
        pumpPayments(*api, QStringLiteral("warm-"), code, opt.warmup,
                     std::min(opt.window, opt.warmup), opt.timeoutS, PumpDone::order(OrderState::Paid), true);
    api->flush();
    RowTemplate tpl;
    qint64 eventRows = 0;
    int minEvents = INT_MAX, maxEvents = 0;
    for (const QString& orderNo : warm.orderNos) {
        std::optional<OrderDetails> d;
        api->orderDetails(orderNo, [&](const std::optional<OrderDetails>& x) { d = x; });
        if (!d || d->payments.size() != 1)
            die(QStringLiteral("warm-up order %1 is not as expected").arg(orderNo));
        const int n = int(d->events.size());
        eventRows += n;
        minEvents = std::min(minEvents, n);
        maxEvents = std::max(maxEvents, n);
        if (tpl.details.events.isEmpty())
            tpl.details = *d;
    }
    if (warm.orderNos.isEmpty())
        die(QStringLiteral("no warm-up order answered"));
    const double eventsPerOrder = double(eventRows) / double(warm.orderNos.size());
    if (minEvents != maxEvents)
        std::fprintf(stderr,
                     "bench_payments: events per order vary (%d..%d); the baseline writes "
                     "those of the first order (%d)\n",
                     minEvents, maxEvents, int(tpl.details.events.size()));
    readLedgerTemplate(sqliteHandleFor(QDir(facadeDir).filePath(QStringLiteral("paydesk.db"))),
                       tpl.details.order.orderNo, &tpl);
    tpl.fingerprint = QStringLiteral("pay|%1|%2|%3|%4|")
                          .arg(kAmountFen)
                          .arg(kCny, tpl.details.payments.constFirst().codeMasked, kSubject);

    qint64 engineCommits = 0, engineRows = 0, sandboxCommits = 0, sandboxRows = 0;
    bool probed = false;
    PumpResult run;
    {
        // Scoped: a probe must let go of its connection before the core closes it.
        CommitProbe engineProbe(
            sqliteHandleFor(QDir(facadeDir).filePath(QStringLiteral("paydesk.db"))));
        CommitProbe sandboxProbe(
            sqliteHandleFor(QDir(facadeDir).filePath(QStringLiteral("sandbox.db"))));
        run = pumpPayments(*api, QStringLiteral("bench-"), code, opt.payments, opt.window,
                           opt.timeoutS, PumpDone::order(OrderState::Paid), false);
        engineCommits = engineProbe.commits();
        engineRows = engineProbe.rows();
        sandboxCommits = sandboxProbe.commits();
        sandboxRows = sandboxProbe.rows();
        probed = engineProbe.valid() && sandboxProbe.valid() && engineCommits > 0;
    }

    const double facadeRate = double(opt.payments) / run.wallS;
    const double paymentsPerCommit = probed ? double(opt.payments) / double(engineCommits) : 0;
    // Same fsyncs per payment as the facade: commit every B payments, B the
    // payments per engine group commit just measured (W if it could not be).
    const int batch =
        probed ? std::clamp(int(std::lround(paymentsPerCommit)), 1, opt.window) : opt.window;

    const BaselineRun base = runBaseline(baselineDir, opt.payments, batch, tpl);
    const double baseRate = double(opt.payments) / base.wallS;
    const double ratio = facadeRate / baseRate;

    JsonObject facade;
    facade.number("wall_s", run.wallS)
        .number("payments_per_s", facadeRate, 1)
        .number("cpu_s", run.cpuS)
        .number("cpu_per_payment_us", run.cpuS / opt.payments * 1e6, 1);
    if (probed) {
        facade.integer("engine_commits", engineCommits)
            .number("payments_per_engine_commit", paymentsPerCommit, 1)
            .number("engine_rows_per_commit", double(engineRows) / double(engineCommits), 1)
            .number("engine_rows_per_payment", double(engineRows) / opt.payments, 2)
            .integer("sandbox_commits", sandboxCommits)
            .number("sandbox_rows_per_commit",
                    sandboxCommits ? double(sandboxRows) / double(sandboxCommits) : 0, 1)
            .number("sandbox_rows_per_payment", double(sandboxRows) / opt.payments, 2);
    } else {
        facade.null("engine_commits").null("engine_rows_per_commit");
    }
    facade.number("events_per_order", eventsPerOrder, 2);

    JsonObject baseline;
    baseline
        .text("method", QStringLiteral(
                            "sqlite3 C API, WAL, synchronous=FULL, prepared "
                            "statements, same schema and rows (engine, ledger, clearing, sandbox)"))
        .integer("batch_payments", batch)
        .integer("transactions_per_db", base.transactions)
        .number("wall_s", base.wallS)
        .number("payments_per_s", baseRate, 1)
        .number("cpu_s", base.cpuS)
        .number("engine_rows_per_payment", double(base.engineRows) / opt.payments, 2)
        .number("sandbox_rows_per_payment", double(base.sandboxRows) / opt.payments, 2);

    JsonObject goals;
    goals.number("payments_per_s_min", kGoalPaymentsPerS, 0).number("ratio_min", kGoalRatio, 2);
    JsonObject met;
    met.flag("payments_per_s", facadeRate >= kGoalPaymentsPerS).flag("ratio", ratio >= kGoalRatio);

    JsonObject report;
    report.text("benchmark", QStringLiteral("payments"))
        .integer("payments", opt.payments)
        .integer("window", opt.window)
        .integer("warmup_payments", opt.warmup)
        .flag("durable", true)
        .integer("sqlite_version_number", sqlite3_libversion_number())
        .number("payments_per_s", facadeRate, 1)
        .number("baseline_payments_per_s", baseRate, 1)
        .number("ratio", ratio, 3)
        .object("facade", facade)
        .object("baseline", baseline)
        .object("goals", goals)
        .object("goals_met", met);
    report.print(opt.json);

    // Tear down while the event loop machinery still exists.
    api.reset();
    return 0;
}
