// A data directory from before the ledger: its paid, reversed and refunded
// payments get their entries and clearing items when it is first opened,
// once, and the internal check then finds no gap.

#include "api/EmbeddedApi.h"
#include "api/types/Accounts.h"
#include "common/ChinaTime.h"
#include "engine/RecordedMovements.h"
#include "ledger/BackOffice.h"
#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/TempDir.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace paydesk;

namespace {

constexpr qint64 kDayMs = 86'400'000;
// 2026-03-02 10:00 China time, and the days after it.
const qint64 kDay1Ms = QDateTime(QDate(2026, 3, 2), QTime(10, 0), chinaZone()).toMSecsSinceEpoch();

struct OldPayment
{
    int n;
    const char* channel;
    qint64 amountFen;
    PaymentState state;
    qint64 createdAtMs;
    qint64 refundedFen; // a successful refund of this much, a day later
};

// What the engine of a version before the ledger left behind: orders,
// payments and refunds, and no entries.
void writeOldDataDir(const QString& dir, const QList<OldPayment>& payments)
{
    Database db;
    DatabaseConfig cfg;
    cfg.sqlitePath = dir + QStringLiteral("/paydesk.db");
    QCOMPARE(db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
    SqlStore store(db);
    for (const OldPayment& x : payments) {
        OrderRecord o;
        o.orderNo = QStringLiteral("PO%1").arg(x.n);
        o.requestNo = QStringLiteral("req%1").arg(x.n);
        o.amount = Money::fromFen(x.amountFen);
        o.subject = QStringLiteral("sale");
        o.storeId = o.terminalId = QStringLiteral("0001");
        o.state = x.state == PaymentState::Success ? OrderState::Paid : OrderState::Closed;
        o.version = 2;
        o.createdAtMs = o.updatedAtMs = x.createdAtMs;
        QVERIFY(store.insertOrder(o));
        PaymentRecord p;
        p.paymentNo = QStringLiteral("PA%1").arg(x.n);
        p.orderNo = o.orderNo;
        p.wallet = Wallet::WeChat;
        p.channel = QString::fromLatin1(x.channel);
        p.amount = o.amount;
        p.state = x.state;
        p.version = 2;
        p.codeMasked = QStringLiteral("13************1234");
        p.createdAtMs = x.createdAtMs;
        p.updatedAtMs = x.createdAtMs + 20'000;
        QVERIFY(store.insertPayment(p));
        if (x.refundedFen > 0) {
            RefundRecord r;
            r.refundNo = QStringLiteral("RF%1").arg(x.n);
            r.orderNo = o.orderNo;
            r.paymentNo = p.paymentNo;
            r.requestNo = QStringLiteral("rreq%1").arg(x.n);
            r.amount = Money::fromFen(x.refundedFen);
            r.reason = QStringLiteral("returned goods");
            r.state = RefundState::Success;
            r.version = 2;
            r.createdAtMs = r.updatedAtMs = x.createdAtMs + kDayMs;
            QVERIFY(store.insertRefund(r));
        }
    }
    QVERIFY(db.flush());
    db.close();
}

struct Core
{
    std::unique_ptr<EmbeddedApi> api;

    QString open(const QString& dir)
    {
        EmbeddedOptions o;
        o.dataDir = dir;
        o.durable = false;
        api = std::make_unique<EmbeddedApi>(o);
        return api->open();
    }
    BackOffice& bo() { return *api->backOffice(); }
    qint64 balanceFen(const QString& account)
    {
        const auto b = bo().ledger().balance(account);
        return b ? b->normalFen() : -1;
    }
    QList<AlertRecord> alertsOfKind(const QString& kind)
    {
        QList<AlertRecord> out;
        api->alerts(false, 100, [&](const QList<AlertRecord>& all) {
            for (const AlertRecord& a : all)
                if (a.kind == kind)
                    out << a;
        });
        return out;
    }
};

// The back office alone on an old data directory: the ledger's schema (and
// its backfill marker) without EmbeddedApi running the backfill.
struct BareBackOffice
{
    SystemClock clock;
    Database db;
    std::unique_ptr<SqlStore> store;
    std::unique_ptr<StoreMovements> movements;
    std::unique_ptr<BackOffice> bo;

    QString open(const QString& dir)
    {
        DatabaseConfig cfg;
        cfg.sqlitePath = dir + QStringLiteral("/paydesk.db");
        if (QString e = db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()); !e.isEmpty())
            return e;
        store = std::make_unique<SqlStore>(db);
        movements = std::make_unique<StoreMovements>(*store);
        bo = std::make_unique<BackOffice>(
            db, clock, LedgerConfig{}, QStringLiteral("0001"),
            [](const QString&) { return std::nullopt; }, *movements);
        return bo->open();
    }
    ~BareBackOffice()
    {
        bo.reset();
        db.close();
    }
};

const QList<OldPayment> kOldPayments = {
    {1, "wechat", 10000, PaymentState::Success, kDay1Ms, 0},
    {2, "alipay", 5000, PaymentState::Reversed, kDay1Ms + 1000, 0},
    {3, "wechat", 3000, PaymentState::Success, kDay1Ms + kDayMs, 1000},
    {4, "wechat", 7000, PaymentState::Failed, kDay1Ms + 2000, 0},
    {5, "wechat", 8000, PaymentState::Closed, kDay1Ms + 3000, 0},
};

} // namespace

