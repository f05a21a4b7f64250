#include "store/Database.h"

#include "store/WalCheckpointer.h"
#include "store/WalSyncer.h"

#include <QAtomicInteger>
#include <QFile>
#include <QSqlError>
#include <QThread>
#include <QTimer>
#include <QVariant>

#include <sys/stat.h>

namespace paydesk {

namespace {

// The advisory lock PostgreSQL writers take in turn ("PayDes" in ASCII).
constexpr qint64 kWriterLockKey = 0x506179446573;

QAtomicInteger<quint64> g_connectionCounter;

// SQLite's own auto-checkpoint size (1000 pages of 4 KiB); past 16 times as
// much the background checkpointer is not keeping up and the commit that
// sees it checkpoints inline, so the WAL cannot grow without bound.
constexpr qint64 kWalCheckpointBytes = 4 * 1024 * 1024;
constexpr qint64 kWalInlineCheckpointBytes = 16 * kWalCheckpointBytes;
constexpr qint64 kWalResetBytes = kWalCheckpointBytes / 4;
// The first open's switch to WAL, when another process holds the new file:
// up to 5 s in all, far more than any open takes.
constexpr int kWalSwitchTries = 100;
constexpr int kWalSwitchRetryMs = 50;

QString describe(const QSqlQuery& q)
{
    return q.lastError().text() + QStringLiteral(" [") + q.lastQuery().simplified().left(120) +
           QStringLiteral("]");
}
} // namespace

Database::Database(QObject* parent) : QObject(parent) {}

Database::~Database()
{
    close();
}

QString Database::open(const DatabaseConfig& config, const QString& schemaName,
                       const QStringList& migrations)
{
    m_config = config;
    m_connectionName = QStringLiteral("paydesk-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    if (config.dialect == SqlDialect::Sqlite) {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_db.setDatabaseName(config.sqlitePath);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    } else {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        // An unreachable server must not freeze the counter at start.
        m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        m_db.setHostName(config.host);
        m_db.setPort(config.port);
        m_db.setDatabaseName(config.databaseName);
        m_db.setUserName(config.user);
        m_db.setPassword(config.password);
    }
    if (!m_db.isValid())
        return QStringLiteral("the Qt SQL driver for %1 is not installed (run packaging/install-deps.sh)")
            .arg(config.dialect == SqlDialect::Sqlite ? QStringLiteral("SQLite")
                                                      : QStringLiteral("PostgreSQL"));
    if (!m_db.open())
        return QStringLiteral("cannot open database %1: %2")
            .arg(config.dialect == SqlDialect::Sqlite ? config.sqlitePath
                                                      : QStringLiteral("%1 on %2:%3 as %4")
                                                            .arg(config.databaseName, config.host)
                                                            .arg(config.port)
                                                            .arg(config.user),
                 m_db.lastError().text());
    if (config.dialect == SqlDialect::Sqlite) {
        QSqlQuery q(m_db);
        const QStringList pragmas = {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            // NORMAL: COMMIT writes the WAL but does not fsync it; the
            // syncer does, off this thread, before anyone is told.
            config.durable ? QStringLiteral("PRAGMA synchronous=NORMAL")
                           : QStringLiteral("PRAGMA synchronous=OFF"),
            QStringLiteral("PRAGMA foreign_keys=ON"),
            QStringLiteral("PRAGMA temp_store=MEMORY"),
            QStringLiteral("PRAGMA cache_size=-65536"),
            QStringLiteral("PRAGMA wal_autocheckpoint=0"),
            // SQLite reuses the WAL file from its start after a checkpoint
            // without shrinking it, so its size would stay at its high-water
            // mark and every later commit would ask for a checkpoint (and,
            // past the inline limit, run one on this thread). Truncated on
            // reuse to below the checkpoint size, the file's size again tells
            // how much is waiting.
            QStringLiteral("PRAGMA journal_size_limit=%1").arg(kWalResetBytes),
        };
        for (const QString& p : pragmas) {
            // Switching a new file to WAL takes an exclusive lock, and SQLite
            // answers "locked" at once, without its busy handler, when
            // another process is opening the same new file: several
            // processes' first open of a data directory. The switch is done
            // by whichever wins; the others retry for a bounded time.
            bool done = q.exec(p);
            for (int tries = 0; !done && p == pragmas.first() && tries < kWalSwitchTries; ++tries) {
                QThread::msleep(kWalSwitchRetryMs);
                done = q.exec(p);
            }
            if (!done)
                return QStringLiteral("cannot configure SQLite (%1): %2").arg(p, describe(q));
        }
        // The file SQLite itself opened (links resolved), whose WAL is the
        // one to watch and to sync.
        QString mainFile = config.sqlitePath;
        if (q.exec(QStringLiteral("PRAGMA database_list")))
            while (q.next())
                if (q.value(1).toString() == QLatin1String("main") &&
                    !q.value(2).toString().isEmpty())
                    mainFile = q.value(2).toString();
        q.finish();
        m_walPath = QFile::encodeName(mainFile + QStringLiteral("-wal"));
        m_checkpointer = std::make_unique<WalCheckpointer>(config.sqlitePath);
    } else {
        // libpq prints NOTICEs (e.g. "already exists, skipping" for every
        // CREATE ... IF NOT EXISTS) on stderr, into the CLI's output.
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SET client_min_messages TO WARNING")))
            return QStringLiteral("cannot configure PostgreSQL: %1").arg(describe(q));
    }
    if (!runMigrations(schemaName, migrations))
        return m_lastError;
    m_schemaVersion = migrations.size(); // the opening schema's; migrate() adds others
    if (config.dialect == SqlDialect::Sqlite && config.durable) {
        // Opened once the migrations have read the database, which makes
        // SQLite create its WAL.
        QString error;
        WalSyncer::SyncFunction sync =
            config.walSync ? config.walSync : WalSyncer::fileSync(m_walPath, &error);
        if (!sync)
            return QStringLiteral("cannot open the write-ahead log to make commits durable: %1")
                .arg(error);
        m_syncer = std::make_unique<WalSyncer>(
            std::move(sync), this,
            [this](quint64 serial, bool ok, const QString& e) { onWalSynced(serial, ok, e); });
    }
    return QString();
}

QString Database::migrate(const QString& schemaName, const QStringList& migrations)
{
    Q_ASSERT_X(!m_inTransaction, "Database::migrate", "migrate before the first write");
    return runMigrations(schemaName, migrations) ? QString() : m_lastError;
}

void Database::close()
{
    if (!m_db.isValid())
        return;
    if (!m_failed && (m_inTransaction || !m_awaitingSync.empty() || !m_afterCommit.empty() ||
                      !m_whenCommitted.empty()))
        flush();
    // Callbacks still waiting (a failed storage) learn it now, not never.
    runSyncedCallbacks(m_committedSerial, false);
    for (auto* pending : {&m_whenCommitted, &m_afterCommit}) {
        auto callbacks = std::move(*pending);
        pending->clear();
        for (auto& cb : callbacks)
            cb(false);
    }
    m_syncer.reset();
    m_checkpointer.reset();
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::translate(SqlDialect dialect, const QString& sql)
{
    QString out = sql;
    if (dialect == SqlDialect::Sqlite) {
        out.replace(QStringLiteral("{{ID}}"), QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
    } else {
        out.replace(QStringLiteral("{{ID}}"), QStringLiteral("BIGSERIAL PRIMARY KEY"));
    }
    return out;
}

// Each step reads the version and applies the next migration in one
// transaction that holds the writers' lock from its start (SQLite's
// IMMEDIATE, PostgreSQL's advisory lock), waiting out the busy timeout: many
// processes opening a new data directory at once take turns, and none
// applies a migration another already applied. A database already up to
// date is not locked at all (a second connection of the same process may
// open while the first holds the lock for its batch).
bool Database::runMigrations(const QString& schemaName, const QStringList& migrations)
{
    QSqlQuery q(m_db);
    auto fail = [&](const QString& text) {
        m_lastError = text;
        q.finish();
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    // Up to date (the usual open): nothing to lock. The table may not exist
    // yet, which is the locked path's business.
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations "
                             "WHERE schema_name = :s"));
    q.bindValue(QStringLiteral(":s"), schemaName);
    if (q.exec() && q.next() && q.value(0).toInt() == migrations.size()) {
        q.finish();
        return true;
    }
    q.finish();
    for (;;) {
        const QString begin = m_config.dialect == SqlDialect::Sqlite
                                  ? QStringLiteral("BEGIN IMMEDIATE")
                                  : QStringLiteral("BEGIN");
        if (!q.exec(begin)) {
            m_lastError =
                QStringLiteral("cannot begin migration of %1: %2").arg(schemaName, describe(q));
            return false;
        }
        if (m_config.dialect == SqlDialect::Postgres &&
            !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriterLockKey)))
            return fail(QStringLiteral("cannot take the writers' lock: ") + describe(q));
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   " schema_name TEXT NOT NULL, version INTEGER NOT NULL,"
                                   " PRIMARY KEY (schema_name, version))")))
            return fail(QStringLiteral("cannot create schema_migrations: ") + describe(q));
        q.prepare(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations "
                                 "WHERE schema_name = :s"));
        q.bindValue(QStringLiteral(":s"), schemaName);
        if (!q.exec() || !q.next())
            return fail(QStringLiteral("cannot read schema version: ") + describe(q));
        const int current = q.value(0).toInt();
        q.finish();
        if (current > migrations.size())
            return fail(QStringLiteral("the %1 database has schema version %2, newer than this "
                                       "program knows (%3): use a newer PayDesk")
                            .arg(schemaName)
                            .arg(current)
                            .arg(migrations.size()));
        if (current == migrations.size()) {
            if (!q.exec(QStringLiteral("COMMIT")))
                return fail(
                    QStringLiteral("cannot end migration of %1: %2").arg(schemaName, describe(q)));
            return true;
        }
        const int v = current + 1;
        const QStringList statements = translate(m_config.dialect, migrations.at(v - 1))
                                           .split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString& st : statements) {
            if (st.trimmed().isEmpty())
                continue;
            if (!q.exec(st))
                return fail(QStringLiteral("migration %1 of %2 failed: %3")
                                .arg(v)
                                .arg(schemaName, describe(q)));
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations (schema_name, version) "
                                 "VALUES (:s, :v)"));
        q.bindValue(QStringLiteral(":s"), schemaName);
        q.bindValue(QStringLiteral(":v"), v);
        if (!q.exec())
            return fail(QStringLiteral("cannot record migration %1: %2").arg(v).arg(describe(q)));
        if (!q.exec(QStringLiteral("COMMIT")))
            return fail(QStringLiteral("cannot commit migration %1 of %2: %3")
                            .arg(v)
                            .arg(schemaName, describe(q)));
    }
}

