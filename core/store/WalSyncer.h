#pragma once

#include <QObject>
#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace paydesk {

// Makes committed SQLite transactions durable off the committing thread.
//
// With synchronous=FULL SQLite fsyncs the WAL inside every COMMIT, so the
// engine's thread stands still for the disk on each group commit. With
// synchronous=NORMAL the COMMIT only writes the WAL (visible, not yet
// durable) and this syncer fsyncs the WAL file on its own thread; the
// committing thread builds the next batch meanwhile. Whoever waits for
// durability (Database::afterCommit) is told only after the fsync that
// covers its commit, so what PayDesk acknowledges is as durable as with
// FULL. Requests made while an fsync runs fold into the next one.
//
// A failed sync is final: Linux reports a lost write-back once, so a later
// sync could succeed over data that never reached the disk. Syncs run one
// at a time (this thread's and syncNow's) so the failure is seen by all.
class WalSyncer final
{
public:
    // Makes everything written to the file so far durable; false and a
    // reason when it could not. Replaceable so tests can hold or fail it.
    using SyncFunction = std::function<bool(QString* error)>;
    // Runs on the receiver's thread: every commit up to `serial` is durable
    // (ok) or the sync failed (error).
    using Done = std::function<void(quint64 serial, bool ok, const QString& error)>;

    // `receiver` must outlive the syncer; answers still queued when it is
    // destroyed are dropped with its events.
    WalSyncer(SyncFunction sync, QObject* receiver, Done done);
    ~WalSyncer();
    WalSyncer(const WalSyncer&) = delete;
    WalSyncer& operator=(const WalSyncer&) = delete;

    // fdatasync of the file at `nativePath` (as the file system names it),
    // opened now and kept open: a write-back error is reported to the
    // descriptors open when it happened, not always to one opened later
    // (after another connection's sync has seen it). Empty, with `error`
    // set, if it cannot be opened.
    static SyncFunction fileSync(const QByteArray& nativePath, QString* error);

    // Every commit up to `serial` has returned: sync them soon.
    void request(quint64 serial);
    // Syncs on the caller's thread now (Database::flush must return durable).
    bool syncNow(QString* error);

private:
    void run();

    SyncFunction m_sync;
    QObject* m_receiver; // outlives this syncer (its owner destroys it first)
    Done m_done;
    std::mutex m_syncMutex; // one sync at a time; guards m_firstError
    QString m_firstError;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    quint64 m_requested = 0;
    quint64 m_synced = 0;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace paydesk
