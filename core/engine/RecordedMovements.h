#pragma once

#include "domain/Records.h"

#include <QString>

#include <optional>
#include <vector>

namespace paydesk {

class Store;

// The engine's money movements read back in number order, a page at a time,
// for whoever keeps its own record of them after the fact (the ledger's
// backfill and its internal check): they ask the engine instead of reading
// its tables, so the engine's schema stays its own. MoneyMovements is the
// other direction (the engine telling as it happens).
class RecordedMovements
{
public:
    virtual ~RecordedMovements() = default;
    // The captures and reversals of up to `limit` paid payments numbered
    // after `afterPaymentNo` ('' from the first), payment by payment, a
    // reversed payment's capture before its reversal. nullopt on I/O error.
    virtual std::optional<std::vector<RecordedMovement>>
    paymentsAfter(const QString& afterPaymentNo, int limit) = 0;
    // Up to `limit` successful refunds numbered after `afterRefundNo`.
    virtual std::optional<std::vector<RecordedMovement>> refundsAfter(const QString& afterRefundNo,
                                                                      int limit) = 0;
    virtual QString lastError() const = 0;
};

// RecordedMovements over the engine's store.
class StoreMovements final : public RecordedMovements
{
public:
    explicit StoreMovements(Store& store) : m_store(store) {}
    std::optional<std::vector<RecordedMovement>> paymentsAfter(const QString& afterPaymentNo,
                                                               int limit) override;
    std::optional<std::vector<RecordedMovement>> refundsAfter(const QString& afterRefundNo,
                                                              int limit) override;
    QString lastError() const override;

private:
    Store& m_store;
};

} // namespace paydesk
