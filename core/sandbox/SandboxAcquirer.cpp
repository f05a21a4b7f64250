#include "sandbox/SandboxAcquirer.h"

#include "sandbox/acquirer/AcquirerImpl.h"
#include "sandbox/acquirer/BillLines.h"
#include "sandbox/acquirer/TradeSchema.h"

#include <QPointer>

#include <climits>

namespace paydesk {

using namespace sandbox;

ScriptInput sandbox::scriptOf(const Trade& t)
{
    ScriptInput in;
    in.behaviour = t.behaviour;
    in.parameter = t.parameter;
    in.path = t.kind == kQr ? ScriptPath::QrScan : ScriptPath::CounterPay;
    // The script starts when the code is presented: a counter pay's trade
    // is created then. A QR trade's scan time is not stored, only the end of
    // its scripted phase (settles_at_ms), which the script put N s after it.
    in.startedAtMs = in.path == ScriptPath::QrScan && t.settlesAtMs > 0
                         ? t.settlesAtMs - qint64(t.parameter) * kMsPerSecond
                         : t.createdAtMs;
    // Decided when the code was presented; the trade keeps it as its error.
    in.walletsOwnAcquirer = t.errorCode == QLatin1String("NOAUTH");
    return in;
}

void sandbox::startScript(Trade& t, const ScriptedState& s)
{
    t.state = s.state;
    t.errorCode = s.errorCode;
    t.paidAtMs = s.paidAtMs;
    t.settlesAtMs = s.settlesAtMs;
    t.revokeFailuresLeft = s.revokeFailures;
}

SandboxAcquirer::Impl::Impl(SandboxAcquirer* owner, const Clock& c) : q(owner), clock(c)
{
    wakeTimer.setSingleShot(true);
    wakeTimer.setTimerType(Qt::PreciseTimer);
}

bool SandboxAcquirer::Impl::settle(Trade& t)
{
    // Only the scripted phase moves by itself; every later state is a
    // request's doing and stays as stored.
    if (t.state != kUserPaying)
        return true;
    const ScriptedState s = scriptedState(scriptOf(t), now());
    if (s.state == t.state)
        return true;
    t.state = s.state;
    t.errorCode = s.errorCode;
    t.paidAtMs = s.paidAtMs;
    if (!store.update(t))
        return false;
    if (t.kind == kQr && t.state == kSuccess)
        return notifications.queuePaid(t, now());
    return true;
}

bool SandboxAcquirer::Impl::visible(const Trade& t) const
{
    return scriptedVisible(scriptOf(t), now());
}

void SandboxAcquirer::Impl::scheduleWake(qint64 atMs)
{
    if (nextWakeMs != 0 && nextWakeMs <= atMs)
        return;
    nextWakeMs = atMs;
    if (!clock.isManual())
        wakeTimer.start(int(qBound<qint64>(0, atMs - now(), qint64(INT_MAX))));
}

void SandboxAcquirer::Impl::wake()
{
    nextWakeMs = 0;
    if (!store.usable())
        return;
    bool ok = false;
    const QStringList pending = store.qrTradesSettlingLater(&ok);
    if (!ok)
        return;
    for (const QString& p : pending) {
        auto t = store.load(p, &ok);
        if (!t || !settle(*t))
            continue;
        if (t->state == kUserPaying)
            scheduleWake(t->settlesAtMs);
    }
}

void SandboxAcquirer::Impl::onClockAdvanced()
{
    if (nextWakeMs != 0 && now() >= nextWakeMs)
        wake();
}

void SandboxAcquirer::Impl::respond(const ChannelResult& r, bool dropped, Reply reply)
{
    if (!reply.answer)
        return;
    if (!store.isOpen()) {
        const ChannelResult e = storageError(r, store.lastError());
        QTimer::singleShot(0, q, [e, answer = std::move(reply.answer)] { answer(e, false); });
        return;
    }
    // Callbacks run after the acquirer may be gone, or half torn down (d is
    // cleared first): they then drop their answers.
    QPointer<SandboxAcquirer> guard(q);
    auto send = std::make_shared<std::function<void()>>();
    Database& db = store.db();
    if (reply.prepare)
        db.whenCommitted([guard, r, dropped, send, prepare = std::move(reply.prepare)](bool ok) {
            if (ok && guard && guard->d)
                *send = prepare(r, dropped);
        });
    db.afterCommit([guard, r, dropped, send, answer = std::move(reply.answer)](bool ok) {
        if (!guard || !guard->d)
            return;
        if (ok && *send)
            return (*send)();
        if (ok)
            return answer(r, dropped);
        answer(storageError(r, guard->d->store.lastError()), false);
    });
}

void SandboxAcquirer::Impl::respondStorageError(const ChannelResult& request, Reply reply)
{
    respond(storageError(request, store.lastError()), false, std::move(reply));
}

const Clock& SandboxAcquirer::clock() const
{
    return d->clock;
}

SandboxAcquirer::SandboxAcquirer(const Clock& clock, QObject* parent)
    : QObject(parent), d(new Impl(this, clock))
{
    connect(&d->wakeTimer, &QTimer::timeout, this, [this] { d->wake(); });
    // A manual clock jumps: QR payments due in the jump must finish (and
    // notify) without waiting for someone to look at them. Registering a
    // listener does not change the time, hence the const_cast: the header
    // hands us the clock read-only.
    QPointer<SandboxAcquirer> guard(this);
    const_cast<Clock&>(clock).onAdvance([guard] {
        if (guard && guard->d)
            guard->d->onClockAdvanced();
    });
}

SandboxAcquirer::~SandboxAcquirer()
{
    // Closing the database commits what is staged, which runs the pending
    // callbacks: with d gone they drop their answers and notifications (the
    // owner may be half torn down). Answers are allowed to be lost; stored
    // notifications go out on the next start.
    Impl* impl = d;
    d = nullptr;
    delete impl;
}

QStringList SandboxAcquirer::migrations()
{
    return tradeSchemaMigrations();
}

QString SandboxAcquirer::open(const DatabaseConfig& config)
{
    const QString error = d->store.open(config);
    if (!error.isEmpty())
        return error;
    if (!d->notifications.open())
        return QStringLiteral("cannot read the sandbox counters: ") + d->store.lastError();
    d->wake();
    return QString();
}

void SandboxAcquirer::setNotificationSink(NotificationSink sink)
{
    d->notifications.setSink(std::move(sink));
    // Pending ones on disk are durable already; deliver on the next turn so
    // the caller finishes wiring first.
    QPointer<SandboxAcquirer> guard(this);
    QTimer::singleShot(0, this, [guard] {
        if (guard && guard->d)
            guard->d->notifications.deliverPending();
    });
}

std::optional<SandboxAcquirer::TradeView> SandboxAcquirer::trade(const QString& paymentNo)
{
    if (!d->store.isOpen())
        return std::nullopt;
    bool ok = false;
    std::optional<Trade> t = d->store.load(paymentNo, &ok);
    if (!ok || !t)
        return std::nullopt;
    d->settle(*t);
    TradeView v;
    v.paymentNo = t->paymentNo;
    v.channel = t->channel;
    v.state = t->state;
    v.amountFen = t->amountFen;
    v.refundedFen = t->refundedFen;
    v.tradeNo = t->tradeNo;
    v.paidAtMs = t->paidAtMs;
    return v;
}

QList<SandboxAcquirer::BillEntry> SandboxAcquirer::billEntries(const QString& channel,
                                                              qint64 fromMs, qint64 toMs,
                                                              QString* error)
{
    return billLines(d->store, channel, fromMs, toMs, error);
}

} // namespace paydesk
