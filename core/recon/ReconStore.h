#pragma once

#include "recon/ReconTypes.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace paydesk {

class Database;

// One of our money movements on a channel, as the clearing table holds it
// (one per payment, refund and reversal the ledger posted).
struct ClearedItem
{
    ItemKind kind = ItemKind::Payment;
    QString itemNo; // payment no or refund no
    QString orderNo;
    qint64 amountFen = 0; // positive
    qint64 feeFen = 0;    // + payments, − refunds and reversals
    qint64 atMs = 0;
    QDate businessDate;
};

// One row of the bulk read: a view, valid only during the callback.
struct ClearedRow
{
    ItemKind kind = ItemKind::Payment;
    QStringView itemNo;
    qint64 amountFen = 0; // positive
    qint64 feeFen = 0;    // + payments, − refunds and reversals
    qint64 atMs = 0;
};

// What we know of a payment or refund the bill names but clearing lacks.
struct LocalRecord
{
    QString orderNo;
    QString state; // our state name ("PROCESSING", "SUCCESS", ...)
    qint64 amountFen = 0;
};
// One of our payments (or revokes: the payment's) or refunds as the engine
// holds it, asked of the engine rather than read from its tables: they are
// its own. Nothing when we have no such record.
using LocalRecords =
    std::function<std::optional<LocalRecord>(ItemKind kind, const QString& itemNo)>;

// Reconciliation runs and differences, on the engine's connection (so a
// run's writes share one transaction with its ledger entry and timeline).
class ReconStore
{
public:
    explicit ReconStore(Database& db) : m_db(db) {}
    static QString schemaName() { return QStringLiteral("recon"); }
    static QStringList migrations();

    // Streams the channel's cleared items of a China day, without their order
    // numbers (clearedItem() has them). False on I/O error.
    bool clearedItems(const QString& channel, const QDate& day,
                      const std::function<void(const ClearedRow&)>& each);
    std::optional<ClearedItem> clearedItem(ItemKind kind, const QString& itemNo);
    // Our payment (payments, revokes) or refund of that number, whatever its state.

    // The stored report JSON of a run, if any.
    std::optional<QByteArray> runReport(const QString& channel, const QString& merchant,
                                        const QDate& day);
    // Runs of a channel and day whatever the merchant: (merchant, sha256).
    QList<QPair<QString, QString>> runsOn(const QString& channel, const QDate& day);
    bool insertRun(const ReconReport& r, const QByteArray& reportJson);

    // Inserts; sets d.id. False on I/O error.
    bool insertDifference(ReconDifference& d);
    bool updateDifference(const ReconDifference& d);
    std::optional<ReconDifference> difference(qint64 id);
    QList<ReconDifference> differences(const DiffFilter& f);
    // How many differences need a person (open, or a proposal to decide);
    // nullopt when the storage could not be read.
    std::optional<qint64> needingActionCount();
    // The day's open fund difference (fund_long or fund_short), if any.
    std::optional<ReconDifference> openFundDifference(const QString& channel,
                                                      const QString& merchant, const QDate& day);
    // Held (pending next day) items of the channel from days before `day`.
    QList<ReconDifference> pendingBefore(const QString& channel, const QDate& day);

    QString lastError() const;

private:
    Database& m_db;
};

} // namespace paydesk
