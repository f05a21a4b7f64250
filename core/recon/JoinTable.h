#pragma once

#include "common/BulkArray.h"
#include "recon/ReconTypes.h"

#include <QHash>
#include <QString>
#include <QStringView>

namespace paydesk {

// Our side of the reconciliation join: one item per cleared movement of the
// day, found by (kind, number). A million items must cost little to build
// and to hold: the numbers sit back to back in one character arena (no
// allocation per item), items are plain values in one vector, and the index
// is an open-addressing table of item positions with part of each hash
// beside it, so a probe compares strings only when the hashes agree. All
// three live in BulkArrays (pages mapped at once: faulting them in one by
// one was a third of the run on a VM). About 130 bytes per item; a
// QHash<QString, ...> took about 470 and four times as long.
class JoinTable
{
public:
    struct Item
    {
        qint64 amountFen = 0;
        qint64 feeFen = 0;
        qint64 atMs = 0;
        quint32 keyOffset = 0; // into the arena
        quint16 keyLength = 0;
        ItemKind kind = ItemKind::Payment;
        bool matched = false;
        bool held = false; // a pending-next-day difference from an earlier day
    };

    void reserve(qsizetype items, qsizetype averageKeyLength = 32);
    // The new item (valid until the next insert), or null when (kind,
    // number) is there already (the first one stays).
    Item* insert(ItemKind kind, QStringView itemNo, qint64 amountFen, qint64 feeFen, qint64 atMs);
    // Bulk loading: adds an item the caller knows is not there yet (the
    // day's clearing rows are unique by key), without indexing it; then
    // buildIndex() indexes every appended item in one pass that fetches
    // slots ahead. A random slot is a cache miss, and placing them one
    // per row as the rows arrive paid every miss in full.
    void append(ItemKind kind, QStringView itemNo, qint64 amountFen, qint64 feeFen, qint64 atMs);
    void buildIndex();
    // Marks an item as held from an earlier day's run (difference heldId).
    void setHeld(Item* item, qint64 heldId, const QString& orderNo);
    // Null when absent. Bills and our clearing rows are both in time order,
    // so the item after the last one found is tried first: when it is the
    // one, no random slot is touched.
    Item* find(ItemKind kind, QStringView itemNo);

    const BulkArray<Item>& items() const { return m_items; }
    qsizetype size() const { return qsizetype(m_items.size()); }
    QStringView itemNo(const Item& item) const
    {
        return QStringView(m_arena.data() + item.keyOffset, item.keyLength);
    }
    qint64 heldId(const Item& item) const;
    QString orderNo(const Item& item) const; // only held items know theirs

private:
    struct Slot
    {
        quint32 item = 0; // index + 1; 0 = empty
        quint32 hash = 0; // the hash's high bits, to skip most string compares
    };
    struct Held
    {
        qint64 id = 0;
        QString orderNo;
    };

    static size_t hashOf(ItemKind kind, QStringView itemNo);
    void rebuild(size_t capacity);
    void place(size_t firstItem); // indexes items [firstItem, size())
    qsizetype slotFor(size_t hash, ItemKind kind, QStringView itemNo) const;
    quint32 index(const Item& item) const { return quint32(&item - m_items.data()); }

    BulkArray<char16_t> m_arena;
    BulkArray<Item> m_items;
    BulkArray<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_indexed = 0;        // items [0, m_indexed) are in the slots
    size_t m_next = 0;           // the item find() tries first
    QHash<quint32, Held> m_held; // by item index: few
};

} // namespace paydesk
