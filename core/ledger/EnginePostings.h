#pragma once

#include "engine/MoneyMovements.h"
#include "engine/RecordedMovements.h"
#include "ledger/LedgerConfig.h"

#include <QMap>

namespace paydesk {

class Ledger;
class SettlementStore;

// When a clearing item says the money moved: by default, the day and moment
// of posting.
struct ClearingWhen
{
    QDate day;
    qint64 atMs = 0;
    bool settledThatDay = false;
};

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
    Outcome paymentReversed(const PaymentRecord& p) override;
    Outcome refundSucceeded(const RefundRecord& r, const QString& channel) override;

    // A movement from before the ledger existed (LedgerBackfill): posted as
    // the engine would have, its clearing item dated when the money moved and
    // marked settled that day, because the channel paid the merchant outside
    // PayDesk then. settleOutside() then takes the amounts back out of
    // pending, so nothing becomes payable twice.
    using Movement = RecordedMovement::Kind;
    Outcome postBeforeLedger(Movement m, const QString& refNo, const QString& orderNo,
                             const QString& channel, const Money& amount, qint64 movedAtMs);
    // Dr pending / Cr each channel's receivable by its net (signed, fen),
    // under `key`: the backfilled movements' money, settled between the
    // channel and the merchant without PayDesk.
    Outcome settleOutside(const QString& key, const Currency& currency,
                          const QMap<QString, qint64>& netFenByChannel);

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
    static QString keyOf(Movement m, const QString& refNo)
    {
        return m == Movement::Capture    ? paymentKey(refNo)
               : m == Movement::Reversal ? reversalKey(refNo)
                                         : refundKey(refNo);
    }

private:
    Outcome post(const QString& key, const QString& refKind, const QString& refNo,
                 const QString& orderNo, const QString& channel, const Money& amount, bool moneyIn,
                 const ClearingWhen& clearing = ClearingWhen());

    Ledger& m_ledger;
    SettlementStore& m_clearing;
    LedgerConfig m_config;
};

} // namespace paydesk
