#pragma once

#include <QList>
#include <QtGlobal>

namespace paydesk::sim {

// The simulation's only source of chance: SplitMix64, so one 64-bit seed
// replays a run exactly on any machine (std::uniform_int_distribution is
// not the same across standard libraries).
class SimRandom
{
public:
    explicit SimRandom(quint64 seed) : m_state(seed) {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // In [0, n); the modulo's bias is far below what the workload notices.
    int below(int n)
    {
        Q_ASSERT(n > 0);
        return int(next() % quint64(n));
    }
    qint64 between(qint64 lo, qint64 hi)
    {
        Q_ASSERT(hi >= lo);
        return lo + qint64(next() % quint64(hi - lo + 1));
    }
    bool percent(int p) { return below(100) < p; }
    template <typename T> const T& pick(const QList<T>& from)
    {
        Q_ASSERT(!from.isEmpty());
        return from.at(below(int(from.size())));
    }
    // An independent stream: the faults drawn from it do not shift when the
    // workload draws one more number, and the other way round.
    SimRandom split() { return SimRandom(next()); }

private:
    quint64 m_state;
};

} // namespace paydesk::sim
