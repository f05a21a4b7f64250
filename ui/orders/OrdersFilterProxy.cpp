#include "orders/OrdersFilterProxy.h"

#include "orders/OrdersTableModel.h"

namespace paydesk::ui {

void OrdersFilterProxy::setStateFilter(int orderState)
{
    m_state = orderState;
    invalidateRowsFilter();
}

void OrdersFilterProxy::setWalletFilter(Wallet wallet)
{
    m_wallet = wallet;
    invalidateRowsFilter();
}

bool OrdersFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state != 0 && i.data(OrdersTableModel::StateRole).toInt() != m_state)
        return false;
    if (m_wallet != Wallet::Unknown &&
        i.data(OrdersTableModel::WalletRole).toInt() != int(m_wallet))
        return false;
    return true;
}

bool OrdersFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (left.column() == OrdersTableModel::AmountColumn)
        return left.data(OrdersTableModel::AmountFenRole).toLongLong() <
               right.data(OrdersTableModel::AmountFenRole).toLongLong();
    if (left.column() == OrdersTableModel::CreatedColumn)
        return left.data(OrdersTableModel::OrderNoRole).toString() <
               right.data(OrdersTableModel::OrderNoRole).toString();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace paydesk::ui
