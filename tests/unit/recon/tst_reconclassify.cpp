// Reconciliation's decisions, without storage: given what each side knows
// of a movement, which difference it is and whether it waits for the next
// day's bill; what of the day's fund difference is open; when an earlier
// day's fund difference resolves; who is asked to act. One row per case.
#include "common/ChinaTime.h"
#include "recon/ReconClassify.h"

#include <QTest>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::ItemFacts)
Q_DECLARE_METATYPE(paydesk::FundFacts)
Q_DECLARE_METATYPE(paydesk::DiffKind)
Q_DECLARE_METATYPE(paydesk::DiffState)
Q_DECLARE_METATYPE(paydesk::AlertLevel)
Q_DECLARE_METATYPE(paydesk::ReconDifference)
Q_DECLARE_METATYPE(QList<paydesk::HeldOutcome>)

namespace {

const QDate kDay(2026, 3, 1);
constexpr qint64 kWindowMs = 10 * 60 * 1000;

DayCut cut()
{
    return DayCut::of(kDay, kWindowMs);
}

// A moment of the bill's day (dayOffset 0), the day after (1), ...
qint64 at(int dayOffset, int hour, int minute, int second = 0, int ms = 0)
{
    return chinaDayStartMs(kDay.addDays(dayOffset)) + ((hour * 60 + minute) * 60 + second) * 1000 +
           ms;
}

ItemFacts ours(qint64 fen, qint64 feeFen, qint64 atMs, ItemKind item = ItemKind::Payment)
{
    ItemFacts f;
    f.item = item;
    f.ours = true;
    f.oursFen = fen;
    f.oursFeeFen = feeFen;
    f.oursAtMs = atMs;
    return f;
}

ItemFacts onBill(ItemFacts f, qint64 fen, qint64 feeFen, qint64 atMs,
                 QStringView state = u"SUCCESS")
{
    f.onBill = true;
    f.theirsFen = fen;
    f.theirsFeeFen = feeFen;
    f.lineAtMs = atMs;
    f.billState = state;
    return f;
}

ItemFacts billOnly(qint64 fen, qint64 atMs, ItemKind item = ItemKind::Payment)
{
    ItemFacts f;
    f.item = item;
    return onBill(f, fen, 6, atMs);
}

ItemFacts clearedOn(ItemFacts f, int dayOffset, qint64 atMs)
{
    f.clearedOn = kDay.addDays(dayOffset);
    f.clearedAtMs = atMs;
    return f;
}

ItemFacts known(ItemFacts f)
{
    f.knownUncleared = true;
    return f;
}

ItemFacts reversed(ItemFacts f)
{
    f.weReversed = true;
    return f;
}

QString describe(const Verdicts& v)
{
    QStringList out;
    for (const Verdict& one : v)
        out << diffKindName(one.kind) + QLatin1Char('/') + diffStateName(one.state);
    return out.join(QStringLiteral("; "));
}

QString describe(const FundVerdicts& v)
{
    QStringList out;
    for (const FundVerdict& one : v)
        out << QStringLiteral("%1/%2 %3")
                   .arg(diffKindName(one.kind), diffStateName(one.state))
                   .arg(one.fen);
    return out.join(QStringLiteral("; "));
}

} // namespace

class tst_ReconClassify : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void item_data();
    void item();
    void fund_data();
    void fund();
    void heldFund_data();
    void heldFund();
    void alertLevel_data();
    void alertLevel();
    void reportedAmount_data();
    void reportedAmount();
};

