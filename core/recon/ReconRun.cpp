// A run's frame: the request, the bill kept and accepted, our side loaded,
// and what the run found stored and told. How it finds its differences is
// ReconRunDifferences.cpp.
#include "recon/ReconRun.h"

#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "money/Money.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace paydesk {

namespace {

bool isFund(DiffKind k)
{
    return k == DiffKind::FundLong || k == DiffKind::FundShort;
}

} // namespace

void ReconRun::count(ReconSideTotals& side, ItemKind kind, qint64 amountFen, qint64 feeFen)
{
    (kind == ItemKind::Payment ? side.payments : side.refunds)++;
    (kind == ItemKind::Payment ? side.paidFen : side.refundedFen) += amountFen;
    side.feeFen += feeFen;
}

ReconRun::ReconRun(Database& db, Clock& clock, Ledger& ledger, const ReconConfig& config,
                   ReconStore& store, const BillInput& in)
    : m_db(db), m_clock(clock), m_ledger(ledger), m_config(config), m_store(store), m_in(in),
      m_number(in.channel + QLatin1Char(':') + in.day.toString(Qt::ISODate)),
      m_cut(DayCut::of(in.day, config.cutoffWindowMs)), m_dayStartMs(chinaDayStartMs(in.day))
{
    m_timer.start();
    m_report.channel = in.channel;
    m_report.businessDate = in.day;
    m_report.runBy = in.by;
}

ReconRun::~ReconRun() = default;

QString ReconRun::dayText() const
{
    return m_in.day.toString(Qt::ISODate);
}

ReconRun::Step ReconRun::checkInput(const BillInput& in)
{
    auto bad = [](const QString& why) {
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument, why);
    };
    if (in.channel.isEmpty())
        return bad(QStringLiteral("name the channel (--channel wechat|alipay)"));
    if (!in.day.isValid())
        return bad(QStringLiteral("give the bill's day as YYYY-MM-DD"));
    if (in.by.trimmed().isEmpty())
        return bad(QStringLiteral("say who reconciles (--by NAME)"));
    if (in.channelHasNoBill) {
        if (in.expectedMerchant.isEmpty())
            return bad(QStringLiteral("a day without a bill needs the merchant it is for"));
        if (!in.path.isEmpty() || !in.content.isEmpty())
            return bad(QStringLiteral("a bill was given for a day the channel has no bill for"));
    } else if (in.path.isEmpty() && in.content.isEmpty()) {
        return bad(QStringLiteral("the bill is empty"));
    }
    return std::nullopt;
}

void ReconRun::startKeepingBill()
{
    if (m_in.channelHasNoBill) {
        m_kept.sha256 = noBillSha256(); // nothing to keep
        return;
    }
    m_keeper = std::jthread([this, dir = QDir(m_config.billsDir).filePath(m_in.channel)] {
        m_kept = keepBill(m_in, dir);
    });
}

ReconRun::Step ReconRun::lockForWrite()
{
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(BackOfficeStatus::StorageError, m_db.lastError(), m_number);
    m_report.atMs = m_clock.nowMs(); // the run's moment: when it holds the lock
    return std::nullopt;
}

ReconRun::Step ReconRun::loadOurSide()
{
    const bool readOk = m_store.clearedItems(m_in.channel, m_in.day, [this](const ClearedRow& c) {
        count(m_report.ours, c.kind, c.amountFen, c.feeFen);
        // Clearing keys are unique: no duplicate check needed.
        m_ours.append(c.kind, c.itemNo, c.amountFen, c.feeFen, c.atMs);
    });
    if (!readOk)
        return BackOfficeOutcome::fail(BackOfficeStatus::StorageError, m_store.lastError(),
                                       m_number);
    m_ours.buildIndex();
    for (ReconDifference& d : m_store.pendingBefore(m_in.channel, m_in.day)) {
        m_held.insert(d.id, d);
        if (isFund(d.kind))
            m_heldFund << d;
        else if (d.heldFromBill)
            m_heldBill << d;
        else if (JoinTable::Item* it =
                     m_ours.insert(d.item, d.itemNo, d.oursFen, d.oursFeeFen, d.lineAtMs)) {
            m_ours.setHeld(it, d.id, d.orderNo);
            m_heldItems << size_t(it - m_ours.items().data());
        }
    }
    return std::nullopt;
}

