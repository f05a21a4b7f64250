// Database's prepared statements: positional placeholders are numbered so
// bindAt() can bind them by name. A ? miscounted, or one inside a quoted
// text taken for a placeholder, would put a value in the wrong column.
#include "store/Database.h"
#include "store/WalSyncer.h"
#include "testsupport/TempDir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <optional>

using namespace paydesk;

class tst_Database : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholdersAreNumberedOutsideQuotes_data();
    void placeholdersAreNumberedOutsideQuotes();
    void boundValuesLandInTheirColumns();
    void callbacksWaitForTheWalSync();
    void batchesCommitWhileASyncIsInFlight();
    void whenCommittedRunsBeforeTheSyncAfterCommitAfterIt();
    void whenCommittedGetsFalseWhenTheCommitFails();
    void whenCommittedComesFirstOnAFlushToo();
    void closeTellsCallbacksOfATurnWithoutWrites();
    void aFailedWalSyncFailsWaitersAndStopsTheStorage();
    void aSyncFailingWhileTheNextBatchIsWrittenRollsItBack();
    void flushReturnsOnceDurable();
    void aFailedSyncStaysFailed();
    void aFailingFlushReportsTheFailureOnce();
    void aFailedWriteTellsEarlierBatchesFirst();
    void theWalOfASymlinkedDatabaseIsSynced();
};

namespace {

// A WAL sync the test holds, releases or fails; it runs on the syncer's
// thread (and on the test's, from flush()).
struct HeldSync
{
    std::atomic<bool> held{false};
    std::atomic<bool> fail{false};
    std::atomic<bool> failOnce{false}; // the next call fails, later ones succeed
    std::atomic<int> calls{0};

    std::function<bool(QString*)> function()
    {
        return [this](QString* error) {
            while (held.load())
                QThread::msleep(1);
            calls.fetch_add(1);
            if (fail.load() || failOnce.exchange(false)) {
                *error = QStringLiteral("injected EIO");
                return false;
            }
            return true;
        };
    }
};

struct DurableTable
{
    test::TempDataDir dir;
    Database db;
    QString open(HeldSync& sync)
    {
        DatabaseConfig cfg;
        cfg.sqlitePath = QDir(dir.path()).filePath(QStringLiteral("t.db"));
        cfg.durable = true;
        cfg.walSync = sync.function();
        return db.open(cfg, QStringLiteral("t"),
                       {QStringLiteral("CREATE TABLE t (a TEXT NOT NULL)")});
    }
    bool insert(const QString& a)
    {
        QSqlQuery& ins = db.prepared(QStringLiteral("INSERT INTO t (a) VALUES (?)"));
        bindAt(ins, 0, a);
        return db.execWrite(ins);
    }
    // What another connection sees: committed rows only.
    int committedRows() const
    {
        const QString name = QStringLiteral("reader");
        int n = -1;
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            other.setDatabaseName(QDir(dir.path()).filePath(QStringLiteral("t.db")));
            if (other.open()) {
                QSqlQuery q(other);
                if (q.exec(QStringLiteral("SELECT COUNT(*) FROM t")) && q.next())
                    n = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return n;
    }
};

} // namespace

void tst_Database::placeholdersAreNumberedOutsideQuotes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("prepared");
    QTest::newRow("none") << "SELECT 1"
                          << "SELECT 1";
    QTest::newRow("named_left_alone") << "SELECT :a, :b"
                                      << "SELECT :a, :b";
    QTest::newRow("three") << "INSERT INTO t VALUES (?, ?, ?)"
                           << "INSERT INTO t VALUES (:p0, :p1, :p2)";
    QTest::newRow("question_mark_in_text") << "SELECT '?' || ?, \"a?\" FROM t WHERE x = ?"
                                           << "SELECT '?' || :p0, \"a?\" FROM t WHERE x = :p1";
    QTest::newRow("doubled_quote_in_text") << "SELECT 'it''s ?', ?"
                                           << "SELECT 'it''s ?', :p0";
}

void tst_Database::placeholdersAreNumberedOutsideQuotes()
{
    QFETCH(QString, sql);
    QFETCH(QString, prepared);
    QCOMPARE(Database::numberPlaceholders(sql), prepared);
}

