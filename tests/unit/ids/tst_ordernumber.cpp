// Unit tests for paydesk::OrderNumberGenerator (core/ids/IdGenerator.h): the
// 32-character business numbers sent to the channels as out_trade_no. A
// repeated number would let a channel match a payment to the wrong order, so
// uniqueness is tested within a millisecond, across milliseconds, across
// restarts with the clock set back, and across terminals.

#include "common/Clock.h"
#include "ids/IdGenerator.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QtTest>

#include <functional>
#include <memory>
#include <vector>

namespace {

qint64 utcMs(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

// The parts of a number: PO 1 SSSS TTTT yyyyMMddHHmmsszzz NNNN.
QString storePart(const QString& n)
{
    return n.mid(3, 4);
}
QString terminalPart(const QString& n)
{
    return n.mid(7, 4);
}
QString stampPart(const QString& n)
{
    return n.mid(11, 17);
}
QString sequencePart(const QString& n)
{
    return n.mid(28, 4);
}

// China time (UTC+8) yyyyMMddHHmmsszzz back to epoch milliseconds; -1 if invalid.
qint64 stampToMs(const QString& stamp)
{
    if (stamp.size() != 17)
        return -1;
    const QDate date(stamp.mid(0, 4).toInt(), stamp.mid(4, 2).toInt(), stamp.mid(6, 2).toInt());
    const QTime time(stamp.mid(8, 2).toInt(), stamp.mid(10, 2).toInt(), stamp.mid(12, 2).toInt(),
                     stamp.mid(14, 3).toInt());
    if (!date.isValid() || !time.isValid())
        return -1;
    return QDateTime(date, time, QTimeZone(8 * 3600)).toMSecsSinceEpoch();
}

// Stands in for the database row that holds the lease end.
struct LeaseStore
{
    qint64 value = 0;
    int writes = 0;
    QList<qint64> history;

    // What the core does in its write transaction: the range starts at or
    // after `fromMs` and after every range reserved before.
    paydesk::OrderNumberGenerator::ReserveRange reserver()
    {
        return [this](qint64 fromMs, qint64 lengthMs) -> std::optional<qint64> {
            const qint64 start = qMax(fromMs, value);
            value = start + lengthMs;
            ++writes;
            history.append(value);
            return start;
        };
    }
};

const qint64 kT0 = utcMs(2026, 11, 23, 4, 0, 0, 0); // 12:00 in China

// Issues `count` order numbers: the first `burst` at the clock's current
// instant, then the clock advances 1 ms every second number.
QStringList issue(paydesk::ManualClock& clock, paydesk::IdGenerator& gen, int count, int burst)
{
    QStringList out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (i >= burst && (i - burst) % 2 == 0)
            clock.advance(1);
        out.append(gen.next(paydesk::IdKind::Order));
    }
    return out;
}

} // namespace

class tst_OrderNumber : public QObject
{
    Q_OBJECT

private slots:
    void prefixOf_data();
    void prefixOf();
    void normalizeSiteId_data();
    void normalizeSiteId();
    void format_data();
    void format();

    void sequenceWithinMillisecond();
    void hundredThousandInOneMillisecond();
    void increasingAcrossMilliseconds_data();
    void increasingAcrossMilliseconds();
    void leaseCoversEveryNumber_data();
    void leaseCoversEveryNumber();
    void restartNeverRepeats_data();
    void restartNeverRepeats();
    void twoSitesSameInstant_data();
    void twoSitesSameInstant();
    void regression_twoProcessesOneTerminalNeverCollide_data();
    void regression_twoProcessesOneTerminalNeverCollide();
    void regression_shortLivesDoNotDriftAheadOfTheClock();

    void checkFormatAccepts_data();
    void checkFormatAccepts();
    void checkFormatRefuses_data();
    void checkFormatRefuses();
    void checkFormatExampleIsValid();
};

void tst_OrderNumber::prefixOf_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("prefix");

    QTest::newRow("order") << int(paydesk::IdKind::Order) << QStringLiteral("PO");
    QTest::newRow("payment") << int(paydesk::IdKind::Payment) << QStringLiteral("PA");
    QTest::newRow("refund") << int(paydesk::IdKind::Refund) << QStringLiteral("RF");
    QTest::newRow("revoke") << int(paydesk::IdKind::Revoke) << QStringLiteral("RV");
}

