#include "ledger/Approvals.h"

#include "common/Fingerprint.h"

#include "api/types/Accounts.h"
#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "ledger/Ledger.h"
#include "store/Database.h"

namespace paydesk {

namespace {
const QString& kPayout = approvalkind::payout;
const QString& kAdjustment = approvalkind::adjustment;
const QString& kWithdrawal = approvalkind::withdrawal;

QString holdAccountOf(const ApprovalRecord& r)
{
    return r.kind == kWithdrawal ? accounts::walletWithdrawalHold()
                                 : accounts::payoutHold(r.merchantId);
}

QString refKindOf(const QString& kind)
{
    return kind == kWithdrawal ? refkind::withdrawal
           : kind == kPayout   ? refkind::payout
                               : refkind::adjustment;
}

QString plainAmount(const ApprovalRecord& r)
{
    return Money::fromFen(r.amountFen, r.currency).toPlainString();
}

QString decidedText(const ApprovalRecord& r, bool approve)
{
    // The cashier hands the member the money: the message says so.
    if (r.kind == kWithdrawal) {
        const auto wallet = parseAccountCode(r.account);
        const QString member = wallet ? wallet->owner : r.account;
        return approve ? QStringLiteral("approved: pay %1 in cash to member %2")
                             .arg(plainAmount(r), member)
                       : QStringLiteral("rejected: %1 is back in member %2's wallet")
                             .arg(plainAmount(r), member);
    }
    return approve ? QStringLiteral("approved and posted") : QStringLiteral("rejected");
}

} // namespace

Approvals::Approvals(Database& db, Ledger& ledger, ApprovalStore& store, Clock& clock, LedgerConfig config)
    : m_db(db), m_ledger(ledger), m_store(store), m_clock(clock), m_config(std::move(config))
{
}

BackOfficeOutcome Approvals::requestPayout(const Money& amount, const QString& by,
                                           const QString& note, const QString& requestNo)
{
    using S = BackOfficeStatus;
    if (!amount.isPositive())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("a payout needs a positive amount"));
    if (by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument,
                                       QStringLiteral("say who requests the payout (--by NAME)"));
    ApprovalRecord r;
    r.kind = kPayout;
    r.merchantId = m_config.merchantId;
    r.account = accounts::merchantAvailable(m_config.merchantId);
    r.counterAccount = accounts::bank();
    r.amountFen = amount.fen();
    r.currency = amount.currency();
    r.reason = note;
    r.proposedBy = by.trimmed();
    // With a request number, pressing "request" again (or a retry after a
    // lost answer) holds the money once. The note and the person are not
    // the request's content.
    r.requestNo = requestNo.trimmed();
    if (!r.requestNo.isEmpty())
        r.fingerprint = QStringLiteral("payout|%1|%2|%3")
                            .arg(r.merchantId, QString::number(r.amountFen), r.currency);
    return requestHeld(r, {m_config.payoutsPerDay, m_config.payoutFenPerDay},
                       QStringLiteral("payouts"), QStringLiteral("pay out"));
}

BackOfficeOutcome Approvals::requestHeld(ApprovalRecord r, DailyLimit limit, const QString& what,
                                         const QString& toDo)
{
    using S = BackOfficeStatus;
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(S::StorageError, m_db.lastError());
    // A repeat is answered before the limits and the balance: it must not be
    // refused for the money its first request already holds.
    if (BackOfficeOutcome repeat = repeatOf(r); repeat.status != S::Ok)
        return repeat;
    r.proposedAtMs = m_clock.nowMs();
    r.businessDate = chinaTime(r.proposedAtMs).date();
    if (BackOfficeOutcome within = withinLimit(r, limit, what); !within.ok())
        return within;
    const Money amount = Money::fromFen(r.amountFen, r.currency);
    QString error;
    const auto balance = m_ledger.balance(r.account, Ledger::kNow, &error);
    if (!balance)
        return BackOfficeOutcome::fail(S::StorageError, error);
    if (balance->normalFen() < r.amountFen)
        return BackOfficeOutcome::fail(
            S::InsufficientFunds, QStringLiteral("only %1 is available to %2 (asked %3)")
                                      .arg(Money::fromFen(balance->normalFen()).toPlainString(),
                                           toDo, amount.toPlainString()));
    const auto id = m_store.insert(r);
    if (!id)
        return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
    if (*id == 0) { // another request took the number meanwhile
        if (BackOfficeOutcome repeat = repeatOf(r); repeat.status != S::Ok)
            return repeat;
        return BackOfficeOutcome::fail(
            S::StorageError,
            QStringLiteral("request %1 was not stored and another with its number cannot be "
                           "read; nothing was held. Try again; if it repeats, restart PayDesk")
                .arg(r.requestNo));
    }
    r.id = *id;
    LedgerTransaction t(
        m_ledger, r.kind + QStringLiteral("-hold:") + r.number(), refKindOf(r.kind), r.number(),
        QString(),
        QStringLiteral("hold for %1 %2 requested by %3").arg(r.kind, r.number(), r.proposedBy));
    t.debit(r.account, amount).credit(holdAccountOf(r), amount);
    if (const PostResult p = t.commit(&error); p != PostResult::Posted)
        return BackOfficeOutcome::fail(statusOfFailedPost(p), error);
    return {S::Ok,
            QStringLiteral("%1 %2 of %3 requested and held; another person must approve it")
                .arg(r.kind, r.number(), amount.toPlainString()),
            r.number()};
}