ReconRun::Step ReconRun::decideNoBillDay()
{
    if (!m_in.channelHasNoBill)
        return std::nullopt;
    if (m_ours.size() == 0 && m_held.isEmpty()) {
        // Nothing on either side; nothing is recorded, so a bill that
        // turns up later is still reconciled in full.
        m_answer = m_report;
        return BackOfficeOutcome{BackOfficeStatus::Ok,
                                 QStringLiteral("nothing to reconcile: %1 has no bill for %2 and "
                                                "PayDesk cleared nothing that day")
                                     .arg(m_in.channel, dayText()),
                                 m_number};
    }
    if (m_in.noBillConfirmed)
        return std::nullopt;
    return BackOfficeOutcome::fail(
        BackOfficeStatus::NotDue,
        QStringLiteral("%1 has no bill for %2, but PayDesk cleared %3 payments (%4) and %5 "
                       "refunds (%6) that day, and %7 earlier differences wait on this "
                       "day's bill. A channel makes the day's bill the next morning "
                       "(WeChat after 10:00): try again later. If it still has none, run "
                       "again with --confirm-no-bill to record what we cleared as missing "
                       "at the channel")
            .arg(m_in.channel, dayText())
            .arg(m_report.ours.payments)
            .arg(plainYuan(m_report.ours.paidFen))
            .arg(m_report.ours.refunds)
            .arg(plainYuan(m_report.ours.refundedFen))
            .arg(m_held.size()),
        m_number);
}

ReconRun::Step ReconRun::takeKeptBill()
{
    if (m_keeper.joinable())
        m_keeper.join();
    if (!m_kept.error.isEmpty())
        return BackOfficeOutcome::fail(m_kept.badInput ? BackOfficeStatus::InvalidArgument
                                                       : BackOfficeStatus::StorageError,
                                       m_kept.error, m_number);
    m_earlierRuns = m_store.runsOn(m_in.channel, m_in.day);
    // The very file again (or a run from before bills had a content
    // identity, which kept the file's own hash): no need to read it.
    for (const auto& [merchant, sha] : m_earlierRuns)
        if (sha == m_kept.sha256)
            return repeated(merchant);
    m_report.rawPath = m_kept.path;
    return std::nullopt;
}

BackOfficeOutcome ReconRun::repeated(const QString& merchant)
{
    const auto earlier = storedReconReport(m_store, m_in.channel, merchant, m_in.day);
    if (earlier)
        m_answer = *earlier;
    // The copy reconciled before stays; this one (other bytes, the same
    // bill) is not kept beside it.
    if (earlier && !m_kept.path.isEmpty() && earlier->rawPath != m_kept.path)
        QFile::remove(m_kept.path);
    return {BackOfficeStatus::Repeated,
            QStringLiteral("this bill (%1 for %2) was reconciled before; nothing changed")
                .arg(m_in.channel, dayText()),
            m_number};
}

BackOfficeOutcome ReconRun::refuse(const QString& why)
{
    // Not imported: not kept, unless it is the very file an earlier run
    // reconciled (a parser grown stricter since must not delete that).
    const bool keptByEarlierRun =
        std::any_of(m_earlierRuns.cbegin(), m_earlierRuns.cend(), [this](const auto& run) {
            const auto earlier = storedReconReport(m_store, m_in.channel, run.first, m_in.day);
            return earlier && earlier->rawPath == m_kept.path;
        });
    if (!m_kept.path.isEmpty() && !keptByEarlierRun)
        QFile::remove(m_kept.path);
    return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument, why, m_number);
}