namespace {

// ":p0" ... as shared strings made once: binding by name must not build one.
constexpr int kNamedPlaceholders = 1024;

const QString& placeholderName(int index)
{
    static const std::vector<QString> names = [] {
        std::vector<QString> v;
        v.reserve(kNamedPlaceholders);
        for (int i = 0; i < kNamedPlaceholders; ++i)
            v.push_back(QStringLiteral(":p%1").arg(i));
        return v;
    }();
    Q_ASSERT(index >= 0 && index < kNamedPlaceholders);
    return names[size_t(index)];
}

} // namespace

void bindAt(QSqlQuery& q, int index, const QVariant& value)
{
    q.bindValue(placeholderName(index), value);
}

QString Database::numberPlaceholders(const QString& sql)
{
    if (!sql.contains(QLatin1Char('?')))
        return sql;
    QString out;
    out.reserve(sql.size() + 64);
    QChar quote; // inside '...' or "..." when set
    int next = 0;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('?')) {
            out += placeholderName(next++);
            continue;
        }
        out += c;
    }
    return out;
}

QSqlQuery& Database::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return **it;
    auto q = std::make_shared<QSqlQuery>(m_db);
    // Forward-only: Qt otherwise caches rows for scrolling we never do.
    q->setForwardOnly(true);
    const bool ok = q->prepare(numberPlaceholders(sql));
    // A statement that does not prepare is a bug in PayDesk, not bad input.
    Q_ASSERT_X(ok, "Database::prepared", qPrintable(q->lastError().text() + QStringLiteral(" in ") + sql));
    Q_UNUSED(ok);
    m_statements.insert(sql, q);
    return *q;
}

