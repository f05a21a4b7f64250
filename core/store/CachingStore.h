#pragma once

#include "store/Database.h"
#include "store/Store.h"

#include <QHash>
#include <QString>

#include <deque>

namespace paydesk {

// Write-through cache of the orders and payments this process writes, in
// front of a Store: the engine reads back a payment or order it has just
// written on nearly every step, and each such read costs a statement.
//
// Safe because every change is a versioned conditional update: a stale copy
// can only make an update fail, and a failed update drops the copy. Still,
// when another connection (another PayDesk process on the same SQLite file)
// commits, the whole cache is dropped at the start of the next batch, seen
// through SQLite's data_version: checked once per transaction (this
// connection then holds the write lock, so nobody else commits until it
// ends) and on every read outside one. Without such a signal (PostgreSQL) the cache
// stays off and every read goes to the database.
class CachingStore final : public Store
{
public:
    CachingStore(Store& inner, Database& db, int capacity = 8192);

    int insertCommand(const CommandRecord& c) override { return m_inner.insertCommand(c); }
    std::optional<CommandRecord> command(const QString& requestNo) override
    {
        return m_inner.command(requestNo);
    }
    bool deleteCommand(const QString& requestNo) override
    {
        return m_inner.deleteCommand(requestNo);
    }

    bool insertOrder(const OrderRecord& o) override;
    bool updateOrder(const OrderRecord& o, int expectedVersion) override;
    std::optional<OrderRecord> order(const QString& orderNo) override;
    QList<OrderRecord> orders(const OrderFilter& f) override { return m_inner.orders(f); }

    bool insertPayment(const PaymentRecord& p) override;
    bool updatePayment(const PaymentRecord& p, int expectedVersion) override;
    std::optional<PaymentRecord> payment(const QString& paymentNo) override;
    QList<PaymentRecord> paymentsOfOrder(const QString& orderNo) override
    {
        return m_inner.paymentsOfOrder(orderNo);
    }
    QList<PaymentRecord> unfinishedPayments() override { return m_inner.unfinishedPayments(); }
    std::optional<std::vector<RecordedMovement>>
    paymentMovementsAfter(const QString& afterPaymentNo, int limit) override
    {
        return m_inner.paymentMovementsAfter(afterPaymentNo, limit);
    }

    bool insertRefund(const RefundRecord& r) override { return m_inner.insertRefund(r); }
    bool updateRefund(const RefundRecord& r, int expectedVersion) override
    {
        return m_inner.updateRefund(r, expectedVersion);
    }
    std::optional<RefundRecord> refund(const QString& refundNo) override
    {
        return m_inner.refund(refundNo);
    }
    QList<RefundRecord> refundsOfOrder(const QString& orderNo) override
    {
        return m_inner.refundsOfOrder(orderNo);
    }
    QList<RefundRecord> unfinishedRefunds() override { return m_inner.unfinishedRefunds(); }
    std::optional<std::vector<RecordedMovement>> refundMovementsAfter(const QString& afterRefundNo,
                                                                      int limit) override
    {
        return m_inner.refundMovementsAfter(afterRefundNo, limit);
    }

    int insertRevoke(const RevokeRecord& r) override { return m_inner.insertRevoke(r); }
    bool updateRevoke(const RevokeRecord& r, int expectedVersion) override
    {
        return m_inner.updateRevoke(r, expectedVersion);
    }
    std::optional<RevokeRecord> revokeOfPayment(const QString& paymentNo) override
    {
        return m_inner.revokeOfPayment(paymentNo);
    }
    QList<RevokeRecord> revokesOfOrder(const QString& orderNo) override
    {
        return m_inner.revokesOfOrder(orderNo);
    }
    QList<RevokeRecord> unfinishedRevokes() override { return m_inner.unfinishedRevokes(); }

    // Leases are not part of the records kept here: straight through.
    bool claimOrderLease(const QString& orderNo, const QString& holder, qint64 nowMs,
                         qint64 untilMs) override
    {
        return m_inner.claimOrderLease(orderNo, holder, nowMs, untilMs);
    }
    std::optional<QStringList> renewOrderLeases(const QString& holder, qint64 untilMs) override
    {
        return m_inner.renewOrderLeases(holder, untilMs);
    }
    std::optional<QList<OrderLease>> unfinishedOrderLeases(const QString& holder,
                                                           int limit) override
    {
        return m_inner.unfinishedOrderLeases(holder, limit);
    }
    bool parkOrderLease(const QString& orderNo, const QString& holder) override
    {
        return m_inner.parkOrderLease(orderNo, holder);
    }
    bool releaseOrderLeases(const QString& holder) override
    {
        return m_inner.releaseOrderLeases(holder);
    }

    bool appendEvent(const TrackEvent& e) override { return m_inner.appendEvent(e); }
    QList<TrackEvent> events(const QString& orderNo) override { return m_inner.events(orderNo); }

    qint64 appendAlert(const AlertRecord& a) override { return m_inner.appendAlert(a); }
    QList<AlertRecord> alerts(bool unacknowledgedOnly, int limit) override
    {
        return m_inner.alerts(unacknowledgedOnly, limit);
    }
    bool acknowledgeAlert(qint64 id, const QString& who, qint64 atMs) override
    {
        return m_inner.acknowledgeAlert(id, who, atMs);
    }

    std::optional<QString> meta(const QString& key) override { return m_inner.meta(key); }
    bool setMeta(const QString& key, const QString& value) override
    {
        return m_inner.setMeta(key, value);
    }

    void afterCommit(std::function<void(bool)> callback) override
    {
        m_inner.afterCommit(std::move(callback));
    }
    bool flush() override { return m_inner.flush(); }
    QString lastError() const override { return m_inner.lastError(); }

    // For tests: how many reads the cache answered.
    qint64 hits() const { return m_hits; }

private:
    template <typename Record> struct Cache
    {
        QHash<QString, Record> records;
        std::deque<QString> order; // insertion order, for eviction
    };
    template <typename Record> void put(Cache<Record>& c, const QString& key, const Record& r);
    // After a write: keep the written copy, or drop ours if the write failed.
    template <typename Record>
    void written(Cache<Record>& c, const QString& key, const Record& r, bool ok);
    template <typename Record, typename Load>
    std::optional<Record> read(Cache<Record>& c, const QString& key, Load load);
    // Drops everything if another connection committed since the last look;
    // false when the cache cannot be trusted at all.
    bool usable();

    Store& m_inner;
    Database& m_db;
    const int m_capacity;
    bool m_enabled = false;
    quint64 m_checkedTransaction = 0; // Database::openTransactionId(), 0: none
    qint64 m_dataVersion = -1;
    qint64 m_hits = 0;
    Cache<OrderRecord> m_orders;
    Cache<PaymentRecord> m_payments;
};

} // namespace paydesk
