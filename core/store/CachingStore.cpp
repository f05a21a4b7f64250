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
    const quint64 transaction = m_db.inTransaction() ? m_db.transactionSerial() : 0;
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
const Record* CachingStore::find(Cache<Record>& c, const QString& key)
{
    auto it = c.records.constFind(key);
    if (it == c.records.cend())
        return nullptr;
    ++m_hits;
    return &*it;
}

bool CachingStore::insertOrder(const OrderRecord& o)
{
    const bool ok = m_inner.insertOrder(o);
    if (ok && usable())
        put(m_orders, o.orderNo, o);
    return ok;
}

bool CachingStore::updateOrder(const OrderRecord& o, int expectedVersion)
{
    const bool ok = m_inner.updateOrder(o, expectedVersion);
    if (ok && usable())
        put(m_orders, o.orderNo, o);
    else
        m_orders.records.remove(o.orderNo);
    return ok;
}

std::optional<OrderRecord> CachingStore::order(const QString& orderNo)
{
    if (usable())
        if (const OrderRecord* o = find(m_orders, orderNo))
            return *o;
    auto o = m_inner.order(orderNo);
    if (o && usable())
        put(m_orders, orderNo, *o);
    return o;
}

bool CachingStore::insertPayment(const PaymentRecord& p)
{
    const bool ok = m_inner.insertPayment(p);
    if (ok && usable())
        put(m_payments, p.paymentNo, p);
    return ok;
}

bool CachingStore::updatePayment(const PaymentRecord& p, int expectedVersion)
{
    const bool ok = m_inner.updatePayment(p, expectedVersion);
    if (ok && usable())
        put(m_payments, p.paymentNo, p);
    else
        m_payments.records.remove(p.paymentNo);
    return ok;
}

std::optional<PaymentRecord> CachingStore::payment(const QString& paymentNo)
{
    if (usable())
        if (const PaymentRecord* p = find(m_payments, paymentNo))
            return *p;
    auto p = m_inner.payment(paymentNo);
    if (p && usable())
        put(m_payments, paymentNo, *p);
    return p;
}

} // namespace paydesk
