// bench_reconcile: one day's WeChat Pay bill against our clearing items.
//
//   bench_reconcile [--orders N] [--diffs D] [--keep DIR] [--json]
//
// 1. Setup (untimed): a temp SQLite database with the engine's, ledger's,
//    settlement's and reconciliation's schemas; N cleared payments of one
//    China day loaded straight into `clearing` (raw sqlite3, one
//    transaction); a WeChat Pay V2 ALL bill of the same payments streamed
//    to a file in wechatBill()'s exact format (checked against it), with D
//    lines dropped, D other amounts, D other fees and D extra lines.
// 2. Timed: Reconciler::reconcile() on that bill, then the commit; every
//    count checked against what was injected (a broken run dies).
// 3. Baseline in the same run: the same bill loaded beforehand (untimed)
//    into a `bill` table of the same database, indexed, and the same join
//    done by SQLite itself: a LEFT JOIN on clearing's primary key counting
//    matched / amount / fee / bill-only, and clearing-only via NOT EXISTS.
// 4. Where the time goes: the parser alone, the clearing read alone and
//    keeping the bill (copy + SHA-256) alone, through the same core calls.
// Goals: <= 3 s for 1,000,000 lines; <= 1.0 x the baseline; bounded memory.
#include "BenchSupport.h"

#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "engine/RecordedMovements.h"
#include "ledger/BackOffice.h"
#include "recon/BillKeeper.h"
#include "recon/BillParsers.h"
#include "recon/Reconciler.h"
#include "sandbox/bills/BillDifferences.h"
#include "sandbox/bills/WeChatBill.h"
#include "store/Database.h"
#include "store/SqlStore.h"

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <numeric>
#include <set>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

constexpr double kGoalMs = 3000;
constexpr double kGoalRatio = 1.0;

const QDate kDay(2026, 3, 1);
const QString kChannel = QStringLiteral("wechat");
const QString kMchId = QStringLiteral("1230000109");
const QString kAppId = QStringLiteral("wx2421b1c4370ec43b");
const QString kMerchantId = QStringLiteral("M0001"); // ours (LedgerConfig's default)

struct Options
{
    int orders = 1'000'000;
    int diffs = 10; // per kind: dropped, other amount, other fee, extra
    QString keepDir;
    bool scatter = false; // bill lines in a scattered order, not in time order
    bool json = false;
};

// The run happens the next morning; nothing moves the clock.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 ms) : m_ms(ms) {}
    qint64 nowMs() const override { return m_ms; }

private:
    qint64 m_ms;
};

// Peak resident set size (VmHWM) and its reset (Linux: clear_refs 5).
qint64 peakRssBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() >= 2 ? parts.at(1).toLongLong() * 1024 : -1;
        }
    return -1;
}

bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// ---- the day's data, deterministic ---------------------------------------

// 32 characters like the engine's numbers (PA1 + store + terminal + ...).
QByteArray paymentNo(qint64 i)
{
    return QByteArray("PA1S001T00120260301") + QByteArray::number(i).rightJustified(13, '0');
}
QByteArray orderNo(qint64 i)
{
    return QByteArray("PO1S001T00120260301") + QByteArray::number(i).rightJustified(13, '0');
}
QByteArray tradeNo(qint64 i)
{
    return QByteArray("42000") + QByteArray::number(i).rightJustified(23, '0');
}
qint64 amountFen(qint64 i)
{
    return 100 + (i * 7919) % 99'900;
}
// 0.6 %, rounded half away from zero (LedgerConfig::fee, the parser's rounding).
qint64 feeFen(qint64 fen)
{
    return (fen * 6 + 500) / 1000;
}

// Which of our payments the bill changes, spread over the day.
struct Injected
{
    std::set<qint64> dropped;
    std::set<qint64> amounts; // billed one fen more
    std::set<qint64> fees;    // billed fee one fen more
    int extra = 0;            // bill-only payments: numbers orders .. orders + extra - 1
};

