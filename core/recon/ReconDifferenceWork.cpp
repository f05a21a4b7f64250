// The people's side of reconciliation: explaining, assigning, writing off
// and recovering differences, each decided under the write lock, the
// money-moving ones by two people (maker-checker).
#include "recon/Reconciler.h"

#include "api/types/Accounts.h"
#include "common/Clock.h"
#include "ledger/Ledger.h"
#include "money/Money.h"
#include "store/Database.h"

namespace paydesk {

std::optional<ReconDifference> Reconciler::lockDifference(qint64 id, BackOfficeOutcome* failure)
{
    // Under the write lock: two people deciding one difference at once
    // cannot both win.
    if (!m_db.beginWrite()) {
        *failure = BackOfficeOutcome::fail(BackOfficeStatus::StorageError, m_db.lastError());
        return std::nullopt;
    }
    auto d = m_store.difference(id);
    if (!d)
        *failure = BackOfficeOutcome::fail(BackOfficeStatus::NotFound,
                                           QStringLiteral("no difference %1").arg(id));
    return d;
}

BackOfficeOutcome Reconciler::writeFailed()
{
    return BackOfficeOutcome::fail(
        BackOfficeStatus::StorageError,
        QStringLiteral("storage error, nothing was saved: %1").arg(m_store.lastError()));
}

BackOfficeOutcome Reconciler::resolve(qint64 id, const QString& by, const QString& reason)
{
    if (by.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidArgument,
            QStringLiteral("say who resolves it (--by NAME) and why (--reason TEXT)"));
    BackOfficeOutcome failure;
    auto d = lockDifference(id, &failure);
    if (!d)
        return failure;
    if (d->state != DiffState::Open && d->state != DiffState::PendingNextDay)
        return BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidState,
            QStringLiteral("difference %1 is %2; only open ones can be resolved")
                .arg(id)
                .arg(diffStateName(d->state)));
    d->state = DiffState::Resolved;
    d->decidedBy = by;
    if (d->owner.isEmpty())
        d->owner = by;
    d->note = reason;
    d->updatedAtMs = m_clock.nowMs();
    if (!m_store.updateDifference(*d))
        return writeFailed();
    if (m_timeline)
        m_timeline(d->orderNo,
                   QStringLiteral("reconciliation difference %1 resolved by %2: %3")
                       .arg(id)
                       .arg(by, reason),
                   AlertLevel::None);
    return {BackOfficeStatus::Ok, QStringLiteral("difference %1 resolved by %2").arg(id).arg(by),
            QString::number(id)};
}

BackOfficeOutcome Reconciler::assign(qint64 id, const QString& owner, const QString& by)
{
    if (owner.trimmed().isEmpty() || by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidArgument,
            QStringLiteral("say to whom (--to NAME) and who assigns it (--by NAME)"));
    BackOfficeOutcome failure;
    auto d = lockDifference(id, &failure);
    if (!d)
        return failure;
    d->owner = owner;
    d->updatedAtMs = m_clock.nowMs();
    if (!m_store.updateDifference(*d))
        return writeFailed();
    return {BackOfficeStatus::Ok,
            QStringLiteral("difference %1 is now %2's (assigned by %3)").arg(id).arg(owner, by),
            QString::number(id)};
}

std::optional<ReconDifference> Reconciler::propose(qint64 id, const QString& by,
                                                   const QString& reason, DiffState to,
                                                   BackOfficeOutcome* failure)
{
    const bool recovery = to == DiffState::RecoveryProposed;
    Q_ASSERT(recovery || to == DiffState::WriteOffProposed);
    if (by.trimmed().isEmpty() || reason.trimmed().isEmpty()) {
        *failure = BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidArgument,
            QStringLiteral("say who proposes it (--by NAME) and why (--reason TEXT)"));
        return std::nullopt;
    }
    auto d = lockDifference(id, failure);
    if (!d)
        return std::nullopt;
    if (d->state != DiffState::Open) {
        *failure = BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidState,
            QStringLiteral("difference %1 is %2; only open ones can be %3")
                .arg(id)
                .arg(diffStateName(d->state),
                     recovery ? QStringLiteral("recovered") : QStringLiteral("written off")));
        return std::nullopt;
    }
    if (const QString why = recovery ? recoveryRefusal(*d) : QString(); !why.isEmpty()) {
        *failure = BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidState,
            QStringLiteral("difference %1 cannot be recovered: %2").arg(id).arg(why));
        return std::nullopt;
    }
    d->state = to;
    d->proposedBy = by;
    if (d->owner.isEmpty())
        d->owner = by;
    d->note = reason;
    d->updatedAtMs = m_clock.nowMs();
    if (!m_store.updateDifference(*d)) {
        *failure = writeFailed();
        return std::nullopt;
    }
    return d;
}

