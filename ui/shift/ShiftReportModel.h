#pragma once

#include "api/types/Shifts.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// A closed shift's figures: one row per wallet, then the totals.
class ShiftReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        WalletColumn,
        Sales,
        SalesAmount,
        Refunds,
        Refunded,
        Revokes,
        Revoked,
        Net,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const ShiftReport& report);
    const ShiftReport& report() const { return m_report; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ShiftReport m_report;
    QList<WalletTakings> m_rows; // the wallets, then the totals
};

// The shift's slip as HTML (print or PDF): the same figures as the table.
QString shiftSlipHtml(const ShiftReport& r, const ShiftReportModel& model);

} // namespace paydesk::ui
