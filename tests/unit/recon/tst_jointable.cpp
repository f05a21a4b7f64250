// The reconciliation join table: our side of the day, found by (kind,
// number). Whatever the reservation guessed, every item stays findable and
// unique; a wrong find would turn a matched payment into two differences.
#include "common/BulkArray.h"
#include "recon/JoinTable.h"

#include <QTest>

using namespace paydesk;

class tst_JoinTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyItemIsFoundAfterGrowth_data();
    void everyItemIsFoundAfterGrowth();
    void appendedItemsAreFoundInAnyOrder_data();
    void appendedItemsAreFoundInAnyOrder();
    void inOrderGuessNeverReturnsAnotherKind();
    void duplicateKeepsTheFirst();
    void kindsAreSeparate();
    void heldItemsKeepTheirDifferenceAndOrder();
    void bulkArrayKeepsContentsWhenGrowing();
};

void tst_JoinTable::everyItemIsFoundAfterGrowth_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("reserved");
    QTest::addColumn<int>("keyLength");
    QTest::newRow("reserved_exactly") << 5000 << 5000 << 32;
    QTest::newRow("nothing_reserved") << 5000 << 0 << 32;
    QTest::newRow("reserved_too_few") << 5000 << 10 << 32;
    QTest::newRow("keys_longer_than_guessed") << 3000 << 3000 << 64;
    QTest::newRow("one_item") << 1 << 1 << 1;
}

void tst_JoinTable::everyItemIsFoundAfterGrowth()
{
    QFETCH(int, items);
    QFETCH(int, reserved);
    QFETCH(int, keyLength);
    JoinTable t;
    if (reserved)
        t.reserve(reserved);
    auto key = [&](int i) {
        return QString::number(i).rightJustified(keyLength, QLatin1Char('P'));
    };
    for (int i = 0; i < items; ++i)
        QVERIFY(t.insert(ItemKind::Payment, key(i), 100 + i, i % 7, 1000 * i));
    QCOMPARE(t.size(), items);
    for (int i = 0; i < items; ++i) {
        const JoinTable::Item* it = t.find(ItemKind::Payment, key(i));
        QVERIFY2(it, qPrintable(key(i)));
        QCOMPARE(t.itemNo(*it), QStringView(key(i)));
        QCOMPARE(it->amountFen, 100 + i);
        QCOMPARE(it->feeFen, i % 7);
        QCOMPARE(it->atMs, 1000 * i);
        QVERIFY(!it->matched);
    }
    QVERIFY(!t.find(ItemKind::Payment, key(items)));
    QVERIFY(!t.find(ItemKind::Payment, QString()));
}

void tst_JoinTable::appendedItemsAreFoundInAnyOrder_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("step"); // lookup k finds item (k * step) mod items
    QTest::newRow("in_order") << 4000 << 1;
    QTest::newRow("reverse") << 4000 << 3999;
    QTest::newRow("scattered") << 4001 << 1237;
    QTest::newRow("pairs_swapped") << 4000 << -1; // 1, 0, 3, 2, ...
    QTest::newRow("one_item") << 1 << 1;
}

// The bulk load (append, then one buildIndex) must find what insert() would,
// whatever order the bill asks in; in time order the guess answers most.
void tst_JoinTable::appendedItemsAreFoundInAnyOrder()
{
    QFETCH(int, items);
    QFETCH(int, step);
    JoinTable t;
    auto key = [](int i) { return QStringLiteral("420000%1").arg(i, 12, 10, QLatin1Char('0')); };
    for (int i = 0; i < items; ++i)
        t.append(ItemKind::Payment, key(i), 100 + i, i % 7, 1000 * i);
    t.buildIndex();
    // A held item from an earlier day still goes in checked, after the index.
    QVERIFY(t.insert(ItemKind::Refund, key(0), 5, 0, 0));
    QVERIFY(!t.insert(ItemKind::Payment, key(items - 1), 5, 0, 0));
    QCOMPARE(t.size(), items + 1);
    for (int k = 0; k < items; ++k) {
        const int i = step < 0 ? (k ^ 1) % items : int((qint64(k) * step) % items);
        JoinTable::Item* it = t.find(ItemKind::Payment, key(i));
        QVERIFY2(it, qPrintable(key(i)));
        QCOMPARE(it->amountFen, 100 + i);
        QCOMPARE(it->atMs, 1000 * i);
        QVERIFY2(!it->matched, "found twice");
        it->matched = true;
    }
    QVERIFY(!t.find(ItemKind::Payment, key(items)));
    const JoinTable::Item* refund = t.find(ItemKind::Refund, key(0));
    QVERIFY(refund);
    QCOMPARE(refund->amountFen, 5);
}