void tst_ReconClassify::item_data()
{
    QTest::addColumn<ItemFacts>("facts");
    QTest::addColumn<QString>("expected");
    const qint64 noon = at(0, 12, 0);
    const qint64 nextNoon = at(1, 12, 0);

    // Both sides have it.
    QTest::newRow("matched") << onBill(ours(1000, 6, noon), 1000, 6, noon) << QString();
    QTest::newRow("amount mismatch")
        << onBill(ours(1000, 6, noon), 1001, 6, noon) << QStringLiteral("amount_mismatch/open");
    QTest::newRow("fee mismatch") << onBill(ours(1000, 6, noon), 1000, 7, noon)
                                  << QStringLiteral("fee_mismatch/open");
    QTest::newRow("amount and fee differ: one amount mismatch")
        << onBill(ours(1000, 6, noon), 2000, 12, noon) << QStringLiteral("amount_mismatch/open");
    QTest::newRow("revoke of a paid payment we reversed (payment + refund)")
        << reversed(onBill(ours(1000, 6, noon), 1000, 6, noon, u"REVOKED")) << QString();
    QTest::newRow("revoke of a paid payment we never reversed")
        << onBill(ours(1000, 6, noon), 1000, 6, noon, u"REVOKED")
        << QStringLiteral("status_mismatch/open");
    QTest::newRow("revoked payment with another amount too")
        << onBill(ours(1000, 6, noon), 900, 5, noon, u"REVOKED")
        << QStringLiteral("amount_mismatch/open; status_mismatch/open");
    QTest::newRow("revoke line itself (the refund half) is no status mismatch")
        << onBill(ours(1000, -6, noon, ItemKind::Revoke), 1000, -6, noon, u"REVOKED") << QString();
    QTest::newRow("refunded payment (state REFUND) is no status mismatch")
        << onBill(ours(1000, 6, noon), 1000, 6, noon, u"REFUND") << QString();

    // Only we have it.
    QTest::newRow("missing at the channel")
        << ours(1000, 6, noon) << QStringLiteral("missing_at_channel/open");
    QTest::newRow("missing at the channel: refund")
        << ours(500, -3, noon, ItemKind::Refund) << QStringLiteral("missing_at_channel/open");
    QTest::newRow("missing at the channel near midnight waits for the next day")
        << ours(1000, 6, at(0, 23, 55)) << QStringLiteral("missing_at_channel/pending_next_day");
    QTest::newRow("missing at the channel at the window's first moment waits")
        << ours(1000, 6, at(0, 23, 50)) << QStringLiteral("missing_at_channel/pending_next_day");
    QTest::newRow("missing at the channel just before the window is open")
        << ours(1000, 6, at(0, 23, 49, 59, 999)) << QStringLiteral("missing_at_channel/open");

    // Only the bill has it.
    QTest::newRow("missing locally (a dropped order)")
        << billOnly(1000, noon) << QStringLiteral("missing_locally/open");
    QTest::newRow("missing locally: refund")
        << billOnly(500, noon, ItemKind::Refund) << QStringLiteral("missing_locally/open");
    QTest::newRow("missing locally: revoke")
        << billOnly(500, noon, ItemKind::Revoke) << QStringLiteral("missing_locally/open");
    QTest::newRow("ours still in progress or failed: status mismatch")
        << known(billOnly(1000, noon)) << QStringLiteral("status_mismatch/open");
    QTest::newRow("day cut-off: billed 23:58, cleared 00:03 our next day")
        << clearedOn(billOnly(1000, at(0, 23, 58)), 1, at(1, 0, 3))
        << QStringLiteral("missing_locally/pending_next_day");
    QTest::newRow("day cut-off: billed near midnight, cleared later our next day")
        << clearedOn(billOnly(1000, at(0, 23, 55)), 1, nextNoon)
        << QStringLiteral("missing_locally/pending_next_day");
    QTest::newRow("day cut-off: cleared just after our midnight, billed earlier")
        << clearedOn(billOnly(1000, noon), 1, at(1, 0, 5))
        << QStringLiteral("missing_locally/pending_next_day");
    QTest::newRow("cleared our next day, far from midnight on both sides")
        << clearedOn(billOnly(1000, noon), 1, nextNoon) << QStringLiteral("status_mismatch/open");
    QTest::newRow("cleared our next day, 10 minutes after midnight: no longer the cut")
        << clearedOn(billOnly(1000, noon), 1, at(1, 0, 10))
        << QStringLiteral("status_mismatch/open");
    QTest::newRow("cleared the day before")
        << clearedOn(billOnly(1000, at(0, 0, 2)), -1, at(-1, 23, 59))
        << QStringLiteral("status_mismatch/open");
    QTest::newRow("cleared two days later near midnight")
        << clearedOn(billOnly(1000, at(0, 23, 58)), 2, at(2, 0, 1))
        << QStringLiteral("status_mismatch/open");
    QTest::newRow("bill line twice (ours cleared on the bill's day, matched once)")
        << clearedOn(billOnly(1000, noon), 0, noon) << QStringLiteral("status_mismatch/open");

    QTest::newRow("on neither side") << ItemFacts() << QString();
}

void tst_ReconClassify::item()
{
    QFETCH(ItemFacts, facts);
    QFETCH(QString, expected);
    QCOMPARE(describe(classifyItem(facts, cut())), expected);
}

void tst_ReconClassify::fund_data()
{
    QTest::addColumn<FundFacts>("facts");
    QTest::addColumn<QString>("expected");
    // {bill − ledger, pending part, part earlier held items explain}
    QTest::newRow("bill and ledger agree") << FundFacts{0, 0, 0} << QString();
    QTest::newRow("the channel settled more: long")
        << FundFacts{500, 0, 0} << QStringLiteral("fund_long/open 500");
    QTest::newRow("the channel settled less: short")
        << FundFacts{-500, 0, 0} << QStringLiteral("fund_short/open -500");
    QTest::newRow("all of it is ours near midnight: waits for the next day")
        << FundFacts{-300, -300, 0} << QStringLiteral("fund_short/pending_next_day -300");
    QTest::newRow("all of it is the bill's near midnight: waits for the next day")
        << FundFacts{300, 300, 0} << QStringLiteral("fund_long/pending_next_day 300");
    QTest::newRow("part waits, the rest is open")
        << FundFacts{200, -300, 0}
        << QStringLiteral("fund_short/pending_next_day -300; fund_long/open 500");
    QTest::newRow("earlier held items matched today explain it")
        << FundFacts{300, 0, 300} << QString();
    QTest::newRow("explained in part")
        << FundFacts{300, 0, 100} << QStringLiteral("fund_long/open 200");
    QTest::newRow("pending and explained together")
        << FundFacts{100, -200, 300} << QStringLiteral("fund_short/pending_next_day -200");
}