Injected injected(int orders, int diffs)
{
    Injected in;
    for (qint64 j = 0; j < diffs; ++j) {
        const qint64 base = j * orders / diffs;
        in.dropped.insert(base + 1);
        in.amounts.insert(base + 2);
        in.fees.insert(base + 3);
    }
    in.extra = diffs;
    return in;
}

struct Day
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 0; // between two payments: all before the last 10 minutes
    qint64 atMs(qint64 i) const { return startMs + 1000 + i * stepMs; }
};

Day theDay(int orders, int extra)
{
    Day d;
    d.startMs = chinaDayStartMs(kDay);
    d.endMs = chinaDayStartMs(kDay.addDays(1));
    d.stepMs = std::max<qint64>(1, (d.endMs - d.startMs - 11 * 60 * 1000) / (orders + extra));
    return d;
}

// ---- the WeChat bill, streamed -------------------------------------------

// One bill line as wechatBill() writes it for a payment of an ALL bill.
struct BillRow
{
    qint64 atMs = 0;
    QByteArray paymentNo;
    QByteArray tradeNo;
    qint64 fen = 0;
    qint64 feeUnits = 0; // 0.00001 yuan
};

class BillWriter
{
public:
    explicit BillWriter(const Day& day) : m_day(day)
    {
        m_dayText = kDay.toString(Qt::ISODate).toLatin1();
        m_out = wechatBillColumns(WeChatBillType::All).join(QLatin1Char(',')).toUtf8() + "\r\n";
    }

    void add(const BillRow& r)
    {
        QByteArray& o = m_out;
        o += '`';
        appendTime(r.atMs);
        o += ",`" + kAppId.toLatin1() + ",`" + kMchId.toLatin1() + ",`0,`,`";
        o += r.tradeNo;
        o += ",`";
        o += r.paymentNo;
        o += ",`oSandbox";
        o += r.tradeNo.right(12);
        o += ",`MICROPAY,`SUCCESS,`OTHERS,`CNY,`";
        appendYuan(r.fen);
        o += ",`0.00,`0,`0,`0.00,`0.00,`,`,`,`,`";
        appendFee(r.feeUnits);
        o += ",`0.60%,`";
        appendYuan(r.fen);
        o += ",`0.00,`\r\n";
        ++m_count;
        m_settledFen += r.fen;
        m_feeUnits += r.feeUnits;
    }

    // The summary; the bytes not yet written.
    QByteArray& finish()
    {
        m_out +=
            wechatBillSummaryColumns(WeChatBillType::All).join(QLatin1Char(',')).toUtf8() + "\r\n`";
        m_out += QByteArray::number(m_count) + ",`";
        appendYuan(m_settledFen);
        m_out += ",`0.00,`0.00,`";
        appendFee(m_feeUnits);
        m_out += ",`";
        appendYuan(m_settledFen);
        m_out += ",`0.00\r\n";
        return m_out;
    }

    QByteArray& pending() { return m_out; }
    qint64 count() const { return m_count; }

private:
    void appendTime(qint64 ms)
    {
        const qint64 s = (ms - m_day.startMs) / 1000; // within kDay
        char buf[32];
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", int(s / 3600), int(s / 60 % 60),
                      int(s % 60));
        m_out += m_dayText;
        m_out += ' ';
        m_out += QByteArrayView(buf, 8);
    }
    void appendYuan(qint64 fen)
    {
        char buf[32];
        const int n = std::snprintf(buf, sizeof buf, "%lld.%02lld", (long long)(fen / 100),
                                    (long long)(fen % 100));
        m_out += QByteArrayView(buf, n);
    }
    void appendFee(qint64 units)
    {
        char buf[32];
        const int n = std::snprintf(buf, sizeof buf, "%lld.%05lld", (long long)(units / 100000),
                                    (long long)(units % 100000));
        m_out += QByteArrayView(buf, n);
    }

    Day m_day;
    QByteArray m_dayText;
    QByteArray m_out;
    qint64 m_count = 0;
    qint64 m_settledFen = 0;
    qint64 m_feeUnits = 0;
};

