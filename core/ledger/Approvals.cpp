#include "ledger/Approvals.h"

#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "ledger/Accounts.h"
#include "ledger/Ledger.h"
#include "store/Database.h"

namespace paydesk {

namespace {
const QString kPayout = QStringLiteral("payout");
const QString kAdjustment = QStringLiteral("adjustment");

} // namespace

Approvals::Approvals(Database& db, Ledger& ledger, ApprovalStore& store, Clock& clock, LedgerConfig config)
    : m_db(db), m_ledger(ledger), m_store(store), m_clock(clock), m_config(std::move(config))
{
}

BackOfficeOutcome Approvals::requestPayout(const Money& amount, const QString& by, const QString& note)
{
    using S = BackOfficeStatus;
    if (!amount.isPositive())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("a payout needs a positive amount"));
    if (by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("say who requests the payout (--by NAME)"));
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(S::StorageError, m_db.lastError());
    const qint64 now = m_clock.nowMs();
    const QDate today = chinaTime(now).date();
    const auto used = m_store.usage(kPayout, m_config.merchantId, today);
    if (!used)
        return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
    if (used->count >= m_config.payoutsPerDay)
        return BackOfficeOutcome::fail(
            S::LimitReached, QStringLiteral("%1 payouts were requested today, the most allowed a day; "
                                            "request again tomorrow")
                                 .arg(used->count));
    if (used->amountFen + amount.fen() > m_config.payoutFenPerDay)
        return BackOfficeOutcome::fail(
            S::LimitReached,
            QStringLiteral("payouts today would reach %1, above the daily limit of %2; request at most %3")
                .arg(Money::fromFen(used->amountFen + amount.fen()).toPlainString(),
                     Money::fromFen(m_config.payoutFenPerDay).toPlainString(),
                     Money::fromFen(m_config.payoutFenPerDay - used->amountFen).toPlainString()));
    const QString available = accounts::merchantAvailable(m_config.merchantId);
    QString error;
    const auto balance = m_ledger.balance(available, Ledger::kNow, &error);
    if (!balance)
        return BackOfficeOutcome::fail(S::StorageError, error);
    if (balance->normalFen() < amount.fen())
        return BackOfficeOutcome::fail(
            S::InsufficientFunds, QStringLiteral("only %1 is available to pay out (asked %2)")
                                      .arg(Money::fromFen(balance->normalFen()).toPlainString(),
                                           amount.toPlainString()));
    ApprovalRecord r;
    r.kind = kPayout;
    r.merchantId = m_config.merchantId;
    r.account = available;
    r.counterAccount = accounts::bank();
    r.amountFen = amount.fen();
    r.currency = amount.currency();
    r.reason = note;
    r.proposedBy = by;
    r.proposedAtMs = now;
    r.businessDate = today;
    const auto id = m_store.insert(r);
    if (!id)
        return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
    r.id = *id;
    LedgerTransaction t(m_ledger, QStringLiteral("payout-hold:") + r.number(), refkind::payout, r.number(),
                        QString(), QStringLiteral("hold for payout %1 requested by %2").arg(r.number(), by));
    t.debit(available, amount).credit(accounts::payoutHold(m_config.merchantId), amount);
    if (const PostResult p = t.commit(&error); p != PostResult::Posted)
        return BackOfficeOutcome::fail(statusOfFailedPost(p), error);
    return {S::Ok,
            QStringLiteral("payout %1 of %2 requested and held; another person must approve it")
                .arg(r.number(), amount.toPlainString()),
            r.number()};
}

BackOfficeOutcome Approvals::proposeAdjustment(const QString& account, const Money& amount,
                                               const QString& counterAccount, const QString& reason,
                                               const QString& by)
{
    using S = BackOfficeStatus;
    QString error;
    const QString counter = counterAccount.isEmpty() ? accounts::adjustments() : counterAccount;
    if (!parseAccountCode(account, &error) || !parseAccountCode(counter, &error))
        return BackOfficeOutcome::fail(S::InvalidArgument, error);
    if (account == counter)
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("an adjustment needs two different accounts"));
    if (amount.isZero())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("an adjustment needs a non-zero amount"));
    if (reason.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("an adjustment needs a reason (--reason)"));
    if (by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("say who proposes it (--by NAME)"));
    const qint64 now = m_clock.nowMs();
    ApprovalRecord r;
    r.kind = kAdjustment;
    r.merchantId = m_config.merchantId;
    r.account = account;
    r.counterAccount = counter;
    r.amountFen = amount.fen();
    r.currency = amount.currency();
    r.reason = reason;
    r.proposedBy = by;
    r.proposedAtMs = now;
    r.businessDate = chinaTime(now).date();
    const auto id = m_store.insert(r);
    if (!id)
        return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
    r.id = *id;
    return {S::Ok,
            QStringLiteral("adjustment %1 proposed; nothing is posted until another person approves it")
                .arg(r.number()),
            r.number()};
}

