#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace paydesk {

// Both gateways, order numbers and what staff read speak China Standard Time
// (UTC+8, no daylight saving), whatever the time zone of the machine.
inline const QTimeZone& chinaZone()
{
    static const QTimeZone zone(8 * 3600);
    return zone;
}

inline QDateTime chinaTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, chinaZone());
}

// Where a China-time day begins, in ms since the epoch ([start, next start)).
inline qint64 chinaDayStartMs(const QDate& day)
{
    return QDateTime(day, QTime(0, 0), chinaZone()).toMSecsSinceEpoch();
}

} // namespace paydesk