// The writer must produce wechatBill()'s bytes: checked on a few lines.
void checkBillFormat(const Day& day)
{
    QList<SandboxAcquirer::BillEntry> entries;
    BillWriter w(day);
    for (qint64 i = 0; i < 5; ++i) {
        SandboxAcquirer::BillEntry e;
        e.paymentNo = QString::fromLatin1(paymentNo(i));
        e.tradeNo = QString::fromLatin1(tradeNo(i));
        e.tradeState = QStringLiteral("SUCCESS");
        e.amountFen = amountFen(i);
        e.currency = QStringLiteral("CNY");
        e.atMs = day.atMs(i);
        entries << e;
        w.add(BillRow{day.atMs(i), paymentNo(i), tradeNo(i), amountFen(i), amountFen(i) * 6});
    }
    const QByteArray expected = wechatBill(entries, WeChatBillType::All, {kAppId, kMchId});
    if (w.finish() != expected)
        die(QStringLiteral("the streamed bill differs from wechatBill():\n%1\n---\n%2")
                .arg(QString::fromUtf8(w.pending()), QString::fromUtf8(expected)));
}

struct BillFile
{
    qint64 lines = 0;
    qint64 bytes = 0;
    qint64 paidFen = 0;
    qint64 feeFen = 0;
};

