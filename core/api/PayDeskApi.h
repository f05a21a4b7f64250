#pragma once

#include "api/BackOfficeApi.h"
#include "api/ReconApi.h"
#include "api/types/Commands.h"
#include "api/types/Dashboard.h"
#include "api/types/OrderFilter.h"

#include <QObject>

#include <functional>
#include <optional>

namespace paydesk {

// The one facade every front end uses: the GUI, the CLI and (later) the
// server. Embedded (in-process) and remote implementations behave the same.
// Commands answer asynchronously, once their effects are durable; live
// progress arrives as signals. The counter's use cases are here; the back
// office's and reconciliation's are behind accounting() and
// reconciliation(), in the same shape.
class PayDeskApi : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(const CommandOutcome&)>;
    using DetailsReply = std::function<void(const std::optional<OrderDetails>&)>;
    using OrdersReply = std::function<void(const QList<OrderRecord>&)>;
    using AlertsReply = std::function<void(const QList<AlertRecord>&)>;

    using QObject::QObject;

    virtual void pay(const PayCommand& cmd, Reply reply) = 0;
    virtual void createQr(const QrCommand& cmd, Reply reply) = 0;
    virtual void refund(const RefundCommand& cmd, Reply reply) = 0;
    virtual void revoke(const RevokeCommand& cmd, Reply reply) = 0;
    virtual void query(const QString& orderNo, Reply reply) = 0;

    virtual void orderDetails(const QString& orderNo, DetailsReply reply) = 0;
    virtual void orders(const OrderFilter& filter, OrdersReply reply) = 0;
    virtual void alerts(bool openOnly, int limit, AlertsReply reply) = 0;
    virtual void acknowledgeAlert(qint64 alertId, const QString& who, Reply reply) = 0;
    // Raises a watch alert (kind pin_lockout) naming this terminal.
    virtual void reportPinLockout(const PinLockout& lockout, Reply reply) = 0;

    // Ledger, settlement, payouts, adjustments, wallets, the internal check.
    virtual BackOfficeApi& accounting() = 0;
    // Reconcile a day's bill and work its differences.
    virtual ReconApi& reconciliation() = 0;
    // Takings, channel performance and open items, for the back office.
    virtual DashboardAccess& dashboard() = 0;

    // Picks up every unfinished payment, revoke and refund; returns how many.
    virtual int resumeAll() = 0;
    virtual bool isIdle() const = 0;
    // Unfinished orders another process or server on the same database is
    // working on (it holds their leases): none for a remote core, whose
    // server keeps its own work.
    virtual int workHeldElsewhere() const { return 0; }
    // Each routed wallet's channel as the core's own calls found it; changes
    // come as reachabilityChanged().
    virtual QList<WalletReachability> reachability() const = 0;
    virtual CounterLimits counterLimits() const = 0;
    // Whether the core can be reached: always for an embedded one; for a
    // remote one, whether its server answers (changes come as linkChanged).
    virtual bool linkUp() const { return true; }

Q_SIGNALS:
    // Emitted once the change is durable.
    void orderChanged(const QString& orderNo, int orderState);
    void paymentChanged(const QString& orderNo, const QString& paymentNo, int paymentState);
    void eventRecorded(const paydesk::TrackEvent& event);
    void alertRaised(const paydesk::AlertRecord& alert);
    void idle();
    void reachabilityChanged();
    void linkChanged(bool up);
    // Storage failed: the core stopped taking commands; restart it.
    void fatalError(const QString& message);
};

} // namespace paydesk
