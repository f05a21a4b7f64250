#pragma once

#include "SimChannels.h"
#include "SimPostbox.h"
#include "SimRandom.h"

#include "api/EmbeddedApi.h"
#include "common/Clock.h"
#include "common/DiskFault.h"
#include "sandbox/SandboxAcquirer.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace paydesk::sim {

// One shop and its acquirer in this process, on a manual clock. The shop's
// core can be killed (-9: what is on disk is all that is left), stopped,
// and given a disk that fails at a chosen statement; the acquirer lives on
// through all of it, as a real one does.
class SimWorld
{
public:
    using Note = std::function<void(const QString& line)>;

    SimWorld(SimRandom faults, ChannelWeather weather, CoreConfig config, Note note);
    ~SimWorld();

    // Empty on success.
    QString start();

    EmbeddedApi& core() { return *m_core; }
    ManualClock& clock() { return m_clock; }
    SandboxAcquirer& acquirer() { return *m_acquirer; }
    QString coreDatabase() const;
    QString acquirerDatabase() const;
    // Each start of the shop's core counts one; a reply from an earlier
    // one was never seen by anybody.
    int incarnation() const { return m_incarnation; }
    bool storageFailed() const { return m_storageFailed; }
    // Whether a reply or signal of incarnation `n` reaches anybody: not once
    // that process is being torn down.
    bool isCurrent(int n) const { return !m_dropping && n == m_incarnation; }
    // Runs after each start of the core, before it resumes its work.
    void setOnOpen(std::function<void(EmbeddedApi&)> onOpen) { m_onOpen = std::move(onOpen); }

    // Lets every queued turn run (group commits, answers, notifications).
    void drain();
    // Moves time forward in steps, so every poll, timeout and late answer
    // on the way happens in order. A core whose storage failed is
    // restarted from its disk at the next step, as a supervisor would.
    void advance(qint64 ms, qint64 stepMs = 250);
    // True when nothing is left to do: the engine idle and no answer or
    // notification on its way.
    bool quiet() const;

    // kill -9, down for `downMs`, then started again and resumed.
    void crash(qint64 downMs);
    // A clean stop and start.
    void restart(qint64 downMs);
    // The disk fails at the `afterOps`-th write or COMMIT from now.
    void armDiskFault(DiskFault fault, int afterOps);

private:
    QString openCore();
    void dropCore();
    QString copyCoreFiles();

    SimRandom m_random;
    ChannelWeather m_weather;
    CoreConfig m_config;
    Note m_note;
    QTemporaryDir m_root;
    ManualClock m_clock;
    SimPostbox m_postbox{m_clock};
    std::unique_ptr<SandboxAcquirer> m_acquirer;
    std::shared_ptr<SimChannels> m_channels;
    std::unique_ptr<EmbeddedApi> m_core;
    QString m_coreDir;
    int m_incarnation = 0;
    bool m_storageFailed = false;
    bool m_dropping = false;
    std::function<void(EmbeddedApi&)> m_onOpen;
    DiskFault m_armedFault = DiskFault::None;
    int m_opsUntilFault = 0;
};

} // namespace paydesk::sim
