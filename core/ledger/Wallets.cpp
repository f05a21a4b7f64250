#include "ledger/Wallets.h"

#include "common/Fingerprint.h"

#include "api/types/Accounts.h"
#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "ledger/Ledger.h"
#include "ledger/SettlementStore.h"
#include "store/Database.h"

#include <QRegularExpression>

namespace paydesk {

namespace {
using S = BackOfficeStatus;

QString validMember(const QString& memberId)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(memberId).hasMatch()
               ? QString()
               : QStringLiteral("member id '%1' must be 1-64 letters, digits, '_', '.' or '-'").arg(memberId);
}

// `field`: the request's field that differs ("command" for another kind of
// request under the number).
BackOfficeOutcome usedByOther(const QString& requestNo, const QString& number, const QString& kind,
                              const Money& amount, const QString& field)
{
    BackOfficeOutcome o = BackOfficeOutcome::fail(
        S::RequestMismatch,
        QStringLiteral("request number %1 was used for %2 %3 of %4 (its %5 differs); use a new"
                       " number for a new operation")
            .arg(requestNo, number, kind, amount.toPlainString(), field));
    o.field = field;
    return o;
}
} // namespace

Wallets::Wallets(Database& db, Ledger& ledger, WalletStore& store, SettlementStore& clearing,
                 Approvals& approvals, Clock& clock, LedgerConfig config, QString storeId,
                 PaidAmount paidAmount)
    : m_db(db), m_ledger(ledger), m_store(store), m_clearing(clearing), m_approvals(approvals),
      m_clock(clock), m_config(std::move(config)), m_storeId(std::move(storeId)),
      m_paidAmount(std::move(paidAmount))
{
}

