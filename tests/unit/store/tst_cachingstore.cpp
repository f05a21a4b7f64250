// The write-through cache in front of the SQL store, and the background WAL
// checkpointer under it.

#include "store/CachingStore.h"
#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/TempDir.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace paydesk;

namespace {

OrderRecord makeOrder(const QString& no, qint64 amountFen = 1234)
{
    OrderRecord o;
    o.orderNo = no;
    o.requestNo = QStringLiteral("req-") + no;
    o.amount = Money::fromFen(amountFen);
    o.subject = QStringLiteral("test sale");
    o.storeId = QStringLiteral("S1");
    o.terminalId = QStringLiteral("T1");
    o.state = OrderState::Pending;
    o.version = 1;
    o.createdAtMs = o.updatedAtMs = 1'767'225'600'000;
    return o;
}

// One connection with its store and cache, as the engine has.
struct Side
{
    Database db;
    std::unique_ptr<SqlStore> sql;
    std::unique_ptr<CachingStore> cache;

    QString open(const QString& path, int capacity = 8192, bool durable = false)
    {
        DatabaseConfig cfg;
        cfg.sqlitePath = path;
        cfg.durable = durable;
        if (QString e = db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()); !e.isEmpty())
            return e;
        sql = std::make_unique<SqlStore>(db);
        cache = std::make_unique<CachingStore>(*sql, db, capacity);
        return QString();
    }
};

} // namespace

