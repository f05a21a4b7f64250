#pragma once

#include "ledger/Approvals.h"
#include "ledger/BackOfficeResult.h"
#include "ledger/LedgerConfig.h"
#include "ledger/WalletStore.h"

#include <functional>

namespace paydesk {

class Clock;
class Database;
class Ledger;
class SettlementStore;

// Member stored value. Every operation is idempotent by its request number
// (a repeat returns the first result; other content under the same number is
// refused), and a sale is paid from a wallet at most once whatever the
// request numbers: a member pressing "pay" three times is charged once.
//   top-up (cash)    Dr cash:<store>      / Cr wallet:<member>
//   top-up (order)   Dr pending:<merchant>/ Cr wallet:<member>
//   pay              Dr wallet:<member>   / Cr pending:<merchant>
//   refund           Dr pending:<merchant>/ Cr wallet:<member>
// Movements against pending carry a clearing item so the settlement run
// moves exactly what pending holds.
//
// Withdrawals (提现) are maker-checker requests (Approvals, kind
// "withdrawal", numbers WD...), limited per member and China day:
//   request          Dr wallet:<member>   / Cr wallet-withdrawal-hold
//   approve (paid)   Dr wallet-withdrawal-hold / Cr cash:<store>  (paid in cash at the counter)
//   reject           Dr wallet-withdrawal-hold / Cr wallet:<member>
class Wallets
{
public:
    // Paid amount of an order, or nullopt if the order is not paid.
    using PaidAmount = std::function<std::optional<Money>(const QString& orderNo)>;

    Wallets(Database& db, Ledger& ledger, WalletStore& store, SettlementStore& clearing,
            Approvals& approvals, Clock& clock, LedgerConfig config, QString storeId,
            PaidAmount paidAmount);

    BackOfficeOutcome topUpCash(const QString& memberId, const Money& amount, const QString& requestNo,
                                const QString& by);
    BackOfficeOutcome topUpFromOrder(const QString& memberId, const QString& orderNo,
                                     const QString& requestNo, const QString& by);
    BackOfficeOutcome pay(const QString& memberId, const Money& amount, const QString& saleRef,
                          const QString& requestNo, const QString& by);
    BackOfficeOutcome refund(const QString& payOpNumber, const Money& amount, const QString& reason,
                             const QString& requestNo, const QString& by);
    // Freezes the amount at once; `by` asks, another person decides.
    BackOfficeOutcome requestWithdrawal(const QString& memberId, const Money& amount,
                                        const QString& requestNo, const QString& by,
                                        const QString& note);
    BackOfficeOutcome approveWithdrawal(const QString& number, const QString& by,
                                        const QString& note = QString());
    BackOfficeOutcome rejectWithdrawal(const QString& number, const QString& by,
                                       const QString& note);
    // Newest first; `memberId` empty: every member's.
    QList<ApprovalRecord> withdrawals(const QString& memberId = QString(), int limit = 100);
    std::optional<WalletView> show(const QString& memberId, QString* error = nullptr);
    QStringList members() { return m_store.members(); }

private:
    BackOfficeOutcome apply(WalletOp op, const QString& debit, const QString& credit,
                            qint64 clearingFen);

    Database& m_db;
    Ledger& m_ledger;
    WalletStore& m_store;
    SettlementStore& m_clearing;
    Approvals& m_approvals;
    Clock& m_clock;
    LedgerConfig m_config;
    QString m_storeId;
    PaidAmount m_paidAmount;
};

} // namespace paydesk
