#pragma once

#include "api/types/Shifts.h"

#include <QVariantList>

#include <optional>

namespace paydesk {

class Clock;
class Database;

// The shifts of the counter this core serves: a close sums what the
// counter's sales took, refunded and revoked since the counter's last close
// (from the engine's own rows), lists its unfinished orders, and keeps the
// report. A close is durable before its reply.
class ShiftBook final : public ShiftAccess
{
public:
    ShiftBook(Database& db, const Clock& clock, QString storeId, QString terminalId);
    QString open(); // migrates; error text, empty on success

    void closeShift(const QString& by, Reply<ShiftCloseResult> reply) override;
    void shifts(int limit, Reply<QList<ShiftReport>> reply) override;

private:
    ShiftCloseResult close(const QString& by);
    // Adds the counter's rows of one kind (in `states`) in (fromMs, toMs]
    // to `byWallet`.
    bool sum(const QString& sql, const QVariantList& states, qint64 fromMs, qint64 toMs,
             const std::function<void(WalletTakings&, qint64 count, qint64 fen)>& add,
             QList<WalletTakings>* byWallet);
    std::optional<QStringList> openOrders();
    BackOfficeOutcome failed() const;

    Database& m_db;
    const Clock& m_clock;
    const QString m_storeId;
    const QString m_terminalId;
};

} // namespace paydesk
