#pragma once

#include "api/types/Dashboard.h"

#include <optional>

namespace paydesk {

class Database;

// The dashboard's figures from the engine's own rows (payments, refunds,
// alerts, orders): every counter of this core together. Reads only; the
// open reconciliation differences are the reconciler's to count.
class TakingsBook final
{
public:
    explicit TakingsBook(Database& db) : m_db(db) {}

    // The period [fromMs, toMs) as the caller checked it; nullopt when the
    // storage could not be read (Database::lastError()).
    std::optional<DashboardFigures> figures(qint64 fromMs, qint64 toMs);

private:
    bool readPayments(qint64 fromMs, qint64 toMs, DashboardFigures* f);
    bool readMoneyBack(qint64 fromMs, qint64 toMs, DashboardFigures* f);
    bool readOpenItems(DashboardFigures* f);

    Database& m_db;
};

} // namespace paydesk
