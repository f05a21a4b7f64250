#pragma once

#include "ledger/EnginePostings.h"

#include <QMap>
#include <QString>
#include <QVariantMap>

#include <vector>

class QSqlQuery;

namespace paydesk {

class Database;

struct BackfillReport
{
    int payments = 0;  // captures posted by this run
    int reversals = 0; // paid payments revoked
    int refunds = 0;
    QString error;             // empty: no gap is left
    bool stoppedEarly = false; // maxBatches reached: the marker stays
    int posted() const { return payments + reversals + refunds; }
};

// One movement the ledger lacks: what it is and when its money moved.
struct BackfillMovement
{
    EnginePostings::Movement kind;
    QString refNo; // the payment or refund number
    QString orderNo;
    QString channel;
    Money amount;
    qint64 atMs = 0;
};

// Posts the money movements the engine's tables record but the ledger does
// not: a data directory made before the ledger existed has paid, reversed
// and refunded payments with no entries. Each is posted as the engine would
// have (same keys, so a repeat or a later engine posting changes nothing);
// its clearing item carries the moment the money moved and is marked settled
// that day, and each batch's net goes back out of pending against the
// channels' receivables (EnginePostings::settleOutside): before the ledger
// the channel paid the merchant without PayDesk, so none of it may become
// payable now. The entries are dated when posted, because the ledger's time
// never runs backwards (its checkpoints rely on that).
class LedgerBackfill
{
public:
    LedgerBackfill(Database& db, EnginePostings& postings);

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
    // Reads one page's rows into the movements still to post; returns the
    // page's last key, '' when the page is empty.
    using PageReader = QString (*)(QSqlQuery&, std::vector<BackfillMovement>&);
    // One keyset pass over a table: page after page (`pageSql` with its
    // `binds`, :after and :limit), each posted and committed as one batch.
    bool pass(const QString& pageSql, const QVariantMap& binds, PageReader read, int batchSize,
              BackfillReport& report);
    bool post(const BackfillMovement& m, BackfillReport& report);
    bool finishBatch(BackfillReport& report);
    bool commit(BackfillReport& report);

    Database& m_db;
    EnginePostings& m_postings;
    int m_batchesLeft = -1;
    // This batch's posted net per currency and channel, and the key of its
    // first posted entry (which names its settleOutside entry).
    QMap<Currency, QMap<QString, qint64>> m_outside;
    QString m_firstKey;
};

} // namespace paydesk
