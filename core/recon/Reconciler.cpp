#include "recon/Reconciler.h"

#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "ledger/Accounts.h"
#include "ledger/Ledger.h"
#include "money/Money.h"
#include "recon/BillKeeper.h"
#include "recon/BillParsers.h"
#include "recon/JoinTable.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <thread>

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

// What the line does to the channel receivable: payments add, returns subtract.
qint64 signedFen(ItemKind kind, qint64 amountFen)
{
    return kind == ItemKind::Payment ? amountFen : -amountFen;
}

} // namespace

Reconciler::Reconciler(Database& db, Clock& clock, Ledger& ledger, ReconConfig config)
    : m_db(db), m_clock(clock), m_ledger(ledger), m_config(std::move(config)), m_store(db)
{}

QString Reconciler::open()
{
    return m_db.migrate(ReconStore::schemaName(), ReconStore::migrations());
}

std::optional<ReconReport> Reconciler::report(const QString& channel, const QString& merchant,
                                              const QDate& day)
{
    const auto json = m_store.runReport(channel, merchant, day);
    ReconReport r;
    if (!json || !readReconReportJson(*json, &r))
        return std::nullopt;
    return r;
}

BackOfficeOutcome Reconciler::reconcile(const BillInput& in, ReconReport* out)
{
    QElapsedTimer timer;
    timer.start();
    if (in.channel.isEmpty())
        return BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidArgument,
            QStringLiteral("name the channel (--channel wechat|alipay)"));
    if (!in.day.isValid())
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                       QStringLiteral("give the bill's day as YYYY-MM-DD"));
    if (in.by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                       QStringLiteral("say who reconciles (--by NAME)"));
    if (in.channelHasNoBill) {
        if (in.expectedMerchant.isEmpty())
            return BackOfficeOutcome::fail(
                BackOfficeStatus::InvalidArgument,
                QStringLiteral("a day without a bill needs the merchant it is for"));
        if (!in.path.isEmpty() || !in.content.isEmpty())
            return BackOfficeOutcome::fail(
                BackOfficeStatus::InvalidArgument,
                QStringLiteral("a bill was given for a day the channel has no bill for"));
    } else if (in.path.isEmpty() && in.content.isEmpty()) {
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                       QStringLiteral("the bill is empty"));
    }
    const QString number = in.channel + QLatin1Char(':') + in.day.toString(Qt::ISODate);

    // Keeping the bill (copy + SHA-256) runs beside loading our side.
    KeptBill kept;
    std::jthread keeper;
    if (in.channelHasNoBill)
        kept.sha256 = noBillSha256(); // nothing to keep
    else
        keeper = std::jthread([&kept, &in, dir = QDir(m_config.billsDir).filePath(in.channel)] {
            kept = keepBill(in, dir);
        });
    // Under the write lock: two runs of one day cannot both post.
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(BackOfficeStatus::StorageError, m_db.lastError(), number);

    ReconReport r;
    r.channel = in.channel;
    r.businessDate = in.day;
    r.runBy = in.by;
    r.atMs = m_clock.nowMs();
    const qint64 dayStartMs = chinaDayStartMs(in.day);
    const qint64 dayEndMs = chinaDayStartMs(in.day.addDays(1));
    const qint64 nowMs = r.atMs;

    // Our side: the day's cleared movements, plus what earlier runs held
    // for today's bill.
    JoinTable ours;
    const bool readOk = m_store.clearedItems(in.channel, in.day, [&](const ClearedRow& c) {
        (c.kind == ItemKind::Payment ? r.ours.payments : r.ours.refunds)++;
        (c.kind == ItemKind::Payment ? r.ours.paidFen : r.ours.refundedFen) += c.amountFen;
        r.ours.feeFen += c.feeFen;
        ours.append(c.kind, c.itemNo, c.amountFen, c.feeFen, c.atMs); // clearing keys are unique
    });
    if (!readOk)
        return BackOfficeOutcome::fail(BackOfficeStatus::StorageError, m_store.lastError(), number);
    ours.buildIndex();
    QList<ReconDifference> heldBill;
    QList<ReconDifference> heldFund;
    QHash<qint64, ReconDifference> held;
    for (ReconDifference& d : m_store.pendingBefore(in.channel, in.day)) {
        held.insert(d.id, d);
        if (d.kind == DiffKind::FundLong || d.kind == DiffKind::FundShort)
            heldFund << d;
        else if (d.heldFromBill)
            heldBill << d;
        else if (JoinTable::Item* it =
                     ours.insert(d.item, d.itemNo, d.oursFen, d.oursFeeFen, d.lineAtMs))
            ours.setHeld(it, d.id, d.orderNo);
    }

    if (in.channelHasNoBill) {
        const QString day = in.day.toString(Qt::ISODate);
        if (ours.size() == 0 && held.isEmpty()) {
            // Nothing on either side; nothing is recorded, so a bill that
            // turns up later is still reconciled in full.
            *out = r;
            return {BackOfficeStatus::Ok,
                    QStringLiteral("nothing to reconcile: %1 has no bill for %2 and PayDesk "
                                   "cleared nothing that day")
                        .arg(in.channel, day),
                    number};
        }
        if (!in.noBillConfirmed)
            return BackOfficeOutcome::fail(
                BackOfficeStatus::NotDue,
                QStringLiteral("%1 has no bill for %2, but PayDesk cleared %3 payments (%4) and %5 "
                               "refunds (%6) that day, and %7 earlier differences wait on this "
                               "day's bill. A channel makes the day's bill the next morning "
                               "(WeChat after 10:00): try again later. If it still has none, run "
                               "again with --confirm-no-bill to record what we cleared as missing "
                               "at the channel")
                    .arg(in.channel, day)
                    .arg(r.ours.payments)
                    .arg(plainYuan(r.ours.paidFen))
                    .arg(r.ours.refunds)
                    .arg(plainYuan(r.ours.refundedFen))
                    .arg(held.size()),
                number);
    }
    if (keeper.joinable())
        keeper.join();
    if (!kept.error.isEmpty())
        return BackOfficeOutcome::fail(kept.badInput ? BackOfficeStatus::InvalidArgument
                                                     : BackOfficeStatus::StorageError,
                                       kept.error, number);
    const QList<QPair<QString, QString>> earlierRuns = m_store.runsOn(in.channel, in.day);
    auto repeated = [&](const QString& merchant) -> BackOfficeOutcome {
        const auto earlier = report(in.channel, merchant, in.day);
        if (earlier)
            *out = *earlier;
        // The copy reconciled before stays; this one (other bytes, the
        // same bill) is not kept beside it.
        if (earlier && !kept.path.isEmpty() && earlier->rawPath != kept.path)
            QFile::remove(kept.path);
        return {BackOfficeStatus::Repeated,
                QStringLiteral("this bill (%1 for %2) was reconciled before; nothing changed")
                    .arg(in.channel, in.day.toString(Qt::ISODate)),
                number};
    };
    // The very file again (or a run from before bills had a content
    // identity, which kept the file's own hash): no need to read it.
    for (const auto& [merchant, sha] : earlierRuns)
        if (sha == kept.sha256)
            return repeated(merchant);
    r.rawPath = kept.path;

    QList<ReconDifference> found;         // new differences
    QHash<qint64, DiffState> heldOutcome; // earlier held ones: auto-resolved or open now
    qint64 explainedFen = 0;              // fund difference the cut-off explains
    auto newDiff = [&](DiffKind kind, ItemKind item, const QString& itemNo) {
        ReconDifference d;
        d.channel = in.channel;
        d.businessDate = in.day;
        d.kind = kind;
        d.item = item;
        d.itemNo = itemNo;
        d.createdAtMs = d.updatedAtMs = nowMs;
        return d;
    };
    // The bulk read leaves order numbers out (most lines match and never need
    // one); a difference looks its order up.
    auto orderOf = [&](const JoinTable::Item& it) {
        if (const QString held = ours.orderNo(it); !held.isEmpty())
            return held;
        const auto c = m_store.clearedItem(it.kind, ours.itemNo(it).toString());
        return c ? c->orderNo : QString();
    };
    // Joins one bill line (or a held one) with our side: our item, or null
    // when we lack it.
    auto probe = [&](ItemKind item, const QString& itemNo, const QString& tradeNo, qint64 fen,
                     qint64 feeFen, const QString& state, qint64 atMs,
                     qint64 heldBillId) -> JoinTable::Item* {
        JoinTable::Item* it = ours.find(item, itemNo);
        if (!it || it->matched)
            return nullptr;
        it->matched = true;
        ++r.matched;
        if (it->held) {
            heldOutcome.insert(ours.heldId(*it), DiffState::AutoResolved);
            ++r.resolvedFromPrevious;
            explainedFen +=
                signedFen(item, it->amountFen); // in our earlier day, in their bill today
        }
        if (heldBillId) {
            heldOutcome.insert(heldBillId, DiffState::AutoResolved);
            ++r.resolvedFromPrevious;
            explainedFen -= signedFen(item, fen); // in their earlier bill, in our day today
        }
        if (fen != it->amountFen || feeFen != it->feeFen) {
            ReconDifference d =
                newDiff(fen != it->amountFen ? DiffKind::AmountMismatch : DiffKind::FeeMismatch,
                        item, itemNo);
            d.orderNo = orderOf(*it);
            d.tradeNo = tradeNo;
            d.oursFen = it->amountFen;
            d.theirsFen = fen;
            d.oursFeeFen = it->feeFen;
            d.theirsFeeFen = feeFen;
            d.theirsState = state;
            d.lineAtMs = atMs;
            found << d;
        }
        return it;
    };

    QList<BillLine> leftover; // bill lines we lack: few, kept in memory
    qint64 linesOnDay = 0;
    auto onLine = [&](const BillLine& l) {
        const ItemKind item = itemOf(l.kind);
        (item == ItemKind::Payment ? r.theirs.payments : r.theirs.refunds)++;
        (item == ItemKind::Payment ? r.theirs.paidFen : r.theirs.refundedFen) += l.amountFen;
        r.theirs.feeFen += l.feeFen;
        if (l.atMs >= dayStartMs && l.atMs < dayEndMs)
            ++linesOnDay;
        const QString& no = item == ItemKind::Refund ? l.refundNo : l.paymentNo;
        const JoinTable::Item* matched =
            probe(item, no, l.tradeNo, l.amountFen, l.feeFen, l.state, l.atMs, 0);
        if (!matched) {
            leftover << l;
        } else if (item == ItemKind::Payment && l.state == QLatin1String("REVOKED") &&
                   !ours.find(ItemKind::Revoke, no) && !m_store.clearedItem(ItemKind::Revoke, no)) {
            // WeChat says the paid payment was revoked; we never reversed it.
            ReconDifference d = newDiff(DiffKind::StatusMismatch, item, no);
            d.orderNo = orderOf(*matched);
            d.tradeNo = l.tradeNo;
            d.oursFen = d.theirsFen = l.amountFen;
            d.oursState = QStringLiteral("SUCCESS");
            d.theirsState = l.state;
            d.lineAtMs = l.atMs;
            found << d;
        }
        return true;
    };
    // What is parsed is the kept copy: the file stored is the file reconciled.
    BillParseResult parsed;
    if (in.channelHasNoBill) {
        parsed.ok = true;
        parsed.merchant = in.expectedMerchant;
    } else {
        parsed = in.format == BillFormat::Alipay ? parseAlipayBillFile(kept.path, onLine)
                                                 : parseWeChatBillFile(kept.path, onLine);
    }
    auto keptByEarlierRun = [&] {
        for (const auto& run : earlierRuns)
            if (const auto earlier = report(in.channel, run.first, in.day);
                earlier && earlier->rawPath == kept.path)
                return true;
        return false;
    };
    auto refuse = [&](const QString& why) {
        // Not imported: not kept, unless it is the very file an earlier run
        // reconciled (a parser grown stricter since must not delete that).
        if (!kept.path.isEmpty() && !keptByEarlierRun())
            QFile::remove(kept.path);
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument, why, number);
    };
    if (!parsed.ok)
        return refuse(
            QStringLiteral("the bill was refused, nothing imported: %1").arg(parsed.error));
    // A bill is its content, not its container: Alipay's ZIP stamps the
    // export time, so a second download of the same day differs in bytes
    // and is still the same bill.
    r.billSha256 = in.channelHasNoBill ? kept.sha256 : parsed.contentSha256;
    for (const auto& [merchant, sha] : earlierRuns)
        if (sha == r.billSha256)
            return repeated(merchant);
    if (!in.expectedMerchant.isEmpty() && parsed.merchant != in.expectedMerchant)
        return refuse(
            QStringLiteral("the bill is merchant %1's; this shop reconciles merchant %2 on %3")
                .arg(parsed.merchant, in.expectedMerchant, in.channel));
    if (parsed.totals.lines > 0 && linesOnDay == 0)
        return refuse(QStringLiteral("no line of the bill is dated %1: is it another day's bill?")
                          .arg(in.day.toString(Qt::ISODate)));
    r.merchant = parsed.merchant;
    if (std::any_of(earlierRuns.cbegin(), earlierRuns.cend(),
                    [&](const auto& run) { return run.first == r.merchant; }))
        return refuse(QStringLiteral("%1 of merchant %2 was already reconciled with another bill; "
                                     "work its differences (diff list --date %3) instead")
                          .arg(number, r.merchant, in.day.toString(Qt::ISODate)));

    for (const ReconDifference& d : heldBill)
        if (!probe(d.item, d.itemNo, d.tradeNo, d.theirsFen, d.theirsFeeFen, d.theirsState,
                   d.lineAtMs, d.id))
            heldOutcome.insert(d.id, DiffState::Open); // not on our next day either

    // What is left on our side.
    qint64 pendingFen = 0;
    for (const JoinTable::Item& it : ours.items()) {
        if (it.matched)
            continue;
        if (it.held) {
            heldOutcome.insert(ours.heldId(it), DiffState::Open);
            continue;
        }
        ReconDifference d =
            newDiff(DiffKind::MissingAtChannel, it.kind, ours.itemNo(it).toString());
        d.orderNo = orderOf(it);
        d.oursFen = it.amountFen;
        d.oursFeeFen = it.feeFen;
        d.oursState = QStringLiteral("SUCCESS");
        d.lineAtMs = it.atMs;
        if (it.atMs >= dayEndMs - m_config.cutoffWindowMs) {
            d.state = DiffState::PendingNextDay;
            pendingFen -= signedFen(it.kind, it.amountFen);
        }
        found << d;
    }
    // Bill lines we lack: why?
    for (const BillLine& l : leftover) {
        const ItemKind item = itemOf(l.kind);
        const QString& no = item == ItemKind::Refund ? l.refundNo : l.paymentNo;
        ReconDifference d = newDiff(DiffKind::MissingLocally, item, no);
        d.tradeNo = l.tradeNo;
        d.theirsFen = l.amountFen;
        d.theirsFeeFen = l.feeFen;
        d.theirsState = item == ItemKind::Revoke ? QStringLiteral("REVOKED") : l.state;
        d.lineAtMs = l.atMs;
        d.heldFromBill = true;
        if (const auto c = m_store.clearedItem(item, no)) {
            // Cleared on another day: the two sides cut the day apart.
            d.orderNo = c->orderNo;
            d.oursFen = c->amountFen;
            d.oursFeeFen = c->feeFen;
            d.oursState =
                QStringLiteral("SUCCESS on %1").arg(c->businessDate.toString(Qt::ISODate));
            const bool nearCut = c->businessDate == in.day.addDays(1) &&
                                 (l.atMs >= dayEndMs - m_config.cutoffWindowMs ||
                                  c->atMs < dayEndMs + m_config.cutoffWindowMs);
            if (nearCut) {
                d.state = DiffState::PendingNextDay;
                pendingFen += signedFen(item, l.amountFen);
            } else {
                d.kind = DiffKind::StatusMismatch;
            }
        } else if (const auto local = m_store.localRecord(item, no)) {
            d.kind = DiffKind::StatusMismatch;
            d.orderNo = local->orderNo;
            d.oursFen = local->amountFen;
            d.oursState = local->state;
        }
        found << d;
    }

    // Fund flow: what the channel settles for the day against what our
    // ledger put into its receivable. Fees go to the channel-fee expense.
    const qint64 theirsGross = r.theirs.netFen();
    const qint64 oursGross = r.ours.netFen();
    const qint64 theirsFee = r.theirs.feeFen;
    r.fundDifferenceFen = theirsGross - oursGross;
    if (theirsGross != 0 || oursGross != 0 || theirsFee != 0) {
        r.fundEntryKey = QStringLiteral("recon:%1:%2:%3")
                             .arg(in.channel, r.merchant, in.day.toString(Qt::ISODate));
        LedgerTransaction t(m_ledger, r.fundEntryKey, refkind::reconciliation, number, QString(),
                            QStringLiteral("%1 settles %2 for %3 (fees %4); the ledger expected %5")
                                .arg(in.channel, plainYuan(theirsGross - theirsFee),
                                     in.day.toString(Qt::ISODate), plainYuan(theirsFee),
                                     plainYuan(oursGross)));
        // Signed amounts: LedgerTransaction turns a negative debit into a credit.
        if (theirsGross - theirsFee != 0)
            t.debit(accounts::bank(), Money::fromFen(theirsGross - theirsFee));
        if (theirsFee != 0)
            t.debit(accounts::channelFees(in.channel), Money::fromFen(theirsFee));
        if (oursGross != 0)
            t.credit(accounts::channelReceivable(in.channel), Money::fromFen(oursGross));
        if (r.fundDifferenceFen != 0)
            t.credit(accounts::suspense(), Money::fromFen(r.fundDifferenceFen));
        if (auto failed = commitEntry(t, number))
            return *failed;
    }
    // The part the cut-off explains evens out with the next bill; the rest
    // needs a person.
    const qint64 unexplainedFen = r.fundDifferenceFen - pendingFen - explainedFen;
    auto fundDiff = [&](qint64 fen, DiffState state) {
        ReconDifference d = newDiff(fen > 0 ? DiffKind::FundLong : DiffKind::FundShort,
                                    ItemKind::Payment, QString());
        d.state = state;
        d.theirsFen = theirsGross;
        d.oursFen = theirsGross - fen; // so that bill − ours is this difference
        d.oursFeeFen = r.ours.feeFen;
        d.theirsFeeFen = theirsFee;
        d.entryKey = r.fundEntryKey;
        found << d;
    };
    if (pendingFen != 0)
        fundDiff(pendingFen, DiffState::PendingNextDay);
    if (unexplainedFen != 0)
        fundDiff(unexplainedFen, DiffState::Open);
    // An earlier day's fund difference waited on its held items.
    for (const ReconDifference& f : heldFund) {
        bool allMatched = true;
        for (auto it = heldOutcome.cbegin(); it != heldOutcome.cend(); ++it)
            if (held.value(it.key()).businessDate == f.businessDate &&
                it.value() == DiffState::Open)
                allMatched = false;
        heldOutcome.insert(f.id, allMatched ? DiffState::AutoResolved : DiffState::Open);
    }

    // Write it all in this one transaction.
    for (ReconDifference& d : found) {
        d.merchant = r.merchant;
        const bool fund = d.kind == DiffKind::FundLong || d.kind == DiffKind::FundShort;
        if (d.state == DiffState::PendingNextDay && !fund)
            ++r.pendingNextDay;
        else if (d.state == DiffState::Open) {
            ReconKindTotals& k = r.byKind[int(d.kind)];
            ++k.count;
            k.sumFen += d.kind == DiffKind::MissingLocally     ? d.theirsFen
                        : d.kind == DiffKind::MissingAtChannel ? d.oursFen
                        : d.kind == DiffKind::FeeMismatch      ? qAbs(d.theirsFeeFen - d.oursFeeFen)
                                                               : qAbs(d.theirsFen - d.oursFen);
        }
        if (!m_store.insertDifference(d))
            return writeFailed();
    }
    for (auto it = heldOutcome.cbegin(); it != heldOutcome.cend(); ++it) {
        ReconDifference d = held.value(it.key());
        d.state = it.value();
        d.updatedAtMs = nowMs;
        d.note = it.value() == DiffState::AutoResolved
                     ? QStringLiteral("matched on the %1 bill of %2")
                           .arg(in.channel, in.day.toString(Qt::ISODate))
                     : QStringLiteral("not on the %1 bill of %2 either")
                           .arg(in.channel, in.day.toString(Qt::ISODate));
        if (!m_store.updateDifference(d))
            return writeFailed();
        found << d;
    }
    r.elapsedMs = timer.elapsed();
    if (!m_store.insertRun(r, reconReportJson(r)))
        return writeFailed();

    // Tell each order's timeline; a person is asked only for what is open.
    if (m_timeline) {
        int alerted = 0;
        qint64 unalerted = 0;
        for (const ReconDifference& d : found) {
            // Money taken that we know nothing of pages; the rest is watched.
            AlertLevel level = d.state != DiffState::Open           ? AlertLevel::None
                               : d.kind == DiffKind::MissingLocally ? AlertLevel::Page
                                                                    : AlertLevel::Watch;
            if (level != AlertLevel::None && ++alerted > kAlertsPerRun) {
                ++unalerted;
                level = AlertLevel::None;
            }
            QString what =
                QStringLiteral("reconciliation %1 %2: %3 %4 (ours %5, bill %6)")
                    .arg(number, diffStateName(d.state), diffKindName(d.kind),
                         itemKindName(d.item) +
                             (d.itemNo.isEmpty() ? QString() : QLatin1Char(' ') + d.itemNo),
                         plainYuan(d.oursFen), plainYuan(d.theirsFen));
            if (d.kind == DiffKind::FeeMismatch)
                what += QStringLiteral(", fee ours %1, bill %2")
                            .arg(plainYuan(d.oursFeeFen), plainYuan(d.theirsFeeFen));
            if (d.state != DiffState::AutoResolved && !d.oursState.isEmpty() &&
                d.oursState != d.theirsState)
                what += QStringLiteral(", state ours %1, bill %2").arg(d.oursState, d.theirsState);
            if (d.id)
                what += QStringLiteral(" [diff %1]").arg(d.id);
            if (level != AlertLevel::None || !d.orderNo.isEmpty())
                m_timeline(d.orderNo, what, level);
        }
        if (unalerted > 0)
            m_timeline(
                QString(),
                QStringLiteral("reconciliation %1: %2 more open differences (diff list --date %3)")
                    .arg(number)
                    .arg(unalerted)
                    .arg(in.day.toString(Qt::ISODate)),
                AlertLevel::Watch);
    }
    *out = r;
    qint64 openCount = 0;
    for (const ReconKindTotals& k : r.byKind)
        openCount += k.count;
    return {
        BackOfficeStatus::Ok,
        QStringLiteral("reconciled %1 (merchant %2): %3 lines, %4 matched, %5 open differences, "
                       "%6 pending next day, fund difference %7")
            .arg(number, r.merchant)
            .arg(parsed.totals.lines)
            .arg(r.matched)
            .arg(openCount)
            .arg(r.pendingNextDay)
            .arg(plainYuan(r.fundDifferenceFen)),
        number};
}

