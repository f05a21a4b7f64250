#pragma once

#include "api/types/Dashboard.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// The dashboard's table: one row per wallet with what its sales took and
// gave back and how its channel did, and a last row for all wallets.
class WalletFiguresModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        WalletColumn,
        Sales,
        Taken,
        Refunded,
        Revoked,
        Net,
        SuccessRate,
        MedianToPaid,
        NotPaid,
        InProgress,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setFigures(const DashboardFigures& figures);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "95.0 %", "—" when nothing has an outcome; "1.8 s", "—" when none was paid.
    static QString rateText(double rate);
    static QString durationText(qint64 ms);

private:
    struct Row
    {
        WalletTakings takings;
        ChannelPerformance channel;
    };
    QVariant cell(const Row& row, int column) const;

    QList<Row> m_rows; // the wallets, then all of them
};

} // namespace paydesk::ui