void tst_OrderNumber::prefixOf()
{
    QFETCH(int, kind);
    QFETCH(QString, prefix);

    QCOMPARE(paydesk::OrderNumberGenerator::prefixOf(paydesk::IdKind(kind)), prefix);

    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    paydesk::OrderNumberGenerator gen(clock, QStringLiteral("1"), QStringLiteral("1"),
                                      lease.reserver());
    QVERIFY(gen.next(paydesk::IdKind(kind)).startsWith(prefix));
}

void tst_OrderNumber::normalizeSiteId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("four_digits") << QStringLiteral("0042") << QStringLiteral("0042");
    QTest::newRow("one_digit_padded") << QStringLiteral("7") << QStringLiteral("0007");
    QTest::newRow("lower_case_upper") << QStringLiteral("t7") << QStringLiteral("00T7");
    QTest::newRow("separator_dropped") << QStringLiteral("S-01") << QStringLiteral("0S01");
    QTest::newRow("spaces_dropped") << QStringLiteral(" a b ") << QStringLiteral("00AB");
    QTest::newRow("too_long_keeps_right") << QStringLiteral("STORE12345") << QStringLiteral("2345");
    QTest::newRow("chinese_dropped") << QStringLiteral("门店7") << QStringLiteral("0007");
    QTest::newRow("empty") << QString() << QStringLiteral("0000");
    QTest::newRow("symbols_only") << QStringLiteral("#-_") << QStringLiteral("0000");
}

void tst_OrderNumber::normalizeSiteId()
{
    QFETCH(QString, id);
    QFETCH(QString, normalized);

    QCOMPARE(paydesk::normalizeSiteId(id), normalized);
    // Idempotent.
    QCOMPARE(paydesk::normalizeSiteId(normalized), normalized);
}

void tst_OrderNumber::format_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("terminal");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<QString>("expected");

    // 2026-01-01T00:00Z is 08:00 in China.
    QTest::newRow("order_utc_plus_8") << int(paydesk::IdKind::Order) << QStringLiteral("0042")
                                      << QStringLiteral("t7") << utcMs(2026, 1, 1, 0, 0, 0, 0)
                                      << QStringLiteral("PO1"
                                                        "0042"
                                                        "00T7"
                                                        "20260101080000000"
                                                        "0000");
    // 23:59:59.999 UTC is already the next day in China.
    QTest::newRow("payment_day_rollover")
        << int(paydesk::IdKind::Payment) << QStringLiteral("s1") << QStringLiteral("2")
        << utcMs(2026, 3, 15, 23, 59, 59, 999)
        << QStringLiteral("PA1"
                          "00S1"
                          "0002"
                          "20260316075959999"
                          "0000");
    QTest::newRow("refund_year_rollover")
        << int(paydesk::IdKind::Refund) << QStringLiteral("store-9") << QStringLiteral("POS 12")
        << utcMs(2025, 12, 31, 16, 0, 0, 1)
        << QStringLiteral("RF1"
                          "ORE9"
                          "OS12"
                          "20260101000000001"
                          "0000");
    QTest::newRow("revoke_milliseconds")
        << int(paydesk::IdKind::Revoke) << QStringLiteral("A") << QStringLiteral("B")
        << utcMs(2026, 7, 4, 12, 34, 56, 789)
        << QStringLiteral("RV1"
                          "000A"
                          "000B"
                          "20260704203456789"
                          "0000");
    QTest::newRow("order_leap_day") << int(paydesk::IdKind::Order) << QStringLiteral("1")
                                    << QStringLiteral("1") << utcMs(2028, 2, 28, 20, 0, 0, 50)
                                    << QStringLiteral("PO1"
                                                      "0001"
                                                      "0001"
                                                      "20280229040000050"
                                                      "0000");
}