BackOfficeOutcome Approvals::repeatOf(const ApprovalRecord& r)
{
    using S = BackOfficeStatus;
    if (r.requestNo.isEmpty())
        return {S::Ok, QString(), QString()};
    const auto first = m_store.byRequest(r.requestNo);
    if (!first)
        return {S::Ok, QString(), QString()};
    const QString firstText =
        QStringLiteral("%1 %2 of %3 (%4)")
            .arg(first->kind, first->number(), plainAmount(*first), first->stateName());
    if (first->fingerprint != r.fingerprint) {
        const QString owner = r.kind == approvalkind::withdrawal ? QStringLiteral("member")
                                                                 : QStringLiteral("merchant");
        BackOfficeOutcome o =
            BackOfficeOutcome::fail(S::RequestMismatch, QString(), first->number());
        o.field = first->kind != r.kind
                      ? QStringLiteral("command")
                      : differingField(first->fingerprint, r.fingerprint,
                                       {QStringLiteral("command"), owner, QStringLiteral("amount"),
                                        QStringLiteral("currency")});
        o.message = QStringLiteral("request number %1 was used for %2 (its %3 differs); use a new"
                                   " number for a new request")
                        .arg(r.requestNo, firstText, o.field);
        return o;
    }
    return {S::Repeated,
            QStringLiteral("request already done: %1; nothing held again").arg(firstText),
            first->number()};
}

BackOfficeOutcome Approvals::withinLimit(const ApprovalRecord& r, DailyLimit limit,
                                         const QString& what)
{
    using S = BackOfficeStatus;
    const auto used = m_store.usage(r.kind, r.account, r.businessDate);
    if (!used)
        return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
    if (used->count >= limit.count)
        return BackOfficeOutcome::fail(
            S::LimitReached, QStringLiteral("%1 %2 were requested today, the most allowed a day; "
                                            "request again tomorrow")
                                 .arg(QString::number(used->count), what));
    if (used->amountFen + r.amountFen > limit.fen)
        return BackOfficeOutcome::fail(
            S::LimitReached,
            QStringLiteral(
                "%1 today would reach %2, above the daily limit of %3; request at most %4")
                .arg(what, Money::fromFen(used->amountFen + r.amountFen).toPlainString(),
                     Money::fromFen(limit.fen).toPlainString(),
                     Money::fromFen(qMax<qint64>(0, limit.fen - used->amountFen)).toPlainString()));
    return {S::Ok, QString(), QString()};
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
    r.proposedBy = by.trimmed();
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

BackOfficeOutcome Approvals::approve(const QString& number, const QString& by, const QString& note,
                                     const QString& kind)
{
    return decide(number, by, note, true, kind);
}

BackOfficeOutcome Approvals::reject(const QString& number, const QString& by, const QString& note,
                                    const QString& kind)
{
    if (note.trimmed().isEmpty())
        return BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                       QStringLiteral("say why it is rejected (--reason)"), number);
    return decide(number, by, note, false, kind);
}

BackOfficeOutcome Approvals::decide(const QString& number, const QString& by, const QString& note,
                                    bool approve, const QString& kind)
{
    using S = BackOfficeStatus;
    if (by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("say who decides (--by NAME)"), number);
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(S::StorageError, m_db.lastError(), number);
    auto r = m_store.byNumber(number);
    // A command for one kind never decides another (`payout approve WD...`
    // must not pay a member out).
    if (!r || (!kind.isEmpty() && r->kind != kind))
        return BackOfficeOutcome::fail(
            S::NotFound,
            QStringLiteral("no %1 %2")
                .arg(kind.isEmpty() ? QStringLiteral("request") : kind, number),
            number);
    if (r->state != ApprovalState::Requested)
        return BackOfficeOutcome::fail(
            S::InvalidState,
            QStringLiteral("%1 is already %2 by %3; it cannot be decided again")
                .arg(number, r->stateName(), r->decidedBy),
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
    return {S::Ok,
            QStringLiteral("%1 %2 by %3").arg(number, decidedText(*r, approve), r->decidedBy),
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
    if (r.kind == kPayout || r.kind == kWithdrawal) {
        key = r.kind + (approve ? QStringLiteral(":") : QStringLiteral("-release:")) + number;
        memo = approve ? QStringLiteral("%1 %2 approved by %3").arg(r.kind, number, r.decidedBy)
                       : QStringLiteral("%1 %2 rejected by %3: hold released")
                             .arg(r.kind, number, r.decidedBy);
        debit = holdAccountOf(r);
        credit = approve ? r.counterAccount : r.account;
    } else {
        key = QStringLiteral("adjust:") + number;
        memo = QStringLiteral("adjustment %1 (%2) proposed by %3, approved by %4")
                   .arg(number, r.reason, r.proposedBy, r.decidedBy);
        debit = r.account;
        credit = r.counterAccount;
    }
    LedgerTransaction t(m_ledger, key, refKindOf(r.kind), number, QString(), memo);
    t.debit(debit, amount).credit(credit, amount);
    QString error;
    if (const PostResult p = t.commit(&error); p != PostResult::Posted && p != PostResult::AlreadyPosted)
        return BackOfficeOutcome::fail(statusOfFailedPost(p), error, number);
    return {BackOfficeStatus::Ok, QString(), number};
}

} // namespace paydesk