ReconRun::Step ReconRun::acceptBill()
{
    if (!m_parsed.ok)
        return refuse(
            QStringLiteral("the bill was refused, nothing imported: %1").arg(m_parsed.error));
    // A bill is its content, not its container: Alipay's ZIP stamps the
    // export time, so a second download of the same day differs in bytes
    // and is still the same bill.
    m_report.billSha256 = m_in.channelHasNoBill ? m_kept.sha256 : m_parsed.contentSha256;
    for (const auto& [merchant, sha] : m_earlierRuns)
        if (sha == m_report.billSha256)
            return repeated(merchant);
    if (!m_in.expectedMerchant.isEmpty() && m_parsed.merchant != m_in.expectedMerchant)
        return refuse(
            QStringLiteral("the bill is merchant %1's; this shop reconciles merchant %2 on %3")
                .arg(m_parsed.merchant, m_in.expectedMerchant, m_in.channel));
    if (m_parsed.totals.lines > 0 && m_linesOnDay == 0)
        return refuse(QStringLiteral("no line of the bill is dated %1: is it another day's bill?")
                          .arg(dayText()));
    m_report.merchant = m_parsed.merchant;
    if (std::any_of(m_earlierRuns.cbegin(), m_earlierRuns.cend(),
                    [this](const auto& run) { return run.first == m_report.merchant; }))
        return refuse(QStringLiteral("%1 of merchant %2 was already reconciled with another bill; "
                                     "work its differences (diff list --date %3) instead")
                          .arg(m_number, m_report.merchant, dayText()));
    return std::nullopt;
}

BackOfficeOutcome ReconRun::writeFailed() const
{
    return BackOfficeOutcome::fail(
        BackOfficeStatus::StorageError,
        QStringLiteral("storage error, nothing was saved: %1").arg(m_store.lastError()));
}

ReconRun::Step ReconRun::store()
{
    for (ReconDifference& d : m_found) {
        d.merchant = m_report.merchant;
        if (d.state == DiffState::PendingNextDay && !isFund(d.kind)) {
            ++m_report.pendingNextDay;
        } else if (d.state == DiffState::Open) {
            ReconKindTotals& k = m_report.byKind[int(d.kind)];
            ++k.count;
            k.sumFen += reportedFen(d);
        }
        if (!m_store.insertDifference(d))
            return writeFailed();
    }
    for (const ReconDifference& d : std::as_const(m_settled))
        if (!m_store.updateDifference(d))
            return writeFailed();
    m_report.elapsedMs = m_timer.elapsed();
    if (!m_store.insertRun(m_report, reconReportJson(m_report)))
        return writeFailed();
    m_answer = m_report;
    return std::nullopt;
}

void ReconRun::tellTimelines(const Reconciler::TimelineSink& tell) const
{
    if (!tell)
        return;
    // A person is asked only for what is open, and one by one only up to a
    // point: the rest are summed up in one alert.
    int alerted = 0;
    qint64 unalerted = 0;
    auto one = [&](const ReconDifference& d) {
        AlertLevel level = alertLevelOf(d.kind, d.state);
        if (level != AlertLevel::None && ++alerted > Reconciler::kAlertsPerRun) {
            ++unalerted;
            level = AlertLevel::None;
        }
        QString what = QStringLiteral("reconciliation %1 %2: %3 %4 (ours %5, bill %6)")
                           .arg(m_number, diffStateName(d.state), diffKindName(d.kind),
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
            tell(d.orderNo, what, level);
    };
    for (const ReconDifference& d : m_found)
        one(d);
    for (const ReconDifference& d : m_settled)
        one(d);
    if (unalerted > 0)
        tell(QString(),
             QStringLiteral("reconciliation %1: %2 more open differences (diff list --date %3)")
                 .arg(m_number)
                 .arg(unalerted)
                 .arg(dayText()),
             AlertLevel::Watch);
}

BackOfficeOutcome ReconRun::outcome() const
{
    qint64 openCount = 0;
    for (const ReconKindTotals& k : m_report.byKind)
        openCount += k.count;
    return {BackOfficeStatus::Ok,
            QStringLiteral("reconciled %1 (merchant %2): %3 lines, %4 matched, %5 open "
                           "differences, %6 pending next day, fund difference %7")
                .arg(m_number, m_report.merchant)
                .arg(m_parsed.totals.lines)
                .arg(m_report.matched)
                .arg(openCount)
                .arg(m_report.pendingNextDay)
                .arg(plainYuan(m_report.fundDifferenceFen)),
            m_number};
}

} // namespace paydesk