void tst_OrderNumber::format()
{
    QFETCH(int, kind);
    QFETCH(QString, store);
    QFETCH(QString, terminal);
    QFETCH(qint64, nowMs);
    QFETCH(QString, expected);

    paydesk::ManualClock clock(nowMs);
    LeaseStore lease;
    paydesk::OrderNumberGenerator gen(clock, store, terminal, lease.reserver());
    const QString n = gen.next(paydesk::IdKind(kind));

    QCOMPARE(n, expected);
    QCOMPARE(n.size(), 32);
    QCOMPARE(n.at(2), QLatin1Char('1'));
    QCOMPARE(storePart(n), paydesk::normalizeSiteId(store));
    QCOMPARE(terminalPart(n), paydesk::normalizeSiteId(terminal));
    QCOMPARE(stampToMs(stampPart(n)), nowMs);
    QCOMPARE(sequencePart(n), QStringLiteral("0000"));
    QCOMPARE(paydesk::OrderNumberGenerator::checkFormat(n), QString());
}

void tst_OrderNumber::sequenceWithinMillisecond()
{
    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    paydesk::OrderNumberGenerator gen(clock, QStringLiteral("1"), QStringLiteral("1"),
                                      lease.reserver());
    const QString a = gen.next(paydesk::IdKind::Order);
    const QString b = gen.next(paydesk::IdKind::Order);
    const QString c = gen.next(paydesk::IdKind::Order);
    QCOMPARE(sequencePart(a), QStringLiteral("0000"));
    QCOMPARE(sequencePart(b), QStringLiteral("0001"));
    QCOMPARE(sequencePart(c), QStringLiteral("0002"));
    QCOMPARE(stampToMs(stampPart(a)), kT0);
    QCOMPARE(stampToMs(stampPart(c)), kT0);

    clock.advance(1);
    const QString d = gen.next(paydesk::IdKind::Order);
    QCOMPARE(stampToMs(stampPart(d)), kT0 + 1);
    QCOMPARE(sequencePart(d), QStringLiteral("0000"));
    QVERIFY(a < b && b < c && c < d);
}

void tst_OrderNumber::hundredThousandInOneMillisecond()
{
    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    paydesk::OrderNumberGenerator gen(clock, QStringLiteral("0001"), QStringLiteral("0001"),
                                      lease.reserver());
    const int count = 100000;
    QSet<QString> seen;
    seen.reserve(count);
    QString previous;
    for (int i = 0; i < count; ++i) {
        const QString n = gen.next(paydesk::IdKind::Order);
        if (!(n > previous))
            QFAIL(qPrintable(
                QStringLiteral("number %1 '%2' is not after '%3'").arg(i).arg(n, previous)));
        // 10,000 numbers per millisecond; an exhausted sequence borrows the
        // next millisecond.
        const qint64 expectedMs = kT0 + i / 10000;
        const QString expectedSeq = QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
        if (stampToMs(stampPart(n)) != expectedMs || sequencePart(n) != expectedSeq)
            QFAIL(qPrintable(QStringLiteral("number %1 is '%2'").arg(i).arg(n)));
        seen.insert(n);
        previous = n;
    }
    QCOMPARE(seen.size(), count);
    QCOMPARE(paydesk::OrderNumberGenerator::checkFormat(previous), QString());

    // The clock reaches a borrowed millisecond (T0+1; T0+9 is exhausted):
    // the generator stays ahead and borrows T0+10.
    clock.advance(1);
    const QString inBorrowed = gen.next(paydesk::IdKind::Order);
    QVERIFY(!seen.contains(inBorrowed));
    QVERIFY(inBorrowed > previous);
    QCOMPARE(stampToMs(stampPart(inBorrowed)), kT0 + 10);
    QCOMPARE(sequencePart(inBorrowed), QStringLiteral("0000"));
    // The clock reaches the last borrowed millisecond: the sequence goes on.
    clock.set(kT0 + 10);
    const QString atBorrowed = gen.next(paydesk::IdKind::Order);
    QVERIFY(atBorrowed > inBorrowed);
    QCOMPARE(stampToMs(stampPart(atBorrowed)), kT0 + 10);
    QCOMPARE(sequencePart(atBorrowed), QStringLiteral("0001"));
    // The clock passes all borrowed milliseconds: back to its own time.
    clock.set(kT0 + 11);
    const QString caughtUp = gen.next(paydesk::IdKind::Order);
    QVERIFY(caughtUp > atBorrowed);
    QCOMPARE(stampToMs(stampPart(caughtUp)), kT0 + 11);
    QCOMPARE(sequencePart(caughtUp), QStringLiteral("0000"));
}

