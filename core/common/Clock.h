#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

namespace paydesk {

// Time is injected (LevelDB's Env) so that poll schedules, deadlines and
// timeouts run deterministically and in milliseconds under test.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    // Called whenever time jumps (manual clocks only), so timers can re-check.
    // Returns a handle for removeAdvanceListener (listeners must not outlive
    // what they capture).
    virtual int onAdvance(std::function<void()> listener)
    {
        Q_UNUSED(listener);
        return 0;
    }
    virtual void removeAdvanceListener(int handle) { Q_UNUSED(handle); }
    virtual bool isManual() const { return false; }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to; listeners run on every advance.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000 /* 2026-01-01T00:00Z */)
        : m_nowMs(startMs)
    {
    }
    qint64 nowMs() const override { return m_nowMs; }
    int onAdvance(std::function<void()> listener) override
    {
        m_listeners.emplace_back(++m_nextHandle, std::move(listener));
        return m_nextHandle;
    }
    void removeAdvanceListener(int handle) override;
    bool isManual() const override { return true; }
    void advance(qint64 ms);
    void set(qint64 ms);

private:
    qint64 m_nowMs;
    std::vector<std::pair<int, std::function<void()>>> m_listeners;
    int m_nextHandle = 0;
};

} // namespace paydesk
