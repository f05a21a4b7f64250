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
    // Marks an item as held from an earlier day's run (difference heldId).
    void setHeld(Item* item, qint64 heldId, const QString& orderNo);
    // Null when absent.
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
    qsizetype slotFor(size_t hash, ItemKind kind, QStringView itemNo) const;
    quint32 index(const Item& item) const { return quint32(&item - m_items.data()); }

    BulkArray<char16_t> m_arena;
    BulkArray<Item> m_items;
    BulkArray<Slot> m_slots;
    size_t m_mask = 0;
    QHash<quint32, Held> m_held; // by item index: few
};

} // namespace paydesk
