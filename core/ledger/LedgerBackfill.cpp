#include "ledger/LedgerBackfill.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

#include <vector>

namespace paydesk {

namespace {

const QString kMarker = QStringLiteral("ledger.backfill");

// Keyset pages in key order: one pass over each table whatever the batch
// size, instead of a gap query rescanning from the start per batch.
const QString kPaymentPage = QStringLiteral(
    "SELECT p.payment_no, p.order_no, p.channel, p.amount_fen, p.currency, p.state,"
    " p.created_at_ms, p.updated_at_ms,"
    " EXISTS (SELECT 1 FROM ledger_entries e WHERE e.idem_key = :payKey || p.payment_no),"
    " EXISTS (SELECT 1 FROM ledger_entries e WHERE e.idem_key = :reversalKey || p.payment_no)"
    " FROM payments p WHERE p.payment_no > :after AND p.state IN (:success, :reversed)"
    " ORDER BY p.payment_no LIMIT :limit");
const QString kRefundPage = QStringLiteral(
    "SELECT r.refund_no, r.order_no, r.amount_fen, r.currency, r.updated_at_ms, p.channel,"
    " EXISTS (SELECT 1 FROM ledger_entries e WHERE e.idem_key = :refundKey || r.refund_no)"
    " FROM refunds r JOIN payments p ON p.payment_no = r.payment_no"
    " WHERE r.refund_no > :after AND r.state = :success ORDER BY r.refund_no LIMIT :limit");

} // namespace

LedgerBackfill::LedgerBackfill(Database& db, EnginePostings& postings)
    : m_db(db), m_postings(postings)
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
    if (!postPayments(batchSize, report) || !postRefunds(batchSize, report))
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

bool LedgerBackfill::post(EnginePostings::Movement m, const QString& refNo, const QString& orderNo,
                          const QString& channel, const Money& amount, qint64 movedAtMs,
                          BackfillReport& report)
{
    const auto o = m_postings.postBeforeLedger(m, refNo, orderNo, channel, amount, movedAtMs);
    if (!o.ok) {
        report.error = o.note;
        return false;
    }
    if (o.note.isEmpty())
        return true; // posted meanwhile by someone else: not this run's
    const bool in = m == EnginePostings::Movement::Capture;
    m_outside[amount.currency()][channel] += in ? amount.fen() : -amount.fen();
    if (m_firstKey.isEmpty()) // an entry key: never the first of another batch
        m_firstKey = EnginePostings::keyOf(m, refNo);
    ++(m == EnginePostings::Movement::Capture    ? report.payments
       : m == EnginePostings::Movement::Reversal ? report.reversals
                                                 : report.refunds);
    return true;
}

bool LedgerBackfill::postPayments(int batchSize, BackfillReport& report)
{
    QString after;
    while (m_batchesLeft != 0) {
        QSqlQuery& q = m_db.prepared(kPaymentPage);
        q.bindValue(QStringLiteral(":payKey"), EnginePostings::paymentKey(QString()));
        q.bindValue(QStringLiteral(":reversalKey"), EnginePostings::reversalKey(QString()));
        q.bindValue(QStringLiteral(":after"), notNull(after));
        q.bindValue(QStringLiteral(":success"), int(PaymentState::Success));
        q.bindValue(QStringLiteral(":reversed"), int(PaymentState::Reversed));
        q.bindValue(QStringLiteral(":limit"), batchSize);
        if (!m_db.execRead(q)) {
            report.error = m_db.lastError();
            return false;
        }
        struct Gap
        {
            QString paymentNo, orderNo, channel;
            Money amount;
            bool reversed = false;
            qint64 createdAtMs = 0, updatedAtMs = 0;
            bool captureMissing = false, reversalMissing = false;
        };
        std::vector<Gap> page;
        while (q.next()) {
            Gap g;
            g.paymentNo = q.value(0).toString();
            g.orderNo = q.value(1).toString();
            g.channel = q.value(2).toString();
            g.amount = Money::fromFen(q.value(3).toLongLong(), q.value(4).toString());
            g.reversed = PaymentState(q.value(5).toInt()) == PaymentState::Reversed;
            g.createdAtMs = q.value(6).toLongLong();
            g.updatedAtMs = q.value(7).toLongLong();
            g.captureMissing = !q.value(8).toBool();
            g.reversalMissing = g.reversed && !q.value(9).toBool();
            page.push_back(std::move(g));
        }
        q.finish();
        if (page.empty())
            return true;
        after = page.back().paymentNo;
        using M = EnginePostings::Movement;
        for (const Gap& g : page) {
            // A paid payment's last change is its success; a reversed one
            // changed last when it was revoked, and was paid within its
            // deadline of its start.
            const qint64 paidAtMs = g.reversed ? g.createdAtMs : g.updatedAtMs;
            if (g.captureMissing &&
                !post(M::Capture, g.paymentNo, g.orderNo, g.channel, g.amount, paidAtMs, report))
                return false;
            if (g.reversalMissing && !post(M::Reversal, g.paymentNo, g.orderNo, g.channel, g.amount,
                                           g.updatedAtMs, report))
                return false;
        }
        if (!finishBatch(report))
            return false;
    }
    return true;
}

bool LedgerBackfill::postRefunds(int batchSize, BackfillReport& report)
{
    QString after;
    while (m_batchesLeft != 0) {
        QSqlQuery& q = m_db.prepared(kRefundPage);
        q.bindValue(QStringLiteral(":refundKey"), EnginePostings::refundKey(QString()));
        q.bindValue(QStringLiteral(":after"), notNull(after));
        q.bindValue(QStringLiteral(":success"), int(RefundState::Success));
        q.bindValue(QStringLiteral(":limit"), batchSize);
        if (!m_db.execRead(q)) {
            report.error = m_db.lastError();
            return false;
        }
        struct Gap
        {
            QString refundNo, orderNo, channel;
            Money amount;
            qint64 refundedAtMs = 0;
        };
        std::vector<Gap> page;
        QString last;
        while (q.next()) {
            last = q.value(0).toString();
            if (q.value(6).toBool())
                continue;
            page.push_back({last, q.value(1).toString(), q.value(5).toString(),
                            Money::fromFen(q.value(2).toLongLong(), q.value(3).toString()),
                            q.value(4).toLongLong()});
        }
        q.finish();
        if (last.isEmpty())
            return true;
        after = last;
        for (const Gap& g : page)
            if (!post(EnginePostings::Movement::Refund, g.refundNo, g.orderNo, g.channel, g.amount,
                      g.refundedAtMs, report))
                return false;
        if (!finishBatch(report))
            return false;
    }
    return true;
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
