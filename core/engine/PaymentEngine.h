#pragma once

#include "api/types/Commands.h"
#include "channels/Channel.h"
#include "common/Clock.h"
#include "engine/EngineConfig.h"
#include "engine/MoneyMovements.h"
#include "engine/Scheduler.h"
#include "ids/IdGenerator.h"
#include "store/Store.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>

namespace paydesk {

// Takes counter payments from order to final state: pay, poll, revoke,
// refund, QR, notifications, duplicates, restart. Single-threaded: every
// method runs on the thread that owns the engine; channels answer
// asynchronously on the same thread.
//
// The rules it keeps: the order is stored before the channel is
// called; only SUCCESS and FAILED are trusted; a timeout is PROCESSING; state
// changes follow the whitelists with optimistic locking; the first final
// result wins and a contradiction raises an alert; no re-routing unless the
// previous attempt is known FAILED; an extra payment of an order is revoked
// automatically; every step goes on the order's track.
class PaymentEngine : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(const CommandOutcome&)>;

    PaymentEngine(Clock& clock, Store& store, IdGenerator& ids, Scheduler& scheduler,
                  EngineConfig config, QObject* parent = nullptr);
    ~PaymentEngine() override;

    // The engine does not own channels.
    void addChannel(Channel* channel);

    // Every reply runs once, after the command's writes are durable.
    void pay(const PayCommand& cmd, Reply reply);
    void createQr(const QrCommand& cmd, Reply reply);
    void refund(const RefundCommand& cmd, Reply reply);
    void revokeOrder(const RevokeCommand& cmd, Reply reply);
    // Asks the channel now about the order's latest payment (a cashier's
    // "check again"); the reply comes after the answer is applied.
    void queryOrder(const QString& orderNo, Reply reply);
    // Completes our side of a payment the channel's bill shows paid: a
    // payment still in progress becomes SUCCESS (the usual rules then apply:
    // a second or late payment of its order is returned); a payment we have
    // no trace of gets an order of its own, PAID. Posted as money cleared on
    // the bill's day. Synchronous: the writes join the current batch, and
    // nothing is written when the outcome is not Ok. A FAILED or CLOSED
    // payment is refused: the channel told us so, and turning it into money
    // taken is for a person at the channel, not for us.
    CommandOutcome recoverPayment(const RecoverPaymentCommand& cmd);

    // Loads every non-final payment, revoke and refund from storage and
    // schedules its next step, for the orders whose lease it can take
    // (none held by another live process). Called once at start.
    int resume();

    // Work leases (ARCHITECTURE.md, "Work leases"): a process acts on an
    // order's unfinished items only while it holds the order's lease.
    // Orders with unfinished items that another live process holds, as of
    // the last tick: not this engine's work, but not done either.
    int workHeldElsewhere() const { return m_workHeldElsewhere; }
    // Ends this engine's leases so another process may take the work at
    // once (a graceful stop). Joins the current batch.
    void releaseLeases();

    std::optional<OrderDetails> orderDetails(const QString& orderNo);
    QList<OrderRecord> orders(const OrderFilter& filter) { return m_store.orders(filter); }
    QList<AlertRecord> alerts(bool openOnly, int limit) { return m_store.alerts(openOnly, limit); }
    bool acknowledgeAlert(qint64 id, const QString& who);
    void reportPinLockout(const PinLockout& lockout, Reply reply);

    // Whether anyone listens to eventRecorded beyond a forwarding facade
    // (copying every event for nobody is most of the cost of tracking it).
    // Default: whether the signal is connected at all.
    void setEventListenersProbe(std::function<bool()> probe) { m_eventListeners = std::move(probe); }

    // Alerts raised by parts of the core outside the engine (the ledger).
    void raiseExternalAlert(AlertLevel level, const QString& kind, const QString& orderNo,
                            const QString& message)
    {
        raiseAlert(level, kind, orderNo, message);
    }

    // An event on an order's timeline from outside the engine (reconciliation).
    void trackExternal(const QString& orderNo, const QString& source, const QString& kind,
                       const QString& message)
    {
        track(orderNo, source, kind, orderNo, message, {}, {}, {}, AlertLevel::None);
    }

