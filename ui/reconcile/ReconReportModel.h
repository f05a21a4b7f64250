#pragma once

#include "api/types/Reconciliation.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// A reconciliation run's report: what we hold and what the bill says, line
// by line, as the exports write it (labels translated on screen).
class ReconReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Item,
        Ours,
        Bill,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const ReconReport& report);
    const ReconReport& report() const { return m_report; }
    bool hasReport() const { return !m_report.billSha256.isEmpty(); }
    // The row labelled `item` (the export's label), or -1.
    int rowOf(const QString& item) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ReconReport m_report;
    QList<QStringList> m_rows;
};

} // namespace paydesk::ui
