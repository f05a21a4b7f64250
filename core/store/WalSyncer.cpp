#include "store/WalSyncer.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace paydesk {

WalSyncer::WalSyncer(SyncFunction sync, QObject* receiver, Done done)
    : m_sync(std::move(sync)), m_receiver(receiver), m_done(std::move(done))
{
    Q_ASSERT(m_sync && receiver && m_done);
    m_thread = std::thread([this] { run(); });
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

WalSyncer::SyncFunction WalSyncer::fileSync(const QString& path)
{
    return [file = QFile::encodeName(path)](QString* error) {
        const int fd = ::open(file.constData(), O_WRONLY | O_CLOEXEC);
        if (fd < 0 || ::fdatasync(fd) != 0) {
            const int e = errno;
            if (fd >= 0)
                ::close(fd);
            if (error)
                *error = QStringLiteral("cannot sync %1: %2")
                             .arg(QFile::decodeName(file), QString::fromLocal8Bit(std::strerror(e)));
            return false;
        }
        ::close(fd);
        return true;
    };
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
        const bool ok = m_sync(&error);
        lock.lock();
        m_synced = target;
        QMetaObject::invokeMethod(
            m_receiver, [done = m_done, target, ok, error] { done(target, ok, error); },
            Qt::QueuedConnection);
    }
}

} // namespace paydesk
