#include "alerts/AlertsTableModel.h"

#include "api/types/ChinaTime.h"
#include "common/Tone.h"
#include "orders/AlertTexts.h"

#include <QPointer>

namespace paydesk::ui {

AlertsTableModel::AlertsTableModel(PayDeskApi& api, QObject* parent)
    : QAbstractTableModel(parent), m_api(api)
{
    connect(&m_api, &PayDeskApi::alertRaised, this, [this](const AlertRecord& a) {
        if (rowOf(a.id) >= 0)
            return;
        beginInsertRows({}, 0, 0);
        m_alerts.prepend(a);
        endInsertRows();
    });
}

void AlertsTableModel::reload(bool openOnly)
{
    const quint64 generation = ++m_generation;
    m_api.alerts(
        openOnly, kLimit,
        [self = QPointer<AlertsTableModel>(this), generation](const QList<AlertRecord>& a) {
            if (!self || self->m_generation != generation)
                return;
            self->beginResetModel();
            self->m_alerts = a;
            self->endResetModel();
        });
}

const AlertRecord* AlertsTableModel::alertAt(int row) const
{
    return row >= 0 && row < m_alerts.size() ? &m_alerts.at(row) : nullptr;
}

int AlertsTableModel::rowOf(qint64 alertId) const
{
    for (int row = 0; row < m_alerts.size(); ++row)
        if (m_alerts.at(row).id == alertId)
            return row;
    return -1;
}

void AlertsTableModel::markAcknowledged(qint64 alertId, const QString& who, qint64 atMs)
{
    const int row = rowOf(alertId);
    if (row < 0)
        return;
    m_alerts[row].acknowledgedBy = who;
    m_alerts[row].acknowledgedAtMs = atMs;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int AlertsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const AlertRecord& a = m_alerts.at(index.row());
    const bool open = a.acknowledgedAtMs == 0;
    switch (role) {
    case AlertIdRole:
        return a.id;
    case LevelRole:
        return int(a.level);
    case KindRole:
        return a.kind;
    case OpenRole:
        return open;
    case Qt::DecorationRole:
        if (index.column() != Severity)
            return {};
        return toneIcon(a.level == AlertLevel::Page ? SaleTone::Failure : SaleTone::Warning);
    case Qt::ToolTipRole:
        return alertSummary(a.kind) + QStringLiteral("\n\n") + a.message;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Time:
        return chinaTime(a.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Severity:
        // Page: someone acts now; watch: look at it today.
        return a.level == AlertLevel::Page ? tr("page") : tr("watch");
    case State:
        return open ? tr("open")
                    : tr("acknowledged by %1 at %2")
                          .arg(a.acknowledgedBy,
                               chinaTime(a.acknowledgedAtMs)
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    case Summary:
        return alertSummary(a.kind);
    case Order:
        return a.orderNo;
    case Kind:
        return a.kind;
    case Detail:
        return a.message;
    default:
        return {};
    }
}

QVariant AlertsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Raised");
    case Severity:
        return tr("Severity");
    case State:
        return tr("State");
    case Summary:
        return tr("What it means");
    case Order:
        return tr("Order");
    case Kind:
        return tr("Kind");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

} // namespace paydesk::ui
