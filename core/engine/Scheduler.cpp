#include "engine/Scheduler.h"

namespace paydesk {

Scheduler::Scheduler(Clock& clock, QObject* parent) : QObject(parent), m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::processDue);
    if (m_clock.isManual())
        m_clockListener = m_clock.onAdvance([this] { processDue(); });
}

Scheduler::~Scheduler()
{
    m_clock.removeAdvanceListener(m_clockListener);
}

QString Scheduler::slot(Kind kind, const QString& key)
{
    return QChar(u'0' + int(kind)) + key;
}

void Scheduler::schedule(Kind kind, const QString& key, qint64 dueMs)
{
    const quint32 gen = ++m_generation;
    m_live.insert(slot(kind, key), Live{gen, dueMs});
    m_heap.push(Entry{dueMs, ++m_seq, gen, kind, key});
    compactIfStale();
    rearm();
}

void Scheduler::cancel(Kind kind, const QString& key)
{
    m_live.remove(slot(kind, key));
    compactIfStale();
}

bool Scheduler::isScheduled(Kind kind, const QString& key) const
{
    return m_live.contains(slot(kind, key));
}

int Scheduler::sizeOf(Kind kind) const
{
    int n = 0;
    const QChar k(u'0' + int(kind));
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it)
        if (it.key().at(0) == k)
            ++n;
    return n;
}

qint64 Scheduler::nextDueMs() const
{
    // The heap top may be stale; the answer is only used to arm the timer,
    // where waking early is harmless.
    return m_heap.empty() ? -1 : m_heap.top().dueMs;
}

void Scheduler::processDue()
{
    if (m_processing)
        return; // a handler advanced a manual clock: the outer loop continues
    m_processing = true;
    while (!m_heap.empty()) {
        const Entry& top = m_heap.top();
        if (top.dueMs > m_clock.nowMs())
            break;
        Entry e = top;
        m_heap.pop();
        const QString s = slot(e.kind, e.key);
        auto it = m_live.find(s);
        if (it == m_live.end() || it->generation != e.generation)
            continue; // cancelled or rescheduled
        m_live.erase(it);
        if (m_handler)
            m_handler(e.kind, e.key);
    }
    m_processing = false;
    rearm();
}

void Scheduler::rearm()
{
    if (m_processing)
        return;
    if (m_clock.isManual()) {
        // A manual clock only moves when told; work already due still runs
        // on the next turn of the event loop.
        if (!m_heap.empty() && m_heap.top().dueMs <= m_clock.nowMs())
            QTimer::singleShot(0, this, &Scheduler::processDue);
        return;
    }
    if (m_heap.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = qMax<qint64>(0, m_heap.top().dueMs - m_clock.nowMs());
    // QTimer takes an int of milliseconds: a far-off item re-arms the timer
    // once a day instead of overflowing it.
    constexpr qint64 kMaxTimerWaitMs = 24 * 3600 * 1000;
    const int waitMs = int(qMin<qint64>(wait, kMaxTimerWaitMs));
    if (!m_timer.isActive() || m_timer.remainingTime() > waitMs)
        m_timer.start(waitMs);
}

namespace {

// The heap keeps cancelled entries until they surface; it is rebuilt when
// they outnumber live ones this many to one (bounding memory), and not while
// it is small (rebuilding would cost more than the entries).
constexpr size_t kStalePerLive = 4;
constexpr size_t kCompactFromEntries = 1024;

} // namespace

void Scheduler::compactIfStale()
{
    if (m_heap.size() < kCompactFromEntries ||
        m_heap.size() < size_t(m_live.size()) * kStalePerLive)
        return;
    decltype(m_heap) fresh;
    while (!m_heap.empty()) {
        const Entry& e = m_heap.top();
        auto it = m_live.constFind(slot(e.kind, e.key));
        if (it != m_live.cend() && it->generation == e.generation)
            fresh.push(e);
        m_heap.pop();
    }
    m_heap.swap(fresh);
}

} // namespace paydesk
