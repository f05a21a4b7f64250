#include "engine/RecordedMovements.h"

#include "store/Store.h"

namespace paydesk {

std::optional<std::vector<RecordedMovement>>
StoreMovements::paymentsAfter(const QString& afterPaymentNo, int limit)
{
    return m_store.paymentMovementsAfter(afterPaymentNo, limit);
}

std::optional<std::vector<RecordedMovement>>
StoreMovements::refundsAfter(const QString& afterRefundNo, int limit)
{
    return m_store.refundMovementsAfter(afterRefundNo, limit);
}

QString StoreMovements::lastError() const
{
    return m_store.lastError();
}

} // namespace paydesk