void tst_Database::boundValuesLandInTheirColumns()
{
    test::TempDataDir dir;
    Database db;
    DatabaseConfig cfg;
    cfg.sqlitePath = QDir(dir.path()).filePath(QStringLiteral("t.db"));
    cfg.durable = false;
    QCOMPARE(db.open(cfg, QStringLiteral("t"),
                     {QStringLiteral("CREATE TABLE t (a TEXT, b BIGINT, c TEXT)")}),
             QString());
    QSqlQuery& ins = db.prepared(QStringLiteral("INSERT INTO t (a, b, c) VALUES (?, ?, '?' || ?)"));
    for (int row = 0; row < 3; ++row) { // the statement is reused: values are rebound
        bindAt(ins, 0, QStringLiteral("order-%1").arg(row));
        bindAt(ins, 1, qint64(1234) + row);
        bindAt(ins, 2, QStringLiteral("x%1").arg(row));
        QVERIFY2(db.execWrite(ins), qPrintable(db.lastError()));
    }
    QVERIFY(db.flush());
    QSqlQuery& sel = db.prepared(QStringLiteral("SELECT a, b, c FROM t WHERE b >= ? ORDER BY b"));
    bindAt(sel, 0, qint64(1235));
    QVERIFY(db.execRead(sel));
    QVERIFY(sel.next());
    QCOMPARE(sel.value(0).toString(), QStringLiteral("order-1"));
    QCOMPARE(sel.value(1).toLongLong(), 1235);
    QCOMPARE(sel.value(2).toString(), QStringLiteral("?x1"));
    QVERIFY(sel.next());
    QCOMPARE(sel.value(0).toString(), QStringLiteral("order-2"));
    QVERIFY(!sel.next());
}

// The COMMIT does not wait for the disk, but nobody is told "done" before
// the WAL is synced.
void tst_Database::callbacksWaitForTheWalSync()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    sync.held = true;
    QVERIFY(t.insert(QStringLiteral("a")));
    std::optional<bool> told;
    t.db.afterCommit([&](bool ok) { told = ok; });
    QTRY_COMPARE(t.committedRows(), 1);
    QTest::qWait(30);
    QVERIFY(!told.has_value());
    sync.held = false;
    QTRY_VERIFY(told.has_value());
    QCOMPARE(*told, true);
    QVERIFY(sync.calls.load() >= 1);
}

void tst_Database::batchesCommitWhileASyncIsInFlight()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    sync.held = true;
    QStringList order;
    QVERIFY(t.insert(QStringLiteral("first")));
    t.db.afterCommit([&](bool ok) { order << QStringLiteral("first %1").arg(ok); });
    QTRY_COMPARE(t.committedRows(), 1);
    QVERIFY(t.insert(QStringLiteral("second")));
    t.db.afterCommit([&](bool ok) { order << QStringLiteral("second %1").arg(ok); });
    // A turn with no writes of its own still waits for the writes before it.
    QTRY_COMPARE(t.committedRows(), 2);
    t.db.afterCommit([&](bool ok) { order << QStringLiteral("no writes %1").arg(ok); });
    QTest::qWait(30);
    QVERIFY(order.isEmpty());
    sync.held = false;
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order, QStringList({QStringLiteral("first 1"), QStringLiteral("second 1"),
                                 QStringLiteral("no writes 1")}));
}

void tst_Database::whenCommittedRunsBeforeTheSyncAfterCommitAfterIt()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    sync.held = true;
    QStringList order;
    QVERIFY(t.insert(QStringLiteral("a")));
    t.db.afterCommit([&](bool ok) { order << QStringLiteral("durable %1").arg(ok); });
    t.db.whenCommitted([&](bool ok) {
        // The COMMIT is written (another connection sees the row) and the
        // sync has not returned.
        order << QStringLiteral("committed %1, %2 row(s) seen, %3 sync(s)")
                     .arg(ok)
                     .arg(t.committedRows())
                     .arg(sync.calls.load());
    });
    QTRY_COMPARE(order.size(), 1);
    QCOMPARE(order.at(0), QStringLiteral("committed 1, 1 row(s) seen, 0 sync(s)"));
    QTest::qWait(30);
    QCOMPARE(order.size(), 1); // nobody is told before the sync
    sync.held = false;
    QTRY_COMPARE(order.size(), 2);
    QCOMPARE(order.at(1), QStringLiteral("durable 1"));
}