void tst_OrderNumber::increasingAcrossMilliseconds_data()
{
    QTest::addColumn<int>("pattern");

    QTest::newRow("advance_every_number") << 0;
    QTest::newRow("advance_every_7th_number") << 1;
    QTest::newRow("bursts_of_15000_per_ms") << 2;
    QTest::newRow("clock_steps_back") << 3;
}

void tst_OrderNumber::increasingAcrossMilliseconds()
{
    QFETCH(int, pattern);

    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    paydesk::OrderNumberGenerator gen(clock, QStringLiteral("0001"), QStringLiteral("0002"),
                                      lease.reserver());
    const int count = 100000;
    QSet<QString> seen;
    seen.reserve(count);
    QString previous;
    for (int i = 0; i < count; ++i) {
        switch (pattern) {
        case 0:
            clock.advance(1);
            break;
        case 1:
            if (i % 7 == 0)
                clock.advance(1);
            break;
        case 2:
            if (i % 15000 == 0)
                clock.advance(1);
            break;
        case 3:
            // Mostly forward, but NTP pulls the clock back now and then.
            if (i % 3 == 0)
                clock.advance(1);
            if (i % 1000 == 999)
                clock.set(clock.nowMs() - 700);
            break;
        }
        const QString n = gen.next(paydesk::IdKind::Order);
        if (!(n > previous))
            QFAIL(qPrintable(
                QStringLiteral("number %1 '%2' is not after '%3'").arg(i).arg(n, previous)));
        // Never stamped before the clock's time.
        if (stampToMs(stampPart(n)) < clock.nowMs())
            QFAIL(qPrintable(
                QStringLiteral("number %1 '%2' is stamped before the clock").arg(i).arg(n)));
        seen.insert(n);
        previous = n;
    }
    QCOMPARE(seen.size(), count);
}

void tst_OrderNumber::leaseCoversEveryNumber_data()
{
    QTest::addColumn<qint64>("leaseMs");

    QTest::newRow("lease_1ms") << qint64(1);
    QTest::newRow("lease_10ms") << qint64(10);
    QTest::newRow("lease_1000ms") << qint64(1000);
}

void tst_OrderNumber::leaseCoversEveryNumber()
{
    QFETCH(qint64, leaseMs);

    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    paydesk::OrderNumberGenerator gen(clock, QStringLiteral("1"), QStringLiteral("1"),
                                      lease.reserver(), leaseMs);
    QCOMPARE(lease.writes, 0);

    const int count = 30000;
    for (int i = 0; i < count; ++i) {
        // A burst that borrows milliseconds, then normal traffic.
        if (i >= 12000 && i % 3 == 0)
            clock.advance(1);
        const QString n = gen.next(paydesk::IdKind::Payment);
        if (i == 0)
            QCOMPARE(lease.writes, 1);
        // The lease was persisted beyond this number before it was returned.
        const qint64 ms = stampToMs(stampPart(n));
        if (ms >= lease.value)
            QFAIL(qPrintable(QStringLiteral("number %1 '%2' (%3) is not below the persisted "
                                            "lease end %4")
                                 .arg(i)
                                 .arg(n)
                                 .arg(ms)
                                 .arg(lease.value)));
    }
    for (qsizetype i = 1; i < lease.history.size(); ++i)
        QVERIFY(lease.history.at(i) > lease.history.at(i - 1));
    // Leasing batches the writes: about one per lease period, not one per
    // number (plus the ranges that grow from the smallest to leaseMs).
    const qint64 span = clock.nowMs() - kT0 + 2;
    QVERIFY2(lease.writes <= span / leaseMs + 2 + 8,
             qPrintable(QStringLiteral("%1 lease writes").arg(lease.writes)));
}

