#include "store/WalSyncer.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <pthread.h>
#include <unistd.h>

namespace paydesk {

namespace {

QString systemError(const QByteArray& file, int e)
{
    return QStringLiteral("%1: %2").arg(QFile::decodeName(file),
                                        QString::fromLocal8Bit(std::strerror(e)));
}

struct OpenFile
{
    int fd = -1;
    ~OpenFile()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

WalSyncer::WalSyncer(SyncFunction sync, QObject* receiver, Done done)
    : m_sync(std::move(sync)), m_receiver(receiver), m_done(std::move(done))
{
    Q_ASSERT(m_sync && receiver && m_done);
    m_thread = std::thread([this] { run(); });
    // Named so that top -H and profiles tell the durable wait apart.
    pthread_setname_np(m_thread.native_handle(), "wal-sync");
}

WalSyncer::~WalSyncer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

WalSyncer::SyncFunction WalSyncer::fileSync(const QByteArray& nativePath, QString* error)
{
    auto file = std::make_shared<OpenFile>();
    file->fd = ::open(nativePath.constData(), O_WRONLY | O_CLOEXEC);
    if (file->fd < 0) {
        if (error)
            *error = systemError(nativePath, errno);
        return {};
    }
    return [file, nativePath](QString* error) {
        if (::fdatasync(file->fd) == 0)
            return true;
        if (error)
            *error = QStringLiteral("cannot sync ") + systemError(nativePath, errno);
        return false;
    };
}

bool WalSyncer::syncNow(QString* error)
{
    std::lock_guard lock(m_syncMutex);
    if (m_firstError.isEmpty()) {
        QString e;
        if (m_sync(&e))
            return true;
        m_firstError = e.isEmpty() ? QStringLiteral("the sync failed") : e;
    }
    if (error)
        *error = m_firstError;
    return false;
}

void WalSyncer::request(quint64 serial)
{
    {
        std::lock_guard lock(m_mutex);
        if (serial <= m_requested)
            return;
        m_requested = serial;
    }
    m_wake.notify_one();
}

void WalSyncer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || m_requested > m_synced; });
        if (m_requested <= m_synced)
            return; // stopping with nothing left to sync
        // Everything up to `target` was written before it was requested,
        // so this one sync covers it all.
        const quint64 target = m_requested;
        lock.unlock();
        QString error;
        const bool ok = syncNow(&error);
        lock.lock();
        m_synced = target;
        QMetaObject::invokeMethod(
            m_receiver, [done = m_done, target, ok, error] { done(target, ok, error); },
            Qt::QueuedConnection);
    }
}

} // namespace paydesk
