#pragma once

#include "channels/Channel.h"
#include "sandbox/SandboxAcquirerTypes.h"
#include "sandbox/acquirer/TradeStore.h"

#include <functional>
#include <memory>

namespace paydesk::sandbox {

// The acquirer's durable queue of QR results (sandbox_notifications). A
// notification goes out only once the write that queued it is durable, and
// is marked delivered before it goes: a crash between the two sends it again
// (at least once), as a real acquirer does.
class NotificationQueue
{
public:
    using Sink = std::function<void(const QString& channel, const ChannelNotification& n,
                                    const SandboxNotifyTarget& to)>;

    explicit NotificationQueue(TradeStore& store);

    // Reads the stored counter: notifications up to it are durable.
    bool open();
    // Delivers pending ones now and whatever becomes durable later.
    void setSink(Sink sink);
    // Queues the notifications the trade's script sends for its payment
    // (none, one, a duplicate or a contradiction), in the open batch.
    bool queuePaid(const Trade& t, qint64 nowMs);
    // Hands every durable undelivered notification to the sink.
    void deliverPending();

private:
    bool queue(const Trade& t, TradeStatus status, const QString& returnCode,
               const QString& notificationId, qint64 nowMs);

    TradeStore& m_store;
    // One number at a time: the stored value tells which notifications
    // are durable.
    Counter m_counter{"notification", 1};
    // Notifications with an id up to here are durable and may be delivered.
    qint64 m_committed = 0;
    Sink m_sink;
    // A sink or a mid-call group commit may come back into deliverPending();
    // the outer loop picks up whatever arrived meanwhile.
    bool m_delivering = false;
    bool m_deliverAgain = false;
    // Commit callbacks may run after the queue is gone (closing the database
    // commits what is staged): they hold the queue only weakly.
    std::shared_ptr<NotificationQueue*> m_self;
};

} // namespace paydesk::sandbox
