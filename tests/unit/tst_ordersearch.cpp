// The store's order search: every kind of number through its own index, the
// state/date filters and keyset paging on top, and the v3 migration that
// gives payments made before it their searchable last 4 digits.

#include "store/Database.h"
#include "store/SqlStore.h"
#include "testsupport/TempDir.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace paydesk;

namespace {

constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01 00:00 UTC

OrderRecord order(int i, OrderState state = OrderState::Paid)
{
    OrderRecord o;
    o.orderNo = QStringLiteral("PO%1").arg(i, 6, 10, QLatin1Char('0'));
    o.requestNo = QStringLiteral("req-%1").arg(i);
    o.amount = Money::fromFen(100 + i);
    o.subject = QStringLiteral("sale");
    o.storeId = o.terminalId = QStringLiteral("0001");
    o.state = state;
    o.version = 1;
    o.createdAtMs = o.updatedAtMs = kStartMs + i * kDayMs;
    return o;
}

PaymentRecord payment(const OrderRecord& o, const QString& codeMasked)
{
    PaymentRecord p;
    p.paymentNo = QStringLiteral("PA") + o.orderNo.mid(2);
    p.orderNo = o.orderNo;
    p.kind = PaymentKind::Barcode;
    p.wallet = Wallet::WeChat;
    p.channel = QStringLiteral("wechat");
    p.amount = o.amount;
    p.state = PaymentState::Success;
    p.version = 1;
    p.codeMasked = codeMasked;
    p.channelTradeNo = QStringLiteral("T") + o.orderNo.mid(2);
    p.createdAtMs = p.updatedAtMs = o.createdAtMs;
    return p;
}

RefundRecord refund(const PaymentRecord& p)
{
    RefundRecord r;
    r.refundNo = QStringLiteral("RF") + p.orderNo.mid(2);
    r.orderNo = p.orderNo;
    r.paymentNo = p.paymentNo;
    r.requestNo = QStringLiteral("refund-req-") + p.orderNo.mid(2);
    r.amount = Money::fromFen(50);
    r.reason = QStringLiteral("test");
    r.state = RefundState::Success;
    r.version = 1;
    r.channelRefundNo = QStringLiteral("CR") + p.orderNo.mid(2);
    r.createdAtMs = r.updatedAtMs = p.createdAtMs;
    return r;
}

QStringList numbers(const QList<OrderRecord>& orders)
{
    QStringList out;
    for (const OrderRecord& o : orders)
        out << o.orderNo;
    return out;
}

} // namespace

class OrderSearchTest : public QObject
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
            const OrderRecord o = order(i, i == 5 ? OrderState::Closed : OrderState::Paid);
            QVERIFY(m_store->insertOrder(o));
            const QString last4 =
                i == 3 || i == 7 || i == 8 ? QStringLiteral("4321") : QString::number(1000 + i);
            const PaymentRecord p = payment(o, i == 9 ? QStringLiteral("******")
                                                      : QStringLiteral("13************") + last4);
            QVERIFY(m_store->insertPayment(p));
            if (i == 2 || i == 6)
                QVERIFY(m_store->insertRefund(refund(p)));
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
        const auto one = [](int i) { return QStringList{order(i).orderNo}; };
        QTest::newRow("order no.") << order(4).orderNo << one(4);
        QTest::newRow("order's request no.") << QStringLiteral("req-4") << one(4);
        QTest::newRow("payment no.") << QStringLiteral("PA000004") << one(4);
        QTest::newRow("channel trade no.") << QStringLiteral("T000006") << one(6);
        QTest::newRow("refund no.") << QStringLiteral("RF000002") << one(2);
        QTest::newRow("channel refund no.") << QStringLiteral("CR000006") << one(6);
        QTest::newRow("refund's request no.") << QStringLiteral("refund-req-000002") << one(2);
        QTest::newRow("last 4, one order") << QStringLiteral("1004") << one(4);
        QTest::newRow("last 4, three orders, newest first")
            << QStringLiteral("4321")
            << QStringList{order(8).orderNo, order(7).orderNo, order(3).orderNo};
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
        QCOMPARE(numbers(m_store->orders(f)), expected);
    }

    void searchKeepsTheStateAndDateFilters()
    {
        OrderFilter f;
        f.search = QStringLiteral("4321");
        f.sinceMs = order(5).createdAtMs;
        QCOMPARE(numbers(m_store->orders(f)), (QStringList{order(8).orderNo, order(7).orderNo}));
        f = {};
        f.search = QStringLiteral("1005");
        f.state = int(OrderState::Paid);
        QCOMPARE(numbers(m_store->orders(f)), QStringList{});
        f.state = int(OrderState::Closed);
        QCOMPARE(numbers(m_store->orders(f)), QStringList{order(5).orderNo});
    }

    void searchPagesByKeyset()
    {
        OrderFilter f;
        f.search = QStringLiteral("4321");
        f.limit = 2;
        const QList<OrderRecord> first = m_store->orders(f);
        QCOMPARE(numbers(first), (QStringList{order(8).orderNo, order(7).orderNo}));
        f.beforeOrderNo = first.constLast().orderNo;
        QCOMPARE(numbers(m_store->orders(f)), QStringList{order(3).orderNo});
    }

    void withoutSearchEveryOrderNewestFirst()
    {
        OrderFilter f;
        f.limit = 3;
        QCOMPARE(numbers(m_store->orders(f)),
                 (QStringList{order(9).orderNo, order(8).orderNo, order(7).orderNo}));
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
            QSqlQuery order(old.connection());
            QSqlQuery payment(old.connection());
            QVERIFY(order.prepare(QStringLiteral(
                "INSERT INTO orders VALUES (?, ?, 100, 'CNY', 's', '0001', '0001', 2, 1, 1, 1, ?,"
                " 0, 0)")));
            QVERIFY(payment.prepare(QStringLiteral(
                "INSERT INTO payments VALUES (?, ?, 1, 1, 'wechat', 100, 'CNY', 3, 1, ?, ?, '', '',"
                " '', 1, 1, 1, 0, 0)")));
            const QStringList codes{QStringLiteral("13************9876"), QStringLiteral("******")};
            for (int n = 1; n <= int(codes.size()); ++n) {
                const QString orderNo = QStringLiteral("PO%1").arg(n);
                const QString paymentNo = QStringLiteral("PA%1").arg(n);
                order.addBindValue(orderNo);
                order.addBindValue(QStringLiteral("r%1").arg(n));
                order.addBindValue(paymentNo);
                QVERIFY(order.exec());
                payment.addBindValue(paymentNo);
                payment.addBindValue(orderNo);
                payment.addBindValue(codes.at(n - 1));
                payment.addBindValue(QStringLiteral("T%1").arg(n));
                QVERIFY(payment.exec());
            }
            order = QSqlQuery();
            payment = QSqlQuery();
            old.close();
        }
        Database db;
        QCOMPARE(db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
        SqlStore store(db);
        OrderFilter f;
        f.search = QStringLiteral("9876");
        QCOMPARE(numbers(store.orders(f)), QStringList{QStringLiteral("PO1")});
        f.search = QStringLiteral("****");
        QCOMPARE(numbers(store.orders(f)), QStringList{});
        db.close();
    }

private:
    std::unique_ptr<test::TempDataDir> m_dir;
    Database m_db;
    std::unique_ptr<SqlStore> m_store;
};

QTEST_GUILESS_MAIN(OrderSearchTest)
#include "tst_ordersearch.moc"
