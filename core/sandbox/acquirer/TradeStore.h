#pragma once

#include "sandbox/SandboxAcquirerTypes.h"
#include "sandbox/acquirer/Trade.h"
#include "store/Database.h"

#include <optional>

namespace paydesk::sandbox {

// A number series kept in sandbox_counters.
struct Counter
{
    const char* name;
    qint64 block; // numbers reserved per write of the counter row
    qint64 value = 0;
    qint64 reserved = 0; // stored; numbers up to here may be handed out
};

// One row of sandbox_refunds.
struct RefundRow
{
    QString refundNo;
    QString paymentNo;
    qint64 amountFen = 0;
    QString currency;
    QString state;
    QString refundId;
    qint64 createdAtMs = 0;
};

// The sandbox's own durable trades: its database, the SQL on its trades,
// refunds and notify targets, and the counters its numbers come from.
// Writes join the database's group commit; callers answer after it.
class TradeStore
{
public:
    // Opens and migrates the database and reads the counters. Error text or
    // empty.
    QString open(const DatabaseConfig& config);
    Database& db() { return m_db; }
    bool isOpen() const { return m_db.isOpen(); }
    // Open and not failed: background work may touch it.
    bool usable() const { return m_db.isOpen() && !m_db.hasFailed(); }
    QString lastError() const { return m_db.lastError(); }

    // A read on a prepared statement (forward-only). False on error.
    bool read(QSqlQuery& s);

    // Nullopt when unknown; `ok` false when the store cannot be read.
    std::optional<Trade> load(const QString& paymentNo, bool* ok);
    // False when the payment number is already known (or on error: `ok`).
    bool insert(const Trade& t, bool* ok);
    // Stores what may change after creation.
    bool update(const Trade& t);
    bool insertNotifyTarget(const QString& paymentNo, const SandboxNotifyTarget& to);
    // QR trades waiting for their scripted phase to end (USERPAYING with an
    // end). `ok` false on error.
    QStringList qrTradesSettlingLater(bool* ok);

    std::optional<RefundRow> loadRefund(const QString& refundNo, bool* ok);
    bool insertRefund(const RefundRow& r);

    // The next trade number (SBX...) or refund id (SBXR...): China date of
    // `nowMs` + a counter. False on a storage error.
    bool nextTradeNo(qint64 nowMs, QString* out);
    bool nextRefundId(qint64 nowMs, QString* out);

    // Another series in sandbox_counters (its row must exist).
    bool loadCounter(Counter& c);
    // Takes the next number; reserves a block when the last one is used.
    bool take(Counter& c, qint64* value);

    // The columns readTrade() expects, in its order.
    static const QString& tradeColumns();
    static Trade readTrade(const QSqlQuery& q);

private:
    QString numberText(const QString& prefix, qint64 nowMs, qint64 value);

    Database m_db;
    Counter m_tradeCounter{"trade", kSandboxNumberBlock};
    Counter m_refundCounter{"refund", kSandboxNumberBlock};
    // The China day the cached date text is for.
    qint64 m_numberDay = -1;
    QString m_numberDate;
};

// Small helpers for the sandbox's SQL.
void bind(QSqlQuery& q, const char* name, const QVariant& v);
QString text(const QSqlQuery& q, int column); // NULL reads as an empty string

} // namespace paydesk::sandbox
