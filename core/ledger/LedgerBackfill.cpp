#include "ledger/LedgerBackfill.h"

#include "common/ChinaTime.h"
#include "ledger/EnginePostings.h"
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

QDate dayOf(qint64 atMs)
{
    return chinaTime(atMs).date();
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

BackfillReport LedgerBackfill::run(int batchSize)
{
    Q_ASSERT(batchSize > 0);
    BackfillReport report;
    if (!postPayments(batchSize, report) || !postRefunds(batchSize, report))
        return report;
    QSqlQuery& clear = m_db.prepared(QStringLiteral("DELETE FROM meta WHERE key = :key"));
    clear.bindValue(QStringLiteral(":key"), kMarker);
    if (!m_db.execWrite(clear)) {
        report.error = m_db.lastError();
        return report;
    }
    commit(report);
    return report;
}

bool LedgerBackfill::postPayments(int batchSize, BackfillReport& report)
{
    QString after;
    for (;;) {
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
            PaymentRecord payment;
            bool captured = false;
            bool reversed = false;
        };
        std::vector<Gap> page;
        while (q.next()) {
            Gap g;
            g.payment.paymentNo = q.value(0).toString();
            g.payment.orderNo = q.value(1).toString();
            g.payment.channel = q.value(2).toString();
            g.payment.amount = Money::fromFen(q.value(3).toLongLong(), q.value(4).toString());
            g.payment.state = PaymentState(q.value(5).toInt());
            g.payment.createdAtMs = q.value(6).toLongLong();
            g.payment.updatedAtMs = q.value(7).toLongLong();
            g.captured = q.value(8).toBool();
            g.reversed = g.payment.state != PaymentState::Reversed || q.value(9).toBool();
            page.push_back(std::move(g));
        }
        q.finish();
        if (page.empty())
            return true;
        after = page.back().payment.paymentNo;
        for (const Gap& g : page) {
            // A barcode or QR payment ends within minutes of its start: it
            // cleared on the day it began; a revoke, on the day it ended.
            if (!g.captured) {
                const auto o = m_postings.paymentCaptured(g.payment, dayOf(g.payment.createdAtMs));
                if (!o.ok) {
                    report.error = o.note;
                    return false;
                }
                ++report.payments;
            }
            if (!g.reversed) {
                const auto o = m_postings.reversalOn(g.payment, dayOf(g.payment.updatedAtMs));
                if (!o.ok) {
                    report.error = o.note;
                    return false;
                }
                ++report.reversals;
            }
        }
        if (!commit(report))
            return false;
    }
}

bool LedgerBackfill::postRefunds(int batchSize, BackfillReport& report)
{
    QString after;
    for (;;) {
        QSqlQuery& q = m_db.prepared(kRefundPage);
        q.bindValue(QStringLiteral(":refundKey"), EnginePostings::refundKey(QString()));
        q.bindValue(QStringLiteral(":after"), notNull(after));
        q.bindValue(QStringLiteral(":success"), int(RefundState::Success));
        q.bindValue(QStringLiteral(":limit"), batchSize);
        if (!m_db.execRead(q)) {
            report.error = m_db.lastError();
            return false;
        }
        std::vector<std::pair<RefundRecord, QString>> page; // refund, its payment's channel
        QString last;
        while (q.next()) {
            last = q.value(0).toString();
            if (q.value(6).toBool())
                continue;
            RefundRecord r;
            r.refundNo = last;
            r.orderNo = q.value(1).toString();
            r.amount = Money::fromFen(q.value(2).toLongLong(), q.value(3).toString());
            r.updatedAtMs = q.value(4).toLongLong();
            page.emplace_back(std::move(r), q.value(5).toString());
        }
        q.finish();
        if (last.isEmpty())
            return true;
        after = last;
        for (const auto& [refund, channel] : page) {
            const auto o = m_postings.refundOn(refund, channel, dayOf(refund.updatedAtMs));
            if (!o.ok) {
                report.error = o.note;
                return false;
            }
            ++report.refunds;
        }
        if (!commit(report))
            return false;
    }
}

bool LedgerBackfill::commit(BackfillReport& report)
{
    if (m_db.flush())
        return true;
    report.error = m_db.lastError();
    return false;
}

} // namespace paydesk
