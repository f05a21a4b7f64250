#pragma once

#include "api/types/BackOffice.h"

#include <QList>
#include <QString>

namespace paydesk {

class Database;
class Ledger;
class RecordedMovements;
class SettlementStore;
class WalletStore;

// The internal check (内部对账), read-only:
// - trial balance: every account's balance sums to zero;
// - every account: balance from checkpoints = sum of all its postings;
// - every wallet: top-ups + income − withdrawals − held − spending = balance,
//   and the withdrawal hold = the withdrawals waiting for approval;
// - the merchant: pending settlement = unsettled clearing items;
// - no gap: every paid payment, reversal and refund has its entry.
class InternalCheck
{
public:
    InternalCheck(Database& db, Ledger& ledger, SettlementStore& clearing, WalletStore& wallets,
                  RecordedMovements& movements, QString merchantId);
    InternalCheckReport run();

private:
    Database& m_db;
    Ledger& m_ledger;
    SettlementStore& m_clearing;
    WalletStore& m_wallets;
    RecordedMovements& m_movements;
    QString m_merchantId;
};

} // namespace paydesk
