#pragma once

#include "sandbox/SandboxAcquirer.h"
#include "sandbox/acquirer/Answers.h"
#include "sandbox/acquirer/NotificationQueue.h"
#include "sandbox/acquirer/TradeScript.h"
#include "sandbox/acquirer/TradeStore.h"

#include <QTimer>

namespace paydesk {

// What SandboxAcquirer composes, shared by the files that implement its
// calls (payments, after-payment calls, refunds): the store, the
// notification queue, the lazy clock of scripted phases, and answering
// after the sandbox's own commit.
struct SandboxAcquirer::Impl
{
    Impl(SandboxAcquirer* owner, const Clock& c);

    SandboxAcquirer* q;
    const Clock& clock;
    // Declared before the queue: the queue goes first, the database (whose
    // closing commits what is staged) after it.
    sandbox::TradeStore store;
    sandbox::NotificationQueue notifications{store};
    qint64 nextWakeMs = 0;
    QTimer wakeTimer;

    qint64 now() const { return clock.nowMs(); }

    // --- lazy time ------------------------------------------------------
    // Brings a trade to what its script says it is now, and stores the
    // change (and queues a QR payment's notifications).
    bool settle(sandbox::Trade& t);
    bool visible(const sandbox::Trade& t) const;
    // QR payments must notify when they finish, even if nobody queries:
    // wake() settles the user-paying ones whose time has come.
    void scheduleWake(qint64 atMs);
    void wake();
    void onClockAdvanced();

    // --- answers ----------------------------------------------------------
    // Who is answered, and how (see SandboxAcquirer::Prepare).
    struct Reply
    {
        Answer answer;
        Prepare prepare;
        Reply(Answer a, Prepare p = {}) : answer(std::move(a)), prepare(std::move(p)) {}
    };
    // Answers only once the sandbox's own write is durable, as a real
    // acquirer answers after its own commit.
    void respond(const ChannelResult& r, bool dropped, Reply reply);
    void respondStorageError(const ChannelResult& request, Reply reply);
};

namespace sandbox {

// The script a stored trade follows.
ScriptInput scriptOf(const Trade& t);
// Takes the script's state as the trade's own (a new trade, or a QR trade
// when its code is scanned).
void startScript(Trade& t, const ScriptedState& s);

} // namespace sandbox

} // namespace paydesk