// Streams the bill to `path`, and hands each line to `each` (the baseline's
// table is loaded from the same rows).
BillFile writeBill(const QString& path, const Options& opt, const Injected& inj, const Day& day,
                   const std::function<void(const BillRow&)>& each)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        die(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    BillWriter w(day);
    BillFile out;
    auto flushIfBig = [&](bool force) {
        QByteArray& b = w.pending();
        if (!force && b.size() < (1 << 20))
            return;
        if (f.write(b) != b.size())
            die(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
        out.bytes += b.size();
        b.clear();
    };
    auto add = [&](const BillRow& r) {
        w.add(r);
        each(r);
        out.paidFen += r.fen;
        out.feeFen += (r.feeUnits + 500) / 1000;
        flushIfBig(false);
    };
    const qint64 total = qint64(opt.orders) + inj.extra;
    // Scattered: line k is row (k * step) mod total, step coprime to total,
    // so every row comes once and neighbours are far apart.
    qint64 step = 1;
    if (opt.scatter) {
        step = total / 2 + 7919;
        while (std::gcd(step, total) != 1)
            ++step;
    }
    for (qint64 k = 0; k < total; ++k) {
        const qint64 i = qint64((__int128(k) * step) % total);
        // Extra lines come last, their times spread over the day.
        const bool extra = i >= opt.orders;
        if (!extra && inj.dropped.count(i))
            continue;
        BillRow r;
        r.atMs = day.atMs(extra ? (i - opt.orders) * (opt.orders / inj.extra) + 4 : i);
        r.paymentNo = paymentNo(i);
        r.tradeNo = tradeNo(i);
        r.fen = amountFen(i) + (inj.amounts.count(i) ? 1 : 0);
        r.feeUnits = r.fen * 6 + (inj.fees.count(i) ? 1000 : 0);
        add(r);
    }
    w.finish();
    flushIfBig(true);
    out.lines = w.count();
    if (!f.flush())
        die(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    return out;
}

// ---- raw sqlite3 ---------------------------------------------------------

sqlite3* openRaw(const QString& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        die(QStringLiteral("cannot open %1").arg(path));
    sqlite3_busy_timeout(db, 15000);
    return db;
}

void exec(sqlite3* db, const char* sql)
{
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const QString e = QString::fromUtf8(err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        die(QStringLiteral("%1: %2").arg(QString::fromUtf8(sql), e));
    }
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql)
{
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        die(QStringLiteral("cannot prepare %1: %2")
                .arg(QString::fromUtf8(sql), QString::fromUtf8(sqlite3_errmsg(db))));
    return st;
}

void step(sqlite3* db, sqlite3_stmt* st)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        die(QStringLiteral("insert failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    sqlite3_reset(st);
}

// Our side: the day's cleared payments, as EnginePostings would have left them.
double loadClearing(sqlite3* db, const Options& opt, const Day& day, qint64* oursFen)
{
    QElapsedTimer t;
    t.start();
    exec(db, "BEGIN IMMEDIATE");
    sqlite3_stmt* st =
        prepare(db, "INSERT INTO clearing (ref_key, merchant_id, channel, order_no, business_date,"
                    " amount_fen, fee_fen, currency, at_ms, settled_for)"
                    " VALUES (?, ?, 'wechat', ?, ?, ?, ?, 'CNY', ?, '')");
    const QByteArray merchant = kMerchantId.toLatin1();
    const QByteArray date = kDay.toString(Qt::ISODate).toLatin1();
    *oursFen = 0;
    for (qint64 i = 0; i < opt.orders; ++i) {
        const QByteArray key = "pay:" + paymentNo(i);
        const QByteArray order = orderNo(i);
        const qint64 fen = amountFen(i);
        sqlite3_bind_text(st, 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, merchant.constData(), int(merchant.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 3, order.constData(), int(order.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, date.constData(), int(date.size()), SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, fen);
        sqlite3_bind_int64(st, 6, feeFen(fen));
        sqlite3_bind_int64(st, 7, day.atMs(i));
        step(db, st);
        *oursFen += fen;
    }
    sqlite3_finalize(st);
    exec(db, "COMMIT");
    return msSince(t);
}

struct BaselineCounts
{
    qint64 matched = 0;
    qint64 amountMismatches = 0;
    qint64 feeMismatches = 0;
    qint64 billOnly = 0;
    qint64 clearingOnly = 0;
    qint64 billFen = 0;
    qint64 billFeeFen = 0;
    qint64 clearingOnlyFen = 0;
};

// The same join, SQLite-side, on a fresh connection configured like the
// core's (64 MiB page cache, temp store in memory).
double baseline(const QString& path, BaselineCounts* c, QString* plan)
{
    sqlite3* db = openRaw(path);
    exec(db, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY");
    const char* joinSql =
        "SELECT count(c.ref_key),"
        " coalesce(sum(c.amount_fen <> b.amount_fen), 0),"
        " coalesce(sum(c.amount_fen = b.amount_fen AND c.fee_fen <> b.fee_fen), 0),"
        " count(*) - count(c.ref_key),"
        " coalesce(sum(b.amount_fen), 0), coalesce(sum(b.fee_fen), 0)"
        " FROM bill b LEFT JOIN clearing c ON c.ref_key = 'pay:' || b.payment_no"
        " AND c.channel = ?1 AND c.business_date = ?2";
    const char* missingSql =
        "SELECT count(*), coalesce(sum(c.amount_fen), 0) FROM clearing c"
        " WHERE c.channel = ?1 AND c.business_date = ?2"
        " AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.payment_no = substr(c.ref_key, 5))";
    const QByteArray channel = kChannel.toLatin1();
    const QByteArray date = kDay.toString(Qt::ISODate).toLatin1();
    auto bind = [&](sqlite3_stmt* st) {
        sqlite3_bind_text(st, 1, channel.constData(), int(channel.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 2, date.constData(), int(date.size()), SQLITE_STATIC);
    };
    for (const char* sql : {joinSql, missingSql}) {
        sqlite3_stmt* st = prepare(db, (QByteArray("EXPLAIN QUERY PLAN ") + sql).constData());
        bind(st);
        while (sqlite3_step(st) == SQLITE_ROW)
            *plan += (plan->isEmpty() ? QString() : QStringLiteral("; ")) +
                     QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 3)));
        sqlite3_finalize(st);
    }
    sqlite3_stmt* join = prepare(db, joinSql);
    sqlite3_stmt* missing = prepare(db, missingSql);
    bind(join);
    bind(missing);

    QElapsedTimer t;
    t.start();
    exec(db, "BEGIN"); // one read snapshot for both halves
    if (sqlite3_step(join) != SQLITE_ROW)
        die(QStringLiteral("baseline join: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    c->matched = sqlite3_column_int64(join, 0);
    c->amountMismatches = sqlite3_column_int64(join, 1);
    c->feeMismatches = sqlite3_column_int64(join, 2);
    c->billOnly = sqlite3_column_int64(join, 3);
    c->billFen = sqlite3_column_int64(join, 4);
    c->billFeeFen = sqlite3_column_int64(join, 5);
    if (sqlite3_step(missing) != SQLITE_ROW)
        die(QStringLiteral("baseline not exists: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    c->clearingOnly = sqlite3_column_int64(missing, 0);
    c->clearingOnlyFen = sqlite3_column_int64(missing, 1);
    sqlite3_reset(join);
    sqlite3_reset(missing);
    exec(db, "COMMIT");
    const double ms = msSince(t);
    sqlite3_finalize(join);
    sqlite3_finalize(missing);
    sqlite3_close(db);
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_reconcile"));
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption ordersOpt(QStringLiteral("orders"),
                                       QStringLiteral("cleared payments (and bill lines)"),
                                       QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption diffsOpt(
        QStringLiteral("diffs"),
        QStringLiteral("injected differences of each kind (dropped, amount, fee, extra)"),
        QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"),
                                     QStringLiteral("build the database and bill in DIR and keep "
                                                    "them (else a temporary directory)"),
                                     QStringLiteral("dir"));
    const QCommandLineOption scatterOpt(
        QStringLiteral("scatter"),
        QStringLiteral("write the bill's lines in a scattered order instead of time order (the "
                       "worst case for the join's in-order fast path)"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("one JSON object"));
    p.addOptions({ordersOpt, diffsOpt, keepOpt, scatterOpt, jsonOpt});
    p.process(app);
    Options opt;
    opt.orders = positiveOption(p, ordersOpt);
    opt.diffs = positiveOption(p, diffsOpt);
    opt.keepDir = p.value(keepOpt);
    opt.scatter = p.isSet(scatterOpt);
    opt.json = p.isSet(jsonOpt);
    if (qint64(opt.orders) < 4 * qint64(opt.diffs))
        die(QStringLiteral("--orders must be at least 4 x --diffs"));

    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(QStringLiteral("cannot create a temporary directory"));
    QDir dir(tmp.path());
    if (!opt.keepDir.isEmpty()) {
        if (!QDir().mkpath(opt.keepDir))
            die(QStringLiteral("cannot create %1").arg(opt.keepDir));
        dir = QDir(opt.keepDir);
        for (const QString& f : {QStringLiteral("recon.db"), QStringLiteral("recon.db-wal"),
                                 QStringLiteral("recon.db-shm")})
            QFile::remove(dir.filePath(f));
        QDir(dir.filePath(QStringLiteral("bills"))).removeRecursively();
    }
    const QString dbPath = dir.filePath(QStringLiteral("recon.db"));
    const QString billPath = dir.filePath(QStringLiteral("wechat-2026-03-01-all.csv"));
    const Injected inj = injected(opt.orders, opt.diffs);
    const Day day = theDay(opt.orders, inj.extra);
    checkBillFormat(day);

    // ---- setup, untimed ------------------------------------------------
    const qint64 rssStart = rssBytes();
    FixedClock clock(day.endMs + 9 * 3600 * 1000); // 09:00 the next morning
    Database db;
    DatabaseConfig cfg;
    cfg.sqlitePath = dbPath;
    cfg.durable = false;
    if (QString e = db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()); !e.isEmpty())
        die(e);
    SqlStore engineStore(db);
    StoreMovements movements(engineStore);
    BackOffice backOffice(
        db, clock, LedgerConfig{}, QStringLiteral("S001"),
        [](const QString&) { return std::optional<Money>(); }, movements);
    if (QString e = backOffice.open(); !e.isEmpty())
        die(e);
    ReconConfig rc;
    rc.billsDir = dir.filePath(QStringLiteral("bills"));
    Reconciler reconciler(db, clock, backOffice.ledger(), rc);
    if (QString e = reconciler.open(); !e.isEmpty())
        die(e);
    if (!db.flush())
        die(db.lastError());

    sqlite3* raw = openRaw(dbPath);
    exec(raw, "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536");
    qint64 oursFen = 0;
    const double clearingLoadMs = loadClearing(raw, opt, day, &oursFen);

    // The baseline's bill table is filled from the same rows as the file.
    QElapsedTimer billLoad;
    billLoad.start();
    exec(raw, "CREATE TABLE bill (payment_no TEXT, amount_fen INTEGER, fee_fen INTEGER,"
              " state TEXT); BEGIN IMMEDIATE");
    sqlite3_stmt* billInsert =
        prepare(raw, "INSERT INTO bill (payment_no, amount_fen, fee_fen, state)"
                     " VALUES (?, ?, ?, 'SUCCESS')");
    double billRowsMs = 0; // time spent inserting, apart from writing the file
    const BillFile bill = writeBill(billPath, opt, inj, day, [&](const BillRow& r) {
        QElapsedTimer t;
        t.start();
        sqlite3_bind_text(billInsert, 1, r.paymentNo.constData(), int(r.paymentNo.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_int64(billInsert, 2, r.fen);
        sqlite3_bind_int64(billInsert, 3, (r.feeUnits + 500) / 1000);
        step(raw, billInsert);
        billRowsMs += msSince(t);
    });
    sqlite3_finalize(billInsert);
    exec(raw, "COMMIT");
    QElapsedTimer indexT;
    indexT.start();
    exec(raw, "CREATE INDEX bill_payment_no ON bill (payment_no); ANALYZE");
    const double billIndexMs = msSince(indexT);
    const double billWriteMs = msSince(billLoad) - billRowsMs - billIndexMs;
    // Both sides read from the main file, not through a large WAL.
    exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(raw);

    // Expected outcome.
    qint64 droppedFen = 0;
    for (qint64 i : inj.dropped)
        droppedFen += amountFen(i);
    qint64 extraFen = 0;
    for (qint64 i = opt.orders; i < qint64(opt.orders) + inj.extra; ++i)
        extraFen += amountFen(i);
    const qint64 expectedMatched = qint64(opt.orders) - qint64(inj.dropped.size());
    const qint64 expectedFund = bill.paidFen - oursFen;
    if (expectedFund != extraFen + qint64(inj.amounts.size()) - droppedFen)
        die(QStringLiteral("bench bug: the bill's total is off"));

    // ---- timed: the reconciler ----------------------------------------
    sqlite3* coreHandle = sqliteHandleFor(dbPath);
    const qint64 rssBefore = rssBytes();
    const bool peakReset = resetPeakRss();
    const double cpu0 = cpuSeconds();
    QElapsedTimer t;
    t.start();
    ReconReport report;
    const BackOfficeOutcome outcome = reconciler.reconcile(
        BillInput{
            kChannel, BillFormat::WeChat, kDay, billPath, {}, kMchId, QStringLiteral("bench")},
        &report);
    const bool flushed = db.flush();
    const double reconMs = msSince(t);
    const double reconCpuS = cpuSeconds() - cpu0;
    const qint64 rssPeak = peakReset ? peakRssBytes() : -1;
    const qint64 rssAfter = rssBytes();
    const qint64 cacheBytes = sqliteCacheBytes(coreHandle);
    if (outcome.status != BackOfficeStatus::Ok) // Repeated would measure nothing
        die(QStringLiteral("reconcile failed: %1").arg(outcome.message));
    if (!flushed)
        die(db.lastError());

    auto kind = [&](DiffKind k) { return report.byKind[int(k)].count; };
    const qint64 fundDiffs = kind(DiffKind::FundLong) + kind(DiffKind::FundShort);
    const struct
    {
        const char* what;
        qint64 got;
        qint64 want;
    } checks[] = {
        {"bill lines", report.theirs.payments, bill.lines},
        {"our payments", report.ours.payments, opt.orders},
        {"matched", report.matched, expectedMatched},
        {"missing locally", kind(DiffKind::MissingLocally), inj.extra},
        {"missing at channel", kind(DiffKind::MissingAtChannel), qint64(inj.dropped.size())},
        {"amount mismatches", kind(DiffKind::AmountMismatch), qint64(inj.amounts.size())},
        {"fee mismatches", kind(DiffKind::FeeMismatch), qint64(inj.fees.size())},
        {"status mismatches", kind(DiffKind::StatusMismatch), 0},
        {"pending next day", report.pendingNextDay, 0},
        {"fund difference fen", report.fundDifferenceFen, expectedFund},
        {"fund differences", fundDiffs, expectedFund != 0 ? 1 : 0},
        {"bill paid fen", report.theirs.paidFen, bill.paidFen},
        {"bill fee fen", report.theirs.feeFen, bill.feeFen},
    };
    for (const auto& c : checks)
        if (c.got != c.want)
            die(QStringLiteral("reconciler: %1 %2, injected %3 (%4)")
                    .arg(QLatin1String(c.what))
                    .arg(c.got)
                    .arg(c.want)
                    .arg(outcome.message));
    qint64 differences = 0;
    for (const ReconKindTotals& k : report.byKind)
        differences += k.count;

    // ---- baseline, same run --------------------------------------------
    BaselineCounts base;
    QString plan;
    const double baseMs = baseline(dbPath, &base, &plan);
    const struct
    {
        const char* what;
        qint64 got;
        qint64 want;
    } baseChecks[] = {
        {"matched", base.matched, expectedMatched},
        {"amount mismatches", base.amountMismatches, qint64(inj.amounts.size())},
        {"fee mismatches", base.feeMismatches, qint64(inj.fees.size())},
        {"bill only", base.billOnly, inj.extra},
        {"clearing only", base.clearingOnly, qint64(inj.dropped.size())},
        {"clearing only fen", base.clearingOnlyFen, droppedFen},
        {"bill fen", base.billFen, bill.paidFen},
        {"bill fee fen", base.billFeeFen, bill.feeFen},
    };
    for (const auto& c : baseChecks)
        if (c.got != c.want)
            die(QStringLiteral("baseline: %1 %2, injected %3")
                    .arg(QLatin1String(c.what))
                    .arg(c.got)
                    .arg(c.want));

    // ---- where the time goes: the same core calls, one at a time --------
    // Parser alone (the handler only counts).
    QElapsedTimer pt;
    pt.start();
    qint64 parsedLines = 0;
    const BillParseResult parsed = parseWeChatBillFile(billPath, [&](const BillLine&) {
        ++parsedLines;
        return true;
    });
    const double parseMs = msSince(pt);
    if (!parsed.ok || parsedLines != bill.lines)
        die(QStringLiteral("parser alone: %1").arg(parsed.error));
    // Our side alone: ReconStore's stream of the day's clearing rows.
    pt.restart();
    qint64 readItems = 0;
    if (!reconciler.store().clearedItems(kChannel, kDay, [&](const ClearedRow&) { ++readItems; }))
        die(reconciler.store().lastError());
    const double clearingReadMs = msSince(pt);
    if (readItems != opt.orders)
        die(QStringLiteral("clearing read alone: %1 items").arg(readItems));
    // Keeping the bill alone: the reconciler's own keepBill (copy + SHA-256).
    pt.restart();
    {
        BillInput keepInput;
        keepInput.day = kDay;
        keepInput.path = billPath;
        const KeptBill kept = keepBill(keepInput, dir.filePath(QStringLiteral("keep-alone")));
        if (!kept.error.isEmpty())
            die(kept.error);
        QFile::remove(kept.path);
    }
    const double keepMs = msSince(pt);

    // ---- report ----------------------------------------------------------
    const double ratio = reconMs / baseMs;
    JsonObject setup;
    setup.number("clearing_load_ms", clearingLoadMs, 1)
        .number("bill_write_ms", billWriteMs, 1)
        .number("bill_table_load_ms", billRowsMs, 1)
        .number("bill_table_index_ms", billIndexMs, 1)
        .integer("bill_bytes", bill.bytes);
    JsonObject ours;
    ours.number("ms", reconMs, 1)
        .number("cpu_s", reconCpuS, 3)
        .number("lines_per_s", double(bill.lines) / (reconMs / 1000), 0)
        .integer("bill_lines", bill.lines)
        .integer("matched", report.matched)
        .integer("differences", differences)
        .integer("missing_locally", kind(DiffKind::MissingLocally))
        .integer("missing_at_channel", kind(DiffKind::MissingAtChannel))
        .integer("amount_mismatches", kind(DiffKind::AmountMismatch))
        .integer("fee_mismatches", kind(DiffKind::FeeMismatch))
        .integer("fund_differences", fundDiffs)
        .integer("fund_difference_fen", report.fundDifferenceFen)
        .integer("report_elapsed_ms", report.elapsedMs)
        .number("rss_before_mb", megabytes(rssBefore), 1)
        .number("rss_peak_mb", peakReset ? megabytes(rssPeak) : std::nan(""), 1)
        .number("rss_after_mb", megabytes(rssAfter), 1)
        .number("rss_growth_mb", peakReset ? megabytes(rssPeak - rssBefore) : std::nan(""), 1)
        .number("rss_growth_bytes_per_order",
                peakReset ? double(rssPeak - rssBefore) / opt.orders : std::nan(""), 1)
        .number("sqlite_cache_mb", megabytes(cacheBytes), 1);
    JsonObject baselineObj;
    baselineObj
        .text("what", QStringLiteral("raw sqlite3, same tables, bill loaded and indexed "
                                     "beforehand: LEFT JOIN on clearing's key + NOT EXISTS"))
        .number("ms", baseMs, 1)
        .number("lines_per_s", double(bill.lines) / (baseMs / 1000), 0)
        .integer("matched", base.matched)
        .integer("amount_mismatches", base.amountMismatches)
        .integer("fee_mismatches", base.feeMismatches)
        .integer("bill_only", base.billOnly)
        .integer("clearing_only", base.clearingOnly)
        .text("plan", plan);
    JsonObject phases;
    phases.number("parse_only_ms", parseMs, 1)
        .number("clearing_read_only_ms", clearingReadMs, 1)
        .number("keep_bill_copy_sha256_ms", keepMs, 1)
        // Keeping the bill runs beside the read of our side.
        .number("rest_ms", reconMs - parseMs - std::max(clearingReadMs, keepMs), 1);
    JsonObject out;
    out.text("benchmark", QStringLiteral("reconcile"))
        .integer("orders", opt.orders)
        .integer("bill_lines", bill.lines)
        .text("bill_order", opt.scatter ? QStringLiteral("scattered") : QStringLiteral("time"))
        .number("reconcile_ms", reconMs, 1)
        .number("baseline_ms", baseMs, 1)
        .number("ratio", ratio, 3)
        .number("lines_per_s", double(bill.lines) / (reconMs / 1000), 0)
        .number("rss_growth_mb", peakReset ? megabytes(rssPeak - rssBefore) : std::nan(""), 1)
        .number("rss_start_mb", megabytes(rssStart), 1)
        .flag("goal_3s_met", reconMs <= kGoalMs)
        .flag("goal_ratio_met", ratio <= kGoalRatio)
        .object("setup", setup)
        .object("reconciler", ours)
        .object("baseline", baselineObj)
        .object("phases", phases);
    out.print(opt.json);
    return 0;
}