void tst_Database::whenCommittedGetsFalseWhenTheCommitFails()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    sync.held = true;
    sync.fail = true;
    QVERIFY(t.insert(QStringLiteral("first")));
    QTRY_COMPARE(t.committedRows(), 1);
    sync.held = false;
    // The failed sync stops the storage before the next batch commits.
    for (int i = 0; i < 5000 && sync.calls.load() == 0; ++i)
        QThread::msleep(1);
    QThread::msleep(20);
    QVERIFY(t.insert(QStringLiteral("second")));
    std::optional<bool> written;
    t.db.whenCommitted([&](bool ok) { written = ok; });
    QTRY_VERIFY(written.has_value());
    QCOMPARE(*written, false);
    QCOMPARE(t.committedRows(), 1);
}

// Regression: a flush() with no write of its own, while an earlier commit
// waited for its sync, ran the afterCommit callbacks (through the sync on
// the caller's thread) before the whenCommitted ones.
void tst_Database::whenCommittedComesFirstOnAFlushToo()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    sync.held = true;
    QVERIFY(t.insert(QStringLiteral("a")));
    QTRY_COMPARE(t.committedRows(), 1);
    QStringList order;
    t.db.whenCommitted([&](bool ok) { order << QStringLiteral("committed %1").arg(ok); });
    t.db.afterCommit([&](bool ok) { order << QStringLiteral("durable %1").arg(ok); });
    sync.held = false;
    QVERIFY(t.db.flush());
    QCOMPARE(order, QStringList({QStringLiteral("committed 1"), QStringLiteral("durable 1")}));
}

// Regression: callbacks of a turn that wrote nothing were dropped by a
// close() before the turn ended.
void tst_Database::closeTellsCallbacksOfATurnWithoutWrites()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    QStringList told;
    t.db.whenCommitted([&](bool ok) { told << QStringLiteral("committed %1").arg(ok); });
    t.db.afterCommit([&](bool ok) { told << QStringLiteral("durable %1").arg(ok); });
    t.db.close();
    QCOMPARE(told, QStringList({QStringLiteral("committed 1"), QStringLiteral("durable 1")}));
}

void tst_Database::aFailedWalSyncFailsWaitersAndStopsTheStorage()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    QSignalSpy failed(&t.db, &Database::storageFailed);
    sync.fail = true;
    QVERIFY(t.insert(QStringLiteral("a")));
    std::optional<bool> told;
    t.db.afterCommit([&](bool ok) { told = ok; });
    QTRY_VERIFY(told.has_value());
    QCOMPARE(*told, false);
    QVERIFY(t.db.hasFailed());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(),
             QStringLiteral("the database could not be made durable: injected EIO"));
    // Crash-only: nothing more is written until a restart.
    QVERIFY(!t.insert(QStringLiteral("b")));
    QCOMPARE(t.db.lastError(), QStringLiteral("storage failed earlier; restart PayDesk"));
}

void tst_Database::aSyncFailingWhileTheNextBatchIsWrittenRollsItBack()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    QSignalSpy failed(&t.db, &Database::storageFailed);
    sync.held = true;
    sync.fail = true;
    QVERIFY(t.insert(QStringLiteral("first")));
    std::optional<bool> first, second;
    t.db.afterCommit([&](bool ok) { first = ok; });
    QTRY_COMPARE(t.committedRows(), 1);
    sync.held = false;
    // Waits without running this thread's events: the failure is queued
    // for it, behind nothing.
    for (int i = 0; i < 5000 && sync.calls.load() == 0; ++i)
        QThread::msleep(1);
    QCOMPARE(sync.calls.load(), 1);
    QThread::msleep(20);
    QVERIFY(t.insert(QStringLiteral("second")));
    t.db.afterCommit([&](bool ok) { second = ok; });
    QTRY_VERIFY(first.has_value() && second.has_value());
    QCOMPARE(*first, false);
    QCOMPARE(*second, false);
    QCOMPARE(t.committedRows(), 1); // the second batch was not committed
    QCOMPARE(failed.size(), 1);
}

