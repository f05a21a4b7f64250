#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

namespace paydesk {

// Copies an SQLite WAL back into the database file on a thread of its own,
// with its own connection. SQLite would otherwise do it inside whichever
// COMMIT crosses the auto-checkpoint size, on the engine's thread, stalling
// every command behind that commit. A PASSIVE checkpoint never blocks
// writers, so the engine keeps committing meanwhile.
class WalCheckpointer final
{
public:
    explicit WalCheckpointer(QString databasePath);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Asks for a checkpoint soon; requests while one runs fold into one.
    void request();
    // Checkpoints completed so far (tests and benchmarks).
    int completed() const { return m_completed.load(); }

private:
    class Worker;
    QString m_path;
    QThread m_thread;
    Worker* m_worker = nullptr;
    std::atomic<bool> m_pending{false};
    std::atomic<int> m_completed{0};
};

} // namespace paydesk
