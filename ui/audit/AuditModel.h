#pragma once

#include "api/types/Audit.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// The audit log's entries, newest first, as read through the facade.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        User,
        Counter,
        Action,
        Outcome, // before the long texts, so it shows without scrolling
        Subject,
        Detail,
        Message,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<AuditEntry>& entries);
    const QList<AuditEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries;
};

} // namespace paydesk::ui
