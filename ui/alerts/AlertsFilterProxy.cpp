#include "alerts/AlertsFilterProxy.h"

#include "alerts/AlertsTableModel.h"

namespace paydesk::ui {

void AlertsFilterProxy::setLevel(int level)
{
    m_level = level;
    invalidateFilter();
}

void AlertsFilterProxy::setKind(const QString& kind)
{
    m_kind = kind;
    invalidateFilter();
}

bool AlertsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_level && i.data(AlertsTableModel::LevelRole).toInt() != m_level)
        return false;
    return m_kind.isEmpty() || i.data(AlertsTableModel::KindRole).toString() == m_kind;
}

} // namespace paydesk::ui
