#pragma once

#include "ledger/ApprovalStore.h"
#include "ledger/BackOfficeResult.h"
#include "ledger/LedgerConfig.h"

namespace paydesk {

class Clock;
class Database;
class Ledger;

// At most `count` requests and `fen` a China day against one account.
struct DailyLimit
{
    int count = 0;
    qint64 fen = 0;
};

// Maker-checker requests: payouts (withdrawals of available balance), manual
// adjustments (调账) and members' wallet withdrawals (提现, requested through
// Wallets). One person proposes; another approves or rejects; the same
// person can never decide their own request.
//
// Payout: request holds the money (Dr available / Cr payout hold), approval
// pays it out (Dr payout hold / Cr bank), rejection releases the hold.
// Withdrawal: the same with Dr wallet / Cr wallet-withdrawal hold, paid out
// to the store's cash.
// Adjustment: nothing moves until approval posts it against the counter
// account (equity:adjustments unless told otherwise).
class Approvals
{
public:
    Approvals(Database& db, Ledger& ledger, ApprovalStore& store, Clock& clock, LedgerConfig config);

    // `requestNo` (optional): the idempotency key; a repeat answers Repeated
    // with the first request, another amount under it is refused.
    BackOfficeOutcome requestPayout(const Money& amount, const QString& by, const QString& note,
                                    const QString& requestNo = QString());
    // Holds r's amount from r.account until a second person decides, within
    // `limit` for that account and what its balance holds. With a request
    // number it is idempotent: a repeat answers the first request, other
    // content under the number is refused. `what` names the kind in
    // refusals ("payouts", "withdrawals of member m"); `toDo` the act ("pay out").
    BackOfficeOutcome requestHeld(ApprovalRecord r, DailyLimit limit, const QString& what,
                                  const QString& toDo);
    // amount: positive debits `account`, negative credits it.
    BackOfficeOutcome proposeAdjustment(const QString& account, const Money& amount,
                                        const QString& counterAccount, const QString& reason,
                                        const QString& by);
    // `kind` (payout, adjustment, withdrawal): refuse a number of another
    // kind; empty takes any.
    BackOfficeOutcome approve(const QString& number, const QString& by,
                              const QString& note = QString(), const QString& kind = QString());
    BackOfficeOutcome reject(const QString& number, const QString& by, const QString& note,
                             const QString& kind = QString());

    std::optional<ApprovalRecord> find(const QString& number) { return m_store.byNumber(number); }
    std::optional<ApprovalRecord> findByRequest(const QString& requestNo)
    {
        return m_store.byRequest(requestNo);
    }
    QList<ApprovalRecord> list(const QString& kind, int limit = 100,
                               const QString& account = QString())
    {
        return m_store.list(kind, limit, account);
    }

private:
    BackOfficeOutcome repeatOf(const ApprovalRecord& r);
    BackOfficeOutcome withinLimit(const ApprovalRecord& r, DailyLimit limit, const QString& what);
    BackOfficeOutcome decide(const QString& number, const QString& by, const QString& note,
                             bool approve, const QString& kind);
    BackOfficeOutcome postFor(const ApprovalRecord& r, bool approve);

    Database& m_db;
    Ledger& m_ledger;
    ApprovalStore& m_store;
    Clock& m_clock;
    LedgerConfig m_config;
};

} // namespace paydesk
