#pragma once

#include <QSortFilterProxyModel>

namespace paydesk::ui {

// The alerts centre's filters over the rows read: severity (page, watch
// or both) and kind ('' = any).
class AlertsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // 0: any; else an AlertLevel value.
    void setLevel(int level);
    void setKind(const QString& kind);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_level = 0;
    QString m_kind;
};

} // namespace paydesk::ui
