#pragma once

#include "store/Database.h"
#include "store/Store.h"

#include <array>

namespace paydesk {

// The engine's store over one Database connection (SQLite or PostgreSQL).
// Only portable SQL: positional placeholders (named where one value is used
// several times), INSERT .. ON CONFLICT DO NOTHING.
class SqlStore final : public Store
{
public:
    // Every statement the store runs. Texts are built once; each is prepared
    // once per connection and found by index, not by hashing its text.
    enum class Statement : int
    {
        InsertCommand,
        SelectCommand,
        DeleteCommand,
        InsertOrder,
        UpdateOrder,
        SelectOrder,
        SelectOrders,
        SearchOrders,
        InsertPayment,
        UpdatePayment,
        SelectPayment,
        SelectPaymentsOfOrder,
        SelectUnfinishedPayments,
        SelectPaymentMovementsAfter,
        InsertRefund,
        UpdateRefund,
        SelectRefund,
        SelectRefundsOfOrder,
        SelectUnfinishedRefunds,
        SelectRefundMovementsAfter,
        InsertRevoke,
        UpdateRevoke,
        SelectRevokeOfPayment,
        SelectRevokesOfOrder,
        SelectUnfinishedRevokes,
        InsertEvent,
        SelectEvents,
        InsertAlert,
        SelectAlerts,
        AcknowledgeAlert,
        SelectMeta,
        UpsertMeta,
        ClaimOrderLease,
        RenewOrderLeases,
        SelectOrderLeases,
        ParkOrderLease,
        ReleaseOrderLeases,
        Count
    };
    // The exact SQL of a statement (the benchmark's raw baseline runs the same).
    static const QString& statementText(Statement s);

    explicit SqlStore(Database& db) : m_db(db) {}

    // The engine schema, one entry per version.
    static QStringList migrations();
    static QString schemaName() { return QStringLiteral("engine"); }

    int insertCommand(const CommandRecord& c) override;
    std::optional<CommandRecord> command(const QString& requestNo) override;
    bool deleteCommand(const QString& requestNo) override;

    bool insertOrder(const OrderRecord& o) override;
    bool updateOrder(const OrderRecord& o, int expectedVersion) override;
    std::optional<OrderRecord> order(const QString& orderNo) override;
    QList<OrderRecord> orders(const OrderFilter& f) override;

    bool insertPayment(const PaymentRecord& p) override;
    bool updatePayment(const PaymentRecord& p, int expectedVersion) override;
    std::optional<PaymentRecord> payment(const QString& paymentNo) override;
    QList<PaymentRecord> paymentsOfOrder(const QString& orderNo) override;
    QList<PaymentRecord> unfinishedPayments() override;
    std::optional<std::vector<RecordedMovement>>
    paymentMovementsAfter(const QString& afterPaymentNo, int limit) override;

    bool insertRefund(const RefundRecord& r) override;
    bool updateRefund(const RefundRecord& r, int expectedVersion) override;
    std::optional<RefundRecord> refund(const QString& refundNo) override;
    QList<RefundRecord> refundsOfOrder(const QString& orderNo) override;
    QList<RefundRecord> unfinishedRefunds() override;
    std::optional<std::vector<RecordedMovement>> refundMovementsAfter(const QString& afterRefundNo,
                                                                      int limit) override;

    int insertRevoke(const RevokeRecord& r) override;
    bool updateRevoke(const RevokeRecord& r, int expectedVersion) override;
    std::optional<RevokeRecord> revokeOfPayment(const QString& paymentNo) override;
    QList<RevokeRecord> revokesOfOrder(const QString& orderNo) override;
    QList<RevokeRecord> unfinishedRevokes() override;

    bool claimOrderLease(const QString& orderNo, const QString& holder, qint64 nowMs,
                         qint64 untilMs) override;
    std::optional<QStringList> renewOrderLeases(const QString& holder, qint64 untilMs) override;
    std::optional<QList<OrderLease>> unfinishedOrderLeases(const QString& holder,
                                                           int limit) override;
    bool parkOrderLease(const QString& orderNo, const QString& holder) override;
    bool releaseOrderLeases(const QString& holder) override;

    bool appendEvent(const TrackEvent& e) override;
    QList<TrackEvent> events(const QString& orderNo) override;

    qint64 appendAlert(const AlertRecord& a) override;
    QList<AlertRecord> alerts(bool unacknowledgedOnly, int limit) override;
    bool acknowledgeAlert(qint64 id, const QString& who, qint64 atMs) override;

    std::optional<QString> meta(const QString& key) override;
    bool setMeta(const QString& key, const QString& value) override;

    void afterCommit(std::function<void(bool)> callback) override
    {
        m_db.afterCommit(std::move(callback));
    }
    bool flush() override { return m_db.flush(); }
    QString lastError() const override { return m_db.lastError(); }

private:
    QSqlQuery& query(Statement s);
    // A conditional write (version guard): true only if exactly one row changed.
    bool writeChanged(QSqlQuery& q);

    Database& m_db;
    std::array<QSqlQuery*, size_t(Statement::Count)> m_statements{};
};

} // namespace paydesk
