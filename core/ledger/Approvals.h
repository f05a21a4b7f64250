#pragma once

#include "ledger/ApprovalStore.h"
#include "ledger/BackOfficeResult.h"
#include "ledger/LedgerConfig.h"

namespace paydesk {

class Clock;
class Database;
class Ledger;

// Maker-checker requests: payouts (withdrawals of available balance) and
// manual adjustments (调账). One person proposes; another approves or
// rejects; the same person can never decide their own request.
//
// Payout: request holds the money (Dr available / Cr payout hold), approval
// pays it out (Dr payout hold / Cr bank), rejection releases the hold.
// Adjustment: nothing moves until approval posts it against the counter
// account (equity:adjustments unless told otherwise).
class Approvals
{
public:
    Approvals(Database& db, Ledger& ledger, ApprovalStore& store, Clock& clock, LedgerConfig config);

    BackOfficeOutcome requestPayout(const Money& amount, const QString& by, const QString& note);
    // amount: positive debits `account`, negative credits it.
    BackOfficeOutcome proposeAdjustment(const QString& account, const Money& amount,
                                        const QString& counterAccount, const QString& reason,
                                        const QString& by);
    BackOfficeOutcome approve(const QString& number, const QString& by, const QString& note = QString());
    BackOfficeOutcome reject(const QString& number, const QString& by, const QString& note);

    std::optional<ApprovalRecord> find(const QString& number) { return m_store.byNumber(number); }
    QList<ApprovalRecord> list(const QString& kind, int limit = 100) { return m_store.list(kind, limit); }

private:
    BackOfficeOutcome decide(const QString& number, const QString& by, const QString& note, bool approve);
    BackOfficeOutcome postFor(const ApprovalRecord& r, bool approve);

    Database& m_db;
    Ledger& m_ledger;
    ApprovalStore& m_store;
    Clock& m_clock;
    LedgerConfig m_config;
};

} // namespace paydesk
