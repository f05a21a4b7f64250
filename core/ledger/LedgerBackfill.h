#pragma once

#include <QString>

namespace paydesk {

class Database;
class EnginePostings;

struct BackfillReport
{
    int payments = 0;  // captures posted by this run
    int reversals = 0; // paid payments revoked
    int refunds = 0;
    QString error; // empty: no gap is left
    int posted() const { return payments + reversals + refunds; }
};

// Posts the money movements the engine's tables record but the ledger does
// not: a data directory made before the ledger existed has paid, reversed
// and refunded payments with no entries. Each is posted as the engine would
// have (same keys, so a repeat or a later engine posting changes nothing),
// cleared on the day it happened so settlement and reconciliation find it
// there; the entry itself is dated when it is posted, because the ledger's
// time never runs backwards (its checkpoints rely on that).
class LedgerBackfill
{
public:
    LedgerBackfill(Database& db, EnginePostings& postings);

    // True while the ledger's v2 migration found engine data and no run has
    // finished since.
    bool pending();
    // Posts every gap in batches of `batchSize` movements, each batch one
    // durable commit, and clears the marker with the last; a crash midway
    // leaves the marker, and the next run goes on where this one stopped.
    BackfillReport run(int batchSize = 2000);

private:
    bool postPayments(int batchSize, BackfillReport& report);
    bool postRefunds(int batchSize, BackfillReport& report);
    bool commit(BackfillReport& report);

    Database& m_db;
    EnginePostings& m_postings;
};

} // namespace paydesk
