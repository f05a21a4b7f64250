#pragma once

#include "api/PayDeskApi.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// Every alert the core keeps (open and acknowledged), newest first, with
// its severity, what it means in the user's words (the strip's texts), the
// core's detail, and who acknowledged it when. New alerts arrive live.
class AlertsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Severity,
        State,
        Summary,
        Order,
        Kind,
        Detail,
        ColumnCount
    };
    enum Role
    {
        AlertIdRole = Qt::UserRole + 1,
        LevelRole,
        KindRole,
        OpenRole
    };
    static constexpr int kLimit = 1000;

    explicit AlertsTableModel(PayDeskApi& api, QObject* parent = nullptr);

    // Reads the newest kLimit alerts (or only the open ones) again.
    void reload(bool openOnly);
    const AlertRecord* alertAt(int row) const;
    int rowOf(qint64 alertId) const;
    // Marks the alert acknowledged in place (after the core agreed).
    void markAcknowledged(qint64 alertId, const QString& who, qint64 atMs);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    PayDeskApi& m_api;
    QList<AlertRecord> m_alerts;
    quint64 m_generation = 0;
};

} // namespace paydesk::ui
