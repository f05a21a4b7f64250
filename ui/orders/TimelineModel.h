#pragma once

#include "api/types/Commands.h"

#include <QAbstractItemModel>

namespace paydesk::ui {

// An order's timeline: every TrackEvent in time order (source, kind, state
// change, message), state changes highlighted and alerts flagged; the raw
// request/response (already masked by the core) is a child row to expand.
class TimelineModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        SourceColumn,
        WhatColumn,
        ChangeColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        IsTransitionRole = Qt::UserRole + 1,
        AlertLevelRole,
        RawRole
    };

    using QAbstractItemModel::QAbstractItemModel;

    void setEvents(QList<TrackEvent> events);
    const QList<TrackEvent>& events() const { return m_events; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    static constexpr quintptr kTop = ~quintptr(0);
    QList<TrackEvent> m_events;
};

} // namespace paydesk::ui
