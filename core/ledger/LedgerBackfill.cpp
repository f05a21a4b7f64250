#include "ledger/LedgerBackfill.h"

#include "ledger/Ledger.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace paydesk {

namespace {

const QString kMarker = QStringLiteral("ledger.backfill");

using M = EnginePostings::Movement;

} // namespace

LedgerBackfill::LedgerBackfill(Database& db, Ledger& ledger, EnginePostings& postings,
                               RecordedMovements& movements)
    : m_db(db), m_ledger(ledger), m_postings(postings), m_movements(movements)
{}

bool LedgerBackfill::pending()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT value FROM meta WHERE key = :key"));
    q.bindValue(QStringLiteral(":key"), kMarker);
    const bool found = m_db.execRead(q) && q.next();
    q.finish();
    return found;
}

BackfillReport LedgerBackfill::run(int batchSize, int maxBatches)
{
    Q_ASSERT(batchSize > 0);
    BackfillReport report;
    m_batchesLeft = maxBatches > 0 ? maxBatches : -1;
    using S = UnpostedMovements::Source;
    if (!pass(S::Payments, batchSize, report) || !pass(S::Refunds, batchSize, report))
        return report;
    if (m_batchesLeft == 0) {
        report.stoppedEarly = true;
        return report;
    }
    QSqlQuery& clear = m_db.prepared(QStringLiteral("DELETE FROM meta WHERE key = :key"));
    clear.bindValue(QStringLiteral(":key"), kMarker);
    if (!m_db.execWrite(clear)) {
        report.error = m_db.lastError();
        return report;
    }
    commit(report);
    return report;
}

bool LedgerBackfill::post(const RecordedMovement& m, BackfillReport& report)
{
    const auto o =
        m_postings.postBeforeLedger(m.kind, m.refNo, m.orderNo, m.channel, m.amount, m.atMs);
    if (!o.ok) {
        report.error = o.note;
        return false;
    }
    if (o.note.isEmpty())
        return true; // posted meanwhile by someone else: not this run's
    m_outside[m.amount.currency()][m.channel] +=
        m.kind == M::Capture ? m.amount.fen() : -m.amount.fen();
    if (m_firstKey.isEmpty()) // an entry key: never the first of another batch
        m_firstKey = EnginePostings::keyOf(m.kind, m.refNo);
    ++(m.kind == M::Capture    ? report.payments
       : m.kind == M::Reversal ? report.reversals
                               : report.refunds);
    return true;
}

bool LedgerBackfill::pass(UnpostedMovements::Source source, int batchSize, BackfillReport& report)
{
    UnpostedMovements pages(m_db, m_ledger, m_movements, source, batchSize);
    std::vector<RecordedMovement> unposted;
    while (m_batchesLeft != 0 && pages.next(unposted)) {
        for (const RecordedMovement& m : unposted)
            if (!post(m, report))
                return false;
        if (!finishBatch(report))
            return false;
    }
    report.error = pages.error();
    return report.error.isEmpty();
}

// The batch's movements leave pending again (see settleOutside) in the
// same commit as their postings.
bool LedgerBackfill::finishBatch(BackfillReport& report)
{
    for (auto it = m_outside.cbegin(); it != m_outside.cend(); ++it) {
        const auto o = m_postings.settleOutside(
            QStringLiteral("backfill-outside:%1:%2").arg(it.key(), m_firstKey), it.key(),
            it.value());
        if (!o.ok) {
            report.error = o.note;
            return false;
        }
    }
    m_outside.clear();
    m_firstKey.clear();
    if (m_batchesLeft > 0)
        --m_batchesLeft;
    return commit(report);
}

bool LedgerBackfill::commit(BackfillReport& report)
{
    if (m_db.flush())
        return true;
    report.error = m_db.lastError();
    return false;
}

} // namespace paydesk
