#include "orders/AlertsModel.h"

#include "common/Tone.h"
#include "orders/AlertTexts.h"

#include <QDateTime>

namespace paydesk::ui {

AlertsModel::AlertsModel(PayDeskApi& api, QObject* parent) : QAbstractListModel(parent), m_api(api)
{
    connect(&m_api, &PayDeskApi::alertRaised, this, [this](const AlertRecord& a) {
        beginInsertRows({}, 0, 0);
        m_alerts.prepend(a);
        endInsertRows();
    });
    reload();
}

void AlertsModel::reload()
{
    m_api.alerts(true, 200, [this](const QList<AlertRecord>& alerts) {
        beginResetModel();
        m_alerts = alerts;
        endResetModel();
    });
}

void AlertsModel::acknowledge(qint64 alertId, const QString& who,
                              std::function<void(const CommandOutcome&)> done)
{
    m_api.acknowledgeAlert(alertId, who, [this, alertId, done](const CommandOutcome& o) {
        if (o.ok()) {
            for (int i = 0; i < m_alerts.size(); ++i) {
                if (m_alerts.at(i).id != alertId)
                    continue;
                beginRemoveRows({}, i, i);
                m_alerts.removeAt(i);
                endRemoveRows();
                break;
            }
        }
        if (done)
            done(o);
    });
}

const AlertRecord* AlertsModel::alertAt(int row) const
{
    return row >= 0 && row < m_alerts.size() ? &m_alerts.at(row) : nullptr;
}

int AlertsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const AlertRecord& a = m_alerts.at(index.row());
    switch (role) {
    case AlertIdRole:
        return a.id;
    case OrderNoRole:
        return a.orderNo;
    case LevelRole:
        return int(a.level);
    case KindRole:
        return a.kind;
    case Qt::DecorationRole:
        return toneIcon(a.level == AlertLevel::Page ? SaleTone::Failure : SaleTone::Warning);
    case Qt::ToolTipRole: // the whole summary, then the core's detail with its numbers
        return alertSummary(a.kind) + QStringLiteral("\n\n") + a.message;
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2").arg(
            QDateTime::fromMSecsSinceEpoch(a.atMs).toString(QStringLiteral("HH:mm:ss")),
            alertSummary(a.kind));
    default:
        return {};
    }
}

} // namespace paydesk::ui