BackOfficeOutcome Wallets::apply(WalletOp op, const QString& debit, const QString& credit,
                                 qint64 clearingFen)
{
    if (op.requestNo.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("every wallet operation needs a request number"));
    if (QString e = validMember(op.memberId); !e.isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, e);
    if (!op.amount.isPositive())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("the amount must be positive"));
    op.fingerprint = QStringLiteral("%1|%2|%3|%4")
                         .arg(walletOpKindName(op.kind), op.memberId, QString::number(op.amount.fen()), op.ref);
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(S::StorageError, m_db.lastError());

    // The first answer to a request number (or to a sale already paid) is
    // the answer to every repeat. The unique indexes decide; the look-ups
    // before a wallet payment only spare a repeat a balance refusal for
    // money it already spent.
    auto repeated = [&](const WalletOp& first, const QString& why) {
        return BackOfficeOutcome{S::Repeated,
                                 QStringLiteral("%1: %2 %3 of %4 for member %5 at %6; nothing charged again")
                                     .arg(why, first.number(), walletOpKindName(first.kind),
                                          first.amount.toPlainString(), first.memberId,
                                          chinaTime(first.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                                 first.number()};
    };
    if (op.kind == WalletOpKind::Pay) {
        // A repeat must not be refused for a balance it already spent.
        if (auto first = m_store.opByRequest(op.requestNo); first && first->fingerprint == op.fingerprint)
            return repeated(*first, QStringLiteral("request already done"));
        if (auto first = m_store.opByKindRef(op.kind, op.ref); first && first->memberId == op.memberId &&
                                                                first->requestNo != op.requestNo)
            return repeated(*first, QStringLiteral("sale %1 was already paid from the wallet").arg(op.ref));
        QString error;
        const auto bal = m_ledger.balance(accounts::wallet(op.memberId), Ledger::kNow, &error);
        if (!bal)
            return BackOfficeOutcome::fail(S::StorageError, error);
        if (bal->normalFen() < op.amount.fen())
            return BackOfficeOutcome::fail(S::InsufficientFunds,
                                           QStringLiteral("member %1 has %2 in the wallet, %3 is due; top up or pay another way")
                                               .arg(op.memberId, Money::fromFen(bal->normalFen()).toPlainString(),
                                                    op.amount.toPlainString()));
    }
    // Withdrawals share the wallet's request numbers but live in approvals.
    if (auto w = m_approvals.findByRequest(op.requestNo))
        return usedByOther(op.requestNo, w->number(), w->kind,
                           Money::fromFen(w->amountFen, w->currency), QStringLiteral("command"));
    op.atMs = m_clock.nowMs();
    if (!m_store.ensureMember(op.memberId, op.atMs))
        return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
    const int inserted = m_store.insertOp(op);
    if (inserted < 0)
        return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
    if (inserted == 0) {
        if (auto first = m_store.opByRequest(op.requestNo)) {
            if (first->fingerprint != op.fingerprint)
                return usedByOther(
                    op.requestNo, first->number(), walletOpKindName(first->kind), first->amount,
                    differingField(first->fingerprint, op.fingerprint,
                                   {QStringLiteral("command"), QStringLiteral("member"),
                                    QStringLiteral("amount"), QStringLiteral("ref")},
                                   QStringLiteral("ref")));
            return repeated(*first, QStringLiteral("request already done"));
        }
        if (auto first = m_store.opByKindRef(op.kind, op.ref))
            return repeated(*first, op.kind == WalletOpKind::Pay
                                        ? QStringLiteral("sale %1 was already paid from the wallet").arg(op.ref)
                                        : QStringLiteral("order %1 was already used for a top-up").arg(op.ref));
        return BackOfficeOutcome::fail(S::StorageError, QStringLiteral("wallet operation neither stored nor found"));
    }
    LedgerTransaction t(m_ledger, QStringLiteral("wallet:") + op.number(), refkind::wallet, op.number(),
                        op.kind == WalletOpKind::TopUpFromOrder ? op.ref : QString(),
                        QStringLiteral("wallet %1 for member %2 by %3").arg(walletOpKindName(op.kind), op.memberId, op.by));
    t.debit(debit, op.amount).credit(credit, op.amount);
    QString error;
    if (const PostResult r = t.commit(&error); r != PostResult::Posted)
        return BackOfficeOutcome::fail(statusOfFailedPost(r), error);
    if (clearingFen != 0) {
        ClearingItem c;
        c.refKey = QStringLiteral("wallet:") + op.number();
        c.merchantId = m_config.merchantId;
        c.channel = QStringLiteral("wallet");
        c.orderNo = op.kind == WalletOpKind::TopUpFromOrder ? op.ref : QString();
        c.businessDate = chinaTime(t.entry().atMs).date();
        c.amountFen = clearingFen;
        c.currency = op.amount.currency();
        c.atMs = t.entry().atMs;
        if (m_clearing.insertClearing(c) < 0)
            return BackOfficeOutcome::fail(S::StorageError, m_clearing.lastError());
    }
    return {S::Ok,
            QStringLiteral("%1 %2 of %3 for member %4").arg(op.number(), walletOpKindName(op.kind),
                                                            op.amount.toPlainString(), op.memberId),
            op.number()};
}

BackOfficeOutcome Wallets::topUpCash(const QString& memberId, const Money& amount, const QString& requestNo,
                                     const QString& by)
{
    WalletOp op;
    op.requestNo = requestNo;
    op.memberId = memberId;
    op.kind = WalletOpKind::TopUpCash;
    op.amount = amount;
    op.ref = m_storeId;
    op.by = by;
    return apply(op, accounts::cash(m_storeId), accounts::wallet(memberId), 0);
}

BackOfficeOutcome Wallets::topUpFromOrder(const QString& memberId, const QString& orderNo,
                                          const QString& requestNo, const QString& by)
{
    const auto paid = m_paidAmount(orderNo);
    if (!paid)
        return BackOfficeOutcome::fail(S::InvalidState,
                                       QStringLiteral("order %1 is not paid; only a paid sale can top up a wallet").arg(orderNo));
    WalletOp op;
    op.requestNo = requestNo;
    op.memberId = memberId;
    op.kind = WalletOpKind::TopUpFromOrder;
    op.amount = *paid;
    op.ref = orderNo;
    op.by = by;
    return apply(op, accounts::merchantPending(m_config.merchantId), accounts::wallet(memberId),
                 -paid->fen());
}

BackOfficeOutcome Wallets::pay(const QString& memberId, const Money& amount, const QString& saleRef,
                               const QString& requestNo, const QString& by)
{
    if (saleRef.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("say which sale is paid (--sale REF)"));
    WalletOp op;
    op.requestNo = requestNo;
    op.memberId = memberId;
    op.kind = WalletOpKind::Pay;
    op.amount = amount;
    op.ref = saleRef;
    op.by = by;
    return apply(op, accounts::wallet(memberId), accounts::merchantPending(m_config.merchantId), amount.fen());
}

BackOfficeOutcome Wallets::refund(const QString& payOpNumber, const Money& amount, const QString& reason,
                                  const QString& requestNo, const QString& by)
{
    if (reason.trimmed().isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, QStringLiteral("a refund needs a reason (--reason)"));
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(S::StorageError, m_db.lastError());
    const auto paid = m_store.opByNumber(payOpNumber);
    if (!paid || paid->kind != WalletOpKind::Pay)
        return BackOfficeOutcome::fail(S::NotFound, QStringLiteral("%1 is not a wallet payment").arg(payOpNumber));
    if (auto first = m_store.opByRequest(requestNo); !first) {
        const auto done = m_store.refundedFen(payOpNumber);
        if (!done)
            return BackOfficeOutcome::fail(S::StorageError, m_store.lastError());
        if (*done + amount.fen() > paid->amount.fen())
            return BackOfficeOutcome::fail(
                S::InvalidState, QStringLiteral("%1 paid %2 and %3 was refunded already; at most %4 can be refunded")
                                     .arg(payOpNumber, paid->amount.toPlainString(), Money::fromFen(*done).toPlainString(),
                                          Money::fromFen(paid->amount.fen() - *done).toPlainString()));
    }
    WalletOp op;
    op.requestNo = requestNo;
    op.memberId = paid->memberId;
    op.kind = WalletOpKind::Refund;
    op.amount = amount;
    op.ref = payOpNumber;
    op.note = reason;
    op.by = by;
    return apply(op, accounts::merchantPending(m_config.merchantId), accounts::wallet(paid->memberId),
                 -amount.fen());
}

BackOfficeOutcome Wallets::requestWithdrawal(const QString& memberId, const Money& amount,
                                             const QString& requestNo, const QString& by,
                                             const QString& note)
{
    if (requestNo.trimmed().isEmpty())
        return BackOfficeOutcome::fail(
            S::InvalidArgument, QStringLiteral("every wallet operation needs a request number"));
    if (QString e = validMember(memberId); !e.isEmpty())
        return BackOfficeOutcome::fail(S::InvalidArgument, e);
    if (!amount.isPositive())
        return BackOfficeOutcome::fail(S::InvalidArgument,
                                       QStringLiteral("a withdrawal needs a positive amount"));
    if (by.trimmed().isEmpty())
        return BackOfficeOutcome::fail(
            S::InvalidArgument, QStringLiteral("say who requests the withdrawal (--by NAME)"));
    if (!m_store.memberExists(memberId))
        return BackOfficeOutcome::fail(S::NotFound,
                                       QStringLiteral("no wallet for member %1").arg(memberId));
    // Under the write lock from here: a top-up under the same number from
    // another process cannot slip in between this look and the insert.
    if (!m_db.beginWrite())
        return BackOfficeOutcome::fail(S::StorageError, m_db.lastError());
    if (auto op = m_store.opByRequest(requestNo))
        return usedByOther(requestNo, op->number(), walletOpKindName(op->kind), op->amount,
                           QStringLiteral("command"));
    ApprovalRecord r;
    r.kind = approvalkind::withdrawal;
    r.merchantId = m_config.merchantId;
    r.account = accounts::wallet(memberId);
    r.counterAccount = accounts::cash(m_storeId);
    r.amountFen = amount.fen();
    r.currency = amount.currency();
    r.reason = note;
    r.proposedBy = by.trimmed();
    r.requestNo = requestNo;
    // The note and the person are not the request's content: a repeat from
    // another counter is still the same withdrawal.
    r.fingerprint = QStringLiteral("withdrawal|%1|%2|%3")
                        .arg(memberId, QString::number(amount.fen()), amount.currency());
    return m_approvals.requestHeld(
        r, {m_config.walletWithdrawalsPerDay, m_config.walletWithdrawalFenPerDay},
        QStringLiteral("withdrawals of member %1").arg(memberId),
        QStringLiteral("withdraw from member %1's wallet").arg(memberId));
}

// Approvals refuses a number of another kind ("no withdrawal PO..."): the
// wallet commands decide nothing but withdrawals.
BackOfficeOutcome Wallets::approveWithdrawal(const QString& number, const QString& by,
                                             const QString& note)
{
    return m_approvals.approve(number, by, note, approvalkind::withdrawal);
}

BackOfficeOutcome Wallets::rejectWithdrawal(const QString& number, const QString& by,
                                            const QString& note)
{
    return m_approvals.reject(number, by, note, approvalkind::withdrawal);
}

QList<ApprovalRecord> Wallets::withdrawals(const QString& memberId, int limit)
{
    return m_approvals.list(approvalkind::withdrawal, limit,
                            memberId.isEmpty() ? QString() : accounts::wallet(memberId));
}

std::optional<WalletView> Wallets::show(const QString& memberId, QString* error)
{
    if (!m_store.memberExists(memberId)) {
        if (error)
            *error = QStringLiteral("no wallet for member %1").arg(memberId);
        return std::nullopt;
    }
    const auto bal = m_ledger.balance(accounts::wallet(memberId), Ledger::kNow, error);
    const auto totals = m_store.totals(memberId);
    if (!bal || !totals)
        return std::nullopt;
    WalletView v;
    v.memberId = memberId;
    v.balance = Money::fromFen(bal->normalFen());
    v.totals = *totals;
    v.recent = m_store.opsOfMember(memberId, 20);
    return v;
}

} // namespace paydesk