bool Database::ensureTransaction()
{
    if (m_failed) {
        m_lastError = QStringLiteral("storage failed earlier; restart PayDesk");
        return false;
    }
    if (m_inTransaction)
        return true;
    QSqlQuery q(m_db);
    // IMMEDIATE takes the write lock up front so two processes never deadlock
    // upgrading read locks.
    const QString begin = m_config.dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                                 : QStringLiteral("BEGIN");
    if (!q.exec(begin)) {
        m_lastError = QStringLiteral("cannot begin transaction: ") + describe(q);
        return false;
    }
    // PostgreSQL's BEGIN takes no lock: without one, two processes could
    // both pass a balance or limit check and both write. One advisory lock,
    // held to the end of the transaction, makes writers take turns as
    // SQLite's IMMEDIATE does.
    if (m_config.dialect == SqlDialect::Postgres &&
        !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriterLockKey))) {
        m_lastError = QStringLiteral("cannot take the writers' lock: ") + describe(q);
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    m_inTransaction = true;
    ++m_transactionSerial;
    scheduleFlush();
    return true;
}

void Database::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_flushScheduled = false;
        commitBatch(false);
    });
}

bool Database::execWrite(QSqlQuery& q)
{
    if (!ensureTransaction())
        return false;
    if (m_config.diskFault && m_config.diskFault(false) != DiskFault::None) {
        abandonBatch(QStringLiteral("write failed: injected disk fault"));
        return false;
    }
    if (!q.exec()) {
        // A write that fails half way through a command would commit a torn
        // command with the rest of the batch: abandon the whole batch and
        // stop; recovery restarts from what is on disk.
        abandonBatch(QStringLiteral("write failed: ") + describe(q));
        return false;
    }
    // No commit here, however big the batch: a commit in the middle of a
    // command could make half of it durable. Batches end with the event-loop
    // turn, between commands.
    return true;
}