    // Where money movements are posted (the ledger); none: not posted.
    void setMoneyMovements(MoneyMovements* sink) { m_money = sink; }

    // Nothing scheduled and no channel call outstanding.
    bool isIdle() const
    {
        const int leaseTick = m_scheduler.isScheduled(Scheduler::Kind::LeaseTick, {}) ? 1 : 0;
        return m_scheduler.size() == leaseTick && m_callsInFlight == 0;
    }
    int callsInFlight() const { return m_callsInFlight; }

    // Each routed wallet's channel, as the last call to it found it.
    QList<WalletReachability> reachability() const;

Q_SIGNALS:
    // Emitted after the change is durable.
    void orderChanged(const QString& orderNo, int orderState);
    // A payment attempt changed state (the order may not have): live progress.
    void paymentChanged(const QString& orderNo, const QString& paymentNo, int paymentState);
    void eventRecorded(const paydesk::TrackEvent& event);
    void alertRaised(const paydesk::AlertRecord& alert);
    void idle();
    // A channel went up or down (see reachability()).
    void reachabilityChanged();

private:
    enum class CallType { Pay, Precreate, Query, Revoke, Refund, RefundQuery };
    struct Call;

    Channel* channelFor(const QString& name) const;
    // New records as every command starts them: version 1; the order is
    // created now, its payment at `atMs` (the order's time when not given).
    // `counter` empty: this core's own store and terminal.
    OrderRecord newOrder(const QString& orderNo, const QString& requestNo, const Money& amount,
                         const QString& subject, const CounterId& counter = {});
    PaymentRecord newPayment(const QString& paymentNo, const OrderRecord& order, PaymentKind kind,
                             Wallet wallet, const QString& channel, qint64 deadlineInMs,
                             qint64 atMs = 0) const;
    QString routeFor(Wallet wallet) const;

    // Channel calls with a local timeout: `done` runs once with the answer or
    // with a timeout (Processing). A late real answer after the timeout is
    // still applied, as information.
    void callChannel(const QString& channel, CallType type, const QString& key,
                     std::function<void(ResultCallback)> send,
                     std::function<void(const ChannelResult&, bool late)> done);
    void onSchedulerItem(Scheduler::Kind kind, const QString& key);

    void sendPay(const PaymentRecord& p, const QString& authCode, const QString& subject,
                 const CounterId& counter);
    bool endUnsentPay(const QString& paymentNo, const ChannelResult& r, const QString& source);
    bool resendLostRefund(const QString& refundNo, const QString& channel);
    // Its queries ran out and the alert was raised: left to a person.
    static bool refundGivenUp(const RefundRecord& r, const ChannelPolicy& pol);
    bool rerouteRefusedPay(const QString& paymentNo, const ChannelResult& r,
                           const QString& authCode, const QString& subject);
    QString nextRoute(Wallet wallet, const QString& channel) const;
    void sendPrecreate(const QString& paymentNo, const QString& subject, Reply reply);
    void applyTradeResult(const QString& paymentNo, const ChannelResult& r, const QString& source);
    void schedulePoll(const PaymentRecord& p);
    void pollPayment(const QString& paymentNo);
    void onPaymentSucceeded(const PaymentRecord& p);
    void onPaymentEndedUnpaid(const PaymentRecord& p);

    // Returns false if a revoke already existed (idempotent).
    bool startRevoke(const PaymentRecord& p, const QString& reason, bool automatic);
    // A revoke that gave up (Manual) gets a fresh round of attempts.
    void retryManualRevoke(RevokeRecord& rv, const QString& source, const QString& why);
    void attemptRevoke(const QString& paymentNo);
    void onRevokeAnswer(const QString& paymentNo, const ChannelResult& r);
    void revokeExhausted(RevokeRecord rv, const QString& why);

    void sendRefund(const QString& refundNo);
    void pollRefund(const QString& refundNo);
    void onRefundAnswer(const QString& refundNo, const ChannelResult& r, const QString& source);

