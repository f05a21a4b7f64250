#include "ledger/LedgerBackfill.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>


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

using M = EnginePostings::Movement;

// A page of paid and reversed payments: the capture and reversal entries
// each lacks. A paid payment's last change is its success; a reversed one
// changed last when it was revoked, and was paid within its deadline of its
// start. Returns the page's last key, '' when the page is empty.
QString readPaymentPage(QSqlQuery& q, std::vector<BackfillMovement>& out)
{
    QString last;
    while (q.next()) {
        last = q.value(0).toString();
        const QString orderNo = q.value(1).toString();
        const QString channel = q.value(2).toString();
        const Money amount = Money::fromFen(q.value(3).toLongLong(), q.value(4).toString());
        const bool reversed = PaymentState(q.value(5).toInt()) == PaymentState::Reversed;
        const qint64 createdAtMs = q.value(6).toLongLong();
        const qint64 updatedAtMs = q.value(7).toLongLong();
        if (!q.value(8).toBool())
            out.push_back(
                {M::Capture, last, orderNo, channel, amount, reversed ? createdAtMs : updatedAtMs});
        if (reversed && !q.value(9).toBool())
            out.push_back({M::Reversal, last, orderNo, channel, amount, updatedAtMs});
    }
    return last;
}

// A page of successful refunds: those without their entry, at their success.
QString readRefundPage(QSqlQuery& q, std::vector<BackfillMovement>& out)
{
    QString last;
    while (q.next()) {
        last = q.value(0).toString();
        if (!q.value(6).toBool())
            out.push_back({M::Refund, last, q.value(1).toString(), q.value(5).toString(),
                           Money::fromFen(q.value(2).toLongLong(), q.value(3).toString()),
                           q.value(4).toLongLong()});
    }
    return last;
}

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
    const QVariantMap paymentBinds{
        {QStringLiteral(":payKey"), EnginePostings::paymentKey(QString())},
        {QStringLiteral(":reversalKey"), EnginePostings::reversalKey(QString())},
        {QStringLiteral(":success"), int(PaymentState::Success)},
        {QStringLiteral(":reversed"), int(PaymentState::Reversed)}};
    const QVariantMap refundBinds{
        {QStringLiteral(":refundKey"), EnginePostings::refundKey(QString())},
        {QStringLiteral(":success"), int(RefundState::Success)}};
    if (!pass(kPaymentPage, paymentBinds, readPaymentPage, batchSize, report) ||
        !pass(kRefundPage, refundBinds, readRefundPage, batchSize, report))
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

bool LedgerBackfill::post(const BackfillMovement& m, BackfillReport& report)
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

bool LedgerBackfill::pass(const QString& pageSql, const QVariantMap& binds, PageReader read,
                          int batchSize, BackfillReport& report)
{
    QString after;
    while (m_batchesLeft != 0) {
        QSqlQuery& q = m_db.prepared(pageSql);
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q.bindValue(it.key(), it.value());
        q.bindValue(QStringLiteral(":after"), notNull(after));
        q.bindValue(QStringLiteral(":limit"), batchSize);
        if (!m_db.execRead(q)) {
            report.error = m_db.lastError();
            return false;
        }
        std::vector<BackfillMovement> page;
        const QString last = read(q, page);
        q.finish(); // the page is read whole before anything is written
        if (last.isEmpty())
            return true;
        after = last;
        for (const BackfillMovement& m : page)
            if (!post(m, report))
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
