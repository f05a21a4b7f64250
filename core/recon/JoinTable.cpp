#include "recon/JoinTable.h"

#include <QHashFunctions>

namespace paydesk {

size_t JoinTable::hashOf(ItemKind kind, QStringView itemNo)
{
    return qHash(itemNo, size_t(kind) * 0x9E3779B97F4A7C15ull);
}

void JoinTable::reserve(qsizetype items)
{
    m_items.reserve(size_t(items));
    size_t capacity = 16;
    while (capacity < size_t(items) * 2)
        capacity *= 2;
    if (capacity > m_slots.size()) {
        std::vector<quint32> old;
        old.swap(m_slots);
        m_slots.assign(capacity, 0);
        m_mask = capacity - 1;
        for (quint32 i = 0; i < m_items.size(); ++i) {
            size_t s = m_items[i].hash & m_mask;
            while (m_slots[s] != 0)
                s = (s + 1) & m_mask;
            m_slots[s] = i + 1;
        }
    }
}

void JoinTable::grow()
{
    reserve(qMax<qsizetype>(16, size() * 2));
}

qsizetype JoinTable::slotFor(size_t hash, ItemKind kind, QStringView itemNo) const
{
    size_t s = hash & m_mask;
    while (m_slots[s] != 0) {
        const Item& it = m_items[m_slots[s] - 1];
        if (it.hash == hash && it.kind == kind && QStringView(it.itemNo) == itemNo)
            return qsizetype(s);
        s = (s + 1) & m_mask;
    }
    return -1 - qsizetype(s); // the empty slot where it would go
}

bool JoinTable::insert(Item item)
{
    // Keep the load at most one half: probes stay short.
    if (m_slots.empty() || (m_items.size() + 1) * 2 > m_slots.size())
        grow();
    item.hash = hashOf(item.kind, item.itemNo);
    const qsizetype s = slotFor(item.hash, item.kind, item.itemNo);
    if (s >= 0)
        return false;
    m_items.push_back(std::move(item));
    m_slots[size_t(-1 - s)] = quint32(m_items.size());
    return true;
}

JoinTable::Item* JoinTable::find(ItemKind kind, QStringView itemNo)
{
    if (m_slots.empty())
        return nullptr;
    const qsizetype s = slotFor(hashOf(kind, itemNo), kind, itemNo);
    return s >= 0 ? &m_items[m_slots[size_t(s)] - 1] : nullptr;
}

} // namespace paydesk
