// bench_ledger: the double-entry journal under load.
//
//   bench_ledger [--entries N] [--batch B] [--accounts A] [--big-postings P]
//                [--queries Q] [--json]
//
// 1. Posting throughput: N two-posting entries through the ledger's unit of
//    work in batches (Ledger::postBatch), a durable commit every B entries, spread over A receivable/pending
//    account pairs; the same with every entry hitting one hot pair.
// 2. Baseline in the same run: raw sqlite3 inserting the same entry and
//    posting rows into the same schema with the same batches and fsync.
// 3. Balance queries on a ledger holding P postings: now and at a random
//    past moment, p50/p99 over Q queries.
// Goals: >= 100,000 postings/s; balance query <= 1 ms; hot >= 0.8 x spread.
#include "BenchSupport.h"

#include "common/Clock.h"
#include "ledger/Ledger.h"
#include "store/Database.h"
#include "store/SqlStore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

constexpr double kGoalPostingsPerS = 100'000;
constexpr double kGoalBalanceMs = 1.0;
constexpr double kGoalHotRatio = 0.8;

struct Options
{
    int entries = 200'000;
    int batch = 1000;
    int accounts = 64;
    int bigPostings = 10'000'000;
    int queries = 2000;
    bool json = false;
};

// A clock that moves one millisecond per call: ledger times spread like a
// busy day's, deterministic.
class SteppingClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_ms++; }
    mutable qint64 m_ms = 1'767'225'600'000;
};

struct Opened
{
    std::unique_ptr<Database> db;
    std::unique_ptr<Ledger> ledger;
};

Opened openLedger(const QString& path, bool durable, Clock& clock)
{
    Opened o;
    o.db = std::make_unique<Database>();
    DatabaseConfig cfg;
    cfg.sqlitePath = path;
    cfg.durable = durable;
    if (QString e = o.db->open(cfg, SqlStore::schemaName(), SqlStore::migrations()); !e.isEmpty())
        die(e);
    o.ledger = std::make_unique<Ledger>(*o.db, clock);
    if (QString e = o.ledger->open(); !e.isEmpty())
        die(e);
    return o;
}

QString receivable(int i)
{
    return QStringLiteral("asset:channel-receivable:ch%1").arg(i);
}
QString pending(int i)
{
    return QStringLiteral("liability:pending:M%1").arg(i);
}

// Posts `entries` entries; returns seconds. hot: every entry on pair 0.
double postEntries(Opened& o, int entries, int batch, int accounts, bool hot, int keyOffset = 0)
{
    QElapsedTimer t;
    t.start();
    QList<JournalEntry> pendingEntries;
    for (int i = 0; i < entries; ++i) {
        const int pair = hot ? 0 : i % accounts;
        JournalEntry e;
        e.idempotencyKey = QStringLiteral("pay:%1").arg(keyOffset + i);
        e.refKind = refkind::payment;
        e.refNo = e.idempotencyKey;
        const qint64 fen = 100 + (i % 9000);
        e.postings = {{receivable(pair), fen}, {pending(pair), -fen}};
        pendingEntries << e;
        if (pendingEntries.size() == batch || i + 1 == entries) {
            QString error;
            if (o.ledger->postBatch(pendingEntries, &error) != PostResult::Posted)
                die(QStringLiteral("posting %1 failed: %2").arg(i).arg(error));
            pendingEntries.clear();
            if (!o.db->flush())
                die(o.db->lastError());
        }
    }
    if (!o.db->flush())
        die(o.db->lastError());
    return double(t.nsecsElapsed()) / 1e9;
}

