#include "recon/JoinTable.h"

#include <QHashFunctions>

namespace paydesk {

namespace {

quint32 tag(size_t hash)
{
    return quint32(hash >> 32) | 1; // never 0, so a stored tag is never "empty"
}

} // namespace

size_t JoinTable::hashOf(ItemKind kind, QStringView itemNo)
{
    return qHash(itemNo, size_t(kind) * 0x9E3779B97F4A7C15ull);
}

void JoinTable::reserve(qsizetype items, qsizetype averageKeyLength)
{
    m_items.reserve(size_t(items));
    m_arena.reserve(size_t(items) * size_t(averageKeyLength));
    size_t capacity = 16;
    while (capacity < size_t(items) * 2)
        capacity *= 2;
    if (capacity > m_slots.size())
        rebuild(capacity);
}

void JoinTable::rebuild(size_t capacity)
{
    m_slots.assignZero(capacity);
    m_mask = capacity - 1;
    m_indexed = 0;
    place(0);
}

void JoinTable::place(size_t firstItem)
{
    // Hashes are computed kAhead items early and their slots prefetched, so
    // by the time an item is placed its slot is in the cache.
    constexpr size_t kAhead = 16;
    size_t hashes[kAhead];
    const size_t n = m_items.size();
    for (size_t i = firstItem; i < n + kAhead; ++i) {
        if (i >= firstItem + kAhead) { // place item i - kAhead, whose slot is fetched
            const size_t j = i - kAhead;
            const size_t h = hashes[j % kAhead];
            size_t s = h & m_mask;
            while (m_slots[s].item != 0)
                s = (s + 1) & m_mask;
            m_slots[s] = Slot{quint32(j + 1), tag(h)};
        }
        if (i < n) {
            const size_t h = hashOf(m_items[i].kind, itemNo(m_items[i]));
            hashes[i % kAhead] = h;
            __builtin_prefetch(&m_slots[h & m_mask], 1);
        }
    }
    m_indexed = n;
}

qsizetype JoinTable::slotFor(size_t hash, ItemKind kind, QStringView no) const
{
    const quint32 t = tag(hash);
    size_t s = hash & m_mask;
    while (m_slots[s].item != 0) {
        if (m_slots[s].hash == t) {
            const Item& it = m_items[m_slots[s].item - 1];
            if (it.kind == kind && itemNo(it) == no)
                return qsizetype(s);
        }
        s = (s + 1) & m_mask;
    }
    return -1 - qsizetype(s); // the empty slot where it would go
}

JoinTable::Item* JoinTable::insert(ItemKind kind, QStringView no, qint64 amountFen, qint64 feeFen,
                                   qint64 atMs)
{
    Q_ASSERT(m_indexed == m_items.size()); // buildIndex() after append()
    // Keep the load at most one half: probes stay short.
    if (m_slots.empty() || (m_items.size() + 1) * 2 > m_slots.size())
        rebuild(qMax<size_t>(16, m_slots.size() * 2));
    const size_t h = hashOf(kind, no);
    const qsizetype s = slotFor(h, kind, no);
    if (s >= 0)
        return nullptr;
    append(kind, no, amountFen, feeFen, atMs);
    m_slots[size_t(-1 - s)] = Slot{quint32(m_items.size()), tag(h)};
    m_indexed = m_items.size();
    return &m_items.back();
}

void JoinTable::append(ItemKind kind, QStringView no, qint64 amountFen, qint64 feeFen, qint64 atMs)
{
    Q_ASSERT(no.size() <= 0xFFFF);
    Item it;
    it.amountFen = amountFen;
    it.feeFen = feeFen;
    it.atMs = atMs;
    it.keyOffset = quint32(m_arena.size());
    it.keyLength = quint16(no.size());
    it.kind = kind;
    Q_ASSERT(m_arena.size() + size_t(no.size()) <= 0xFFFFFFFFu);
    m_arena.append(reinterpret_cast<const char16_t*>(no.utf16()), size_t(no.size()));
    m_items.push_back(it);
}

void JoinTable::buildIndex()
{
    size_t capacity = qMax<size_t>(16, m_slots.size());
    while (capacity < m_items.size() * 2)
        capacity *= 2;
    if (capacity != m_slots.size())
        rebuild(capacity); // places every item
    else
        place(m_indexed);
}

void JoinTable::setHeld(Item* item, qint64 heldId, const QString& orderNo)
{
    item->held = true;
    m_held.insert(index(*item), Held{heldId, orderNo});
}

JoinTable::Item* JoinTable::find(ItemKind kind, QStringView no)
{
    Q_ASSERT(m_indexed == m_items.size()); // buildIndex() after append()
    if (m_next < m_items.size()) {
        Item& guess = m_items[m_next];
        if (guess.kind == kind && itemNo(guess) == no) {
            ++m_next;
            return &guess;
        }
    }
    if (m_slots.empty())
        return nullptr;
    const qsizetype s = slotFor(hashOf(kind, no), kind, no);
    if (s < 0)
        return nullptr;
    m_next = m_slots[size_t(s)].item; // index + 1: the item after this one
    return &m_items[m_next - 1];
}

qint64 JoinTable::heldId(const Item& item) const
{
    return item.held ? m_held.value(index(item)).id : 0;
}

QString JoinTable::orderNo(const Item& item) const
{
    return item.held ? m_held.value(index(item)).orderNo : QString();
}

} // namespace paydesk