void tst_OrderNumber::restartNeverRepeats_data()
{
    QTest::addColumn<qint64>("leaseMs");
    QTest::addColumn<qint64>("clockShiftMs"); // applied to the clock at each restart

    const struct
    {
        const char* name;
        qint64 shift;
    } shifts[] = {
        {"same_instant", 0},          {"back_1ms", -1},
        {"back_1s", -1000},           {"back_1h", -3600 * 1000},
        {"back_1day", -86400 * 1000}, {"forward_1ms", 1},
        {"forward_past_lease", 5000},
    };
    for (qint64 leaseMs : {qint64(1), qint64(1000), qint64(60000)})
        for (const auto& s : shifts)
            QTest::addRow("%s_lease_%dms", s.name, int(leaseMs)) << leaseMs << s.shift;
}

void tst_OrderNumber::restartNeverRepeats()
{
    QFETCH(qint64, leaseMs);
    QFETCH(qint64, clockShiftMs);

    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    QSet<QString> issued;
    QString last;

    // Three lives of the same terminal; each restart reads the lease the
    // previous life persisted, and the clock is moved before each restart.
    for (int life = 0; life < 3; ++life) {
        if (life > 0)
            clock.set(clock.nowMs() + clockShiftMs);
        const qint64 storedLease = lease.value;
        paydesk::OrderNumberGenerator gen(clock, QStringLiteral("0031"), QStringLiteral("0007"),
                                          lease.reserver(), leaseMs);
        const QStringList numbers = issue(clock, gen, 14000, 12000);
        QVERIFY(lease.value > storedLease);
        for (const QString& n : numbers) {
            if (issued.contains(n))
                QFAIL(qPrintable(QStringLiteral("life %1 repeated '%2'").arg(life).arg(n)));
            // Sortable across restarts too: the new life starts after the lease.
            if (!(n > last))
                QFAIL(qPrintable(
                    QStringLiteral("life %1 issued '%2' after '%3'").arg(life).arg(n, last)));
            if (life > 0 && stampToMs(stampPart(n)) < storedLease)
                QFAIL(qPrintable(
                    QStringLiteral("life %1 issued '%2' inside the old lease").arg(life).arg(n)));
            issued.insert(n);
            last = n;
        }
    }
    QCOMPARE(issued.size(), 3 * 14000);
}

void tst_OrderNumber::twoSitesSameInstant_data()
{
    QTest::addColumn<QString>("storeA");
    QTest::addColumn<QString>("terminalA");
    QTest::addColumn<QString>("storeB");
    QTest::addColumn<QString>("terminalB");

    QTest::newRow("two_terminals") << QStringLiteral("0001") << QStringLiteral("0001")
                                   << QStringLiteral("0001") << QStringLiteral("0002");
    QTest::newRow("two_stores") << QStringLiteral("0001") << QStringLiteral("0001")
                                << QStringLiteral("0002") << QStringLiteral("0001");
    QTest::newRow("letters") << QStringLiteral("SH01") << QStringLiteral("POS1")
                             << QStringLiteral("SH01") << QStringLiteral("POS2");
}

void tst_OrderNumber::twoSitesSameInstant()
{
    QFETCH(QString, storeA);
    QFETCH(QString, terminalA);
    QFETCH(QString, storeB);
    QFETCH(QString, terminalB);

    // Both terminals see the same clock and start from the same lease.
    paydesk::ManualClock clock(kT0);
    LeaseStore leaseA;
    LeaseStore leaseB;
    paydesk::OrderNumberGenerator a(clock, storeA, terminalA, leaseA.reserver());
    paydesk::OrderNumberGenerator b(clock, storeB, terminalB, leaseB.reserver());

    QSet<QString> fromA;
    QSet<QString> fromB;
    for (int i = 0; i < 15000; ++i) {
        if (i % 5000 == 4999)
            clock.advance(1);
        const QString na = a.next(paydesk::IdKind::Order);
        const QString nb = b.next(paydesk::IdKind::Order);
        QVERIFY(na != nb);
        // Same instant and sequence; only the site part tells them apart.
        if (stampPart(na) != stampPart(nb) || sequencePart(na) != sequencePart(nb))
            QFAIL(
                qPrintable(QStringLiteral("'%1' and '%2' differ in time or sequence").arg(na, nb)));
        QCOMPARE(storePart(na), paydesk::normalizeSiteId(storeA));
        QCOMPARE(terminalPart(nb), paydesk::normalizeSiteId(terminalB));
        fromA.insert(na);
        fromB.insert(nb);
    }
    QCOMPARE(fromA.size(), 15000);
    QCOMPARE(fromB.size(), 15000);
    QVERIFY(!fromA.intersects(fromB));
}

