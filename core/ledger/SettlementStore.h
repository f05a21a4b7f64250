#pragma once

#include "api/types/BackOffice.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace paydesk {

class Database;

// One payment, refund, reversal or wallet movement as the merchant's
// settlement sees it: its day, its amount and the fee it carries.
struct ClearingItem
{
    QString refKey;        // the ledger entry's idempotency key
    QString merchantId;
    QString channel;
    QString orderNo;
    QDate businessDate;    // China date the money moved
    qint64 amountFen = 0;  // + payments, − refunds and reversals
    qint64 feeFen = 0;
    Currency currency = kCny;
    qint64 atMs = 0;
    QDate settledFor; // null until a settlement run took it (or settled elsewhere)
};

// Clearing items and settlement runs, on the engine's connection.
class SettlementStore
{
public:
    explicit SettlementStore(Database& db) : m_db(db) {}
    static QString schemaName() { return QStringLiteral("settlement"); }
    static QStringList migrations();
    static QString clearingInsertText(); // insertClearing's (benchmarks replay it)

    // 1 inserted, 0 already there, -1 I/O error.
    int insertClearing(const ClearingItem& c);
    // Items not yet settled, of the day and every earlier day (late ones
    // ride with the next run instead of waiting in pending forever).
    std::optional<SettlementTotals> unsettledTotals(const QString& merchantId, const QDate& upTo);
    bool markSettled(const QString& merchantId, const QDate& upTo);
    std::optional<SettlementTotals> unsettledTotalsAll(const QString& merchantId);
    std::optional<SettlementRow> settlement(const QString& merchantId, const QDate& day);
    QList<SettlementRow> settlements(const QString& merchantId);
    bool insertSettlement(const SettlementRow& s);
    QString lastError() const;

private:
    Database& m_db;
};

} // namespace paydesk
