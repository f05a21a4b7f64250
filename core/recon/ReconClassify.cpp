#include "recon/ReconClassify.h"

#include "common/ChinaTime.h"

#include <QtGlobal>

namespace paydesk {

DayCut DayCut::of(const QDate& day, qint64 windowMs)
{
    return {day, chinaDayStartMs(day.addDays(1)), windowMs};
}

namespace {

Verdicts onBothSides(const ItemFacts& f)
{
    Verdicts v;
    // One difference per movement and amount first: a fee follows the
    // amount, so a wrong amount usually brings a wrong fee along.
    if (f.theirsFen != f.oursFen)
        v.add({DiffKind::AmountMismatch, DiffState::Open});
    else if (f.theirsFeeFen != f.oursFeeFen)
        v.add({DiffKind::FeeMismatch, DiffState::Open});
    // The channel revoked a payment we still count as paid.
    if (billSaysRevoked(f.item, f.billState) && !f.weReversed)
        v.add({DiffKind::StatusMismatch, DiffState::Open});
    return v;
}

Verdicts onOurSideOnly(const ItemFacts& f, const DayCut& cut)
{
    Verdicts v;
    // Cleared just before our midnight: the channel may bill it tomorrow.
    v.add({DiffKind::MissingAtChannel,
           cut.nearEnd(f.oursAtMs) ? DiffState::PendingNextDay : DiffState::Open});
    return v;
}

Verdicts onBillOnly(const ItemFacts& f, const DayCut& cut)
{
    Verdicts v;
    if (f.clearedOn.isValid()) {
        // We cleared it on another day. On our next day and near the cut
        // (either side's time): the two clocks cut the day apart, and our
        // next day's bill run matches it. Any other day is a real mismatch.
        const bool acrossTheCut =
            f.clearedOn == cut.day.addDays(1) &&
            (cut.nearEnd(f.lineAtMs) || f.clearedAtMs < cut.endMs + cut.windowMs);
        v.add(acrossTheCut ? Verdict{DiffKind::MissingLocally, DiffState::PendingNextDay}
                           : Verdict{DiffKind::StatusMismatch, DiffState::Open});
    } else if (f.knownUncleared) {
        // The channel has it done; we think it in progress or failed.
        v.add({DiffKind::StatusMismatch, DiffState::Open});
    } else {
        // Money taken that we have no record of (a dropped order).
        v.add({DiffKind::MissingLocally, DiffState::Open});
    }
    return v;
}

} // namespace

Verdicts classifyItem(const ItemFacts& f, const DayCut& cut)
{
    if (f.ours && f.onBill)
        return onBothSides(f);
    if (f.ours)
        return onOurSideOnly(f, cut);
    if (f.onBill)
        return onBillOnly(f, cut);
    return {};
}

FundVerdicts classifyFund(const FundFacts& f)
{
    auto verdict = [](qint64 fen, DiffState state) {
        return FundVerdict{fen > 0 ? DiffKind::FundLong : DiffKind::FundShort, state, fen};
    };
    FundVerdicts v;
    if (f.pendingFen != 0)
        v.add(verdict(f.pendingFen, DiffState::PendingNextDay));
    const qint64 unexplainedFen = f.differenceFen - f.pendingFen - f.explainedFen;
    if (unexplainedFen != 0)
        v.add(verdict(unexplainedFen, DiffState::Open));
    return v;
}

DiffState heldFundState(const QDate& fundDay, const QList<HeldOutcome>& outcomes)
{
    for (const HeldOutcome& o : outcomes)
        if (o.day == fundDay && o.state == DiffState::Open)
            return DiffState::Open;
    return DiffState::AutoResolved;
}

AlertLevel alertLevelOf(DiffKind kind, DiffState state)
{
    if (state != DiffState::Open)
        return AlertLevel::None;
    return kind == DiffKind::MissingLocally ? AlertLevel::Page : AlertLevel::Watch;
}

qint64 reportedFen(const ReconDifference& d)
{
    switch (d.kind) {
    case DiffKind::MissingLocally:
        return d.theirsFen;
    case DiffKind::MissingAtChannel:
        return d.oursFen;
    case DiffKind::FeeMismatch:
        return qAbs(d.theirsFeeFen - d.oursFeeFen);
    default:
        return qAbs(d.theirsFen - d.oursFen);
    }
}

} // namespace paydesk
