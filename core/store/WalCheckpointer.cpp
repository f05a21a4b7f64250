#include "store/WalCheckpointer.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace paydesk {

namespace {
QAtomicInteger<quint64> g_checkpointerCounter;
// The checkpoint connection waits this long for a writer's lock before it
// gives up for this round (the next commit asks again).
constexpr int kCheckpointBusyTimeoutMs = 5000;
} // namespace

class WalCheckpointer::Worker final : public QObject
{
public:
    Worker(QString path, std::atomic<bool>& pending, std::atomic<int>& completed)
        : m_path(std::move(path)), m_pending(pending), m_completed(completed),
          m_connectionName(QStringLiteral("paydesk-checkpoint-%1")
                               .arg(g_checkpointerCounter.fetchAndAddRelaxed(1)))
    {}

    // Runs on the worker thread: the connection lives and dies there.
    void checkpoint()
    {
        m_pending.store(false);
        if (!m_db.isValid()) {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
            m_db.setDatabaseName(m_path);
            m_db.setConnectOptions(
                QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kCheckpointBusyTimeoutMs));
        }
        // A checkpoint that cannot run only lets the WAL grow, and the
        // committing thread checkpoints inline past its limit.
        if (!m_db.isOpen() && !m_db.open())
            return;
        QSqlQuery q(m_db);
        // PASSIVE: copy what no reader still needs; never wait for writers.
        if (q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            m_completed.fetch_add(1);
    }

    void closeConnection()
    {
        if (!m_db.isValid())
            return;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }

private:
    QString m_path;
    std::atomic<bool>& m_pending;
    std::atomic<int>& m_completed;
    QString m_connectionName;
    QSqlDatabase m_db;
};

WalCheckpointer::WalCheckpointer(QString databasePath) : m_path(std::move(databasePath))
{
    m_worker = new Worker(m_path, m_pending, m_completed);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("wal-checkpoint"));
    m_thread.start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->closeConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void WalCheckpointer::request()
{
    if (m_pending.exchange(true))
        return;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->checkpoint(); }, Qt::QueuedConnection);
}

} // namespace paydesk