void tst_ReconClassify::fund()
{
    QFETCH(FundFacts, facts);
    QFETCH(QString, expected);
    QCOMPARE(describe(classifyFund(facts)), expected);
}

void tst_ReconClassify::heldFund_data()
{
    QTest::addColumn<QList<HeldOutcome>>("outcomes");
    QTest::addColumn<DiffState>("expected");
    const QDate day = kDay.addDays(-1);
    const QDate other = kDay.addDays(-2);
    QTest::newRow("no held item of its day") << QList<HeldOutcome>() << DiffState::AutoResolved;
    QTest::newRow("every held item of its day matched")
        << QList<HeldOutcome>{{day, DiffState::AutoResolved}, {day, DiffState::AutoResolved}}
        << DiffState::AutoResolved;
    QTest::newRow("one held item of its day still open")
        << QList<HeldOutcome>{{day, DiffState::AutoResolved}, {day, DiffState::Open}}
        << DiffState::Open;
    QTest::newRow("an open item of another day does not count")
        << QList<HeldOutcome>{{day, DiffState::AutoResolved}, {other, DiffState::Open}}
        << DiffState::AutoResolved;
}

void tst_ReconClassify::heldFund()
{
    QFETCH(QList<HeldOutcome>, outcomes);
    QFETCH(DiffState, expected);
    QCOMPARE(heldFundState(kDay.addDays(-1), outcomes), expected);
}

void tst_ReconClassify::alertLevel_data()
{
    QTest::addColumn<DiffKind>("kind");
    QTest::addColumn<DiffState>("state");
    QTest::addColumn<AlertLevel>("expected");
    QTest::newRow("money taken we know nothing of: page")
        << DiffKind::MissingLocally << DiffState::Open << AlertLevel::Page;
    QTest::newRow("missing at the channel: watch")
        << DiffKind::MissingAtChannel << DiffState::Open << AlertLevel::Watch;
    QTest::newRow("amount mismatch: watch")
        << DiffKind::AmountMismatch << DiffState::Open << AlertLevel::Watch;
    QTest::newRow("fund short: watch")
        << DiffKind::FundShort << DiffState::Open << AlertLevel::Watch;
    QTest::newRow("waiting for the next day asks nobody")
        << DiffKind::MissingLocally << DiffState::PendingNextDay << AlertLevel::None;
    QTest::newRow("resolved by the next bill asks nobody")
        << DiffKind::MissingAtChannel << DiffState::AutoResolved << AlertLevel::None;
}

void tst_ReconClassify::alertLevel()
{
    QFETCH(DiffKind, kind);
    QFETCH(DiffState, state);
    QFETCH(AlertLevel, expected);
    QCOMPARE(alertLevelOf(kind, state), expected);
}

void tst_ReconClassify::reportedAmount_data()
{
    QTest::addColumn<ReconDifference>("difference");
    QTest::addColumn<qint64>("expected");
    auto diff = [](DiffKind kind, qint64 ours, qint64 theirs, qint64 oursFee, qint64 theirsFee) {
        ReconDifference d;
        d.kind = kind;
        d.oursFen = ours;
        d.theirsFen = theirs;
        d.oursFeeFen = oursFee;
        d.theirsFeeFen = theirsFee;
        return d;
    };
    QTest::newRow("missing locally: the bill's amount")
        << diff(DiffKind::MissingLocally, 0, 1000, 0, 6) << qint64(1000);
    QTest::newRow("missing at the channel: our amount")
        << diff(DiffKind::MissingAtChannel, 800, 0, 5, 0) << qint64(800);
    QTest::newRow("amount mismatch: the gap, either way")
        << diff(DiffKind::AmountMismatch, 1000, 900, 6, 5) << qint64(100);
    QTest::newRow("fee mismatch: the fees' gap")
        << diff(DiffKind::FeeMismatch, 1000, 1000, 6, 8) << qint64(2);
    QTest::newRow("fund short: the gap")
        << diff(DiffKind::FundShort, 1500, 1000, 0, 0) << qint64(500);
}

void tst_ReconClassify::reportedAmount()
{
    QFETCH(ReconDifference, difference);
    QFETCH(qint64, expected);
    QCOMPARE(reportedFen(difference), expected);
}

QTEST_GUILESS_MAIN(tst_ReconClassify)
#include "tst_reconclassify.moc"
