#pragma once

#include "recon/ReconTypes.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace paydesk {

// Our side of the reconciliation join: one item per cleared movement of the
// day, found by (kind, number). Items sit in one vector and the index is an
// open-addressing table of item positions with the hashes kept beside it, so
// building it costs no rehash of strings, a probe compares strings only when
// the hashes agree, and a million items take about 200 bytes each (a
// QHash<QString, ...> of the same took about 470 and four times as long).
class JoinTable
{
public:
    struct Item
    {
        QString itemNo;
        QString orderNo; // only for items held from an earlier day
        qint64 amountFen = 0;
        qint64 feeFen = 0;
        qint64 atMs = 0;
        qint64 heldId = 0; // a pending-next-day difference from an earlier day
        size_t hash = 0;
        ItemKind kind = ItemKind::Payment;
        bool matched = false;
    };

    void reserve(qsizetype items);
    // False when (kind, number) is there already (the first one stays).
    bool insert(Item item);
    // Null when absent.
    Item* find(ItemKind kind, QStringView itemNo);
    const std::vector<Item>& items() const { return m_items; }
    qsizetype size() const { return qsizetype(m_items.size()); }

private:
    static size_t hashOf(ItemKind kind, QStringView itemNo);
    void grow();
    qsizetype slotFor(size_t hash, ItemKind kind, QStringView itemNo) const;

    std::vector<Item> m_items;
    std::vector<quint32> m_slots; // item index + 1; 0 = empty
    size_t m_mask = 0;
};

} // namespace paydesk
