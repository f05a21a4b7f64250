// Database's prepared statements: positional placeholders are numbered so
// bindAt() can bind them by name. A ? miscounted, or one inside a quoted
// text taken for a placeholder, would put a value in the wrong column.
#include "store/Database.h"
#include "testsupport/TempDir.h"

#include <QDir>
#include <QTest>

using namespace paydesk;

class tst_Database : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholdersAreNumberedOutsideQuotes_data();
    void placeholdersAreNumberedOutsideQuotes();
    void boundValuesLandInTheirColumns();
};

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

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
