#include "api/NotificationRefusals.h"

#include <algorithm>

namespace paydesk {

namespace {

const QString kUnknown = QStringLiteral("an unknown address");
const QString kOthers = QStringLiteral("other addresses");

} // namespace

NotificationRefusals::NotificationRefusals(Raise raise, qint64 windowMs, int maxSources,
                                           QObject* parent)
    : QObject(parent), m_raise(std::move(raise)), m_windowMs(windowMs), m_maxSources(maxSources)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NotificationRefusals::closeWindows);
}

void NotificationRefusals::refused(const QString& source, const QString& channel,
                                   const QString& error)
{
    QString key = source.isEmpty() ? kUnknown : source;
    if (!m_windows.contains(key) && m_windows.size() >= m_maxSources)
        key = kOthers;
    auto it = m_windows.find(key);
    if (it != m_windows.end()) {
        ++it->counted;
        it->lastChannel = channel;
        it->lastError = error;
        return;
    }
    m_windows.insert(key, Window{m_clock.elapsed(), 0, channel, error});
    m_raise(QStringLiteral("a notification posted for %1 from %2 was refused: %3 (more from %2 "
                           "in the next minute are counted in one alert)")
                .arg(channel, key, error));
    schedule();
}

void NotificationRefusals::closeWindows()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (now - it->startMs < m_windowMs) {
            ++it;
            continue;
        }
        if (it->counted == 0) {
            it = m_windows.erase(it);
            continue;
        }
        m_raise(QStringLiteral("%1 more notifications from %2 were refused in the minute after "
                               "the first (the last, for %3: %4)")
                    .arg(it->counted)
                    .arg(it.key(), it->lastChannel, it->lastError));
        // Still coming: the next minute counts on, alerted once at its end.
        *it = Window{now, 0, it->lastChannel, it->lastError};
        ++it;
    }
    schedule();
}

void NotificationRefusals::schedule()
{
    if (m_windows.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 first = m_windows.cbegin()->startMs;
    for (const Window& w : m_windows)
        first = std::min(first, w.startMs);
    m_timer.start(int(std::max<qint64>(0, first + m_windowMs - m_clock.elapsed())));
}

} // namespace paydesk
