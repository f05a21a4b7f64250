#pragma once

#include "api/types/BackOffice.h"
#include "ledger/EnginePostings.h"
#include "ledger/UnpostedMovements.h"

#include <QMap>
#include <QString>

#include <vector>

namespace paydesk {

class Database;
class Ledger;

// Posts the money movements the engine recorded (asked through
// RecordedMovements) but the ledger does not: a data directory made before
// the ledger existed has paid, reversed and refunded payments with no
// entries. Each is posted as the engine would have (same keys, so a repeat or a later engine
// posting changes nothing); its clearing item carries the moment the money moved and is marked
// settled that day, and each batch's net goes back out of pending against the channels' receivables
// (EnginePostings::settleOutside): before the ledger the channel paid the merchant without PayDesk,
// so none of it may become payable now. The entries are dated when posted, because the ledger's
// time never runs backwards (its checkpoints rely on that).
class LedgerBackfill
{
public:
    LedgerBackfill(Database& db, Ledger& ledger, EnginePostings& postings,
                   RecordedMovements& movements);

    // True while the ledger's v2 migration found engine data and no run has
    // finished since.
    bool pending();
    // Reads payments, then refunds, `batchSize` rows at a time; each batch's
    // postings are one durable commit, and the marker goes with the last. A
    // crash midway leaves the marker, and the next run goes on where this
    // one stopped. `maxBatches` > 0 stops after that many batches (as a
    // crash would; tests use it).
    BackfillReport run(int batchSize = 2000, int maxBatches = 0);

private:
    // One keyset pass over `source`: each page's unposted movements posted
    // and committed as one batch.
    bool pass(UnpostedMovements::Source source, int batchSize, BackfillReport& report);
    bool post(const RecordedMovement& m, BackfillReport& report);
    bool finishBatch(BackfillReport& report);
    bool commit(BackfillReport& report);

    Database& m_db;
    Ledger& m_ledger;
    EnginePostings& m_postings;
    RecordedMovements& m_movements;
    int m_batchesLeft = -1;
    // This batch's posted net per currency and channel, and the key of its
    // first posted entry (which names its settleOutside entry).
    QMap<Currency, QMap<QString, qint64>> m_outside;
    QString m_firstKey;
};

} // namespace paydesk
