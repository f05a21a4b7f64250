#pragma once

#include "common/Clock.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <queue>
#include <vector>

namespace paydesk {

// Holds every non-final item's next action (poll a payment, retry a revoke,
// poll a refund, time a channel call out) in one place: a min-heap keyed by
// due time, with one live entry per (kind, key). Rescheduling bumps a
// generation so stale heap entries are skipped instead of searched for.
//
// It sleeps until the earliest due time (one single-shot timer), so idle
// cost is zero however many items wait; memory is one heap entry and one
// hash entry per live item (plus stale entries, compacted when they dominate).
class Scheduler : public QObject
{
    Q_OBJECT
public:
    // LeaseTick: the engine's own periodic work-lease tick (key empty), not
    // an item's step.
    enum class Kind : quint8
    {
        PaymentPoll = 1,
        RevokeAttempt = 2,
        RefundPoll = 3,
        CallTimeout = 4,
        LeaseTick = 5
    };
    using Handler = std::function<void(Kind kind, const QString& key)>;

    Scheduler(Clock& clock, QObject* parent = nullptr);
    ~Scheduler() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // Replaces any earlier schedule of the same (kind, key).
    void schedule(Kind kind, const QString& key, qint64 dueMs);
    void cancel(Kind kind, const QString& key);
    bool isScheduled(Kind kind, const QString& key) const;

    int size() const { return int(m_live.size()); }
    int sizeOf(Kind kind) const;
    qint64 nextDueMs() const; // -1 when empty

    // Runs every item due now. Called by the timer, or by a manual clock.
    void processDue();

private:
    struct Entry
    {
        qint64 dueMs;
        quint64 seq;
        quint32 generation;
        Kind kind;
        QString key;
        bool operator>(const Entry& o) const
        {
            return dueMs != o.dueMs ? dueMs > o.dueMs : seq > o.seq;
        }
    };
    struct Live
    {
        quint32 generation;
        qint64 dueMs;
    };
    static QString slot(Kind kind, const QString& key);
    void rearm();
    void compactIfStale();

    Clock& m_clock;
    Handler m_handler;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> m_heap;
    QHash<QString, Live> m_live;
    quint64 m_seq = 0;
    quint32 m_generation = 0;
    QTimer m_timer;
    bool m_processing = false;
    int m_clockListener = 0;
};

} // namespace paydesk
