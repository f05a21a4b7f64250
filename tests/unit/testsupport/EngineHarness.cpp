#include "testsupport/EngineHarness.h"

#include "testsupport/KilledCopy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

namespace paydesk::test {

EngineHarness::EngineHarness(CoreConfig config) : m_config(std::move(config))
{
    open();
}

EngineHarness::~EngineHarness() = default;

EngineHarness::EngineHarness(CopyOf copy)
    : m_clock(copy.from.m_clock.nowMs()), m_config(copy.from.m_config)
{
    if (const QString failed = copyAsAfterKill(copy.from.dataDir(), m_dir.path());
        !failed.isEmpty())
        qFatal("cannot copy %s", qPrintable(failed));
    open();
}

std::unique_ptr<EngineHarness> EngineHarness::copyAsIfKilled()
{
    drain();
    return std::unique_ptr<EngineHarness>(new EngineHarness(CopyOf{*this}));
}

EmbeddedOptions EngineHarness::options(std::shared_ptr<InProcessSandbox> sandbox)
{
    EmbeddedOptions opt;
    opt.dataDir = m_dir.path();
    opt.durable = false; // the disk's fsync is not under test here
    // A test shop: every wallet is the sandbox's (its trades survive a
    // restart in sandbox.db, as the core's do in paydesk.db).
    opt.sandbox = std::move(sandbox);
    opt.config = m_config;
    opt.clock = &m_clock;
    opt.userCost = ScryptCost{10, 8, 1}; // 1/32 of production's cost: tests log in often
    return opt;
}

void EngineHarness::open()
{
    m_sandbox = std::make_shared<InProcessSandbox>();
    EmbeddedOptions opt = options(m_sandbox);
    m_api = std::make_unique<EmbeddedApi>(opt);
    const QString e = m_api->open();
    if (!e.isEmpty())
        qFatal("cannot open the test core: %s", qPrintable(e));
}

std::unique_ptr<EmbeddedApi> EngineHarness::openPeer()
{
    auto peer = std::make_unique<EmbeddedApi>(options(std::make_shared<InProcessSandbox>()));
    const QString e = peer->open();
    if (!e.isEmpty())
        qFatal("cannot open the peer core: %s", qPrintable(e));
    return peer;
}

void EngineHarness::stop()
{
    drain();
    m_api.reset();
}

void EngineHarness::restart()
{
    restartAfter(0);
}

void EngineHarness::restartAfter(qint64 downMs)
{
    drain();
    m_api.reset();
    m_clock.advance(downMs);
    open();
    m_api->resumeAll();
    drain();
}

void EngineHarness::drain()
{
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

void EngineHarness::advance(qint64 ms, qint64 stepMs)
{
    drain();
    for (qint64 done = 0; done < ms; done += stepMs) {
        m_clock.advance(qMin(stepMs, ms - done));
        drain();
    }
}

CommandOutcome EngineHarness::wait(const std::function<void(PayDeskApi::Reply)>& send)
{
    bool done = false;
    CommandOutcome out;
    send([&](const CommandOutcome& o) {
        out = o;
        done = true;
    });
    for (int i = 0; i < 1000 && !done; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    if (!done)
        qFatal("command never answered");
    drain();
    return out;
}

CommandOutcome EngineHarness::pay(const QString& code, const QString& amount,
                                  const QString& requestNo, const QString& orderNo)
{
    PayCommand cmd{requestNo, *Money::parse(amount), code, QStringLiteral("test sale"), orderNo};
    return wait([&](PayDeskApi::Reply r) { m_api->pay(cmd, r); });
}

CommandOutcome EngineHarness::refund(const QString& orderNo, const QString& amount,
                                     const QString& requestNo, const QString& reason)
{
    RefundCommand cmd{requestNo, orderNo, *Money::parse(amount), reason};
    return wait([&](PayDeskApi::Reply r) { m_api->refund(cmd, r); });
}

CommandOutcome EngineHarness::revoke(const QString& orderNo)
{
    RevokeCommand cmd{QString(), orderNo, QStringLiteral("test revoke")};
    return wait([&](PayDeskApi::Reply r) { m_api->revoke(cmd, r); });
}

CommandOutcome EngineHarness::qr(const QString& amount, Wallet wallet, const QString& requestNo)
{
    QrCommand cmd{requestNo, *Money::parse(amount), wallet, QStringLiteral("qr sale")};
    return wait([&](PayDeskApi::Reply r) { m_api->createQr(cmd, r); });
}

OrderDetails EngineHarness::details(const QString& orderNo)
{
    std::optional<OrderDetails> d;
    m_api->orderDetails(orderNo, [&](const std::optional<OrderDetails>& x) { d = x; });
    if (!d)
        qFatal("no order %s", qPrintable(orderNo));
    return *d;
}

QList<AlertRecord> EngineHarness::alerts()
{
    QList<AlertRecord> out;
    m_api->alerts(false, 1000, [&](const QList<AlertRecord>& a) { out = a; });
    return out;
}

QStringList EngineHarness::alertKinds()
{
    QStringList kinds;
    for (const auto& a : alerts())
        kinds << a.kind;
    return kinds;
}

int EngineHarness::orderCount()
{
    int n = 0;
    OrderFilter f;
    f.limit = 100000;
    m_api->orders(f, [&](const QList<OrderRecord>& l) { n = int(l.size()); });
    return n;
}

} // namespace paydesk::test
