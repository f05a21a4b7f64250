// How a run finds its differences: the bill streamed against our side,
// earlier days' held lines, what either side lacks, held items settled,
// and the fund flow. ReconClassify decides; this gathers the facts and
// records the outcome.
#include "recon/ReconRun.h"

#include "api/types/Accounts.h"
#include "ledger/Ledger.h"
#include "money/Money.h"

namespace paydesk {

namespace {

ItemKind itemOf(BillLine::Kind k)
{
    switch (k) {
    case BillLine::Kind::Payment:
        return ItemKind::Payment;
    case BillLine::Kind::Refund:
        return ItemKind::Refund;
    case BillLine::Kind::Revoke:
        return ItemKind::Revoke;
    }
    return ItemKind::Payment;
}

// Refunds are known by the refund number; payments and revokes by the payment's.
const QString& itemNoOf(const BillLine& l, ItemKind item)
{
    return item == ItemKind::Refund ? l.refundNo : l.paymentNo;
}

} // namespace

ReconDifference ReconRun::newDiff(DiffKind kind, ItemKind item, const QString& itemNo) const
{
    ReconDifference d;
    d.channel = m_in.channel;
    d.businessDate = m_in.day;
    d.kind = kind;
    d.item = item;
    d.itemNo = itemNo;
    d.createdAtMs = d.updatedAtMs = m_report.atMs;
    return d;
}

QString ReconRun::orderOf(const JoinTable::Item& it) const
{
    // The bulk read leaves order numbers out (most lines match and never
    // need one); a difference looks its order up.
    if (const QString held = m_ours.orderNo(it); !held.isEmpty())
        return held;
    const auto c = m_store.clearedItem(it.kind, m_ours.itemNo(it).toString());
    return c ? c->orderNo : QString();
}

JoinTable::Item* ReconRun::probe(ItemKind item, QStringView itemNo, qint64 fen, qint64 heldBillId)
{
    JoinTable::Item* it = m_ours.find(item, itemNo);
    if (!it || it->matched)
        return nullptr;
    it->matched = true;
    ++m_report.matched;
    if (it->held) {
        m_heldOutcome.insert(m_ours.heldId(*it), DiffState::AutoResolved);
        ++m_report.resolvedFromPrevious;
        // In our earlier day, in their bill today.
        m_explainedFen += signedFen(item, it->amountFen);
    }
    if (heldBillId) {
        m_heldOutcome.insert(heldBillId, DiffState::AutoResolved);
        ++m_report.resolvedFromPrevious;
        // In their earlier bill, in our day today.
        m_explainedFen -= signedFen(item, fen);
    }
    return it;
}

void ReconRun::addMatched(const JoinTable::Item& it, const MatchedLine& l)
{
    ItemFacts f;
    f.item = it.kind;
    f.ours = f.onBill = true;
    f.oursFen = it.amountFen;
    f.oursFeeFen = it.feeFen;
    f.theirsFen = l.fen;
    f.theirsFeeFen = l.feeFen;
    if (l.askRevoked)
        f.billState = l.state;
    // Asked only when it matters: the look-up may reach storage.
    if (billSaysRevoked(it.kind, f.billState))
        f.weReversed = weReversed(*l.itemNo);
    for (const Verdict& v : classifyItem(f, m_cut)) {
        ReconDifference d = newDiff(v.kind, it.kind, *l.itemNo);
        d.state = v.state;
        d.orderNo = orderOf(it);
        d.tradeNo = *l.tradeNo;
        d.theirsState = l.state.toString();
        d.lineAtMs = l.atMs;
        if (v.kind == DiffKind::StatusMismatch) {
            // The amounts agree; what differs is whether the money stayed.
            d.oursFen = d.theirsFen = l.fen;
            d.oursState = kClearedState.toString();
        } else {
            d.oursFen = it.amountFen;
            d.theirsFen = l.fen;
            d.oursFeeFen = it.feeFen;
            d.theirsFeeFen = l.feeFen;
        }
        m_found << d;
    }
}

bool ReconRun::weReversed(const QString& paymentNo)
{
    return m_ours.find(ItemKind::Revoke, paymentNo) ||
           m_store.clearedItem(ItemKind::Revoke, paymentNo);
}

bool ReconRun::onLine(const BillLine& l)
{
    const ItemKind item = itemOf(l.kind);
    count(m_report.theirs, item, l.amountFen, l.feeFen);
    if (l.atMs >= m_dayStartMs && l.atMs < m_cut.endMs)
        ++m_linesOnDay;
    const QString& no = itemNoOf(l, item);
    if (const JoinTable::Item* it = probe(item, no, l.amountFen, 0))
        addMatched(*it, {&no, &l.tradeNo, l.amountFen, l.feeFen, l.state, l.atMs, true});
    else
        m_billLeftovers << l;
    return true;
}

void ReconRun::matchBill()
{
    if (m_in.channelHasNoBill) {
        m_parsed.ok = true;
        m_parsed.merchant = m_in.expectedMerchant;
        return;
    }
    // What is parsed is the kept copy: the file stored is the file reconciled.
    const BillLineHandler each = [this](const BillLine& l) { return onLine(l); };
    m_parsed = m_in.format == BillFormat::Alipay ? parseAlipayBillFile(m_kept.path, each)
                                                 : parseWeChatBillFile(m_kept.path, each);
}

void ReconRun::matchHeldBillLines()
{
    for (const ReconDifference& d : std::as_const(m_heldBill)) {
        const JoinTable::Item* it = probe(d.item, d.itemNo, d.theirsFen, d.id);
        if (!it) {
            m_heldOutcome.insert(d.id, DiffState::Open); // not on our next day either
            continue;
        }
        // Amounts and fees only: a held line's state is not checked for a
        // revoke again.
        addMatched(*it, {&d.itemNo, &d.tradeNo, d.theirsFen, d.theirsFeeFen, d.theirsState,
                         d.lineAtMs, false});
    }
}

void ReconRun::addOursOnly(const JoinTable::Item& it)
{
    ItemFacts f;
    f.item = it.kind;
    f.ours = true;
    f.oursFen = it.amountFen;
    f.oursFeeFen = it.feeFen;
    f.oursAtMs = it.atMs;
    for (const Verdict& v : classifyItem(f, m_cut)) {
        ReconDifference d = newDiff(v.kind, it.kind, m_ours.itemNo(it).toString());
        d.state = v.state;
        d.orderNo = orderOf(it);
        d.oursFen = it.amountFen;
        d.oursFeeFen = it.feeFen;
        d.oursState = kClearedState.toString();
        d.lineAtMs = it.atMs;
        // Ours today, theirs (we expect) tomorrow.
        if (v.state == DiffState::PendingNextDay)
            m_pendingFen -= signedFen(it.kind, it.amountFen);
        m_found << d;
    }
}

void ReconRun::addBillOnly(const BillLine& l)
{
    const ItemKind item = itemOf(l.kind);
    const QString& no = itemNoOf(l, item);
    ItemFacts f;
    f.item = item;
    f.onBill = true;
    f.theirsFen = l.amountFen;
    f.theirsFeeFen = l.feeFen;
    f.lineAtMs = l.atMs;
    f.billState = l.state;
    const auto cleared = m_store.clearedItem(item, no);
    const auto local = cleared || !m_localRecords ? std::nullopt : m_localRecords(item, no);
    if (cleared) {
        f.clearedOn = cleared->businessDate;
        f.clearedAtMs = cleared->atMs;
    }
    f.knownUncleared = local.has_value();
    for (const Verdict& v : classifyItem(f, m_cut)) {
        ReconDifference d = newDiff(v.kind, item, no);
        d.state = v.state;
        d.tradeNo = l.tradeNo;
        d.theirsFen = l.amountFen;
        d.theirsFeeFen = l.feeFen;
        d.theirsState = item == ItemKind::Revoke ? kBillRevokedState.toString() : l.state;
        d.lineAtMs = l.atMs;
        d.heldFromBill = true;
        if (cleared) {
            d.orderNo = cleared->orderNo;
            d.oursFen = cleared->amountFen;
            d.oursFeeFen = cleared->feeFen;
            d.oursState = QStringLiteral("%1 on %2")
                              .arg(kClearedState, cleared->businessDate.toString(Qt::ISODate));
        } else if (local) {
            d.orderNo = local->orderNo;
            d.oursFen = local->amountFen;
            d.oursState = local->state;
        }
        // Theirs today, ours on our next day.
        if (v.state == DiffState::PendingNextDay)
            m_pendingFen += signedFen(item, l.amountFen);
        m_found << d;
    }
}

void ReconRun::classifyLeftovers()
{
    for (const JoinTable::Item& it : m_ours.items())
        if (!it.matched && !it.held) // held ones are settleHeldItems'
            addOursOnly(it);
    for (const BillLine& l : std::as_const(m_billLeftovers))
        addBillOnly(l);
}

void ReconRun::settleHeldItems()
{
    // Held items of ours no bill line matched today stay open for a person.
    for (const size_t i : std::as_const(m_heldItems))
        if (const JoinTable::Item& it = m_ours.items()[i]; !it.matched)
            m_heldOutcome.insert(m_ours.heldId(it), DiffState::Open);
    // An earlier day's fund difference waited on its held items; one
    // settled here counts for the next as it did when they were decided in
    // one pass.
    for (const ReconDifference& f : std::as_const(m_heldFund)) {
        QList<HeldOutcome> outcomes;
        outcomes.reserve(m_heldOutcome.size());
        for (auto it = m_heldOutcome.cbegin(); it != m_heldOutcome.cend(); ++it)
            outcomes.append({m_held.value(it.key()).businessDate, it.value()});
        m_heldOutcome.insert(f.id, heldFundState(f.businessDate, outcomes));
    }
    for (auto it = m_heldOutcome.cbegin(); it != m_heldOutcome.cend(); ++it) {
        ReconDifference d = m_held.value(it.key());
        d.state = it.value();
        d.updatedAtMs = m_report.atMs;
        d.note =
            it.value() == DiffState::AutoResolved
                ? QStringLiteral("matched on the %1 bill of %2").arg(m_in.channel, dayText())
                : QStringLiteral("not on the %1 bill of %2 either").arg(m_in.channel, dayText());
        m_settled << d;
    }
}

ReconRun::Step ReconRun::postFundFlow()
{
    // Fund flow: what the channel settles for the day against what our
    // ledger put into its receivable. Fees go to the channel-fee expense.
    const ReconReport& r = m_report;
    const qint64 theirsGross = r.theirs.netFen();
    const qint64 oursGross = r.ours.netFen();
    const qint64 theirsFee = r.theirs.feeFen;
    m_report.fundDifferenceFen = theirsGross - oursGross;
    if (theirsGross != 0 || oursGross != 0 || theirsFee != 0) {
        m_report.fundEntryKey =
            QStringLiteral("recon:%1:%2:%3").arg(m_in.channel, r.merchant, dayText());
        LedgerTransaction t(m_ledger, r.fundEntryKey, refkind::reconciliation, m_number, QString(),
                            QStringLiteral("%1 settles %2 for %3 (fees %4); the ledger expected %5")
                                .arg(m_in.channel, plainYuan(theirsGross - theirsFee), dayText(),
                                     plainYuan(theirsFee), plainYuan(oursGross)));
        // Signed amounts: LedgerTransaction turns a negative debit into a credit.
        if (theirsGross - theirsFee != 0)
            t.debit(accounts::bank(), Money::fromFen(theirsGross - theirsFee));
        if (theirsFee != 0)
            t.debit(accounts::channelFees(m_in.channel), Money::fromFen(theirsFee));
        if (oursGross != 0)
            t.credit(accounts::channelReceivable(m_in.channel), Money::fromFen(oursGross));
        if (r.fundDifferenceFen != 0)
            t.credit(accounts::suspense(), Money::fromFen(r.fundDifferenceFen));
        QString error;
        const PostResult pr = t.commit(&error);
        if (pr != PostResult::Posted && pr != PostResult::AlreadyPosted)
            return BackOfficeOutcome::fail(statusOfFailedPost(pr), error, m_number);
    }
    for (const FundVerdict& v : classifyFund({r.fundDifferenceFen, m_pendingFen, m_explainedFen}))
        addFundDifference(v);
    return std::nullopt;
}

void ReconRun::addFundDifference(const FundVerdict& v)
{
    const qint64 theirsGross = m_report.theirs.netFen();
    ReconDifference d = newDiff(v.kind, ItemKind::Payment, QString());
    d.state = v.state;
    d.theirsFen = theirsGross;
    d.oursFen = theirsGross - v.fen; // so that bill − ours is this difference
    d.oursFeeFen = m_report.ours.feeFen;
    d.theirsFeeFen = m_report.theirs.feeFen;
    d.entryKey = m_report.fundEntryKey;
    m_found << d;
}

} // namespace paydesk