// Regression: every process read the stored lease once and issued numbers
// under it, so two processes on one terminal gave out the same numbers.
// Here two generators share one lease row, as two processes share one
// database, and take turns in every pattern.
void tst_OrderNumber::regression_twoProcessesOneTerminalNeverCollide_data()
{
    QTest::addColumn<int>("everyA"); // A issues this many, then B as many
    QTest::addColumn<int>("clockStepEvery");
    QTest::newRow("alternating_same_ms") << 1 << 100000;
    QTest::newRow("alternating_clock_moves") << 1 << 7;
    QTest::newRow("bursts_of_500") << 500 << 3;
    QTest::newRow("bursts_past_a_sequence") << 12000 << 100000;
}

void tst_OrderNumber::regression_twoProcessesOneTerminalNeverCollide()
{
    QFETCH(int, everyA);
    QFETCH(int, clockStepEvery);
    paydesk::ManualClock clock(kT0);
    LeaseStore shared;
    paydesk::OrderNumberGenerator a(clock, QStringLiteral("0001"), QStringLiteral("0001"),
                                    shared.reserver());
    paydesk::OrderNumberGenerator b(clock, QStringLiteral("0001"), QStringLiteral("0001"),
                                    shared.reserver());
    QSet<QString> seen;
    const int total = 40000;
    for (int i = 0; i < total; ++i) {
        if (i % clockStepEvery == clockStepEvery - 1)
            clock.advance(1);
        paydesk::OrderNumberGenerator& g = (i / everyA) % 2 == 0 ? a : b;
        const QString n = g.next(paydesk::IdKind::Order);
        if (seen.contains(n))
            QFAIL(qPrintable(QStringLiteral("number %1 '%2' issued twice").arg(i).arg(n)));
        seen.insert(n);
    }
    QCOMPARE(seen.size(), total);
}

// Regression: numbers ran ahead of the clock by about a second per process
// start (+6 min after 400 runs). 400 short lives, one number each, 100 ms
// apart: every number stays within a few milliseconds of the clock.
void tst_OrderNumber::regression_shortLivesDoNotDriftAheadOfTheClock()
{
    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    QSet<QString> seen;
    for (int life = 0; life < 400; ++life) {
        clock.advance(100);
        paydesk::OrderNumberGenerator gen(clock, QStringLiteral("0001"), QStringLiteral("0001"),
                                          lease.reserver());
        const QString n = gen.next(paydesk::IdKind::Order);
        const qint64 aheadMs = stampToMs(stampPart(n)) - clock.nowMs();
        if (aheadMs < 0 || aheadMs > paydesk::OrderNumberGenerator::kMinLeaseMs)
            QFAIL(qPrintable(QStringLiteral("life %1: '%2' is %3 ms off the clock")
                                 .arg(life)
                                 .arg(n)
                                 .arg(aheadMs)));
        QVERIFY(!seen.contains(n));
        seen.insert(n);
    }
    // Sixteen processes starting in the same millisecond: the last one's
    // numbers are at most 16 small ranges ahead, not 16 seconds.
    std::vector<std::unique_ptr<paydesk::OrderNumberGenerator>> burst;
    for (int i = 0; i < 16; ++i) {
        burst.push_back(std::make_unique<paydesk::OrderNumberGenerator>(
            clock, QStringLiteral("0001"), QStringLiteral("0001"), lease.reserver()));
        const QString n = burst.back()->next(paydesk::IdKind::Order);
        QVERIFY(!seen.contains(n));
        seen.insert(n);
        QVERIFY(stampToMs(stampPart(n)) - clock.nowMs() <=
                16 * paydesk::OrderNumberGenerator::kMinLeaseMs);
    }
}

