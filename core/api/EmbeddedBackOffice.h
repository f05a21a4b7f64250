#pragma once

#include "api/BackOfficeApi.h"

namespace paydesk {

class BackOffice;

// A change's outcome once it is durable: a failed commit turns it into
// StorageError (nothing was changed).
BackOfficeOutcome durableOutcome(BackOffice& backOffice, BackOfficeOutcome o);

// The back office of the core in this process: each use case runs on the
// ledger's modules and, when it changed something, commits before its reply.
class EmbeddedBackOffice final : public BackOfficeApi
{
public:
    explicit EmbeddedBackOffice(BackOffice& backOffice) : m_bo(backOffice) {}

    void balances(qint64 atMs, Reply<BackOfficeRead<QList<AccountBalance>>> reply) override;
    void balance(const QString& account, qint64 atMs,
                 Reply<BackOfficeRead<AccountBalance>> reply) override;
    void journal(const JournalFilter& filter, Reply<QList<JournalEntry>> reply) override;
    void check(Reply<InternalCheckReport> reply) override;
    void backfill(Reply<BackfillReport> reply) override;
    void settle(const QDate& day, const QString& by, const QString& merchantId,
                Reply<SettlementReport> reply) override;
    void settlements(const QString& merchantId, Reply<QList<SettlementRow>> reply) override;
    void approvals(const QString& kind, Reply<QList<ApprovalRecord>> reply) override;
    void requestPayout(const Money& amount, const QString& by, const QString& note,
                       const QString& requestNo, OutcomeReply reply) override;
    void proposeAdjustment(const QString& account, const Money& amount,
                           const QString& counterAccount, const QString& reason, const QString& by,
                           OutcomeReply reply) override;
    void decideApproval(const QString& kind, const QString& number, bool approve, const QString& by,
                        const QString& note, OutcomeReply reply) override;
    void topUpCash(const QString& memberId, const Money& amount, const QString& requestNo,
                   const QString& by, OutcomeReply reply) override;
    void topUpFromOrder(const QString& memberId, const QString& orderNo, const QString& requestNo,
                        const QString& by, OutcomeReply reply) override;
    void walletPay(const QString& memberId, const Money& amount, const QString& saleRef,
                   const QString& requestNo, const QString& by, OutcomeReply reply) override;
    void walletRefund(const QString& payOpNumber, const Money& amount, const QString& reason,
                      const QString& requestNo, const QString& by, OutcomeReply reply) override;
    void wallet(const QString& memberId, Reply<BackOfficeRead<WalletView>> reply) override;
    void requestWithdrawal(const QString& memberId, const Money& amount, const QString& requestNo,
                           const QString& by, const QString& note, OutcomeReply reply) override;
    void decideWithdrawal(const QString& number, bool approve, const QString& by,
                          const QString& note, OutcomeReply reply) override;
    void withdrawals(const QString& memberId, Reply<QList<ApprovalRecord>> reply) override;

private:
    BackOfficeOutcome durable(BackOfficeOutcome o) { return durableOutcome(m_bo, std::move(o)); }

    BackOffice& m_bo;
};

} // namespace paydesk