BackOfficeOutcome Reconciler::proposeWriteOff(qint64 id, const QString& by, const QString& reason)
{
    BackOfficeOutcome failure;
    if (!propose(id, by, reason, DiffState::WriteOffProposed, &failure))
        return failure;
    return {
        BackOfficeStatus::Ok,
        QStringLiteral("write-off of difference %1 proposed by %2; another person must approve it "
                       "(diff approve %1 --by NAME)")
            .arg(id)
            .arg(by),
        QString::number(id)};
}

BackOfficeOutcome Reconciler::proposeRecovery(qint64 id, const QString& by, const QString& reason)
{
    BackOfficeOutcome failure;
    const auto d = propose(id, by, reason, DiffState::RecoveryProposed, &failure);
    if (!d)
        return failure;
    return {BackOfficeStatus::Ok,
            QStringLiteral("recovery of difference %1 (payment %2, %3) proposed by %4; another "
                           "person must approve it (diff approve %1 --by NAME)")
                .arg(id)
                .arg(d->itemNo, plainYuan(d->theirsFen), by),
            QString::number(id)};
}

QString Reconciler::recoveryRefusal(const ReconDifference& d) const
{
    if (!m_recovery)
        return QStringLiteral("this PayDesk runs without a payment engine");
    if (d.kind == DiffKind::FundLong || d.kind == DiffKind::FundShort)
        return QStringLiteral("a fund difference has no payment of its own: it shrinks as the "
                              "day's payments are recovered, or is written off");
    if (d.item != ItemKind::Payment || d.theirsState != QLatin1String("SUCCESS"))
        return QStringLiteral("only a payment the bill shows paid can be recovered (this is %1 "
                              "%2, billed %3); resolve it with the reason instead")
            .arg(itemKindName(d.item), d.itemNo, d.theirsState);
    if (d.kind == DiffKind::MissingLocally && d.oursState.isEmpty())
        return {};
    if (d.kind == DiffKind::StatusMismatch &&
        (d.oursState == QLatin1String("CREATED") || d.oursState == QLatin1String("PROCESSING")))
        return {};
    if (d.kind == DiffKind::StatusMismatch)
        return QStringLiteral("our payment is %1 because the channel said so at the time; PayDesk "
                              "never turns that into money taken. Ask the channel to return the "
                              "money to the customer, then resolve this with their reference")
            .arg(d.oursState);
    return QStringLiteral("only a payment missing here or still in progress here can be "
                          "recovered (this is %1)")
        .arg(diffKindName(d.kind));
}

BackOfficeOutcome Reconciler::decide(qint64 id, const QString& by, bool approve)
{
    if (by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                       QStringLiteral("say who decides (--by NAME)"));
    BackOfficeOutcome failure;
    auto d = lockDifference(id, &failure);
    if (!d)
        return failure;
    const bool recovery = d->state == DiffState::RecoveryProposed;
    if (d->state != DiffState::WriteOffProposed && !recovery)
        return BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidState,
            QStringLiteral("difference %1 is %2; nothing waits for approval")
                .arg(id)
                .arg(diffStateName(d->state)));
    const QString what = recovery ? QStringLiteral("recovery") : QStringLiteral("write-off");
    if (d->proposedBy == by)
        return BackOfficeOutcome::fail(
            BackOfficeStatus::SameUser,
            QStringLiteral("%1 proposed this %2; another person must decide it").arg(by, what));
    d->decidedBy = by;
    d->updatedAtMs = m_clock.nowMs();
    if (!approve) {
        d->state = DiffState::Open;
        if (!m_store.updateDifference(*d))
            return writeFailed();
        return {BackOfficeStatus::Ok,
                QStringLiteral("%1 of difference %2 rejected by %3; it is open again")
                    .arg(what)
                    .arg(id)
                    .arg(by),
                QString::number(id)};
    }
    return recovery ? applyRecovery(*d) : applyWriteOff(*d);
}

BackOfficeOutcome Reconciler::applyWriteOff(ReconDifference& d)
{
    d.state = DiffState::WrittenOff;
    // A fund difference sits in suspense: writing it off moves it to adjustments.
    const qint64 fundFen = d.theirsFen - d.oursFen;
    if ((d.kind == DiffKind::FundLong || d.kind == DiffKind::FundShort) && fundFen != 0) {
        const QString key = QStringLiteral("recon-writeoff:%1").arg(d.id);
        LedgerTransaction t(
            m_ledger, key, refkind::reconciliation, QString::number(d.id), QString(),
            QStringLiteral("write-off of reconciliation difference %1, proposed by %2, "
                           "approved by %3: %4")
                .arg(d.id)
                .arg(d.proposedBy, d.decidedBy, d.note));
        t.debit(accounts::suspense(), Money::fromFen(fundFen))
            .credit(accounts::adjustments(), Money::fromFen(fundFen));
        if (auto f = commitEntry(t))
            return *f;
        d.entryKey = key;
    }
    if (!m_store.updateDifference(d))
        return writeFailed();
    if (m_timeline)
        m_timeline(d.orderNo,
                   QStringLiteral(
                       "reconciliation difference %1 written off: proposed by %2, approved by %3")
                       .arg(d.id)
                       .arg(d.proposedBy, d.decidedBy),
                   AlertLevel::None);
    return {BackOfficeStatus::Ok,
            QStringLiteral("difference %1 written off (approved by %2)").arg(d.id).arg(d.decidedBy),
            QString::number(d.id)};
}