// Regression guard for the in-order fast path: the next item has the same
// number but is a refund; a payment lookup must not take it.
void tst_JoinTable::inOrderGuessNeverReturnsAnotherKind()
{
    JoinTable t;
    t.append(ItemKind::Payment, u"A", 1, 0, 0);
    t.append(ItemKind::Refund, u"A", 2, 0, 0);
    t.append(ItemKind::Payment, u"B", 3, 0, 0);
    t.buildIndex();
    QCOMPARE(t.find(ItemKind::Refund, u"A")->amountFen, 2); // guess is now "B"
    QCOMPARE(t.find(ItemKind::Payment, u"B")->amountFen, 3);
    QCOMPARE(t.find(ItemKind::Payment, u"A")->amountFen, 1); // guess is now the refund
    QCOMPARE(t.find(ItemKind::Payment, u"A")->amountFen, 1);
    QVERIFY(!t.find(ItemKind::Revoke, u"A"));
}

void tst_JoinTable::duplicateKeepsTheFirst()
{
    JoinTable t;
    QVERIFY(t.insert(ItemKind::Payment, u"PA1", 500, 3, 1));
    QVERIFY(!t.insert(ItemKind::Payment, u"PA1", 999, 9, 2));
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.find(ItemKind::Payment, u"PA1")->amountFen, 500);
}

void tst_JoinTable::kindsAreSeparate()
{
    // A payment and the reversal of it carry the same number.
    JoinTable t;
    QVERIFY(t.insert(ItemKind::Payment, u"PA1", 500, 3, 1));
    QVERIFY(t.insert(ItemKind::Revoke, u"PA1", 500, -3, 2));
    QCOMPARE(t.find(ItemKind::Payment, u"PA1")->feeFen, 3);
    QCOMPARE(t.find(ItemKind::Revoke, u"PA1")->feeFen, -3);
    QVERIFY(!t.find(ItemKind::Refund, u"PA1"));
}

void tst_JoinTable::heldItemsKeepTheirDifferenceAndOrder()
{
    JoinTable t;
    QVERIFY(t.insert(ItemKind::Payment, u"PA1", 500, 3, 1));
    JoinTable::Item* held = t.insert(ItemKind::Refund, u"RF9", 200, -1, 2);
    QVERIFY(held);
    t.setHeld(held, 42, QStringLiteral("PO7"));
    for (int i = 0; i < 100; ++i) // growth moves items; what is held stays
        t.insert(ItemKind::Payment, QStringLiteral("X%1").arg(i), 1, 0, 0);
    const JoinTable::Item* again = t.find(ItemKind::Refund, u"RF9");
    QVERIFY(again && again->held);
    QCOMPARE(t.heldId(*again), 42);
    QCOMPARE(t.orderNo(*again), QStringLiteral("PO7"));
    const JoinTable::Item* plain = t.find(ItemKind::Payment, u"PA1");
    QCOMPARE(t.heldId(*plain), 0);
    QVERIFY(t.orderNo(*plain).isEmpty());
}

void tst_JoinTable::bulkArrayKeepsContentsWhenGrowing()
{
    BulkArray<qint64> a;
    for (qint64 i = 0; i < 100000; ++i)
        a.push_back(i * 3);
    QCOMPARE(a.size(), size_t(100000));
    for (qint64 i = 0; i < 100000; ++i)
        QCOMPARE(a[size_t(i)], i * 3);
    BulkArray<qint64> z;
    z.assignZero(4096);
    QCOMPARE(z.size(), size_t(4096));
    for (qint64 v : z)
        QCOMPARE(v, 0);
}

QTEST_GUILESS_MAIN(tst_JoinTable)
#include "tst_jointable.moc"