QJsonObject reconReportObject(const ReconReport& r)
{
    auto side = [](const ReconSideTotals& s) {
        return QJsonObject{{QStringLiteral("payments"), s.payments},
                           {QStringLiteral("paid"), plainYuan(s.paidFen)},
                           {QStringLiteral("refunds"), s.refunds},
                           {QStringLiteral("refunded"), plainYuan(s.refundedFen)},
                           {QStringLiteral("fees"), plainYuan(s.feeFen)},
                           {QStringLiteral("net"), plainYuan(s.netFen())}};
    };
    QJsonObject kinds;
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k)
        kinds.insert(diffKindName(DiffKind(k)),
                     QJsonObject{{QStringLiteral("count"), r.byKind[k].count},
                                 {QStringLiteral("amount"), plainYuan(r.byKind[k].sumFen)}});
    const QJsonObject o{{QStringLiteral("channel"), r.channel},
                        {QStringLiteral("merchant"), r.merchant},
                        {QStringLiteral("date"), r.businessDate.toString(Qt::ISODate)},
                        {QStringLiteral("billSha256"), r.billSha256},
                        {QStringLiteral("rawPath"), r.rawPath},
                        {QStringLiteral("ours"), side(r.ours)},
                        {QStringLiteral("bill"), side(r.theirs)},
                        {QStringLiteral("matched"), r.matched},
                        {QStringLiteral("pendingNextDay"), r.pendingNextDay},
                        {QStringLiteral("resolvedFromPrevious"), r.resolvedFromPrevious},
                        {QStringLiteral("differences"), kinds},
                        {QStringLiteral("fundDifference"), plainYuan(r.fundDifferenceFen)},
                        {QStringLiteral("fundEntry"), r.fundEntryKey},
                        {QStringLiteral("runBy"), r.runBy},
                        {QStringLiteral("atMs"), r.atMs},
                        {QStringLiteral("elapsedMs"), r.elapsedMs}};
    return o;
}

