#pragma once

#include "api/types/Commands.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// The refunds of one order.
class RefundsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RefundNoColumn,
        AmountColumn,
        StateColumn,
        ReasonColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setRefunds(QList<RefundRecord> refunds);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<RefundRecord> m_refunds;
};

} // namespace paydesk::ui
