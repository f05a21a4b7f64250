#pragma once

#include "RemoteLink.h"
#include "api/BackOfficeApi.h"
#include "api/ReconApi.h"
#include "api/types/Dashboard.h"

namespace paydesk {

// The back office over a server (paydesk-core serve), on RemoteApi's signed
// link. A command with a request number, or a decision (which the server
// refuses the second time), is sent again under the same content when its
// answer was lost, so its reply is the server's; a proposed adjustment has
// no number and is not: a lost answer says to look before asking again.
// Reads are never sent twice. A server that cannot be reached answers
// Unavailable with the reason, nothing done.
class RemoteBackOffice final : public BackOfficeApi
{
public:
    explicit RemoteBackOffice(RemoteLink& link) : m_link(link) {}

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
    RemoteLink& m_link;
};

// Reconciliation over a server. Bills come through the server's channel
// adapters: a client's file paths (billPath, csvPath, pdfPath) name nothing
// on the server and are refused there (InvalidArgument).
// The dashboard's figures from a server.
class RemoteDashboard final : public DashboardAccess
{
public:
    explicit RemoteDashboard(RemoteLink& link) : m_link(link) {}
    void figures(qint64 fromMs, qint64 toMs, Reply<DashboardResult> reply) override;

private:
    RemoteLink& m_link;
};

class RemoteRecon final : public ReconApi
{
public:
    explicit RemoteRecon(RemoteLink& link) : m_link(link) {}

    void reconcile(const ReconcileRequest& request, Reply<ReconcileResult> reply) override;
    void differences(const DiffFilter& filter, Reply<QList<ReconDifference>> reply) override;
    void difference(qint64 id, Reply<std::optional<ReconDifference>> reply) override;
    void resolveDifference(qint64 id, const QString& by, const QString& reason,
                           OutcomeReply reply) override;
    void proposeWriteOff(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override;
    void proposeRecovery(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override;
    void decideDifference(qint64 id, const QString& by, bool approve, OutcomeReply reply) override;
    void assignDifference(qint64 id, const QString& owner, const QString& by,
                          OutcomeReply reply) override;

private:
    RemoteLink& m_link;
};

} // namespace paydesk