BackOfficeOutcome Approvals::approve(const QString& number, const QString& by, const QString& note)
{
    return decide(number, by, note, true);
}

BackOfficeOutcome Approvals::reject(const QString& number, const QString& by, const QString& note)
{
    if (note.trimmed().isEmpty())
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                       QStringLiteral("say why it is rejected (--reason)"), number);
    return decide(number, by, note, false);
}

BackOfficeOutcome Approvals::decide(const QString& number, const QString& by, const QString& note,
                                    bool approve)
{
    using S = BackOfficeStatus;
    if (by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("say who decides (--by NAME)"), number);
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(S::StorageError, m_db.lastError(), number);
    auto r = m_store.byNumber(number);
    if (!r)
        return BackOfficeOutcome::fail(S::NotFound, QStringLiteral("no payout or adjustment %1").arg(number), number);
    if (r->state != ApprovalState::Requested)
        return BackOfficeOutcome::fail(S::InvalidState,
                                       QStringLiteral("%1 is already %2 by %3")
                                           .arg(number, approvalStateName(r->state), r->decidedBy),
                                       number);
    if (r->proposedBy.compare(by.trimmed(), Qt::CaseInsensitive) == 0)
        return BackOfficeOutcome::fail(
            S::SameUser, QStringLiteral("%1 was proposed by %2, who cannot also decide it; ask another person")
                             .arg(number, r->proposedBy),
            number);
    const int v = r->version;
    r->state = approve ? ApprovalState::Approved : ApprovalState::Rejected;
    r->decidedBy = by.trimmed();
    r->decisionNote = note;
    r->decidedAtMs = m_clock.nowMs();
    r->version = v + 1;
    if (!m_store.update(*r, v))
        return BackOfficeOutcome::fail(S::InvalidState, QStringLiteral("%1 changed meanwhile; look again").arg(number),
                                       number);
    if (BackOfficeOutcome posted = postFor(*r, approve); !posted.ok())
        return posted;
    return {S::Ok, QStringLiteral("%1 %2 by %3").arg(number, approve ? QStringLiteral("approved and posted")
                                                                     : QStringLiteral("rejected"),
                                                     r->decidedBy),
            number};
}

BackOfficeOutcome Approvals::postFor(const ApprovalRecord& r, bool approve)
{
    const Money amount = Money::fromFen(r.amountFen, r.currency);
    const QString number = r.number();
    if (r.kind == kAdjustment && !approve)
        return {BackOfficeStatus::Ok, QString(), number}; // nothing was posted on proposal
    QString key;
    QString memo;
    QString debit;
    QString credit;
    if (r.kind == kPayout) {
        const QString hold = accounts::payoutHold(r.merchantId);
        key = (approve ? QStringLiteral("payout:") : QStringLiteral("payout-release:")) + number;
        memo = approve ? QStringLiteral("payout %1 approved by %2").arg(number, r.decidedBy)
                       : QStringLiteral("payout %1 rejected by %2: hold released").arg(number, r.decidedBy);
        debit = hold;
        credit = approve ? r.counterAccount : r.account;
    } else {
        key = QStringLiteral("adjust:") + number;
        memo = QStringLiteral("adjustment %1 (%2) proposed by %3, approved by %4")
                   .arg(number, r.reason, r.proposedBy, r.decidedBy);
        debit = r.account;
        credit = r.counterAccount;
    }
    LedgerTransaction t(m_ledger, key, r.kind == kPayout ? refkind::payout : refkind::adjustment, number,
                        QString(), memo);
    t.debit(debit, amount).credit(credit, amount);
    QString error;
    if (const PostResult p = t.commit(&error); p != PostResult::Posted && p != PostResult::AlreadyPosted)
        return BackOfficeOutcome::fail(statusOfFailedPost(p), error, number);
    return {BackOfficeStatus::Ok, QString(), number};
}

} // namespace paydesk
