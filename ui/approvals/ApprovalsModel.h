#pragma once

#include "api/types/BackOffice.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// Maker-checker requests of one kind (payouts, adjustments), newest first:
// who proposed what, and who decided it and why.
class ApprovalsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        State,
        Amount,
        Account,
        CounterAccount,
        Reason,
        ProposedBy,
        ProposedAt,
        DecidedBy,
        DecisionNote,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRecords(const QList<ApprovalRecord>& records);
    const QList<ApprovalRecord>& records() const { return m_records; }
    // The row of request `number`, or -1.
    int rowOf(const QString& number) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ApprovalRecord> m_records;
};

} // namespace paydesk::ui