    void onNotification(const QString& channel, const ChannelNotification& n);

    // Whitelisted, optimistically locked state changes. On refusal an alert
    // is raised and nothing changes.
    // `clearingDay`: see MoneyMovements::paymentCaptured.
    bool movePayment(PaymentRecord& p, PaymentState to, const QString& source, const EventText& why,
                     const QDate& clearingDay = {});
    bool moveOrder(OrderRecord& o, OrderState to, const QString& source, const EventText& why);
    bool moveRefund(RefundRecord& r, RefundState to, const QString& source, const EventText& why);
    bool moveRevoke(RevokeRecord& r, RevokeState to, const QString& source, const EventText& why);
    void refuseTransition(EntityKind kind, const QString& orderNo, const QString& entity,
                          int from, int to, const QString& source, const QString& why);

    void track(const QString& orderNo, const QString& source, const QString& kind,
               const QString& entity, const EventText& message, const QString& raw = {},
               const QString& from = {}, const QString& to = {},
               AlertLevel alert = AlertLevel::None);
    // `call`: pay, late_pay, query, late_query, revoke, late_revoke, refund,
    // late_refund, refund_query, notification, precreate; `attempt` 0: none.
    void trackCall(const QString& orderNo, const QString& source, const char* call, int attempt,
                   const QString& entity, const ChannelResult& r);
    void raiseAlert(AlertLevel level, const QString& kind, const QString& orderNo,
                    const QString& message);
    void noteNetworkError(const QString& channel);
    void notifyOrderChanged(const OrderRecord& o);
    // Posts a movement in the current batch and puts it on the timeline.
    void recordMovement(const QString& orderNo, const QString& entity,
                        const MoneyMovements::Outcome& outcome);
    void replyAfterCommit(Reply reply, CommandOutcome outcome);
    // Idempotency: 1 new, 0 repeat handled (reply sent), -1 handled error.
    int claimRequest(const QString& requestNo, const QString& kind, const QString& fingerprint,
                     const QString& targetNo, const Reply& reply);
    void forgetRequest(const QString& requestNo);
    void checkIdle();

    // Renews this engine's leases, picks up items of its orders it has no
    // step for (another process added them), and takes over orders whose
    // holder's lease ran out. A scheduler item every third of the lease;
    // the work runs once the batch in progress is durable (runLeaseTick).
    void leaseTick();
    void runLeaseTick();
    // Takes the order's lease for this engine; false: another has it.
    bool holdOrder(const QString& orderNo);
    // Schedules the next step of each unfinished item of the order that has
    // none here; how many items of the order are now this engine's work.
    int adoptOrder(const QString& orderNo);
    bool stepPending(Scheduler::Kind kind, const QString& key) const;
    static QString newLeaseHolder();

    Clock& m_clock;
    Store& m_store;
    IdGenerator& m_ids;
    Scheduler& m_scheduler;
    EngineConfig m_config;
    QHash<QString, Channel*> m_channels;
    struct ChannelState
    {
        Reachability state = Reachability::Unknown;
        QString detail;
        qint64 sinceMs = 0;
    };
    QHash<QString, ChannelState> m_reachability; // by channel
    void noteReachability(const QString& channel, const ChannelResult& r);
    QHash<QString, std::shared_ptr<Call>> m_calls; // by call id, for timeouts
    quint64 m_nextCallId = 0;
    int m_callsInFlight = 0;
    QHash<QString, std::deque<qint64>> m_networkErrors; // channel → error times
    QHash<QString, qint64> m_networkAlertedAtMs;
    // Payments past their deadline that this process has asked the channel
    // about once more: a revoke of a trade the customer has paid refunds it,
    // so the last look comes first (a process resumed after the deadline
    // has never asked).
    QSet<QString> m_askedPastDeadline;
    std::function<bool()> m_eventListeners;
    MoneyMovements* m_money = nullptr;

    QString m_leaseHolder;
    int m_workHeldElsewhere = 0;
    bool m_tookLeases = false; // this process created or claimed an order
};

} // namespace paydesk
