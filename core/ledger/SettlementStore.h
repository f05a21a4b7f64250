#pragma once

#include "money/Money.h"

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

struct SettlementTotals
{
    qint64 items = 0;
    qint64 grossFen = 0;   // payments
    qint64 returnedFen = 0;// refunds and reversals (negative)
    qint64 feeFen = 0;
    qint64 netFen() const { return grossFen + returnedFen; }
};

struct SettlementRow
{
    QString merchantId;
    QDate businessDate;
    SettlementTotals totals;
    Currency currency = kCny;
    QString entryKey; // '' when there was nothing to move
    QString runBy;
    qint64 atMs = 0;
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
