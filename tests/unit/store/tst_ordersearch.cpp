// The store's order search: every kind of number through its own index, the
// state/date filters and keyset paging on top, and the v3 migration that
// gives payments made before it their searchable last 4 digits.

#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/SampleRecords.h"
#include "testsupport/TempDir.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace paydesk;

using test::orderNumbers;
using test::sampleOrder;
using test::samplePayment;
using test::sampleRefund;

class tst_OrderSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        DatabaseConfig cfg;
        cfg.sqlitePath = m_dir->path() + QStringLiteral("/paydesk.db");
        QCOMPARE(m_db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
        m_store = std::make_unique<SqlStore>(m_db);
        // Orders 1..9; order i's code ends in 1000+i, except 7 and 8 which
        // share 4321 with order 3; order 9's code was short enough to be
        // masked whole ("******", no digits to search by); order 5
        // is closed; orders 2 and 6 were refunded.
        for (int i = 1; i <= 9; ++i) {
            const OrderRecord o = sampleOrder(i, i == 5 ? OrderState::Closed : OrderState::Paid);
            QVERIFY(m_store->insertOrder(o));
            const QString last4 =
                i == 3 || i == 7 || i == 8 ? QStringLiteral("4321") : QString::number(1000 + i);
            const PaymentRecord p = samplePayment(
                o, i == 9 ? QStringLiteral("******") : QStringLiteral("13************") + last4);
            QVERIFY(m_store->insertPayment(p));
            if (i == 2 || i == 6)
                QVERIFY(m_store->insertRefund(sampleRefund(p)));
        }
        QVERIFY(m_db.flush());
    }
    void cleanup()
    {
        m_store.reset();
        m_db.close();
        m_dir.reset();
    }

    void findsByEachKindOfNumber_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected");
        const auto one = [](int i) { return QStringList{sampleOrder(i).orderNo}; };
        QTest::newRow("order no.") << sampleOrder(4).orderNo << one(4);
        QTest::newRow("order's request no.") << QStringLiteral("req-4") << one(4);
        QTest::newRow("payment no.") << QStringLiteral("PA000004") << one(4);
        QTest::newRow("channel trade no.") << QStringLiteral("T000006") << one(6);
        QTest::newRow("refund no.") << QStringLiteral("RF000002") << one(2);
        QTest::newRow("channel refund no.") << QStringLiteral("CR000006") << one(6);
        QTest::newRow("refund's request no.") << QStringLiteral("refund-req-000002") << one(2);
        QTest::newRow("last 4, one order") << QStringLiteral("1004") << one(4);
        QTest::newRow("last 4, three orders, newest first")
            << QStringLiteral("4321")
            << QStringList{sampleOrder(8).orderNo, sampleOrder(7).orderNo, sampleOrder(3).orderNo};
        QTest::newRow("spaces around the number") << QStringLiteral("  T000006 ") << one(6);
        QTest::newRow("unknown number") << QStringLiteral("T999999") << QStringList{};
        QTest::newRow("masked digits are not searchable")
            << QStringLiteral("****") << QStringList{};
        QTest::newRow("a part of a number is not a match")
            << QStringLiteral("PO00000") << QStringList{};
    }
    void findsByEachKindOfNumber()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        OrderFilter f;
        f.search = search;
        QCOMPARE(orderNumbers(m_store->orders(f)), expected);
    }

    void searchKeepsTheStateAndDateFilters()
    {
        OrderFilter f;
        f.search = QStringLiteral("4321");
        f.sinceMs = sampleOrder(5).createdAtMs;
        QCOMPARE(orderNumbers(m_store->orders(f)),
                 (QStringList{sampleOrder(8).orderNo, sampleOrder(7).orderNo}));
        f = {};
        f.search = QStringLiteral("1005");
        f.state = int(OrderState::Paid);
        QCOMPARE(orderNumbers(m_store->orders(f)), QStringList{});
        f.state = int(OrderState::Closed);
        QCOMPARE(orderNumbers(m_store->orders(f)), QStringList{sampleOrder(5).orderNo});
    }

    void searchPagesByKeyset()
    {
        OrderFilter f;
        f.search = QStringLiteral("4321");
        f.limit = 2;
        const QList<OrderRecord> first = m_store->orders(f);
        QCOMPARE(orderNumbers(first),
                 (QStringList{sampleOrder(8).orderNo, sampleOrder(7).orderNo}));
        f.beforeOrderNo = first.constLast().orderNo;
        QCOMPARE(orderNumbers(m_store->orders(f)), QStringList{sampleOrder(3).orderNo});
    }

    void withoutSearchEveryOrderNewestFirst()
    {
        OrderFilter f;
        f.limit = 3;
        QCOMPARE(
            orderNumbers(m_store->orders(f)),
            (QStringList{sampleOrder(9).orderNo, sampleOrder(8).orderNo, sampleOrder(7).orderNo}));
    }

    // A data directory from before v3: its payments have no code_last4 yet.
    // Opening it with today's migrations must make them searchable.
    void paymentsFromBeforeTheLast4ColumnAreFoundAfterMigrating()
    {
        test::TempDataDir dir;
        DatabaseConfig cfg;
        cfg.sqlitePath = dir.path() + QStringLiteral("/old.db");
        {
            Database old;
            QCOMPARE(old.open(cfg, SqlStore::schemaName(), SqlStore::migrations().mid(0, 2)),
                     QString());
            // v2's columns, written as that version did: no code_last4.
            QSqlQuery orderInsert(old.connection());
            QSqlQuery paymentInsert(old.connection());
            QVERIFY(orderInsert.prepare(QStringLiteral(
                "INSERT INTO orders VALUES (?, ?, 100, 'CNY', 's', '0001', '0001', 2, 1, 1, 1, ?,"
                " 0, 0)")));
            QVERIFY(paymentInsert.prepare(QStringLiteral(
                "INSERT INTO payments VALUES (?, ?, 1, 1, 'wechat', 100, 'CNY', 3, 1, ?, ?, '', '',"
                " '', 1, 1, 1, 0, 0)")));
            const QStringList codes{QStringLiteral("13************9876"), QStringLiteral("******")};
            for (int n = 1; n <= int(codes.size()); ++n) {
                const QString orderNo = QStringLiteral("PO%1").arg(n);
                const QString paymentNo = QStringLiteral("PA%1").arg(n);
                orderInsert.addBindValue(orderNo);
                orderInsert.addBindValue(QStringLiteral("r%1").arg(n));
                orderInsert.addBindValue(paymentNo);
                QVERIFY(orderInsert.exec());
                paymentInsert.addBindValue(paymentNo);
                paymentInsert.addBindValue(orderNo);
                paymentInsert.addBindValue(codes.at(n - 1));
                paymentInsert.addBindValue(QStringLiteral("T%1").arg(n));
                QVERIFY(paymentInsert.exec());
            }
            orderInsert = QSqlQuery();
            paymentInsert = QSqlQuery();
            old.close();
        }
        Database db;
        QCOMPARE(db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
        SqlStore store(db);
        OrderFilter f;
        f.search = QStringLiteral("9876");
        QCOMPARE(orderNumbers(store.orders(f)), QStringList{QStringLiteral("PO1")});
        f.search = QStringLiteral("****");
        QCOMPARE(orderNumbers(store.orders(f)), QStringList{});
        db.close();
    }

private:
    std::unique_ptr<test::TempDataDir> m_dir;
    Database m_db;
    std::unique_ptr<SqlStore> m_store;
};

QTEST_GUILESS_MAIN(tst_OrderSearch)
#include "tst_ordersearch.moc"
