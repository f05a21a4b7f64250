#include "books/JournalModel.h"

#include "api/BackOfficeApi.h"
#include "api/types/ChinaTime.h"
#include "common/AmountCells.h"

#include <QPointer>

namespace paydesk::ui {

qint64 entryAmountFen(const JournalEntry& entry)
{
    qint64 debitFen = 0;
    for (const Posting& p : entry.postings)
        if (p.amountFen > 0)
            debitFen += p.amountFen;
    return debitFen;
}

JournalModel::JournalModel(BackOfficeApi& books, QObject* parent)
    : QAbstractTableModel(parent), m_books(books)
{}

void JournalModel::setFilter(const JournalFilter& filter)
{
    beginResetModel();
    m_filter = filter;
    m_filter.limit = kPageRows;
    m_entries.clear();
    ++m_generation;
    m_loading = false;
    m_atEnd = false;
    endResetModel();
    readPage();
}

void JournalModel::clear()
{
    beginResetModel();
    m_entries.clear();
    ++m_generation;
    m_loading = false;
    m_atEnd = true;
    endResetModel();
}

void JournalModel::readPage()
{
    Q_ASSERT(!m_loading && !m_atEnd);
    // The journal is ordered by entry id, and ids grow with time, so the
    // next page starts at the last entry's time; entries of that same
    // millisecond already shown are skipped by id.
    JournalFilter page = m_filter;
    qint64 lastId = 0;
    if (!m_entries.isEmpty()) {
        lastId = m_entries.constLast().id;
        page.fromMs = m_entries.constLast().atMs;
        int sameMs = 0;
        for (auto it = m_entries.crbegin(); it != m_entries.crend() && it->atMs == page.fromMs;
             ++it)
            ++sameMs;
        page.limit = kPageRows + sameMs;
    }
    m_loading = true;
    const quint64 generation = m_generation;
    m_books.journal(page, [self = QPointer<JournalModel>(this), generation, lastId,
                           asked = page.limit](const QList<JournalEntry>& entries) {
        if (!self || self->m_generation != generation)
            return;
        QList<JournalEntry> fresh;
        for (const JournalEntry& e : entries)
            if (e.id > lastId)
                fresh << e;
        self->m_loading = false;
        self->m_atEnd = entries.size() < asked;
        if (!fresh.isEmpty()) {
            const int first = int(self->m_entries.size());
            self->beginInsertRows({}, first, first + int(fresh.size()) - 1);
            self->m_entries += fresh;
            self->endInsertRows();
        }
        Q_EMIT self->pageLoaded();
    });
}

bool JournalModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_loading && !m_atEnd;
}

void JournalModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        readPage();
}

int JournalModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const JournalEntry& e = m_entries.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Amount ? amountAlignment() : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time:
        return chinaTime(e.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Entry:
        return e.reversesEntryId ? tr("%1 (reverses %2)").arg(e.id).arg(e.reversesEntryId)
                                 : QString::number(e.id);
    case Kind:
        return e.refKind;
    case Reference:
        return e.refNo;
    case Order:
        return e.orderNo;
    case Amount:
        return plainYuan(entryAmountFen(e));
    case Memo:
        return e.memo;
    default:
        return {};
    }
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Entry:
        return tr("Entry");
    case Kind:
        return tr("Kind");
    case Reference:
        return tr("Reference");
    case Order:
        return tr("Order");
    case Amount:
        return tr("Amount");
    case Memo:
        return tr("Memo");
    default:
        return {};
    }
}

} // namespace paydesk::ui
