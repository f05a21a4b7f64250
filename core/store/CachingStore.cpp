#include "store/CachingStore.h"

namespace paydesk {

CachingStore::CachingStore(Store& inner, Database& db, int capacity)
    : m_inner(inner), m_db(db), m_capacity(capacity)
{
    Q_ASSERT(capacity > 0);
    m_enabled = m_db.dataVersion().has_value();
}

bool CachingStore::usable()
{
    if (!m_enabled)
        return false;
    if (m_db.hasFailed()) {
        // The copies may hold writes the failed batch never made durable:
        // from now on every read says what storage holds.
        m_orders = {};
        m_payments = {};
        m_enabled = false;
        return false;
    }
    const quint64 transaction = m_db.openTransactionId();
    if (transaction != 0 && transaction == m_checkedTransaction)
        return true;
    m_checkedTransaction = transaction;
    const std::optional<qint64> v = m_db.dataVersion();
    if (!v || *v != m_dataVersion) {
        m_orders = {};
        m_payments = {};
        m_dataVersion = v.value_or(-1);
    }
    return v.has_value();
}

template <typename Record>
void CachingStore::put(Cache<Record>& c, const QString& key, const Record& r)
{
    auto it = c.records.find(key);
    if (it != c.records.end()) {
        *it = r;
        return;
    }
    c.records.insert(key, r);
    c.order.push_back(key);
    while (int(c.order.size()) > m_capacity) {
        c.records.remove(c.order.front());
        c.order.pop_front();
    }
}

template <typename Record>
void CachingStore::written(Cache<Record>& c, const QString& key, const Record& r, bool ok)
{
    if (ok && usable())
        put(c, key, r);
    else
        c.records.remove(key); // a lost race: our copy may be stale
}

template <typename Record, typename Load>
std::optional<Record> CachingStore::read(Cache<Record>& c, const QString& key, Load load)
{
    // One freshness check per read: outside a transaction each one is a query.
    const bool cacheable = usable();
    if (cacheable) {
        auto it = c.records.constFind(key);
        if (it != c.records.cend()) {
            ++m_hits;
            return *it;
        }
    }
    std::optional<Record> r = load();
    if (r && cacheable)
        put(c, key, *r);
    return r;
}

bool CachingStore::insertOrder(const OrderRecord& o)
{
    const bool ok = m_inner.insertOrder(o);
    written(m_orders, o.orderNo, o, ok);
    return ok;
}

bool CachingStore::updateOrder(const OrderRecord& o, int expectedVersion)
{
    const bool ok = m_inner.updateOrder(o, expectedVersion);
    written(m_orders, o.orderNo, o, ok);
    return ok;
}

std::optional<OrderRecord> CachingStore::order(const QString& orderNo)
{
    return read(m_orders, orderNo, [&] { return m_inner.order(orderNo); });
}

bool CachingStore::insertPayment(const PaymentRecord& p)
{
    const bool ok = m_inner.insertPayment(p);
    written(m_payments, p.paymentNo, p, ok);
    return ok;
}

bool CachingStore::updatePayment(const PaymentRecord& p, int expectedVersion)
{
    const bool ok = m_inner.updatePayment(p, expectedVersion);
    written(m_payments, p.paymentNo, p, ok);
    return ok;
}

std::optional<PaymentRecord> CachingStore::payment(const QString& paymentNo)
{
    return read(m_payments, paymentNo, [&] { return m_inner.payment(paymentNo); });
}

} // namespace paydesk