class tst_LedgerBackfill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oldPaymentsArePostedOnFirstOpen()
    {
        test::TempDataDir dir;
        writeOldDataDir(dir.path(), kOldPayments);
        Core core;
        QCOMPARE(core.open(dir.path()), QString());
        QVERIFY(core.bo().ledger().entry(QStringLiteral("pay:PA1")).has_value());
        QVERIFY(core.bo().ledger().entry(QStringLiteral("pay:PA2")).has_value());
        QVERIFY(core.bo().ledger().entry(QStringLiteral("reversal:PA2")).has_value());
        QVERIFY(core.bo().ledger().entry(QStringLiteral("pay:PA3")).has_value());
        QVERIFY(core.bo().ledger().entry(QStringLiteral("refund:RF3")).has_value());
        QVERIFY(!core.bo().ledger().entry(QStringLiteral("pay:PA4")).has_value()); // failed
        QVERIFY(!core.bo().ledger().entry(QStringLiteral("pay:PA5")).has_value()); // closed

        const InternalCheckReport check = core.bo().check();
        for (const CheckLine& l : check.lines)
            QVERIFY2(l.ok(), qPrintable(l.subject + QLatin1String(": ") + l.rule));
        QVERIFY(check.ok());

        const QList<AlertRecord> alerts = core.alertsOfKind(QStringLiteral("ledger_backfill"));
        QCOMPARE(alerts.size(), 1);
        QVERIFY2(alerts.first().message.contains(
                     QLatin1String("3 payments, 1 reversals and 1 refunds made before it existed")),
                 qPrintable(alerts.first().message));
        QVERIFY(!core.bo().backfillPending());
    }

    // Before the ledger the channels paid the merchant without PayDesk: the
    // old money is on the orders' trails but never due again. Captured
    // 100.00 + 50.00 + 30.00, returned 50.00 + 10.00: all of it settled
    // outside, so receivables and pending stay at zero and settling those
    // days moves nothing.
    void oldMoneyIsNeverDueForSettlementOrPayout()
    {
        test::TempDataDir dir;
        writeOldDataDir(dir.path(), kOldPayments);
        Core core;
        QCOMPARE(core.open(dir.path()), QString());
        const QString merchant = core.bo().config().merchantId;
        QCOMPARE(core.balanceFen(accounts::channelReceivable(QStringLiteral("wechat"))), 0);
        QCOMPARE(core.balanceFen(accounts::channelReceivable(QStringLiteral("alipay"))), 0);
        QCOMPARE(core.balanceFen(accounts::merchantPending(merchant)), 0);
        const auto trail =
            core.bo().ledger().journal(JournalFilter{QString(), QStringLiteral("PO3")});
        QCOMPARE(trail.size(), 2); // paid, then refunded
        const QDate day1 = chinaTime(kDay1Ms).date();
        for (const QDate& day : {day1, day1.addDays(2)}) {
            const SettlementReport run = core.bo().settlement().run(day, QStringLiteral("alice"));
            QVERIFY2(run.outcome.ok(), qPrintable(run.outcome.message));
            QCOMPARE(run.row.totals.items, 0);
        }
        QCOMPARE(core.balanceFen(accounts::merchantAvailable(merchant)), 0);
    }

    // Each clearing item carries when its money moved (for reconciliation
    // of those days), settled that same day.
    void clearingItemsCarryTheMomentTheMoneyMoved_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("atMs");
        QTest::newRow("paid payment: when it succeeded") << "pay:PA1" << kDay1Ms + 20'000;
        QTest::newRow("reversed payment, paid: when it began") << "pay:PA2" << kDay1Ms + 1000;
        QTest::newRow("reversed payment, reversed: when it ended")
            << "reversal:PA2" << kDay1Ms + 1000 + 20'000;
        QTest::newRow("refund: when it succeeded") << "refund:RF3" << kDay1Ms + 2 * kDayMs;
    }
    void clearingItemsCarryTheMomentTheMoneyMoved()
    {
        QFETCH(QString, key);
        QFETCH(qint64, atMs);
        test::TempDataDir dir;
        writeOldDataDir(dir.path(), kOldPayments);
        {
            Core core;
            QCOMPARE(core.open(dir.path()), QString());
        }
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
        db.setDatabaseName(dir.path() + QStringLiteral("/paydesk.db"));
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "SELECT at_ms, business_date, settled_for FROM clearing WHERE ref_key = ?"));
            q.addBindValue(key);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toLongLong(), atMs);
            const QString day = chinaTime(atMs).date().toString(Qt::ISODate);
            QCOMPARE(q.value(1).toString(), day);
            QCOMPARE(q.value(2).toString(), day);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("read"));
    }

    void secondOpenPostsNothing()
    {
        test::TempDataDir dir;
        writeOldDataDir(dir.path(), kOldPayments);
        {
            Core core;
            QCOMPARE(core.open(dir.path()), QString());
        }
        Core again;
        QCOMPARE(again.open(dir.path()), QString());
        QCOMPARE(again.alertsOfKind(QStringLiteral("ledger_backfill")).size(), 1);
        const BackfillReport r = again.bo().backfill();
        QCOMPARE(r.error, QString());
        QCOMPARE(r.posted(), 0);
        QVERIFY(again.bo().check().ok());
    }

    // A run stopped midway (a crash after some batches) leaves the marker;
    // the next run posts only the rest.
    void aRunStoppedMidwayGoesOnWhereItStopped()
    {
        test::TempDataDir dir;
        writeOldDataDir(dir.path(), kOldPayments);
        {
            BareBackOffice old;
            QCOMPARE(old.open(dir.path()), QString());
            // Batches of one payment: PA1's capture, then PA2's capture and
            // reversal; then the run stops.
            const BackfillReport first = old.bo->backfill(1, 2);
            QCOMPARE(first.error, QString());
            QVERIFY(first.stoppedEarly);
            QCOMPARE(first.payments, 2);
            QCOMPARE(first.reversals, 1);
            QCOMPARE(first.refunds, 0);
            QVERIFY(old.bo->backfillPending());
        }
        Core core;
        QCOMPARE(core.open(dir.path()), QString());
        const QList<AlertRecord> alerts = core.alertsOfKind(QStringLiteral("ledger_backfill"));
        QCOMPARE(alerts.size(), 1);
        QVERIFY2(alerts.first().message.contains(
                     QLatin1String("1 payments, 0 reversals and 1 refunds made before it existed")),
                 qPrintable(alerts.first().message));
        QVERIFY(!core.bo().backfillPending());
        const InternalCheckReport check = core.bo().check();
        for (const CheckLine& l : check.lines)
            QVERIFY2(l.ok(), qPrintable(l.subject + QLatin1String(": ") + l.rule));
        QCOMPARE(core.balanceFen(accounts::merchantPending(core.bo().config().merchantId)), 0);
    }

    void aNewDataDirectoryHasNothingToBackfill()
    {
        test::TempDataDir dir;
        Core core;
        QCOMPARE(core.open(dir.path()), QString());
        QVERIFY(!core.bo().backfillPending());
        QCOMPARE(core.alertsOfKind(QStringLiteral("ledger_backfill")).size(), 0);
    }

    // The internal check is what proves the gap was there: without the
    // backfill it reports the old payments as unposted.
    void withoutTheBackfillTheCheckFindsTheGap()
    {
        test::TempDataDir dir;
        writeOldDataDir(dir.path(), kOldPayments);
        BareBackOffice old;
        QCOMPARE(old.open(dir.path()), QString());
        QVERIFY(!old.bo->check().ok());
        const BackfillReport r = old.bo->backfill();
        QCOMPARE(r.error, QString());
        QCOMPARE(r.payments, 3);
        QCOMPARE(r.reversals, 1);
        QCOMPARE(r.refunds, 1);
        QVERIFY(!old.bo->backfillPending());
        QVERIFY(old.bo->check().ok());
    }
};

QTEST_GUILESS_MAIN(tst_LedgerBackfill)
#include "tst_ledgerbackfill.moc"
