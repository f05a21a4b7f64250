#pragma once

#include "common/DiskFault.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace paydesk {

class WalCheckpointer;
class WalSyncer;

enum class SqlDialect { Sqlite, Postgres };

// Qt binds a null QString as SQL NULL; PayDesk's text columns are NOT NULL
// with '' for "none".
inline const QString& notNull(const QString& v)
{
    static const QString empty = QStringLiteral("");
    return v.isNull() ? empty : v;
}

struct DatabaseConfig
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString sqlitePath;        // SQLite: the file
    QString host = QStringLiteral("127.0.0.1"); // PostgreSQL
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;
    // Durable: every acknowledged commit is on disk (SQLite: the WAL is
    // fsynced after each group commit, off the committing thread; see
    // WalSyncer). Tests and throw-away demos may turn it off.
    bool durable = true;
    // Durable SQLite only: replaces the WAL's fsync (tests hold or fail it).
    std::function<bool(QString* error)> walSync;
    // Tests only: asked before every write (false) and every COMMIT (true)
    // of the group commit; a fault fails it as a broken disk would.
    std::function<DiskFault(bool commit)> diskFault;
};

// One connection, its migrations, prepared statements and group commit.
//
// Group commit: writes run at once inside an open transaction (so unique
// indexes answer immediately), but COMMIT waits until the current turn of the
// event loop ends, so one fsync covers every command that arrived meanwhile.
// Whoever must not act before the data is durable (calling a channel after an
// order is created, telling a cashier "paid") registers afterCommit().
//
// On a durable SQLite file the fsync runs on a thread of its own after the
// COMMIT (WalSyncer), and the next batch is written meanwhile; afterCommit()
// callbacks run once the fsync covering their batch is done, in order.
class Database : public QObject
{
    Q_OBJECT
public:
    explicit Database(QObject* parent = nullptr);
    ~Database() override;

    // Opens and migrates. Returns an error text, empty on success.
    QString open(const DatabaseConfig& config, const QString& schemaName,
                 const QStringList& migrations);
    void close();
    // Migrates another schema (its own version series) on this connection,
    // so its tables share the engine's transactions. Error text or empty.
    QString migrate(const QString& schemaName, const QStringList& migrations);
    bool isOpen() const { return m_db.isOpen(); }
    SqlDialect dialect() const { return m_config.dialect; }
    int schemaVersion() const { return m_schemaVersion; }

    // A prepared statement, cached by its text. Portable SQL only, with
    // named placeholders (:name) or positional ones (?), which are bound
    // with bindAt() (see there why).
    QSqlQuery& prepared(const QString& sql);
    // The statement text as prepared: each ? outside quotes becomes :p0,
    // :p1, ... in order (none when the text has no ?).
    static QString numberPlaceholders(const QString& sql);

    // Runs a prepared write inside the current group-commit transaction.
    // Returns false (and sets lastError) on failure.
    bool execWrite(QSqlQuery& q);
    // Opens the group-commit transaction now (takes SQLite's write lock), for
    // readers that must see the newest state before they write.
    bool beginWrite() { return ensureTransaction(); }
    bool execRead(QSqlQuery& q);

    // Runs the callback after the current batch, and every batch before it,
    // is durable (ok) or failed. With nothing pending it still runs
    // asynchronously, on the next turn.
    void afterCommit(std::function<void(bool ok)> callback);
    // Runs the callback once the current batch's COMMIT is written (ok) or
    // failed, before it is durable: work that need not wait for the disk
    // (building and signing an answer) overlaps the fsync. Nobody may be
    // told anything from here; that waits for afterCommit().
    void whenCommitted(std::function<void(bool ok)> callback);
    // Commits now and returns once it is durable, every waiting callback
    // run. Returns false if the commit failed (callbacks got false).
    bool flush();

    QString lastError() const { return m_lastError; }
    // A failed commit leaves in-memory state and disk apart: the owner must
    // stop and restart from storage (crash-only recovery).
    bool hasFailed() const { return m_failed; }

    QSqlDatabase& connection() { return m_db; }

    // Tells one transaction from the next; 0 while none is open.
    quint64 openTransactionId() const { return m_inTransaction ? m_transactionSerial : 0; }
    // SQLite's data_version: changes when another connection commits. Empty
    // on PostgreSQL or on error.
    std::optional<qint64> dataVersion();
    // WAL checkpoints the background thread has finished (SQLite files).
    int backgroundCheckpoints() const;

    // A migration's text for one dialect ({{ID}} becomes that dialect's
    // auto-increment key).
    static QString translate(SqlDialect dialect, const QString& sql);

Q_SIGNALS:
    void storageFailed(const QString& message);

private:
    bool ensureTransaction();
    void scheduleFlush();
    // Commits the open batch; with `waitDurable` also syncs it on this
    // thread, otherwise asks the syncer and returns at once.
    bool commitBatch(bool waitDurable);
    void onWalSynced(quint64 serial, bool ok, const QString& error);
    // Stops the storage for good (crash-only) and rolls back the batch being
    // written; the commit turn it schedules tells that batch's callbacks and
    // storageFailed.
    void abandonBatch(const QString& message);
    // abandonBatch(), and at once fails every committed batch still waiting
    // for its sync and tells storageFailed (once).
    void fail(const QString& message);
    // Runs, in order, the callbacks of every commit up to `serial`.
    void runSyncedCallbacks(quint64 serial, bool ok);
    void checkpointIfLarge();
    bool runMigrations(const QString& schemaName, const QStringList& migrations);

    DatabaseConfig m_config;
    QSqlDatabase m_db;
    QString m_connectionName;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    std::vector<std::function<void(bool)>> m_afterCommit;
    std::vector<std::function<void(bool)>> m_whenCommitted;
    bool m_inTransaction = false;
    quint64 m_transactionSerial = 0;
    bool m_flushScheduled = false;
    bool m_failed = false;
    bool m_failureReported = false;
    int m_schemaVersion = 0;
    QString m_lastError;
    // SQLite files: WAL checkpoints off the engine's thread.
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    QByteArray m_walPath; // as the file system names it
    // Durable SQLite files: WAL fsyncs off this thread. Serials count
    // commits; callbacks wait for the sync of theirs.
    std::unique_ptr<WalSyncer> m_syncer;
    quint64 m_committedSerial = 0;
    quint64 m_syncedSerial = 0;
    std::deque<std::pair<quint64, std::function<void(bool)>>> m_awaitingSync;
};

// Binds the value of positional placeholder `index` of a statement from
// Database::prepared(). Qt's QSqlQuery::bindValue(int) formats a ":N" name
// and files it in a hash on every call; binding the numbered name directly
// costs half as much, and the engine binds about 200 values per payment.
void bindAt(QSqlQuery& q, int index, const QVariant& value);

} // namespace paydesk
