#include "books/PostingsModel.h"

#include "common/AmountCells.h"

namespace paydesk::ui {

void PostingsModel::setPostings(const QList<Posting>& postings)
{
    beginResetModel();
    m_postings = postings;
    endResetModel();
}

int PostingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_postings.size());
}

int PostingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PostingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Posting& p = m_postings.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Account ? QVariant() : amountAlignment();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Account:
        return p.account;
    case Debit:
        return p.amountFen > 0 ? plainYuan(p.amountFen) : QString();
    case Credit:
        return p.amountFen < 0 ? plainYuan(-p.amountFen) : QString();
    default:
        return {};
    }
}

QVariant PostingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Account:
        return tr("Account");
    case Debit:
        return tr("Debit");
    case Credit:
        return tr("Credit");
    default:
        return {};
    }
}

} // namespace paydesk::ui
