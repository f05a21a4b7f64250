#include "approvals/SettlementsModel.h"

#include "api/types/ChinaTime.h"
#include "common/AmountCells.h"

namespace paydesk::ui {

void SettlementsModel::setRows(const QList<SettlementRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int SettlementsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SettlementsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SettlementsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const SettlementRow& r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Items && index.column() <= Available ? amountAlignment()
                                                                      : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Day:
        return r.businessDate.toString(Qt::ISODate);
    case Items:
        return QString::number(r.totals.items);
    case Gross:
        return plainYuan(r.totals.grossFen);
    case Returned:
        return plainYuan(r.totals.returnedFen);
    case Net:
        return plainYuan(r.totals.netFen());
    case Fees:
        return plainYuan(r.totals.feeFen);
    case Available:
        return plainYuan(r.totals.netFen() - r.totals.feeFen);
    case RunBy:
        return r.runBy;
    case RunAt:
        return chinaTime(r.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    default:
        return {};
    }
}

QVariant SettlementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Day:
        return tr("Day");
    case Items:
        return tr("Items");
    case Gross:
        return tr("Payments");
    case Returned:
        return tr("Refunds and reversals");
    case Net:
        return tr("Net");
    case Fees:
        return tr("Fees");
    case Available:
        return tr("To available");
    case RunBy:
        return tr("Run by");
    case RunAt:
        return tr("Run at");
    default:
        return {};
    }
}

} // namespace paydesk::ui