void tst_Database::flushReturnsOnceDurable()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    QVERIFY(t.insert(QStringLiteral("a")));
    std::optional<bool> told;
    t.db.afterCommit([&](bool ok) { told = ok; });
    QVERIFY(t.db.flush());
    QVERIFY(sync.calls.load() >= 1); // synced on this thread, not left to the syncer
    QCOMPARE(told, std::optional<bool>(true));
    QCOMPARE(t.committedRows(), 1);
    sync.fail = true;
    QVERIFY(t.insert(QStringLiteral("b")));
    QVERIFY(!t.db.flush());
    QVERIFY(t.db.hasFailed());
}

// Linux reports a lost write-back once: a sync after a failed one may
// succeed over data that never reached the disk, so the failure sticks.
void tst_Database::aFailedSyncStaysFailed()
{
    HeldSync sync;
    sync.failOnce = true;
    QObject receiver;
    std::vector<std::pair<quint64, bool>> answers;
    WalSyncer syncer(sync.function(), &receiver, [&](quint64 serial, bool ok, const QString&) {
        answers.emplace_back(serial, ok);
    });
    QString error;
    QVERIFY(!syncer.syncNow(&error));
    QCOMPARE(error, QStringLiteral("injected EIO"));
    error.clear();
    QVERIFY(!syncer.syncNow(&error)); // the function would succeed now
    QCOMPARE(error, QStringLiteral("injected EIO"));
    syncer.request(1);
    QTRY_COMPARE(answers.size(), size_t(1));
    QCOMPARE(answers.front(), std::make_pair(quint64(1), false));
    QCOMPARE(sync.calls.load(), 1);
}

void tst_Database::aFailingFlushReportsTheFailureOnce()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    QSignalSpy failed(&t.db, &Database::storageFailed);
    QVERIFY(t.insert(QStringLiteral("a")));
    QVERIFY(t.db.flush());
    sync.fail = true;
    QVERIFY(t.insert(QStringLiteral("b")));
    QVERIFY(!t.db.flush());
    QVERIFY(!t.db.flush());
    QTest::qWait(50); // any answer still queued from the syncer's thread
    QCOMPARE(failed.size(), 1);
}

// A failed write stops the storage; batches committed before it and still
// waiting for their sync are told first, so callbacks keep commit order.
void tst_Database::aFailedWriteTellsEarlierBatchesFirst()
{
    HeldSync sync;
    DurableTable t;
    QCOMPARE(t.open(sync), QString());
    QSignalSpy failed(&t.db, &Database::storageFailed);
    sync.held = true;
    QStringList order;
    QVERIFY(t.insert(QStringLiteral("first")));
    t.db.afterCommit([&](bool ok) { order << QStringLiteral("first %1").arg(ok); });
    QTRY_COMPARE(t.committedRows(), 1);
    QVERIFY(!t.insert(QString())); // NULL into a NOT NULL column
    t.db.afterCommit([&](bool ok) { order << QStringLiteral("second %1").arg(ok); });
    QTRY_COMPARE(order.size(), 2);
    QCOMPARE(order, QStringList({QStringLiteral("first 0"), QStringLiteral("second 0")}));
    QCOMPARE(failed.size(), 1);
    sync.held = false;
    QTest::qWait(50);
    QCOMPARE(order.size(), 2); // the late sync tells nobody again
    QCOMPARE(failed.size(), 1);
}

// SQLite names the WAL after the file a link points to; syncing the
// link's name would sync nothing (or fail on every commit).
void tst_Database::theWalOfASymlinkedDatabaseIsSynced()
{
    test::TempDataDir dir;
    const QString real = QDir(dir.path()).filePath(QStringLiteral("real.db"));
    const QString link = QDir(dir.path()).filePath(QStringLiteral("link.db"));
    QFile(real).open(QIODevice::WriteOnly);
    QVERIFY(QFile::link(real, link));
    Database db;
    DatabaseConfig cfg;
    cfg.sqlitePath = link;
    cfg.durable = true;
    QCOMPARE(
        db.open(cfg, QStringLiteral("t"), {QStringLiteral("CREATE TABLE t (a TEXT NOT NULL)")}),
        QString());
    QSqlQuery& ins = db.prepared(QStringLiteral("INSERT INTO t (a) VALUES (?)"));
    bindAt(ins, 0, QStringLiteral("a"));
    QVERIFY(db.execWrite(ins));
    QVERIFY2(db.flush(), qPrintable(db.lastError()));
    QVERIFY(QFileInfo::exists(real + QStringLiteral("-wal")));
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