// The same rows with sqlite3 directly: one prepared statement per table.
double rawBaseline(const QString& path, int entries, int batch, int accounts)
{
    {
        SteppingClock c;
        Opened schema = openLedger(path, true, c); // same schema, then closed
        for (int i = 0; i < accounts; ++i) {
            JournalEntry e;
            e.idempotencyKey = QStringLiteral("setup:%1").arg(i);
            e.refKind = refkind::payment;
            e.postings = {{receivable(i), 1}, {pending(i), -1}};
            schema.ledger->post(e);
        }
        schema.db->flush();
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        die(QStringLiteral("baseline: cannot open %1").arg(path));
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", nullptr, nullptr, nullptr);
    sqlite3_stmt* entry = nullptr;
    sqlite3_stmt* posting = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO ledger_entries (idem_key, ref_kind, ref_no, order_no, memo, currency, at_ms,"
                       " reverses_entry_id) VALUES (?, 'payment', ?, '', '', 'CNY', ?, 0) RETURNING id",
                       -1, &entry, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO ledger_postings (entry_id, account_id, amount_fen, at_ms) VALUES (?, ?, ?, ?), (?, ?, ?, ?)",
                       -1, &posting, nullptr);
    QElapsedTimer t;
    t.start();
    qint64 at = 1'767'225'600'000;
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (int i = 0; i < entries; ++i) {
        const QByteArray key = QByteArray("base:") + QByteArray::number(i);
        sqlite3_bind_text(entry, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(entry, 2, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(entry, 3, ++at);
        if (sqlite3_step(entry) != SQLITE_ROW)
            die(QStringLiteral("baseline entry insert failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
        const qint64 id = sqlite3_column_int64(entry, 0);
        sqlite3_step(entry);
        sqlite3_reset(entry);
        const qint64 fen = 100 + (i % 9000);
        const int pair = i % accounts;
        sqlite3_bind_int64(posting, 1, id);
        sqlite3_bind_int64(posting, 2, 2 * pair + 1);
        sqlite3_bind_int64(posting, 3, fen);
        sqlite3_bind_int64(posting, 4, at);
        sqlite3_bind_int64(posting, 5, id);
        sqlite3_bind_int64(posting, 6, 2 * pair + 2);
        sqlite3_bind_int64(posting, 7, -fen);
        sqlite3_bind_int64(posting, 8, at);
        if (sqlite3_step(posting) != SQLITE_DONE)
            die(QStringLiteral("baseline posting insert failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
        sqlite3_reset(posting);
        if ((i + 1) % batch == 0) {
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double s = double(t.nsecsElapsed()) / 1e9;
    sqlite3_finalize(entry);
    sqlite3_finalize(posting);
    sqlite3_close(db);
    return s;
}

struct Latency
{
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

Latency measure(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Latency l;
    l.p50Ms = ms[ms.size() / 2];
    l.p99Ms = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.99))];
    l.maxMs = ms.back();
    return l;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_ledger"));
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption entriesOpt(QStringLiteral("entries"), QStringLiteral("entries per throughput run"), QStringLiteral("n"), QStringLiteral("200000"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("entries per commit"), QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption accountsOpt(QStringLiteral("accounts"), QStringLiteral("account pairs to spread over"), QStringLiteral("n"), QStringLiteral("64"));
    const QCommandLineOption bigOpt(QStringLiteral("big-postings"), QStringLiteral("postings in the query ledger"), QStringLiteral("n"), QStringLiteral("10000000"));
    const QCommandLineOption queriesOpt(QStringLiteral("queries"), QStringLiteral("balance queries"), QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("one JSON object"));
    p.addOptions({entriesOpt, batchOpt, accountsOpt, bigOpt, queriesOpt, jsonOpt});
    p.process(app);
    Options opt;
    opt.entries = positiveOption(p, entriesOpt);
    opt.batch = positiveOption(p, batchOpt);
    opt.accounts = positiveOption(p, accountsOpt);
    opt.bigPostings = positiveOption(p, bigOpt);
    opt.queries = positiveOption(p, queriesOpt);
    opt.json = p.isSet(jsonOpt);
    QTemporaryDir tmp;

    double spreadS = 0;
    double hotS = 0;
    {
        SteppingClock c;
        Opened o = openLedger(tmp.filePath(QStringLiteral("spread.db")), true, c);
        spreadS = postEntries(o, opt.entries, opt.batch, opt.accounts, false);
    }
    {
        SteppingClock c;
        Opened o = openLedger(tmp.filePath(QStringLiteral("hot.db")), true, c);
        hotS = postEntries(o, opt.entries, opt.batch, opt.accounts, true);
    }
    const double baseS = rawBaseline(tmp.filePath(QStringLiteral("baseline.db")), opt.entries, opt.batch, opt.accounts);
    const double postings = 2.0 * opt.entries;
    const double spreadRate = postings / spreadS;
    const double hotRate = postings / hotS;
    const double baseRate = postings / baseS;

    // The query ledger: loaded without fsync (loading is not under test),
    // through the same posting path, so checkpoints fall where they would.
    SteppingClock bigClock;
    Opened big = openLedger(tmp.filePath(QStringLiteral("big.db")), false, bigClock);
    const int bigAccounts = 1000;
    const double loadS = postEntries(big, opt.bigPostings / 2, 10'000, bigAccounts, false);
    const qint64 firstMs = 1'767'225'600'000;
    const qint64 lastMs = bigClock.m_ms;
    QRandomGenerator rng(7);
    std::vector<double> nowMs;
    std::vector<double> pastMs;
    qint64 checksum = 0;
    for (int i = 0; i < opt.queries; ++i) {
        const int account = int(rng.bounded(bigAccounts));
        QElapsedTimer t;
        t.start();
        const auto b = big.ledger->balance(receivable(account));
        nowMs.push_back(double(t.nsecsElapsed()) / 1e6);
        const qint64 at = firstMs + qint64(rng.bounded(quint64(lastMs - firstMs)));
        t.restart();
        const auto past = big.ledger->balance(pending(account), at);
        pastMs.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!b || !past)
            die(QStringLiteral("balance query failed"));
        checksum += b->signedFen + past->signedFen;
    }
    const Latency now = measure(nowMs);
    const Latency then = measure(pastMs);

    JsonObject ledger;
    ledger.number("spread_postings_per_s", spreadRate, 0)
        .number("hot_postings_per_s", hotRate, 0)
        .number("hot_vs_spread", hotRate / spreadRate, 3)
        .number("spread_s", spreadS, 3)
        .number("hot_s", hotS, 3);
    JsonObject baseline;
    baseline.text("what", QStringLiteral("raw sqlite3, same rows, same schema, same batches, fsync"))
        .number("postings_per_s", baseRate, 0)
        .number("s", baseS, 3);
    JsonObject queries;
    queries.integer("postings", qint64(opt.bigPostings))
        .integer("accounts", bigAccounts * 2)
        .number("load_s", loadS, 1)
        .number("load_postings_per_s", opt.bigPostings / loadS, 0)
        .number("balance_now_p50_ms", now.p50Ms, 4)
        .number("balance_now_p99_ms", now.p99Ms, 4)
        .number("balance_now_max_ms", now.maxMs, 4)
        .number("balance_at_p50_ms", then.p50Ms, 4)
        .number("balance_at_p99_ms", then.p99Ms, 4)
        .number("balance_at_max_ms", then.maxMs, 4)
        .integer("checksum", checksum);
    JsonObject met;
    met.flag("postings_per_s", spreadRate >= kGoalPostingsPerS && hotRate >= kGoalPostingsPerS)
        .flag("balance_ms", now.p99Ms <= kGoalBalanceMs && then.p99Ms <= kGoalBalanceMs)
        .flag("hot_vs_spread", hotRate / spreadRate >= kGoalHotRatio);
    JsonObject report;
    report.text("benchmark", QStringLiteral("ledger"))
        .integer("entries", opt.entries)
        .integer("batch", opt.batch)
        .number("postings_per_s", spreadRate, 0)
        .number("baseline_postings_per_s", baseRate, 0)
        .number("ratio", spreadRate / baseRate, 3)
        .number("hot_vs_spread", hotRate / spreadRate, 3)
        .number("balance_now_p99_ms", now.p99Ms, 4)
        .number("balance_at_p99_ms", then.p99Ms, 4)
        .object("ledger", ledger)
        .object("baseline", baseline)
        .object("queries", queries)
        .object("goals_met", met);
    report.print(opt.json);
    return 0;
}
