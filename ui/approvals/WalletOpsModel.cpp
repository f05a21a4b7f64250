#include "approvals/WalletOpsModel.h"

#include "api/types/ChinaTime.h"
#include "common/AmountCells.h"

namespace paydesk::ui {

void WalletOpsModel::setOps(const QList<WalletOp>& ops)
{
    beginResetModel();
    m_ops = ops;
    endResetModel();
}

int WalletOpsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ops.size());
}

int WalletOpsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WalletOpsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const WalletOp& op = m_ops.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Amount ? amountAlignment() : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return chinaTime(op.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Number:
        return op.number();
    case Kind:
        return walletOpKindName(op.kind);
    case Amount:
        return op.amount.toPlainString();
    case Reference:
        return op.ref;
    case By:
        return op.by;
    case Note:
        return op.note;
    default:
        return {};
    }
}

QVariant WalletOpsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Number:
        return tr("Number");
    case Kind:
        return tr("Movement");
    case Amount:
        return tr("Amount");
    case Reference:
        return tr("Reference");
    case By:
        return tr("By");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace paydesk::ui
