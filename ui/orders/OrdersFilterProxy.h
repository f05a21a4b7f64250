#pragma once

#include "api/types/Commands.h"

#include <QSortFilterProxyModel>

namespace paydesk::ui {

// Status and wallet filters and sorting over the loaded orders. The state
// filter is also sent to the core (OrderFilter::state) so pages hold only
// matching orders; here it keeps live changes in line.
class OrdersFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setStateFilter(int orderState); // 0: any
    void setWalletFilter(Wallet wallet); // Unknown: any
    int stateFilter() const { return m_state; }
    Wallet walletFilter() const { return m_wallet; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    int m_state = 0;
    Wallet m_wallet = Wallet::Unknown;
};

} // namespace paydesk::ui