void tst_OrderNumber::checkFormatAccepts_data()
{
    QTest::addColumn<QString>("number");

    paydesk::ManualClock clock(kT0);
    LeaseStore lease;
    paydesk::OrderNumberGenerator gen(clock, QStringLiteral("sh-01"), QStringLiteral("pos 9"),
                                      lease.reserver());
    QTest::newRow("generated_order") << gen.next(paydesk::IdKind::Order);
    QTest::newRow("generated_payment") << gen.next(paydesk::IdKind::Payment);
    QTest::newRow("generated_refund") << gen.next(paydesk::IdKind::Refund);
    QTest::newRow("generated_revoke") << gen.next(paydesk::IdKind::Revoke);
    QTest::newRow("handwritten") << QStringLiteral("PO100010001202611231200000000000");
    QTest::newRow("letters_in_site") << QStringLiteral("RV1AB12ZZ99202601010800000009999");
}

void tst_OrderNumber::checkFormatAccepts()
{
    QFETCH(QString, number);

    QCOMPARE(number.size(), 32);
    QCOMPARE(paydesk::OrderNumberGenerator::checkFormat(number), QString());
}

void tst_OrderNumber::checkFormatRefuses_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("mentions");

    const QString good = QStringLiteral("PO1"
                                        "0001"
                                        "0001"
                                        "20261123120000000"
                                        "0000");
    QCOMPARE(good.size(), 32);
    auto with = [&](int pos, const QString& replacement) {
        QString n = good;
        n.replace(pos, replacement.size(), replacement);
        return n;
    };

    QTest::newRow("empty") << QString() << QStringLiteral("32 characters");
    QTest::newRow("31_chars") << good.left(31) << QStringLiteral("32 characters");
    QTest::newRow("33_chars") << good + QLatin1Char('0') << QStringLiteral("32 characters");
    QTest::newRow("trailing_space") << good + QLatin1Char(' ') << QStringLiteral("32 characters");
    QTest::newRow("unknown_prefix")
        << with(0, QStringLiteral("XX")) << QStringLiteral("PO, PA, RF or RV");
    QTest::newRow("lowercase_prefix")
        << with(0, QStringLiteral("po")) << QStringLiteral("PO, PA, RF or RV");
    QTest::newRow("leading_space")
        << QLatin1Char(' ') + good.left(31) << QStringLiteral("PO, PA, RF or RV");
    QTest::newRow("unknown_version") << with(2, QStringLiteral("2")) << QStringLiteral("version");
    QTest::newRow("lowercase_store")
        << with(3, QStringLiteral("00ab")) << QStringLiteral("store or terminal");
    QTest::newRow("symbol_in_terminal")
        << with(7, QStringLiteral("00-1")) << QStringLiteral("store or terminal");
    QTest::newRow("letter_in_time") << with(20, QStringLiteral("O")) << QStringLiteral("non-digit");
    QTest::newRow("letter_in_sequence")
        << with(30, QStringLiteral("O")) << QStringLiteral("non-digit");
    QTest::newRow("space_in_sequence")
        << with(29, QStringLiteral(" ")) << QStringLiteral("non-digit");
    QTest::newRow("fullwidth_digit_in_sequence")
        << with(31, QStringLiteral("\uFF11")) << QStringLiteral("non-digit");
    QTest::newRow("arabic_indic_digit_in_time")
        << with(11, QStringLiteral("\u0662")) << QStringLiteral("non-digit");
}

void tst_OrderNumber::checkFormatRefuses()
{
    QFETCH(QString, number);
    QFETCH(QString, mentions);

    const QString error = paydesk::OrderNumberGenerator::checkFormat(number);
    QVERIFY2(!error.isEmpty(), qPrintable(number));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.contains(number), qPrintable(error));
}

void tst_OrderNumber::checkFormatExampleIsValid()
{
    // The length message shows an example; the example must itself be valid.
    const QString error = paydesk::OrderNumberGenerator::checkFormat(QStringLiteral("PO1"));
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("like ([A-Z0-9]+)")).match(error);
    QVERIFY2(m.hasMatch(), qPrintable(error));
    const QString example = m.captured(1);
    QCOMPARE(example.size(), 32);
    QCOMPARE(paydesk::OrderNumberGenerator::checkFormat(example), QString());
}

QTEST_GUILESS_MAIN(tst_OrderNumber)
#include "tst_ordernumber.moc"