std::optional<qint64> Database::dataVersion()
{
    if (m_config.dialect != SqlDialect::Sqlite || !m_db.isOpen())
        return std::nullopt;
    QSqlQuery& q = prepared(QStringLiteral("PRAGMA data_version"));
    std::optional<qint64> v;
    if (q.exec() && q.next())
        v = q.value(0).toLongLong();
    q.finish();
    return v;
}

bool Database::execRead(QSqlQuery& q)
{
    if (q.exec())
        return true;
    m_lastError = describe(q);
    // PostgreSQL aborts the whole open transaction on any failed statement,
    // and its COMMIT would then roll back without an error: the batch is
    // lost either way, so stop as a failed write does.
    if (m_inTransaction && m_config.dialect == SqlDialect::Postgres)
        abandonBatch(m_lastError);
    return false;
}

void Database::afterCommit(std::function<void(bool)> callback)
{
    m_afterCommit.push_back(std::move(callback));
    scheduleFlush();
}

void Database::whenCommitted(std::function<void(bool)> callback)
{
    m_whenCommitted.push_back(std::move(callback));
    scheduleFlush();
}

int Database::backgroundCheckpoints() const
{
    return m_checkpointer ? m_checkpointer->completed() : 0;
}

void Database::checkpointIfLarge()
{
    if (!m_checkpointer)
        return;
    // stat() itself: QFileInfo's path handling costs more, on every commit.
    struct stat st;
    const qint64 walBytes = ::stat(m_walPath.constData(), &st) == 0 ? qint64(st.st_size) : 0;
    if (walBytes >= kWalInlineCheckpointBytes) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    } else if (walBytes >= kWalCheckpointBytes) {
        m_checkpointer->request();
    }
}

bool Database::flush()
{
    return commitBatch(true);
}

