#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <optional>

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

// A China time written as a date part and a time part (the gateways'
// formats: "2026-11-23" + "09:05:00", "20261123" + "090500"). The parts are
// read apart: read as one, Qt would take the machine's local time first, and
// a local DST gap would refuse a valid China time. Nullopt when malformed.
inline std::optional<qint64> parseChinaTime(const QString& date, const QString& dateFormat,
                                            const QString& time, const QString& timeFormat)
{
    const QDate d = QDate::fromString(date, dateFormat);
    const QTime t = QTime::fromString(time, timeFormat);
    if (!d.isValid() || !t.isValid())
        return std::nullopt;
    return QDateTime(d, t, chinaZone()).toMSecsSinceEpoch();
}

} // namespace paydesk
