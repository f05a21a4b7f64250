#include "api/EmbeddedBackOffice.h"

#include "ledger/BackOffice.h"

namespace paydesk {

BackOfficeOutcome durableOutcome(BackOffice& backOffice, BackOfficeOutcome o)
{
    if (o.ok() && !backOffice.commit())
        return BackOfficeOutcome::fail(BackOfficeStatus::StorageError,
                                       QStringLiteral("storage failed; nothing was changed: "
                                                      "restart PayDesk"),
                                       o.number);
    return o;
}

void EmbeddedBackOffice::balances(qint64 atMs, Reply<BackOfficeRead<QList<AccountBalance>>> reply)
{
    BackOfficeRead<QList<AccountBalance>> r;
    QString error;
    if (auto all = m_bo.ledger().balances(atMs, &error))
        r.value = *all;
    else
        r.outcome = BackOfficeOutcome::fail(BackOfficeStatus::StorageError, error);
    reply(r);
}

void EmbeddedBackOffice::balance(const QString& account, qint64 atMs,
                                 Reply<BackOfficeRead<AccountBalance>> reply)
{
    BackOfficeRead<AccountBalance> r;
    QString error;
    if (auto b = m_bo.ledger().balance(account, atMs, &error)) {
        r.value = *b;
    } else {
        r.outcome = BackOfficeOutcome::fail(error.contains(QLatin1String("is not an account"))
                                                ? BackOfficeStatus::InvalidArgument
                                                : BackOfficeStatus::StorageError,
                                            error);
    }
    reply(r);
}

void EmbeddedBackOffice::journal(const JournalFilter& filter, Reply<QList<JournalEntry>> reply)
{
    reply(m_bo.ledger().journal(filter));
}

void EmbeddedBackOffice::check(Reply<InternalCheckReport> reply)
{
    reply(m_bo.check());
}

void EmbeddedBackOffice::backfill(Reply<BackfillReport> reply)
{
    reply(m_bo.backfill());
}

void EmbeddedBackOffice::settle(const QDate& day, const QString& by, const QString& merchantId,
                                Reply<SettlementReport> reply)
{
    SettlementReport r = m_bo.settlement().run(day, by, merchantId);
    r.outcome = durable(r.outcome);
    reply(r);
}

void EmbeddedBackOffice::settlements(const QString& merchantId, Reply<QList<SettlementRow>> reply)
{
    reply(m_bo.settlement().runs(merchantId));
}

void EmbeddedBackOffice::approvals(const QString& kind, Reply<QList<ApprovalRecord>> reply)
{
    reply(m_bo.approvals().list(kind));
}

void EmbeddedBackOffice::requestPayout(const Money& amount, const QString& by, const QString& note,
                                       const QString& requestNo, OutcomeReply reply)
{
    reply(durable(m_bo.approvals().requestPayout(amount, by, note, requestNo)));
}

void EmbeddedBackOffice::proposeAdjustment(const QString& account, const Money& amount,
                                           const QString& counterAccount, const QString& reason,
                                           const QString& by, OutcomeReply reply)
{
    reply(durable(m_bo.approvals().proposeAdjustment(account, amount, counterAccount, reason, by)));
}

void EmbeddedBackOffice::decideApproval(const QString& kind, const QString& number, bool approve,
                                        const QString& by, const QString& note, OutcomeReply reply)
{
    reply(durable(approve ? m_bo.approvals().approve(number, by, note, kind)
                          : m_bo.approvals().reject(number, by, note, kind)));
}

void EmbeddedBackOffice::topUpCash(const QString& memberId, const Money& amount,
                                   const QString& requestNo, const QString& by, OutcomeReply reply)
{
    reply(durable(m_bo.wallets().topUpCash(memberId, amount, requestNo, by)));
}

void EmbeddedBackOffice::topUpFromOrder(const QString& memberId, const QString& orderNo,
                                        const QString& requestNo, const QString& by,
                                        OutcomeReply reply)
{
    reply(durable(m_bo.wallets().topUpFromOrder(memberId, orderNo, requestNo, by)));
}

void EmbeddedBackOffice::walletPay(const QString& memberId, const Money& amount,
                                   const QString& saleRef, const QString& requestNo,
                                   const QString& by, OutcomeReply reply)
{
    reply(durable(m_bo.wallets().pay(memberId, amount, saleRef, requestNo, by)));
}

void EmbeddedBackOffice::walletRefund(const QString& payOpNumber, const Money& amount,
                                      const QString& reason, const QString& requestNo,
                                      const QString& by, OutcomeReply reply)
{
    reply(durable(m_bo.wallets().refund(payOpNumber, amount, reason, requestNo, by)));
}

void EmbeddedBackOffice::wallet(const QString& memberId, Reply<BackOfficeRead<WalletView>> reply)
{
    BackOfficeRead<WalletView> r;
    QString error;
    if (auto v = m_bo.wallets().show(memberId, &error))
        r.value = *v;
    else
        r.outcome = BackOfficeOutcome::fail(BackOfficeStatus::NotFound, error);
    reply(r);
}

void EmbeddedBackOffice::requestWithdrawal(const QString& memberId, const Money& amount,
                                           const QString& requestNo, const QString& by,
                                           const QString& note, OutcomeReply reply)
{
    reply(durable(m_bo.wallets().requestWithdrawal(memberId, amount, requestNo, by, note)));
}

void EmbeddedBackOffice::decideWithdrawal(const QString& number, bool approve, const QString& by,
                                          const QString& note, OutcomeReply reply)
{
    reply(durable(approve ? m_bo.wallets().approveWithdrawal(number, by, note)
                          : m_bo.wallets().rejectWithdrawal(number, by, note)));
}

void EmbeddedBackOffice::withdrawals(const QString& memberId, Reply<QList<ApprovalRecord>> reply)
{
    reply(m_bo.wallets().withdrawals(memberId));
}

} // namespace paydesk
