#pragma once

#include "api/PayDeskApi.h"

#include <QAbstractListModel>

namespace paydesk::ui {

// Open (unacknowledged) alerts from the core, newest first, live.
class AlertsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        AlertIdRole = Qt::UserRole + 1,
        OrderNoRole,
        LevelRole,
        KindRole
    };

    explicit AlertsModel(PayDeskApi& api, QObject* parent = nullptr);

    void reload();
    // Acknowledges the alert in the core; the row goes when the core agrees.
    void acknowledge(qint64 alertId, const QString& who,
                     std::function<void(const CommandOutcome&)> done = {});
    const AlertRecord* alertAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    PayDeskApi& m_api;
    QList<AlertRecord> m_alerts;
};

} // namespace paydesk::ui
