#pragma once

#include "api/types/OrderFilter.h"
#include "domain/Records.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace paydesk {

// Who acts on an order's unfinished items (polls, revokes, refunds) when
// several processes or servers share one database: the holder of the
// order's lease, until it runs out. See ARCHITECTURE.md, "Work leases".
struct OrderLease
{
    QString orderNo;
    QString holder;
    qint64 untilMs = 0;
};
// A lease parked by a holder that found nothing it could do (a refund left
// to a person): no one renews or takes it over until a process starts.
inline constexpr qint64 kLeaseParkedMs = qint64(1) << 62;

// What the engine needs from storage. Implemented over SQLite and PostgreSQL
// by SqlStore; tests may inject failing stores.
//
// Writes join the current group commit; afterCommit() tells when they are
// durable. Every state change is conditional on the version read
// (optimistic locking): update*() returns false when someone else won.
// I/O errors are returned as false + lastError(), never thrown.
class Store
{
public:
    virtual ~Store() = default;

    // Idempotency: inserts unless the request number exists (unique index).
    // Returns 1 inserted, 0 already there, -1 I/O error.
    virtual int insertCommand(const CommandRecord& c) = 0;
    virtual std::optional<CommandRecord> command(const QString& requestNo) = 0;
    // Only for a command inserted in the still-open batch and then refused.
    virtual bool deleteCommand(const QString& requestNo) = 0;

    virtual bool insertOrder(const OrderRecord& o) = 0;
    virtual bool updateOrder(const OrderRecord& o, int expectedVersion) = 0;
    virtual std::optional<OrderRecord> order(const QString& orderNo) = 0;
    virtual QList<OrderRecord> orders(const OrderFilter& f) = 0;

    virtual bool insertPayment(const PaymentRecord& p) = 0;
    virtual bool updatePayment(const PaymentRecord& p, int expectedVersion) = 0;
    virtual std::optional<PaymentRecord> payment(const QString& paymentNo) = 0;
    virtual QList<PaymentRecord> paymentsOfOrder(const QString& orderNo) = 0;
    virtual QList<PaymentRecord> unfinishedPayments() = 0;
    // The movements of up to `limit` payments whose money moved (SUCCESS,
    // or REVERSED after it) numbered after `afterPaymentNo` ('' from the
    // first), in number order: each one's capture, and a reversed one's
    // reversal after it. nullopt on I/O error.
    virtual std::optional<std::vector<RecordedMovement>>
    paymentMovementsAfter(const QString& afterPaymentNo, int limit) = 0;

    virtual bool insertRefund(const RefundRecord& r) = 0;
    virtual bool updateRefund(const RefundRecord& r, int expectedVersion) = 0;
    virtual std::optional<RefundRecord> refund(const QString& refundNo) = 0;
    virtual QList<RefundRecord> refundsOfOrder(const QString& orderNo) = 0;
    virtual QList<RefundRecord> unfinishedRefunds() = 0;
    // Up to `limit` successful refunds numbered after `afterRefundNo`, in
    // number order. nullopt on I/O error.
    virtual std::optional<std::vector<RecordedMovement>>
    refundMovementsAfter(const QString& afterRefundNo, int limit) = 0;

    // A payment has at most one revoke: 1 inserted, 0 exists, -1 error.
    virtual int insertRevoke(const RevokeRecord& r) = 0;
    virtual bool updateRevoke(const RevokeRecord& r, int expectedVersion) = 0;
    virtual std::optional<RevokeRecord> revokeOfPayment(const QString& paymentNo) = 0;
    virtual QList<RevokeRecord> revokesOfOrder(const QString& orderNo) = 0;
    virtual QList<RevokeRecord> unfinishedRevokes() = 0;

    // Takes the order's lease for `holder` until `untilMs` when the holder
    // has it already, or it ran out before `nowMs`, or it is parked, or the
    // order has nothing unfinished. False: another holder has it (or an I/O
    // error).
    virtual bool claimOrderLease(const QString& orderNo, const QString& holder, qint64 nowMs,
                                 qint64 untilMs) = 0;
    // Extends every lease `holder` has on an order with unfinished items
    // (parked ones excepted); those orders, or nullopt on I/O error.
    virtual std::optional<QStringList> renewOrderLeases(const QString& holder, qint64 untilMs) = 0;
    // Up to `limit` orders with unfinished items whose lease is not
    // `holder`'s and not parked, the longest expired first.
    virtual std::optional<QList<OrderLease>> unfinishedOrderLeases(const QString& holder,
                                                                   int limit) = 0;
    virtual bool parkOrderLease(const QString& orderNo, const QString& holder) = 0;
    // Ends `holder`'s leases on orders with unfinished items, so another
    // process may take them at once (a graceful stop).
    virtual bool releaseOrderLeases(const QString& holder) = 0;

    virtual bool appendEvent(const TrackEvent& e) = 0;
    virtual QList<TrackEvent> events(const QString& orderNo) = 0;

    virtual qint64 appendAlert(const AlertRecord& a) = 0; // id, or -1
    virtual QList<AlertRecord> alerts(bool unacknowledgedOnly, int limit) = 0;
    virtual bool acknowledgeAlert(qint64 id, const QString& who, qint64 atMs) = 0;

    // Small durable settings (id generator high-water marks).
    virtual std::optional<QString> meta(const QString& key) = 0;
    virtual bool setMeta(const QString& key, const QString& value) = 0;

    virtual void afterCommit(std::function<void(bool ok)> callback) = 0;
    virtual bool flush() = 0;
    virtual QString lastError() const = 0;
};

} // namespace paydesk
