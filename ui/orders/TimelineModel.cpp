#include "orders/TimelineModel.h"

#include "orders/TimelineTexts.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QFontDatabase>

#include <algorithm>

namespace paydesk::ui {

void TimelineModel::setEvents(QList<TrackEvent> events)
{
    std::stable_sort(events.begin(), events.end(), [](const TrackEvent& a, const TrackEvent& b) {
        return a.atMs != b.atMs ? a.atMs < b.atMs : a.id < b.id;
    });
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_events.size() ? createIndex(row, column, kTop) : QModelIndex();
    // The raw message: one child row of an event, text in the message column.
    if (parent.internalId() != kTop || row != 0)
        return {};
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex TimelineModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTop)
        return {};
    return createIndex(int(child.internalId()), 0, kTop);
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_events.size());
    if (parent.internalId() == kTop && parent.column() == 0)
        return m_events.at(parent.row()).raw.isEmpty() ? 0 : 1;
    return 0;
}

int TimelineModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() != kTop) {
        const TrackEvent& e = m_events.at(int(index.internalId()));
        if (index.column() != MessageColumn && index.column() != TimeColumn)
            return {};
        if (role == Qt::DisplayRole)
            return index.column() == TimeColumn ? tr("raw (masked)") : e.raw;
        if (role == Qt::FontRole && index.column() == MessageColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (role == RawRole)
            return e.raw;
        return {};
    }
    const TrackEvent& e = m_events.at(index.row());
    const bool transition = !e.toState.isEmpty();
    switch (role) {
    case IsTransitionRole:
        return transition;
    case AlertLevelRole:
        return int(e.alert);
    case RawRole:
        return e.raw;
    case Qt::FontRole:
        if (transition) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        if (e.alert == AlertLevel::Page)
            return QBrush(QColor(0xff, 0xd6, 0xd6));
        if (e.alert == AlertLevel::Watch)
            return QBrush(QColor(0xff, 0xf0, 0xc0));
        if (transition)
            return QBrush(QColor(0xe3, 0xef, 0xff));
        return {};
    case Qt::ForegroundRole:
        if (e.alert != AlertLevel::None || transition)
            return QBrush(QColor(Qt::black));
        return {};
    case Qt::ToolTipRole:
        return e.entity;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.atMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case SourceColumn:
            return timelineSourceLabel(e.source);
        case WhatColumn:
            return e.alert == AlertLevel::None ? timelineStepLabel(e.kind)
                                               : QStringLiteral("⚠ %1 (%2)")
                                                     .arg(timelineStepLabel(e.kind),
                                                          alertLevelLabel(alertLevelName(e.alert)));
        case ChangeColumn:
            return transition ? QStringLiteral("%1 → %2").arg(timelineStateLabel(e.fromState),
                                                              timelineStateLabel(e.toState))
                              : QString();
        case MessageColumn:
            return timelineMessage(e);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case WhatColumn:
        return tr("Step");
    case ChangeColumn:
        return tr("State change");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace paydesk::ui
