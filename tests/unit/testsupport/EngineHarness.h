#pragma once

#include <optional>

#include "api/EmbeddedApi.h"
#include "common/Clock.h"
#include "sandbox/InProcessSandbox.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxChannel.h"
#include "testsupport/TempDir.h"

#include <QStringList>

#include <memory>

namespace paydesk::test {

// An embedded core on a throw-away SQLite directory with the in-process
// sandbox and a manual clock: minutes of polling run in milliseconds.
class EngineHarness
{
public:
    explicit EngineHarness(CoreConfig config = {});
    ~EngineHarness();

    EmbeddedApi& api() { return *m_api; }
    ManualClock& clock() { return m_clock; }
    SandboxAcquirer& sandbox() { return *m_sandbox->acquirer(); }
    // The sandbox's channel served as `name` (its bills), null when none.
    SandboxChannel* sandboxChannel(const QString& name) { return m_sandbox->channel(name); }
    QString dataDir() const { return m_dir.path(); }

    // Lets queued work (group commits, channel answers) run.
    void drain();
    // Moves time forward in steps so every poll, timeout and retry on the
    // way runs in order.
    void advance(qint64 ms, qint64 stepMs = 250);
    // What `call` answers through the reply it is given, draining until it
    // comes; a reply that never comes is a fatal test error.
    template <typename T, typename Call> T replyOf(Call call)
    {
        std::optional<T> out;
        call([&](const T& x) { out = x; });
        for (int i = 0; i < 100 && !out; ++i)
            drain();
        if (!out)
            qFatal("no reply");
        return *out;
    }

    CommandOutcome pay(const QString& code, const QString& amount, const QString& requestNo,
                       const QString& orderNo = {});
    CommandOutcome refund(const QString& orderNo, const QString& amount,
                          const QString& requestNo, const QString& reason = QStringLiteral("test"));
    CommandOutcome revoke(const QString& orderNo);
    CommandOutcome qr(const QString& amount, Wallet wallet, const QString& requestNo);
    OrderDetails details(const QString& orderNo);
    QList<AlertRecord> alerts();
    QStringList alertKinds();
    int orderCount();

    // Closes the core (as a clean stop) and opens a new one on the same data:
    // a restart.
    void restart();
    // The core is down for `downMs` (killed, or a closed laptop), then
    // starts on the same data and resumes.
    void restartAfter(qint64 downMs);
    // Closes the core as a clean stop does (its leases end).
    void stop();

    // Another core on this data directory and clock, as a second process on
    // the same machine (its own sandbox front on the same sandbox.db). Not
    // resumed: call resumeAll().
    std::unique_ptr<EmbeddedApi> openPeer();
    // A new harness on a copy of what is on disk now, at the same time: what
    // a process started after this one was killed -9 finds (its leases
    // still live). This core goes on untouched.
    std::unique_ptr<EngineHarness> copyAsIfKilled();

    static QString code(Wallet w, SandboxBehaviour b, int n = 0) { return sandboxCode(w, b, n); }

private:
    struct CopyOf
    {
        const EngineHarness& from;
    };
    explicit EngineHarness(CopyOf copy);
    EmbeddedOptions options(std::shared_ptr<InProcessSandbox> sandbox);
    void open();
    CommandOutcome wait(const std::function<void(PayDeskApi::Reply)>& send);

    TempDataDir m_dir;
    ManualClock m_clock;
    CoreConfig m_config;
    std::shared_ptr<InProcessSandbox> m_sandbox;
    std::unique_ptr<EmbeddedApi> m_api;
};

} // namespace paydesk::test
