// Work leases: several processes or servers on one database share the
// unfinished items (polls, revokes, refunds) without two of them acting on
// one order at once, and a dead one's items are taken over.
#include "engine/EventTexts.h"
#include "engine/PaymentEngine.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

namespace paydesk {

namespace {

const QString kEngineSource = QStringLiteral("engine");

// Orders looked at per tick for a takeover: a dead server's backlog is
// taken over a few hundred orders at a time, the oldest first.
constexpr int kTakeoverBatch = 500;

} // namespace

QString PaymentEngine::newLeaseHolder()
{
    // Readable on an order's timeline ("taken over from till-2/4711/3fa09c21"),
    // and unique per process start: a restarted process is another holder,
    // so it never mistakes a dead predecessor's lease for its own. The
    // random part is wide enough for a reused pid: with 16 bits, one
    // process's incarnations in the simulation met in a few thousand.
    return QStringLiteral("%1/%2/%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
}

void PaymentEngine::leaseTick()
{
    m_scheduler.schedule(Scheduler::Kind::LeaseTick, {}, m_clock.nowMs() + m_config.leaseMs / 3);
    // After the batch in progress: every step its commit starts (a pay sent,
    // a poll scheduled) is then under way, and is not started twice here.
    m_store.afterCommit([this](bool ok) {
        if (ok)
            runLeaseTick();
    });
}

void PaymentEngine::runLeaseTick()
{
    const qint64 now = m_clock.nowMs();
    const qint64 until = now + m_config.leaseMs;
    // An idle engine writes nothing: whatever it still holds (an item
    // another process added to one of its orders) is taken over by whoever
    // looks once the lease runs out.
    if (!isIdle()) {
        if (const auto held = m_store.renewOrderLeases(m_leaseHolder, until)) {
            for (const QString& orderNo : *held)
                if (adoptOrder(orderNo) == 0)
                    m_store.parkOrderLease(orderNo, m_leaseHolder);
        }
    }
    int elsewhere = 0;
    if (const auto others = m_store.unfinishedOrderLeases(m_leaseHolder, kTakeoverBatch)) {
        for (const OrderLease& lease : *others) {
            if (lease.untilMs >= now || !holdOrder(lease.orderNo)) {
                ++elsewhere; // alive, or another process took it first
                continue;
            }
            if (!lease.holder.isEmpty())
                track(lease.orderNo, kEngineSource, QStringLiteral("takeover"), lease.orderNo,
                      events::text("work_taken_over", {lease.holder}));
            if (adoptOrder(lease.orderNo) == 0)
                m_store.parkOrderLease(lease.orderNo, m_leaseHolder);
        }
    }
    if (elsewhere != m_workHeldElsewhere) {
        // Someone waiting for all the work to be done looks again.
        m_workHeldElsewhere = elsewhere;
        checkIdle();
    }
}

bool PaymentEngine::holdOrder(const QString& orderNo)
{
    const qint64 now = m_clock.nowMs();
    m_tookLeases = true;
    return m_store.claimOrderLease(orderNo, m_leaseHolder, now, now + m_config.leaseMs);
}

void PaymentEngine::releaseLeases()
{
    // A process that only read (order list, a report) writes nothing.
    if (m_tookLeases)
        m_store.releaseOrderLeases(m_leaseHolder);
}

int PaymentEngine::adoptOrder(const QString& orderNo)
{
    int pending = 0;
    const qint64 now = m_clock.nowMs();
    for (const PaymentRecord& p : m_store.paymentsOfOrder(orderNo)) {
        if (isFinal(p.state) || m_store.revokeOfPayment(p.paymentNo))
            continue; // a revoke decides; taken up below if not final
        ++pending;
        if (stepPending(Scheduler::Kind::PaymentPoll, p.paymentNo))
            continue;
        track(p.orderNo, kEngineSource, QStringLiteral("resume"), p.paymentNo,
              events::text("payment_resumed", {paymentStateName(p.state)}));
        m_scheduler.schedule(Scheduler::Kind::PaymentPoll, p.paymentNo, now);
    }
    for (const RevokeRecord& rv : m_store.revokesOfOrder(orderNo)) {
        if (rv.state != RevokeState::Requested && rv.state != RevokeState::Retrying)
            continue;
        ++pending;
        if (stepPending(Scheduler::Kind::RevokeAttempt, rv.paymentNo))
            continue;
        track(rv.orderNo, kEngineSource, QStringLiteral("resume"), rv.revokeNo,
              events::text("revoke_resumed"));
        m_scheduler.schedule(Scheduler::Kind::RevokeAttempt, rv.paymentNo, now);
    }
    for (const RefundRecord& r : m_store.refundsOfOrder(orderNo)) {
        if (isFinal(r.state))
            continue;
        const auto payment = m_store.payment(r.paymentNo);
        if (refundGivenUp(r, m_config.policy(payment ? payment->channel : QString())))
            continue; // waiting for a person, alert raised: nothing to resume
        ++pending;
        // A send that waits for a commit was registered before this tick,
        // which runs after that commit: by now it is a call in flight.
        if (stepPending(Scheduler::Kind::RefundPoll, r.refundNo))
            continue;
        track(r.orderNo, kEngineSource, QStringLiteral("resume"), r.refundNo,
              events::text("refund_resumed"));
        if (r.state == RefundState::Created) {
            // Unknown whether it was sent: channels deduplicate by refund no.
            m_store.afterCommit([this, no = r.refundNo](bool ok) {
                if (ok)
                    sendRefund(no);
            });
        } else {
            m_scheduler.schedule(Scheduler::Kind::RefundPoll, r.refundNo, now);
        }
    }
    return pending;
}

int PaymentEngine::resume()
{
    // Every order with an unfinished item, in the order the items were
    // numbered, each once.
    QStringList orders;
    QSet<QString> seen;
    auto add = [&](const QString& orderNo) {
        if (!seen.contains(orderNo)) {
            seen.insert(orderNo);
            orders << orderNo;
        }
    };
    for (const PaymentRecord& p : m_store.unfinishedPayments())
        add(p.orderNo);
    for (const RevokeRecord& rv : m_store.unfinishedRevokes())
        add(rv.orderNo);
    for (const RefundRecord& r : m_store.unfinishedRefunds())
        add(r.orderNo);
    int n = 0;
    int elsewhere = 0;
    for (const QString& orderNo : std::as_const(orders)) {
        if (!holdOrder(orderNo)) {
            ++elsewhere; // another live process is working on it
            continue;
        }
        const int k = adoptOrder(orderNo);
        if (k == 0)
            m_store.parkOrderLease(orderNo, m_leaseHolder);
        n += k;
    }
    m_workHeldElsewhere = elsewhere;
    if (n == 0)
        checkIdle();
    return n;
}

} // namespace paydesk
