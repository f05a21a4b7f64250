#include "SimWorld.h"

#include "testsupport/KilledCopy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace paydesk::sim {

SimWorld::SimWorld(SimRandom faults, ChannelWeather weather, CoreConfig config, Note note)
    : m_random(faults), m_weather(weather), m_config(std::move(config)), m_note(std::move(note))
{}

SimWorld::~SimWorld()
{
    dropCore();
    m_acquirer.reset();
}

QString SimWorld::start()
{
    if (!m_root.isValid())
        return QStringLiteral("cannot make a temporary directory: ") + m_root.errorString();
    m_acquirer = std::make_unique<SandboxAcquirer>(m_clock);
    DatabaseConfig acquirerDb;
    acquirerDb.sqlitePath = m_root.filePath(QStringLiteral("acquirer/sandbox.db"));
    acquirerDb.durable = false; // the acquirer never crashes here
    if (!QDir().mkpath(m_root.filePath(QStringLiteral("acquirer"))))
        return QStringLiteral("cannot make the acquirer's directory");
    if (QString e = m_acquirer->open(acquirerDb); !e.isEmpty())
        return e;
    m_coreDir = m_root.filePath(QStringLiteral("shop-1"));
    return openCore();
}

QString SimWorld::coreDatabase() const
{
    return QDir(m_coreDir).filePath(QStringLiteral("paydesk.db"));
}

QString SimWorld::acquirerDatabase() const
{
    return m_root.filePath(QStringLiteral("acquirer/sandbox.db"));
}

QString SimWorld::openCore()
{
    ++m_incarnation;
    m_storageFailed = false;
    m_channels = std::make_shared<SimChannels>(*m_acquirer, m_postbox, m_random, m_weather, m_note);
    EmbeddedOptions options;
    options.dataDir = m_coreDir;
    options.durable = false; // a crash is a copy of the files: no fsync is under test
    options.sandbox = m_channels;
    options.config = m_config;
    // Each incarnation its own holder, the same in every replay: a random
    // one (as in production) made a replay differ when two incarnations of
    // one process drew the same suffix and the new one took its dead
    // predecessor's orders for its own.
    options.config.leaseHolder = QStringLiteral("sim/%1").arg(m_incarnation);
    options.clock = &m_clock;
    options.diskFault = [this](bool commit) {
        if (m_armedFault == DiskFault::None || commit != (m_armedFault != DiskFault::FailWrite))
            return DiskFault::None;
        if (--m_opsUntilFault > 0)
            return DiskFault::None;
        const DiskFault fault = m_armedFault;
        m_armedFault = DiskFault::None;
        m_note(QStringLiteral("the disk fails now"));
        return fault;
    };
    m_core = std::make_unique<EmbeddedApi>(options);
    if (QString e = m_core->open(); !e.isEmpty())
        return QStringLiteral("the shop's core did not start: ") + e;
    QObject::connect(m_core.get(), &PayDeskApi::fatalError, m_core.get(),
                     [this](const QString& message) {
                         m_storageFailed = true;
                         m_note(QStringLiteral("storage failed: ") + message);
                     });
    if (m_onOpen)
        m_onOpen(*m_core);
    m_core->resumeAll();
    drain();
    return QString();
}

void SimWorld::dropCore()
{
    // The process's channels go with it (the core holds the last reference).
    m_dropping = true;
    m_channels.reset();
    m_core.reset();
    drain();
    m_dropping = false;
}

QString SimWorld::copyCoreFiles()
{
    drain();
    const QString to = m_root.filePath(QStringLiteral("shop-%1").arg(m_incarnation + 1));
    QDir().mkpath(to);
    if (const QString failed = test::copyAsAfterKill(m_coreDir, to); !failed.isEmpty())
        qFatal("simulation: cannot copy %s", qPrintable(failed));
    return to;
}

void SimWorld::crash(qint64 downMs)
{
    m_note(QStringLiteral("kill -9, down %1 ms").arg(downMs));
    const QString copy = copyCoreFiles();
    const QString old = m_coreDir;
    // What the dying process still does (its destructor's clean stop) goes
    // to files nobody opens again.
    dropCore();
    QDir(old).removeRecursively();
    m_coreDir = copy;
    m_armedFault = DiskFault::None;
    m_clock.advance(downMs);
    drain();
    if (QString e = openCore(); !e.isEmpty())
        qFatal("simulation: %s", qPrintable(e));
}

void SimWorld::restart(qint64 downMs)
{
    m_note(QStringLiteral("clean stop, down %1 ms").arg(downMs));
    dropCore();
    m_armedFault = DiskFault::None;
    m_clock.advance(downMs);
    drain();
    if (QString e = openCore(); !e.isEmpty())
        qFatal("simulation: %s", qPrintable(e));
}

void SimWorld::armDiskFault(DiskFault fault, int afterOps)
{
    m_armedFault = fault;
    m_opsUntilFault = afterOps;
}

void SimWorld::drain()
{
    for (int i = 0; i < 20; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        m_postbox.deliverDue();
    }
}

void SimWorld::advance(qint64 ms, qint64 stepMs)
{
    drain();
    for (qint64 done = 0; done < ms; done += stepMs) {
        if (m_storageFailed)
            crash(0);
        m_clock.advance(qMin(stepMs, ms - done));
        drain();
    }
    if (m_storageFailed)
        crash(0);
}

bool SimWorld::quiet() const
{
    return m_core->isIdle() && m_core->workHeldElsewhere() == 0 && !m_postbox.hasLiveItems();
}

} // namespace paydesk::sim
