#include "reconcile/DifferencesModel.h"

#include "common/AmountCells.h"

namespace paydesk::ui {

void DifferencesModel::setDifferences(const QList<ReconDifference>& differences)
{
    beginResetModel();
    m_differences = differences;
    endResetModel();
}

int DifferencesModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_differences.size(); ++row)
        if (m_differences.at(row).id == id)
            return row;
    return -1;
}

int DifferencesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_differences.size());
}

int DifferencesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DifferencesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const ReconDifference& d = m_differences.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Ours || index.column() == Bill ? amountAlignment() : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Id:
        return QString::number(d.id);
    case Day:
        return d.businessDate.toString(Qt::ISODate);
    case Channel:
        return d.channel;
    case Kind:
        return diffKindName(d.kind);
    case State:
        return diffStateName(d.state);
    case Item:
        return itemKindName(d.item);
    case Number:
        return d.itemNo;
    case Order:
        return d.orderNo;
    case Ours:
        return d.oursState.isEmpty() && d.oursFen == 0
                   ? QString()
                   : plainYuan(d.oursFen) + QLatin1Char(' ') + d.oursState;
    case Bill:
        return d.theirsState.isEmpty() && d.theirsFen == 0
                   ? QString()
                   : plainYuan(d.theirsFen) + QLatin1Char(' ') + d.theirsState;
    case Owner:
        return d.owner;
    case Note:
        return d.note;
    case ProposedBy:
        return d.proposedBy;
    case DecidedBy:
        return d.decidedBy;
    default:
        return {};
    }
}

QVariant DifferencesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("No.");
    case Day:
        return tr("Day");
    case Channel:
        return tr("Channel");
    case Kind:
        return tr("Difference");
    case State:
        return tr("State");
    case Item:
        return tr("Item");
    case Number:
        return tr("Number");
    case Order:
        return tr("Order");
    case Ours:
        return tr("Ours");
    case Bill:
        return tr("Bill");
    case Owner:
        return tr("Owner");
    case Note:
        return tr("Note");
    case ProposedBy:
        return tr("Proposed by");
    case DecidedBy:
        return tr("Decided by");
    default:
        return {};
    }
}

} // namespace paydesk::ui
