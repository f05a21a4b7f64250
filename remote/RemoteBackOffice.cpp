#include "RemoteBackOffice.h"

namespace paydesk {

BackOfficeOutcome notServedRemotely()
{
    return BackOfficeOutcome::fail(
        BackOfficeStatus::Unavailable,
        QStringLiteral("the back office and reconciliation are not served over the network yet: "
                       "run this on the server's machine (paydesk-core --data DIR ...)"));
}

void RemoteBackOffice::balances(qint64, Reply<BackOfficeRead<QList<AccountBalance>>> reply)
{
    reply({notServedRemotely(), {}});
}
void RemoteBackOffice::balance(const QString&, qint64, Reply<BackOfficeRead<AccountBalance>> reply)
{
    reply({notServedRemotely(), {}});
}
void RemoteBackOffice::journal(const JournalFilter&, Reply<QList<JournalEntry>> reply)
{
    reply({});
}
void RemoteBackOffice::check(Reply<InternalCheckReport> reply)
{
    InternalCheckReport r;
    r.error = notServedRemotely().message;
    reply(r);
}
void RemoteBackOffice::backfill(Reply<BackfillReport> reply)
{
    BackfillReport r;
    r.error = notServedRemotely().message;
    reply(r);
}
void RemoteBackOffice::settle(const QDate&, const QString&, const QString&,
                              Reply<SettlementReport> reply)
{
    reply({notServedRemotely(), {}});
}
void RemoteBackOffice::settlements(const QString&, Reply<QList<SettlementRow>> reply)
{
    reply({});
}
void RemoteBackOffice::approvals(const QString&, Reply<QList<ApprovalRecord>> reply)
{
    reply({});
}
void RemoteBackOffice::requestPayout(const Money&, const QString&, const QString&, const QString&,
                                     OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::proposeAdjustment(const QString&, const Money&, const QString&,
                                         const QString&, const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::decideApproval(const QString&, const QString&, bool, const QString&,
                                      const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::topUpCash(const QString&, const Money&, const QString&, const QString&,
                                 OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::topUpFromOrder(const QString&, const QString&, const QString&,
                                      const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::walletPay(const QString&, const Money&, const QString&, const QString&,
                                 const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::walletRefund(const QString&, const Money&, const QString&, const QString&,
                                    const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::wallet(const QString&, Reply<BackOfficeRead<WalletView>> reply)
{
    reply({notServedRemotely(), {}});
}
void RemoteBackOffice::requestWithdrawal(const QString&, const Money&, const QString&,
                                         const QString&, const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::decideWithdrawal(const QString&, bool, const QString&, const QString&,
                                        OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteBackOffice::withdrawals(const QString&, Reply<QList<ApprovalRecord>> reply)
{
    reply({});
}

void RemoteRecon::reconcile(const ReconcileRequest&, Reply<ReconcileResult> reply)
{
    reply({notServedRemotely(), {}});
}
void RemoteRecon::differences(const DiffFilter&, Reply<QList<ReconDifference>> reply)
{
    reply({});
}
void RemoteRecon::difference(qint64, Reply<std::optional<ReconDifference>> reply)
{
    reply(std::nullopt);
}
void RemoteRecon::resolveDifference(qint64, const QString&, const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteRecon::proposeWriteOff(qint64, const QString&, const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteRecon::proposeRecovery(qint64, const QString&, const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteRecon::decideDifference(qint64, const QString&, bool, OutcomeReply reply)
{
    reply(notServedRemotely());
}
void RemoteRecon::assignDifference(qint64, const QString&, const QString&, OutcomeReply reply)
{
    reply(notServedRemotely());
}

} // namespace paydesk
