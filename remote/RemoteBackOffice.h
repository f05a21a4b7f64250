#pragma once

#include "api/BackOfficeApi.h"
#include "api/ReconApi.h"

namespace paydesk {

// The back office and reconciliation are not served over the network yet:
// every call answers Unavailable with where to do it instead (the CLI on
// the server's machine). Reads answer empty with the same outcome.
class RemoteBackOffice final : public BackOfficeApi
{
public:
    void balances(qint64, Reply<BackOfficeRead<QList<AccountBalance>>> reply) override;
    void balance(const QString&, qint64, Reply<BackOfficeRead<AccountBalance>> reply) override;
    void journal(const JournalFilter&, Reply<QList<JournalEntry>> reply) override;
    void check(Reply<InternalCheckReport> reply) override;
    void backfill(Reply<BackfillReport> reply) override;
    void settle(const QDate&, const QString&, const QString&,
                Reply<SettlementReport> reply) override;
    void settlements(const QString&, Reply<QList<SettlementRow>> reply) override;
    void approvals(const QString&, Reply<QList<ApprovalRecord>> reply) override;
    void requestPayout(const Money&, const QString&, const QString&, const QString&,
                       OutcomeReply reply) override;
    void proposeAdjustment(const QString&, const Money&, const QString&, const QString&,
                           const QString&, OutcomeReply reply) override;
    void decideApproval(const QString&, const QString&, bool, const QString&, const QString&,
                        OutcomeReply reply) override;
    void topUpCash(const QString&, const Money&, const QString&, const QString&,
                   OutcomeReply reply) override;
    void topUpFromOrder(const QString&, const QString&, const QString&, const QString&,
                        OutcomeReply reply) override;
    void walletPay(const QString&, const Money&, const QString&, const QString&, const QString&,
                   OutcomeReply reply) override;
    void walletRefund(const QString&, const Money&, const QString&, const QString&, const QString&,
                      OutcomeReply reply) override;
    void wallet(const QString&, Reply<BackOfficeRead<WalletView>> reply) override;
    void requestWithdrawal(const QString&, const Money&, const QString&, const QString&,
                           const QString&, OutcomeReply reply) override;
    void decideWithdrawal(const QString&, bool, const QString&, const QString&,
                          OutcomeReply reply) override;
    void withdrawals(const QString&, Reply<QList<ApprovalRecord>> reply) override;
};

class RemoteRecon final : public ReconApi
{
public:
    void reconcile(const ReconcileRequest&, Reply<ReconcileResult> reply) override;
    void differences(const DiffFilter&, Reply<QList<ReconDifference>> reply) override;
    void difference(qint64, Reply<std::optional<ReconDifference>> reply) override;
    void resolveDifference(qint64, const QString&, const QString&, OutcomeReply reply) override;
    void proposeWriteOff(qint64, const QString&, const QString&, OutcomeReply reply) override;
    void proposeRecovery(qint64, const QString&, const QString&, OutcomeReply reply) override;
    void decideDifference(qint64, const QString&, bool, OutcomeReply reply) override;
    void assignDifference(qint64, const QString&, const QString&, OutcomeReply reply) override;
};

// What they answer.
BackOfficeOutcome notServedRemotely();

} // namespace paydesk
