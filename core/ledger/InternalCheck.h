#pragma once

#include <QList>
#include <QString>

namespace paydesk {

class Database;
class Ledger;
class SettlementStore;
class WalletStore;

struct CheckLine
{
    QString subject;   // what was checked: an account, a wallet, a merchant
    QString rule;      // the equation, in words
    qint64 expectedFen = 0;
    qint64 actualFen = 0;
    bool isCount = false; // a number of items, not an amount
    bool ok() const { return expectedFen == actualFen; }
};

struct InternalCheckReport
{
    QList<CheckLine> lines;
    QString error; // I/O error: the check could not run
    bool ok() const
    {
        if (!error.isEmpty())
            return false;
        for (const CheckLine& l : lines)
            if (!l.ok())
                return false;
        return true;
    }
};

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
                  QString merchantId);
    InternalCheckReport run();

private:
    Database& m_db;
    Ledger& m_ledger;
    SettlementStore& m_clearing;
    WalletStore& m_wallets;
    QString m_merchantId;
};

} // namespace paydesk
