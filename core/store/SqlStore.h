#pragma once

#include "store/Database.h"
#include "store/Store.h"

namespace paydesk {

// The engine's store over one Database connection (SQLite or PostgreSQL).
// Only portable SQL: named placeholders, INSERT .. ON CONFLICT DO NOTHING.
class SqlStore final : public Store
{
public:
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

    bool insertRefund(const RefundRecord& r) override;
    bool updateRefund(const RefundRecord& r, int expectedVersion) override;
    std::optional<RefundRecord> refund(const QString& refundNo) override;
    QList<RefundRecord> refundsOfOrder(const QString& orderNo) override;
    QList<RefundRecord> unfinishedRefunds() override;

    int insertRevoke(const RevokeRecord& r) override;
    bool updateRevoke(const RevokeRecord& r, int expectedVersion) override;
    std::optional<RevokeRecord> revokeOfPayment(const QString& paymentNo) override;
    QList<RevokeRecord> revokesOfOrder(const QString& orderNo) override;
    QList<RevokeRecord> unfinishedRevokes() override;

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
    Database& m_db;
};

} // namespace paydesk