class tst_CachingStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_dir = std::make_unique<test::TempDataDir>(); }
    void cleanup() { m_dir.reset(); }

    void readBackOfOwnWriteIsServedFromCache()
    {
        Side a;
        QCOMPARE(a.open(path()), QString());
        OrderRecord o = makeOrder(QStringLiteral("PO1"));
        QVERIFY(a.cache->insertOrder(o));
        const qint64 before = a.cache->hits();
        const auto got = a.cache->order(QStringLiteral("PO1"));
        QVERIFY(got.has_value());
        QCOMPARE(a.cache->hits(), before + 1);
        QCOMPARE(got->amount, Money::fromFen(1234));
        QCOMPARE(got->state, OrderState::Pending);

        // An update goes to the database and to the cache alike.
        o.state = OrderState::Paid;
        o.version = 2;
        QVERIFY(a.cache->updateOrder(o, 1));
        QVERIFY(a.db.flush());
        QCOMPARE(a.cache->order(QStringLiteral("PO1"))->state, OrderState::Paid);
        QCOMPARE(a.sql->order(QStringLiteral("PO1"))->state, OrderState::Paid);
    }

    // Regression: a second PayDesk process on the same file changes an order;
    // the first must not go on acting on its old copy.
    void commitByAnotherConnectionDropsTheCache()
    {
        Side a;
        QCOMPARE(a.open(path()), QString());
        QVERIFY(a.cache->insertOrder(makeOrder(QStringLiteral("PO2"))));
        QVERIFY(a.db.flush());
        QCOMPARE(a.cache->order(QStringLiteral("PO2"))->state, OrderState::Pending);

        Side b;
        QCOMPARE(b.open(path()), QString());
        OrderRecord closed = *b.cache->order(QStringLiteral("PO2"));
        closed.state = OrderState::Closed;
        closed.version = 2;
        QVERIFY(b.cache->updateOrder(closed, 1));
        QVERIFY(b.db.flush());

        const auto seen = a.cache->order(QStringLiteral("PO2"));
        QVERIFY(seen.has_value());
        QCOMPARE(seen->state, OrderState::Closed);
        QCOMPARE(seen->version, 2);
    }

    void failedConditionalUpdateForgetsTheCopy()
    {
        Side a;
        QCOMPARE(a.open(path()), QString());
        OrderRecord o = makeOrder(QStringLiteral("PO3"));
        QVERIFY(a.cache->insertOrder(o));
        o.state = OrderState::Paid;
        o.version = 3;
        QVERIFY(!a.cache->updateOrder(o, 2)); // the stored version is 1
        const qint64 before = a.cache->hits();
        const auto got = a.cache->order(QStringLiteral("PO3"));
        QCOMPARE(a.cache->hits(), before); // read from the database
        QCOMPARE(got->state, OrderState::Pending);
        QCOMPARE(got->version, 1);
    }

    void capacityIsBounded()
    {
        Side a;
        QCOMPARE(a.open(path(), 2), QString());
        for (const char* no : {"PO4", "PO5", "PO6"})
            QVERIFY(a.cache->insertOrder(makeOrder(QString::fromLatin1(no))));
        const qint64 before = a.cache->hits();
        QVERIFY(a.cache->order(QStringLiteral("PO4")).has_value()); // evicted: from the database
        QCOMPARE(a.cache->hits(), before);
        QVERIFY(a.cache->order(QStringLiteral("PO6")).has_value());
        QCOMPARE(a.cache->hits(), before + 1);
    }

    void walIsCheckpointedInTheBackground()
    {
        Side a;
        QCOMPARE(a.open(path(), 8192, true), QString());
        fillPastCheckpointSize(a, QStringLiteral("PO7"));
        QTRY_VERIFY_WITH_TIMEOUT(a.db.backgroundCheckpoints() >= 1, 10000);
        QCOMPARE(a.sql->events(QStringLiteral("PO7")).size(), 2400);
    }

    // Regression: SQLite reuses the WAL file without shrinking it, so once
    // it had passed the checkpoint size every later commit, however small,
    // asked for another checkpoint (and past 64 MiB ran one on the
    // committing thread).
    void walShrinksOnceCheckpointedSoSmallCommitsDoNotCheckpoint()
    {
        Side a;
        QCOMPARE(a.open(path(), 8192, true), QString());
        fillPastCheckpointSize(a, QStringLiteral("PO8"));
        const QString wal = path() + QStringLiteral("-wal");
        QVERIFY(QFileInfo(wal).size() > 4 * 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT(a.db.backgroundCheckpoints() >= 1, 10000);
        // The background one may have copied only part of the WAL so far:
        // copy the rest here, so the next commit starts the WAL afresh.
        QTest::qWait(100);
        QSqlQuery checkpoint(a.db.connection());
        QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")));
        QVERIFY(checkpoint.next());
        QCOMPARE(checkpoint.value(0).toInt(), 0);                           // not busy
        QCOMPARE(checkpoint.value(1).toInt(), checkpoint.value(2).toInt()); // all copied
        checkpoint.finish();
        const int checkpoints = a.db.backgroundCheckpoints();
        TrackEvent e;
        e.orderNo = QStringLiteral("PO8");
        e.source = QStringLiteral("test");
        e.kind = QStringLiteral("small");
        for (int i = 0; i < 20; ++i) {
            QVERIFY(a.cache->appendEvent(e));
            QVERIFY(a.db.flush());
            QCoreApplication::processEvents();
        }
        QVERIFY2(QFileInfo(wal).size() < 4 * 1024 * 1024,
                 qPrintable(QString::number(QFileInfo(wal).size())));
        QTest::qWait(200);
        // The first small commit may still see the old size; no more than that.
        QVERIFY2(a.db.backgroundCheckpoints() <= checkpoints + 1,
                 qPrintable(QStringLiteral("%1 checkpoints after %2")
                                .arg(a.db.backgroundCheckpoints())
                                .arg(checkpoints)));
        QCOMPARE(a.sql->events(QStringLiteral("PO8")).size(), 2420);
    }

private:
    // Enough committed pages (2,400 events of 2 KB) to pass the checkpoint
    // size (4 MiB).
    static void fillPastCheckpointSize(Side& a, const QString& orderNo)
    {
        TrackEvent e;
        e.orderNo = orderNo;
        e.source = QStringLiteral("test");
        e.kind = QStringLiteral("filler");
        e.message = QString(2000, QLatin1Char('x'));
        for (int batch = 0; batch < 6; ++batch) {
            for (int i = 0; i < 400; ++i)
                QVERIFY(a.cache->appendEvent(e));
            QVERIFY(a.db.flush());
        }
    }

    QString path() const { return m_dir->file(QStringLiteral("paydesk.db")); }
    std::unique_ptr<test::TempDataDir> m_dir;
};

QTEST_GUILESS_MAIN(tst_CachingStore)
#include "tst_cachingstore.moc"
