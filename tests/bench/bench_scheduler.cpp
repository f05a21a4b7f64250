// bench_scheduler: memory and idle CPU with 100,000 in-flight payments held in
// the scheduler (a PaymentPoll and a CallTimeout each), against the same
// process empty; optionally the same through the whole engine.
//
//   bench_scheduler [--items N] [--idle-seconds S] [--engine|--no-engine]
//                   [--engine-payments N] [--engine-window W] [--engine-poll-ms MS] [--json]

#include "BenchSupport.h"

#include "api/EmbeddedApi.h"
#include "domain/States.h"
#include "engine/Scheduler.h"
#include "sandbox/InProcessSandbox.h"
#include "sandbox/SandboxBehaviour.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace paydesk;
using namespace paydesk::bench;

namespace {

constexpr double kGoalRssMb = 200;
constexpr double kGoalIdleCpuPct = 5;
constexpr qint64 kHourMs = 3'600'000;

struct Options
{
    int items = 100'000;
    int idleSeconds = 5;
    bool engine = true;
    int enginePayments = 100'000;
    int engineWindow = 1024;
    qint64 enginePollMs = kHourMs;
    int timeoutS = 120;
    bool json = false;
    bool engineChild = false;
};

Options parseOptions(const QCoreApplication& app)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Memory and idle CPU of PayDesk's scheduler holding many in-flight payments."));
    p.addHelpOption();
    const QCommandLineOption items(QStringLiteral("items"),
                                   QStringLiteral("Payments held (default 100000): one PaymentPoll "
                                                  "and one CallTimeout each."),
                                   QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption idle(QStringLiteral("idle-seconds"),
                                  QStringLiteral("Idle measurement length (default 5)."),
                                  QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption engine(
        QStringLiteral("engine"),
        QStringLiteral("Also measure through the whole engine (the default)."));
    const QCommandLineOption noEngine(QStringLiteral("no-engine"),
                                      QStringLiteral("Skip the whole-engine measurement."));
    const QCommandLineOption enginePayments(
        QStringLiteral("engine-payments"),
        QStringLiteral("NeverFinal payments for the engine measurement (default: --items)."),
        QStringLiteral("N"));
    const QCommandLineOption engineWindow(
        QStringLiteral("engine-window"),
        QStringLiteral("Payments submitted at a time while filling the engine (default 1024)."),
        QStringLiteral("W"), QStringLiteral("1024"));
    const QCommandLineOption enginePoll(
        QStringLiteral("engine-poll-ms"),
        QStringLiteral(
            "The engine's poll interval for waiting payments (default 3600000: they "
            "wait; the engine's 2-10 s default would query 100,000 payments at 10,000+/s)."),
        QStringLiteral("MS"), QString::number(kHourMs));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("Give up filling the engine after S seconds (default 120)."),
        QStringLiteral("S"), QStringLiteral("120"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object instead of a table."));
    // Internal: the engine measurement runs in a fresh process so that its
    // memory figure is not polluted by the scheduler part's freed heap.
    QCommandLineOption child(QStringLiteral("engine-child"));
    child.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOptions({items, idle, engine, noEngine, enginePayments, engineWindow, enginePoll, timeout,
                  json, child});
    p.process(app);

    const auto positive = [&](const QCommandLineOption& o) { return positiveOption(p, o); };
    Options opt;
    opt.items = positive(items);
    opt.idleSeconds = positive(idle);
    opt.enginePayments = p.isSet(enginePayments) ? positive(enginePayments) : opt.items;
    opt.engineWindow = positive(engineWindow);
    opt.enginePollMs = positive(enginePoll);
    opt.timeoutS = positive(timeout);
    opt.engine = !p.isSet(noEngine);
    opt.json = p.isSet(json);
    opt.engineChild = p.isSet(child);
    return opt;
}

struct Idle
{
    double wallS = 0;
    double cpuS = 0;
    double percent() const { return wallS > 0 ? 100.0 * cpuS / wallS : 0; }
};

// Runs the event loop with nothing to do but what is already armed, and
// measures the CPU the process burns meanwhile (percent of one core).
Idle idleFor(int seconds)
{
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    Idle out;
    QElapsedTimer t;
    const double cpu0 = cpuSeconds();
    t.start();
    loop.exec();
    out.cpuS = cpuSeconds() - cpu0;
    out.wallS = double(t.nsecsElapsed()) / 1e9;
    return out;
}

// A 32-character payment number in the generator's layout
// (PA 1 store terminal yyyyMMddHHmmsszzz sequence), unique per i.
QString paymentNumber(int i)
{
    return QStringLiteral("PA100010001") + QString::number(20260101120000000LL + i / 10000) +
           QString::number(i % 10000).rightJustified(4, QLatin1Char('0'));
}

// ---------------------------------------------------------------- engine

// 100,000 NeverFinal payments waiting in the whole engine (durable=false:
// the disk is not under test here), then memory and idle CPU. Prints its
// figures as [key, value] pairs; the parent embeds them in order.
int runEngineChild(const Options& opt)
{
    const qint64 rssEmpty = rssBytes();
    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(QStringLiteral("cannot create a temporary directory"));

    EmbeddedOptions eo;
    eo.dataDir = tmp.path();
    eo.durable = false;
    eo.sandbox = std::make_shared<InProcessSandbox>();
    // The payments must wait, not work: the deadline (which forces a revoke)
    // and the first poll are an hour away, and no call times out meanwhile.
    eo.config.defaultPolicy.barcodeDeadlineMs = kHourMs;
    eo.config.defaultPolicy.callTimeoutMs = kHourMs;
    eo.config.defaultPolicy.pollDelaysMs = {opt.enginePollMs};
    auto api = std::make_unique<EmbeddedApi>(eo);
    if (const QString e = api->open(); !e.isEmpty())
        die(e);
    const qint64 rssOpen = rssBytes();

    // A NeverFinal payment moves once, Created -> Processing (USERPAYING):
    // from then on it waits.
    QElapsedTimer fill;
    fill.start();
    pumpPayments(*api, QStringLiteral("wait-"),
                 sandboxCode(Wallet::WeChat, SandboxBehaviour::NeverFinal), opt.enginePayments,
                 opt.engineWindow, opt.timeoutS, PumpDone::payment(PaymentState::Processing), false);
    // The poll of the last payment is scheduled by a callback of the same
    // commit that reported it; let that and any stragglers run.
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    const double fillS = double(fill.nsecsElapsed()) / 1e9;
    if (api->isIdle())
        die(QStringLiteral("the engine is idle: the payments are not waiting"));

    const qint64 cache =
        sqliteCacheBytes(sqliteHandleFor(QDir(tmp.path()).filePath(QStringLiteral("paydesk.db")))) +
        sqliteCacheBytes(sqliteHandleFor(QDir(tmp.path()).filePath(QStringLiteral("sandbox.db"))));
    const qint64 rss = rssBytes();
    const Idle idle = idleFor(opt.idleSeconds);

    JsonObject out;
    out.flag("enabled", true)
        .integer("payments", opt.enginePayments)
        .text("behaviour", QStringLiteral("NeverFinal (USERPAYING forever)"))
        .flag("durable", false)
        .integer("barcode_deadline_ms", kHourMs)
        .integer("call_timeout_ms", kHourMs)
        .integer("poll_delay_ms", opt.enginePollMs)
        .number("fill_s", fillS)
        .number("fill_payments_per_s", opt.enginePayments / fillS, 1)
        .number("rss_empty_mb", megabytes(rssEmpty), 1)
        .number("rss_open_mb", megabytes(rssOpen), 1)
        .number("rss_mb", megabytes(rss), 1)
        .number("rss_delta_mb", megabytes(rss - rssEmpty), 1)
        .number("rss_ratio", double(rss) / double(rssEmpty), 2)
        .number("sqlite_page_cache_mb", megabytes(cache), 1)
        .number("rss_without_sqlite_cache_mb", megabytes(rss - cache), 1)
        .number("idle_wall_s", idle.wallS)
        .number("idle_cpu_s", idle.cpuS, 4)
        .number("idle_cpu_pct", idle.percent(), 3);
    const QByteArray pairs = (out.toPairsJson() + QLatin1Char('\n')).toUtf8();
    std::fwrite(pairs.constData(), 1, size_t(pairs.size()), stdout);
    std::fflush(stdout);
    api.reset();
    return 0;
}

// Runs the engine measurement in a child process and returns its figures.
std::optional<JsonObject> engineInChild(const Options& opt, QString* error)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--engine-child"), QStringLiteral("--engine-payments"),
                 QString::number(opt.enginePayments), QStringLiteral("--engine-window"),
                 QString::number(opt.engineWindow), QStringLiteral("--engine-poll-ms"),
                 QString::number(opt.enginePollMs), QStringLiteral("--idle-seconds"),
                 QString::number(opt.idleSeconds), QStringLiteral("--timeout"),
                 QString::number(opt.timeoutS)});
    const int waitMs = (opt.timeoutS + opt.idleSeconds + 30) * 1000;
    if (!child.waitForFinished(waitMs)) {
        child.kill();
        child.waitForFinished();
        *error = QStringLiteral("the engine measurement did not finish in time");
        return {};
    }
    auto out = JsonObject::fromPairsJson(child.readAllStandardOutput());
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0 || !out) {
        *error =
            QStringLiteral("the engine measurement failed (exit code %1)").arg(child.exitCode());
        return std::nullopt;
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Options opt = parseOptions(app);
    if (opt.engineChild)
        return runEngineChild(opt);

    // Baseline: this process with nothing scheduled.
    const qint64 rssEmpty = rssBytes();
    const Idle idleEmpty = idleFor(opt.idleSeconds);

    SystemClock clock;
    auto scheduler = std::make_unique<Scheduler>(clock);
    // Items that come due during the idle window do what the engine would:
    // a poll asks again later, so the count of held items stays constant.
    qint64 fired = 0;
    scheduler->setHandler([&](Scheduler::Kind kind, const QString& key) {
        ++fired;
        scheduler->schedule(kind, key, clock.nowMs() + kHourMs);
    });
    QRandomGenerator random(20260101);
    const qint64 now = clock.nowMs();
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < opt.items; ++i) {
        // Due times spread uniformly over the next hour. The CallTimeout key is
        // the engine's call id (a decimal counter, see PaymentEngine::callChannel).
        scheduler->schedule(Scheduler::Kind::PaymentPoll, paymentNumber(i),
                            now + qint64(random.bounded(quint64(kHourMs))));
        scheduler->schedule(Scheduler::Kind::CallTimeout, QString::number(i + 1),
                            now + qint64(random.bounded(quint64(kHourMs))));
    }
    const double scheduleS = double(t.nsecsElapsed()) / 1e9;
    const int entries = scheduler->size();
    const qint64 rssHeld = rssBytes();
    const Idle idleHeld = idleFor(opt.idleSeconds);
    if (scheduler->size() != entries)
        die(QStringLiteral("the scheduler lost items while idle"));

    // The engine part after the direct part, so the two never share a process.
    std::optional<JsonObject> engineFigures;
    QString engineError;
    QElapsedTimer engineTimer;
    engineTimer.start();
    if (opt.engine)
        engineFigures = engineInChild(opt, &engineError);
    const double engineWallS = double(engineTimer.nsecsElapsed()) / 1e9;

    const double cpuRatio = idleHeld.percent() / idleEmpty.percent();
    JsonObject sched;
    sched.integer("payment_polls", scheduler->sizeOf(Scheduler::Kind::PaymentPoll))
        .integer("call_timeouts", scheduler->sizeOf(Scheduler::Kind::CallTimeout))
        .number("schedule_s", scheduleS)
        .number("schedule_per_s", entries / scheduleS, 0)
        .number("rss_delta_mb", megabytes(rssHeld - rssEmpty), 1)
        .number("bytes_per_entry", double(rssHeld - rssEmpty) / entries, 1)
        .number("idle_wall_s", idleHeld.wallS)
        .number("idle_cpu_s", idleHeld.cpuS, 4)
        .integer("fired_during_idle", fired);

    JsonObject baseline;
    baseline.text("what", QStringLiteral("same process before scheduling; empty event loop"))
        .number("rss_mb", megabytes(rssEmpty), 1)
        .number("idle_wall_s", idleEmpty.wallS)
        .number("idle_cpu_s", idleEmpty.cpuS, 4)
        .number("idle_cpu_pct", idleEmpty.percent(), 3);

    JsonObject engine;
    const bool engineOk = engineFigures.has_value();
    if (engineOk) {
        engine = *engineFigures;
        engine.number("wall_s", engineWallS, 1);
    } else {
        engine.flag("enabled", false)
            .text("reason", opt.engine ? engineError : QStringLiteral("--no-engine"));
    }

    JsonObject goals;
    goals.number("rss_mb_max", kGoalRssMb, 0).number("idle_cpu_pct_max", kGoalIdleCpuPct, 0);
    JsonObject met;
    met.flag("rss_mb", megabytes(rssHeld) <= kGoalRssMb)
        .flag("idle_cpu_pct", idleHeld.percent() <= kGoalIdleCpuPct);
    if (engineOk) {
        met.flag("engine_rss_mb", engine.numberOf(QStringLiteral("rss_mb")) <= kGoalRssMb)
            .flag("engine_idle_cpu_pct",
                  engine.numberOf(QStringLiteral("idle_cpu_pct")) <= kGoalIdleCpuPct);
    }

    JsonObject report;
    report.text("benchmark", QStringLiteral("scheduler"))
        .integer("items", opt.items)
        .integer("entries", entries)
        .integer("idle_seconds", opt.idleSeconds)
        .number("rss_mb", megabytes(rssHeld), 1)
        .number("baseline_rss_mb", megabytes(rssEmpty), 1)
        .number("rss_ratio", double(rssHeld) / double(rssEmpty), 2)
        .number("idle_cpu_pct", idleHeld.percent(), 3)
        .number("baseline_idle_cpu_pct", idleEmpty.percent(), 3)
        .number("idle_cpu_ratio", cpuRatio, 2)
        .number("idle_cpu_delta_pct", idleHeld.percent() - idleEmpty.percent(), 3)
        .object("scheduler", sched)
        .object("baseline", baseline);
    report.object("engine", engine).object("goals", goals).object("goals_met", met);
    report.print(opt.json);
    return 0;
}
