#pragma once

#include "api/types/Accounts.h"
#include "api/types/BackOffice.h"

#include <QDate>

#include <functional>
#include <limits>
#include <optional>

namespace paydesk {

// A read's answer: the outcome (Ok, or why not: NotFound, StorageError, ...)
// and the value when Ok.
template <typename T> struct BackOfficeRead
{
    BackOfficeOutcome outcome;
    T value{};
    bool ok() const { return outcome.ok(); }
};

// The back office's use cases, for accounting staff and the tools they use:
// the ledger, settlement, payouts and adjustments (maker-checker), member
// wallets and the internal check. Every change is durable before its reply
// runs; a reply runs exactly once. Outcomes carry a stable status
// (backOfficeStatusName: "same_user", "limit_reached", ...) beside the
// human text, which front ends may show but never parse.
class BackOfficeApi
{
public:
    template <typename T> using Reply = std::function<void(const T&)>;
    using OutcomeReply = Reply<BackOfficeOutcome>;
    // "Now", for the ledger reads' atMs.
    static constexpr qint64 kNow = std::numeric_limits<qint64>::max();

    virtual ~BackOfficeApi() = default;

    // Ledger (reads).
    virtual void balances(qint64 atMs, Reply<BackOfficeRead<QList<AccountBalance>>> reply) = 0;
    virtual void balance(const QString& account, qint64 atMs,
                         Reply<BackOfficeRead<AccountBalance>> reply) = 0;
    virtual void journal(const JournalFilter& filter, Reply<QList<JournalEntry>> reply) = 0;
    virtual void check(Reply<InternalCheckReport> reply) = 0;
    // Posts the movements that have no ledger entry (data from before the
    // ledger).
    virtual void backfill(Reply<BackfillReport> reply) = 0;

    // Settlement: day `day`'s net from pending to available, minus fees.
    virtual void settle(const QDate& day, const QString& by, const QString& merchantId,
                        Reply<SettlementReport> reply) = 0;
    virtual void settlements(const QString& merchantId, Reply<QList<SettlementRow>> reply) = 0;

    // Payouts and adjustments: one person proposes, another decides.
    // `kind` is "payout" or "adjustment".
    virtual void approvals(const QString& kind, Reply<QList<ApprovalRecord>> reply) = 0;
    virtual void requestPayout(const Money& amount, const QString& by, const QString& note,
                               const QString& requestNo, OutcomeReply reply) = 0;
    virtual void proposeAdjustment(const QString& account, const Money& amount,
                                   const QString& counterAccount, const QString& reason,
                                   const QString& by, OutcomeReply reply) = 0;
    virtual void decideApproval(const QString& kind, const QString& number, bool approve,
                                const QString& by, const QString& note, OutcomeReply reply) = 0;

    // Member wallets.
    virtual void topUpCash(const QString& memberId, const Money& amount, const QString& requestNo,
                           const QString& by, OutcomeReply reply) = 0;
    virtual void topUpFromOrder(const QString& memberId, const QString& orderNo,
                                const QString& requestNo, const QString& by,
                                OutcomeReply reply) = 0;
    virtual void walletPay(const QString& memberId, const Money& amount, const QString& saleRef,
                           const QString& requestNo, const QString& by, OutcomeReply reply) = 0;
    virtual void walletRefund(const QString& payOpNumber, const Money& amount,
                              const QString& reason, const QString& requestNo, const QString& by,
                              OutcomeReply reply) = 0;
    virtual void wallet(const QString& memberId, Reply<BackOfficeRead<WalletView>> reply) = 0;
    virtual void requestWithdrawal(const QString& memberId, const Money& amount,
                                   const QString& requestNo, const QString& by, const QString& note,
                                   OutcomeReply reply) = 0;
    virtual void decideWithdrawal(const QString& number, bool approve, const QString& by,
                                  const QString& note, OutcomeReply reply) = 0;
    virtual void withdrawals(const QString& memberId, Reply<QList<ApprovalRecord>> reply) = 0;
};

} // namespace paydesk
