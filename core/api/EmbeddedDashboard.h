#pragma once

#include "api/types/Dashboard.h"

namespace paydesk {

class Clock;
class Database;
class Reconciler;
class TakingsBook;

// The dashboard of the core in this process: the engine's figures from the
// takings book, the open differences from the reconciler.
class EmbeddedDashboard final : public DashboardAccess
{
public:
    EmbeddedDashboard(TakingsBook& takings, Reconciler& reconciler, Database& db,
                      const Clock& clock)
        : m_takings(takings), m_recon(reconciler), m_db(db), m_clock(clock)
    {}

    void figures(qint64 fromMs, qint64 toMs, Reply<DashboardResult> reply) override;

private:
    TakingsBook& m_takings;
    Reconciler& m_recon;
    Database& m_db;
    const Clock& m_clock;
};

} // namespace paydesk
