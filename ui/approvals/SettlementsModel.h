#pragma once

#include "api/types/BackOffice.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// Settlement runs, one per business day: what moved from pending to
// available, and who ran it.
class SettlementsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Day,
        Items,
        Gross,
        Returned,
        Net,
        Fees,
        Available, // net less fees: what became the merchant's to pay out
        RunBy,
        RunAt,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<SettlementRow>& rows);
    const QList<SettlementRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<SettlementRow> m_rows;
};

} // namespace paydesk::ui
