#pragma once

#include "api/types/Reconciliation.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// Reconciliation's differences: what differs, its state and owner, and
// who proposed and decided what about it.
class DifferencesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Day,
        Channel,
        Kind,
        State,
        Item,
        Number,
        Order,
        Ours,
        Bill,
        Owner,
        Note,
        ProposedBy,
        DecidedBy,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setDifferences(const QList<ReconDifference>& differences);
    const QList<ReconDifference>& differences() const { return m_differences; }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ReconDifference> m_differences;
};

} // namespace paydesk::ui
