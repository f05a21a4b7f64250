#include "common/Clock.h"

#include <QDateTime>

namespace paydesk {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void ManualClock::advance(qint64 ms)
{
    Q_ASSERT(ms >= 0);
    set(m_nowMs + ms);
}

void ManualClock::set(qint64 ms)
{
    m_nowMs = ms;
    // Copy: a listener may register another listener.
    const auto listeners = m_listeners;
    for (const auto& l : listeners)
        l.second();
}

void ManualClock::removeAdvanceListener(int handle)
{
    std::erase_if(m_listeners, [handle](const auto& l) { return l.first == handle; });
}

} // namespace paydesk
