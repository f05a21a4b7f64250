#pragma once

#include "domain/Records.h"
#include "recon/ReconTypes.h"

#include <QDate>
#include <QStringView>

#include <array>

namespace paydesk {

// What reconciliation decides about money movements once the facts are
// gathered: which difference, in which state. Pure functions, no storage:
// the run (ReconRun) looks the facts up, these decide.

// The channels' word for a paid payment later cancelled: WeChat bills the
// payment line with this state (and the refund line as a revoke).
inline constexpr QStringView kBillRevokedState = u"REVOKED";
// Our state of a movement that cleared: the ledger posted it.
inline constexpr QStringView kClearedState = u"SUCCESS";

// The bill's China day as the two sides cut it. The channel and PayDesk
// each decide on their own clock on which side of midnight a movement
// falls, so a movement only one side has, within the window around
// midnight, may be on the other side's next day.
struct DayCut
{
    QDate day;
    qint64 endMs = 0;    // the next day's first millisecond
    qint64 windowMs = 0; // ReconConfig::cutoffWindowMs

    static DayCut of(const QDate& day, qint64 windowMs);
    bool nearEnd(qint64 atMs) const { return atMs >= endMs - windowMs; }
};

// What is known of one movement (one kind, one merchant number) when it is
// classified. The run fills only what the case needs: the storage look-ups
// are for the few lines one side lacks.
struct ItemFacts
{
    ItemKind item = ItemKind::Payment;
    // Our cleared movement of the bill's day (or one an earlier run held for it).
    bool ours = false;
    qint64 oursFen = 0;
    qint64 oursFeeFen = 0;
    qint64 oursAtMs = 0;
    // The bill's line.
    bool onBill = false;
    qint64 theirsFen = 0;
    qint64 theirsFeeFen = 0;
    qint64 lineAtMs = 0;
    QStringView billState;
    // Only when the bill has a line we lack on its day: our movement of that
    // number cleared on another day (null: on none), and when.
    QDate clearedOn;
    qint64 clearedAtMs = 0;
    // ... or we know it but it never cleared (still in progress, failed).
    bool knownUncleared = false;
    // Only when the bill says a payment we cleared was revoked: we cleared
    // its revoke too.
    bool weReversed = false;
};

struct Verdict
{
    DiffKind kind = DiffKind::MissingLocally;
    DiffState state = DiffState::Open;
    friend bool operator==(const Verdict&, const Verdict&) = default;
};

// The differences one movement makes: none, one, or (a matched payment)
// an amount or fee difference plus a status one.
struct Verdicts
{
    std::array<Verdict, 2> list;
    int count = 0;
    const Verdict* begin() const { return list.data(); }
    const Verdict* end() const { return list.data() + count; }
    void add(Verdict v) { list[count++] = v; }
};

// True when the bill says a payment was revoked: only then does matching
// ask whether we reversed it (ItemFacts::weReversed).
inline bool billSaysRevoked(ItemKind item, QStringView billState)
{
    return item == ItemKind::Payment && billState == kBillRevokedState;
}

Verdicts classifyItem(const ItemFacts& f, const DayCut& cut);

// What a movement does to the channel receivable: payments add, returns
// subtract. Fund differences are sums of these.
inline qint64 signedFen(ItemKind kind, qint64 amountFen)
{
    return kind == ItemKind::Payment ? amountFen : -amountFen;
}

// The day's fund difference (the bill's net minus the ledger's) and the
// parts of it items explain: this run's pending-next-day items (they even
// out with the next bill) and earlier days' held items matched today.
struct FundFacts
{
    qint64 differenceFen = 0;
    qint64 pendingFen = 0;
    qint64 explainedFen = 0;
};

struct FundVerdict
{
    DiffKind kind = DiffKind::FundLong;
    DiffState state = DiffState::Open;
    qint64 fen = 0; // + long, − short
    friend bool operator==(const FundVerdict&, const FundVerdict&) = default;
};

struct FundVerdicts
{
    std::array<FundVerdict, 2> list;
    int count = 0;
    const FundVerdict* begin() const { return list.data(); }
    const FundVerdict* end() const { return list.data() + count; }
    void add(FundVerdict v) { list[count++] = v; }
};

// The pending part waits for the next bill; what nothing explains is open.
FundVerdicts classifyFund(const FundFacts& f);

// An earlier day's held movement, and what this run made of it.
struct HeldOutcome
{
    QDate day;
    DiffState state = DiffState::Open;
};

// An earlier day's fund difference waited on that day's held movements:
// it resolves when none of them is still open.
DiffState heldFundState(const QDate& fundDay, const QList<HeldOutcome>& outcomes);

// Money taken that we know nothing of pages; other open differences are
// watched; the rest asks nobody.
AlertLevel alertLevelOf(DiffKind kind, DiffState state);

// What an open difference counts in the report's totals of its kind: the
// amount for missing ones, the gap for mismatches.
qint64 reportedFen(const ReconDifference& d);

} // namespace paydesk