BackOfficeOutcome Reconciler::applyRecovery(ReconDifference& d)
{
    if (const QString why = recoveryRefusal(d); !why.isEmpty())
        return BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidState,
            QStringLiteral("difference %1 cannot be recovered: %2").arg(d.id).arg(why));
    const RecoveryOutcome got = m_recovery(
        d, QStringLiteral("recovery of reconciliation difference %1 proposed by %2 (%3), approved "
                          "by %4")
               .arg(d.id)
               .arg(d.proposedBy, d.note, d.decidedBy));
    if (!got.ok)
        return BackOfficeOutcome::fail(
            BackOfficeStatus::Refused,
            QStringLiteral("difference %1 was not recovered: %2").arg(d.id).arg(got.message));

    // The day's fund entry put this money in suspense (the ledger did not
    // expect it); the recovered payment now expects it in the receivable.
    const QString key = QStringLiteral("recon-recover:%1").arg(d.id);
    LedgerTransaction t(m_ledger, key, refkind::reconciliation, QString::number(d.id), got.orderNo,
                        QStringLiteral("payment %1 recovered from the %2 bill of %3: its money "
                                       "leaves suspense for the receivable it was posted to")
                            .arg(d.itemNo, d.channel, d.businessDate.toString(Qt::ISODate)));
    t.debit(accounts::suspense(), Money::fromFen(d.theirsFen))
        .credit(accounts::channelReceivable(d.channel), Money::fromFen(d.theirsFen));
    if (auto f = commitEntry(t))
        return *f;
    if (!explainFundDifference(d, key))
        return writeFailed();

    d.state = DiffState::Recovered;
    d.orderNo = got.orderNo;
    d.entryKey = key;
    if (!m_store.updateDifference(d))
        return writeFailed();
    if (m_timeline)
        m_timeline(d.orderNo,
                   QStringLiteral("reconciliation difference %1 recovered: proposed by %2, "
                                  "approved by %3")
                       .arg(d.id)
                       .arg(d.proposedBy, d.decidedBy),
                   AlertLevel::None);
    return {BackOfficeStatus::Ok,
            QStringLiteral("difference %1 recovered (approved by %2): %3")
                .arg(d.id)
                .arg(d.decidedBy, got.message),
            QString::number(d.id)};
}

bool Reconciler::explainFundDifference(const ReconDifference& recovered, const QString& entryKey)
{
    // The day's open fund difference shrinks by what the recovery explained;
    // with none open, the amount taken out of suspense is owed to it by a
    // new one, so suspense never holds money no difference accounts for.
    std::optional<ReconDifference> fund =
        m_store.openFundDifference(recovered.channel, recovered.merchant, recovered.businessDate);
    const qint64 nowMs = m_clock.nowMs();
    if (!fund) {
        ReconDifference n;
        n.channel = recovered.channel;
        n.merchant = recovered.merchant;
        n.businessDate = recovered.businessDate;
        n.state = DiffState::Open;
        n.oursFen = recovered.theirsFen;
        n.entryKey = entryKey;
        n.createdAtMs = nowMs;
        fund = n;
    } else {
        fund->oursFen += recovered.theirsFen;
    }
    const qint64 left = fund->theirsFen - fund->oursFen;
    fund->kind = left >= 0 ? DiffKind::FundLong : DiffKind::FundShort;
    fund->updatedAtMs = nowMs;
    if (left == 0) {
        fund->state = DiffState::Resolved;
        fund->decidedBy = recovered.decidedBy;
        fund->note = QStringLiteral("explained by the recovery of difference %1").arg(recovered.id);
    } else {
        fund->note = QStringLiteral("%1 of it explained by the recovery of difference %2")
                         .arg(plainYuan(recovered.theirsFen))
                         .arg(recovered.id);
    }
    return fund->id ? m_store.updateDifference(*fund) : m_store.insertDifference(*fund);
}

std::optional<BackOfficeOutcome> Reconciler::commitEntry(LedgerTransaction& t,
                                                         const QString& number)
{
    QString error;
    const PostResult pr = t.commit(&error);
    if (pr == PostResult::Posted || pr == PostResult::AlreadyPosted)
        return std::nullopt;
    return BackOfficeOutcome::fail(statusOfFailedPost(pr), error, number);
}

} // namespace paydesk
