#pragma once

#include "engine/MoneyMovements.h"
#include "ledger/LedgerConfig.h"

namespace paydesk {

class Ledger;
class SettlementStore;

// Turns the engine's money movements into journal entries and clearing items:
//   payment   Dr channel receivable / Cr merchant pending
//   reversal  Dr merchant pending   / Cr channel receivable
//   refund    Dr merchant pending   / Cr channel receivable
// Fees are not taken here: each item carries its fee and the settlement run
// takes the day's fees as a whole.
class EnginePostings final : public MoneyMovements
{
public:
    EnginePostings(Ledger& ledger, SettlementStore& clearing, LedgerConfig config);

    Outcome paymentCaptured(const PaymentRecord& p, const QDate& clearingDay) override;
    Outcome paymentReversed(const PaymentRecord& p) override { return reversalOn(p, {}); }
    Outcome refundSucceeded(const RefundRecord& r, const QString& channel) override
    {
        return refundOn(r, channel, {});
    }
    // The same, cleared on `clearingDay` (invalid: the day of posting), for
    // movements posted after the fact (LedgerBackfill).
    Outcome reversalOn(const PaymentRecord& p, const QDate& clearingDay);
    Outcome refundOn(const RefundRecord& r, const QString& channel, const QDate& clearingDay);

    static QString paymentKey(const QString& paymentNo)
    {
        return QStringLiteral("pay:") + paymentNo;
    }
    static QString reversalKey(const QString& paymentNo)
    {
        return QStringLiteral("reversal:") + paymentNo;
    }
    static QString refundKey(const QString& refundNo)
    {
        return QStringLiteral("refund:") + refundNo;
    }

private:
    Outcome post(const QString& key, const QString& refKind, const QString& refNo,
                 const QString& orderNo, const QString& channel, const Money& amount, bool moneyIn,
                 const QDate& clearingDay = {});

    Ledger& m_ledger;
    SettlementStore& m_clearing;
    LedgerConfig m_config;
};

} // namespace paydesk