bool Database::commitBatch(bool waitDurable)
{
    bool committed = false;
    if (m_inTransaction && !m_failed) {
        m_inTransaction = false;
        QSqlQuery q(m_db);
        // A PostgreSQL transaction aborted by an error nobody saw (one met
        // while fetching rows) would COMMIT as a silent rollback; any
        // statement fails in it, so ask once before committing.
        const bool aborted =
            m_config.dialect == SqlDialect::Postgres && !q.exec(QStringLiteral("SELECT 1"));
        const DiskFault fault = m_config.diskFault ? m_config.diskFault(true) : DiskFault::None;
        if (aborted || fault == DiskFault::FailCommit || !q.exec(QStringLiteral("COMMIT"))) {
            const QString error =
                QStringLiteral("commit failed: ") + (fault == DiskFault::FailCommit
                                                         ? QStringLiteral("injected disk fault")
                                                         : describe(q));
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
            fail(error);
        } else if (fault == DiskFault::FailAfterCommit) {
            fail(QStringLiteral("commit failed: injected disk fault after the COMMIT was written"));
        } else {
            committed = true;
            checkpointIfLarge();
        }
    }
    // Callbacks may stage new writes (which open the next batch): take the
    // list first so they land in the next commit.
    auto callbacks = std::move(m_afterCommit);
    m_afterCommit.clear();
    auto written = std::move(m_whenCommitted);
    m_whenCommitted.clear();
    if (m_syncer && !m_failed && committed) {
        if (waitDurable)
            ++m_committedSerial; // synced just below, on this thread
        else
            m_syncer->request(++m_committedSerial);
    }
    // Before any sync on this thread and any afterCommit callback, so those
    // callbacks always come second; usually while the syncer's fsync runs.
    // A sync failing later does not unwrite the COMMIT: they were told true.
    for (auto& cb : written)
        cb(!m_failed);
    if (m_syncer && !m_failed) {
        // Not durable until the sync of the newest commit: callbacks of a
        // turn with no writes of its own wait for it too.
        if (m_committedSerial > m_syncedSerial) {
            for (auto& cb : callbacks)
                m_awaitingSync.emplace_back(m_committedSerial, std::move(cb));
            callbacks.clear();
            if (waitDurable) {
                QString error;
                const quint64 serial = m_committedSerial;
                onWalSynced(serial, m_syncer->syncNow(&error), error);
            }
        }
    }
    const bool ok = !m_failed;
    if (!ok)
        fail(m_lastError); // earlier batches' callbacks first, in order
    for (auto& cb : callbacks)
        cb(ok);
    return ok;
}

void Database::onWalSynced(quint64 serial, bool ok, const QString& error)
{
    if (!ok) {
        // What the WAL holds past the last good sync may not survive a
        // power cut: nobody may be told it is durable. Crash-only again.
        fail(QStringLiteral("the database could not be made durable: ") + error);
        return;
    }
    if (serial <= m_syncedSerial)
        return; // a sync on this thread got there first
    m_syncedSerial = serial;
    runSyncedCallbacks(serial, true);
}

void Database::abandonBatch(const QString& message)
{
    if (!m_failed) {
        m_failed = true;
        m_lastError = message;
    }
    if (m_inTransaction) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        m_inTransaction = false;
    }
    scheduleFlush(); // that turn tells the batch's callbacks
}

void Database::fail(const QString& message)
{
    abandonBatch(message);
    // Committed batches still waiting for their sync are told first, so
    // callbacks keep commit order even when the news is bad.
    runSyncedCallbacks(m_committedSerial, false);
    if (!m_failureReported) {
        m_failureReported = true;
        Q_EMIT storageFailed(m_lastError);
    }
}

void Database::runSyncedCallbacks(quint64 serial, bool ok)
{
    // Popped before each call: a callback may flush() and drain the rest.
    while (!m_awaitingSync.empty() && m_awaitingSync.front().first <= serial) {
        auto cb = std::move(m_awaitingSync.front().second);
        m_awaitingSync.pop_front();
        cb(ok);
    }
}

} // namespace paydesk