QByteArray reconReportJson(const ReconReport& r)
{
    return QJsonDocument(reconReportObject(r)).toJson(QJsonDocument::Compact);
}

bool readReconReportJson(const QByteArray& json, ReconReport* out)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        return false;
    auto fen = [](const QJsonValue& v) {
        const auto m = Money::parse(v.toString(), kCny);
        return m ? m->fen() : 0;
    };
    auto side = [&](const QJsonObject& s, ReconSideTotals* t) {
        t->payments = s.value(QStringLiteral("payments")).toInteger();
        t->paidFen = fen(s.value(QStringLiteral("paid")));
        t->refunds = s.value(QStringLiteral("refunds")).toInteger();
        t->refundedFen = fen(s.value(QStringLiteral("refunded")));
        t->feeFen = fen(s.value(QStringLiteral("fees")));
    };
    ReconReport r;
    r.channel = o.value(QStringLiteral("channel")).toString();
    r.merchant = o.value(QStringLiteral("merchant")).toString();
    r.businessDate = QDate::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate);
    r.billSha256 = o.value(QStringLiteral("billSha256")).toString();
    r.rawPath = o.value(QStringLiteral("rawPath")).toString();
    side(o.value(QStringLiteral("ours")).toObject(), &r.ours);
    side(o.value(QStringLiteral("bill")).toObject(), &r.theirs);
    r.matched = o.value(QStringLiteral("matched")).toInteger();
    r.pendingNextDay = o.value(QStringLiteral("pendingNextDay")).toInteger();
    r.resolvedFromPrevious = o.value(QStringLiteral("resolvedFromPrevious")).toInteger();
    const QJsonObject kinds = o.value(QStringLiteral("differences")).toObject();
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k) {
        const QJsonObject ko = kinds.value(diffKindName(DiffKind(k))).toObject();
        r.byKind[k].count = ko.value(QStringLiteral("count")).toInteger();
        r.byKind[k].sumFen = fen(ko.value(QStringLiteral("amount")));
    }
    r.fundDifferenceFen = fen(o.value(QStringLiteral("fundDifference")));
    r.fundEntryKey = o.value(QStringLiteral("fundEntry")).toString();
    r.runBy = o.value(QStringLiteral("runBy")).toString();
    r.atMs = o.value(QStringLiteral("atMs")).toInteger();
    r.elapsedMs = o.value(QStringLiteral("elapsedMs")).toInteger();
    *out = r;
    return true;
}

} // namespace paydesk
