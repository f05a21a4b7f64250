#pragma once

#include <QDateTime>

namespace paydesk {

// Both gateways speak China Standard Time (UTC+8, no daylight saving),
// whatever the time zone of the machine.
inline QDateTime chinaTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::OffsetFromUTC, 8 * 3600);
}

} // namespace paydesk
