#include "ledger/ShiftBook.h"

#include "common/Clock.h"
#include "domain/States.h"
#include "store/Database.h"

#include <QSqlQuery>

#include <algorithm>

namespace paydesk {

namespace {

QStringList migrations()
{
    // Each wallet's figures as one row per shift and wallet, so a report
    // reads back exactly as it was signed.
    return {QStringLiteral(R"SQL(
CREATE TABLE shifts (
  id {{ID}},
  store_id TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  opened_at_ms BIGINT NOT NULL,
  closed_at_ms BIGINT NOT NULL,
  open_orders TEXT NOT NULL
);
CREATE INDEX shifts_counter ON shifts (store_id, terminal_id, closed_at_ms);
CREATE TABLE shift_wallets (
  shift_id BIGINT NOT NULL REFERENCES shifts (id),
  wallet INTEGER NOT NULL,
  sales BIGINT NOT NULL,
  sales_fen BIGINT NOT NULL,
  refunds BIGINT NOT NULL,
  refunds_fen BIGINT NOT NULL,
  revokes BIGINT NOT NULL,
  revoked_fen BIGINT NOT NULL,
  PRIMARY KEY (shift_id, wallet)
)
)SQL")};
}

// The counter's money movements by wallet in (from, to]: what happened in
// the very millisecond of a close belongs to the shift it closed. A sale counts when
// it started (its money was taken: paid, or paid and later revoked), a
// refund when it succeeded, a revoke of a paid payment when it was revoked.
const QString kSalesSql =
    QStringLiteral("SELECT p.wallet, COUNT(*), SUM(p.amount_fen) FROM payments p"
                   " JOIN orders o ON o.order_no = p.order_no"
                   " WHERE o.store_id = ? AND o.terminal_id = ? AND p.state IN (?, ?)"
                   " AND p.created_at_ms > ? AND p.created_at_ms <= ? GROUP BY p.wallet");
const QString kRefundsSql =
    QStringLiteral("SELECT p.wallet, COUNT(*), SUM(r.amount_fen) FROM refunds r"
                   " JOIN payments p ON p.payment_no = r.payment_no"
                   " JOIN orders o ON o.order_no = r.order_no"
                   " WHERE o.store_id = ? AND o.terminal_id = ? AND r.state = ?"
                   " AND r.updated_at_ms > ? AND r.updated_at_ms <= ? GROUP BY p.wallet");
const QString kRevokesSql =
    QStringLiteral("SELECT p.wallet, COUNT(*), SUM(p.amount_fen) FROM payments p"
                   " JOIN orders o ON o.order_no = p.order_no"
                   " WHERE o.store_id = ? AND o.terminal_id = ? AND p.state = ?"
                   " AND p.updated_at_ms > ? AND p.updated_at_ms <= ? GROUP BY p.wallet");

} // namespace

ShiftBook::ShiftBook(Database& db, const Clock& clock, QString storeId, QString terminalId)
    : m_db(db), m_clock(clock), m_storeId(std::move(storeId)), m_terminalId(std::move(terminalId))
{}

QString ShiftBook::open()
{
    return m_db.migrate(QStringLiteral("shifts"), migrations());
}

BackOfficeOutcome ShiftBook::failed() const
{
    return BackOfficeOutcome::fail(BackOfficeStatus::StorageError,
                                   QStringLiteral("the shift could not be closed (%1); nothing was "
                                                  "recorded: try again, or restart PayDesk")
                                       .arg(m_db.lastError()));
}

void ShiftBook::closeShift(const QString& by, Reply<ShiftCloseResult> reply)
{
    reply(close(by));
}

bool ShiftBook::sum(const QString& sql, const QVariantList& states, qint64 fromMs, qint64 toMs,
                    const std::function<void(WalletTakings&, qint64, qint64)>& add,
                    QList<WalletTakings>* byWallet)
{
    QSqlQuery& q = m_db.prepared(sql);
    int i = 0;
    bindAt(q, i++, m_storeId);
    bindAt(q, i++, m_terminalId);
    for (const QVariant& state : states)
        bindAt(q, i++, state);
    bindAt(q, i++, fromMs);
    bindAt(q, i++, toMs);
    if (!m_db.execRead(q))
        return false;
    while (q.next()) {
        add(takingsOf(byWallet, Wallet(q.value(0).toInt())), q.value(1).toLongLong(),
            q.value(2).toLongLong());
    }
    q.finish();
    return true;
}

std::optional<QStringList> ShiftBook::openOrders()
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT order_no FROM orders WHERE store_id = ? AND terminal_id = ?"
                       " AND state IN (?, ?) ORDER BY order_no"));
    bindAt(q, 0, m_storeId);
    bindAt(q, 1, m_terminalId);
    bindAt(q, 2, int(OrderState::Pending));
    bindAt(q, 3, int(OrderState::Attention));
    if (!m_db.execRead(q))
        return std::nullopt;
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

ShiftCloseResult ShiftBook::close(const QString& by)
{
    ShiftCloseResult result;
    if (by.trimmed().isEmpty()) {
        result.outcome = BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                                 QStringLiteral("say who closes the shift"));
        return result;
    }
    // Under the write lock: two closes of one counter cannot both take the
    // same period.
    if (!m_db.beginWrite()) {
        result.outcome = failed();
        return result;
    }
    ShiftReport& r = result.report;
    r.counter = m_storeId + QLatin1Char('/') + m_terminalId;
    r.closedBy = by.trimmed();
    r.closedAtMs = m_clock.nowMs();
    QSqlQuery& last = m_db.prepared(QStringLiteral(
        "SELECT MAX(closed_at_ms) FROM shifts WHERE store_id = ? AND terminal_id = ?"));
    bindAt(last, 0, m_storeId);
    bindAt(last, 1, m_terminalId);
    if (!m_db.execRead(last)) {
        result.outcome = failed();
        return result;
    }
    if (last.next())
        r.openedAtMs = last.value(0).toLongLong();
    last.finish();
    // Two closes in one millisecond: the second takes the next one, so the
    // periods (opened, closed] never overlap.
    r.closedAtMs = std::max(r.closedAtMs, r.openedAtMs + 1);

    const bool summed = sum(
                            kSalesSql, {int(PaymentState::Success), int(PaymentState::Reversed)},
                            r.openedAtMs, r.closedAtMs,
                            [](WalletTakings& w, qint64 n, qint64 fen) {
                                w.sales += n;
                                w.salesFen += fen;
                            },
                            &r.byWallet) &&
                        sum(
                            kRefundsSql, {int(RefundState::Success)}, r.openedAtMs, r.closedAtMs,
                            [](WalletTakings& w, qint64 n, qint64 fen) {
                                w.refunds += n;
                                w.refundsFen += fen;
                            },
                            &r.byWallet) &&
                        sum(
                            kRevokesSql, {int(PaymentState::Reversed)}, r.openedAtMs, r.closedAtMs,
                            [](WalletTakings& w, qint64 n, qint64 fen) {
                                w.revokes += n;
                                w.revokedFen += fen;
                            },
                            &r.byWallet);
    const std::optional<QStringList> open = summed ? openOrders() : std::nullopt;
    if (!open) {
        result.outcome = failed();
        return result;
    }
    r.openOrders = *open;

    QSqlQuery& insert = m_db.prepared(
        QStringLiteral("INSERT INTO shifts (store_id, terminal_id, closed_by, opened_at_ms,"
                       " closed_at_ms, open_orders) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    bindAt(insert, 0, m_storeId);
    bindAt(insert, 1, m_terminalId);
    bindAt(insert, 2, r.closedBy);
    bindAt(insert, 3, r.openedAtMs);
    bindAt(insert, 4, r.closedAtMs);
    bindAt(insert, 5, notNull(r.openOrders.join(QLatin1Char(','))));
    if (!m_db.execWrite(insert) || !insert.next()) {
        result.outcome = failed();
        return result;
    }
    r.id = insert.value(0).toLongLong();
    insert.finish();
    QSqlQuery& wallet = m_db.prepared(
        QStringLiteral("INSERT INTO shift_wallets (shift_id, wallet, sales, sales_fen, refunds,"
                       " refunds_fen, revokes, revoked_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const WalletTakings& w : r.byWallet) {
        const QVariantList values = {r.id,      int(w.wallet), w.sales,   w.salesFen,
                                     w.refunds, w.refundsFen,  w.revokes, w.revokedFen};
        for (int i = 0; i < values.size(); ++i)
            bindAt(wallet, i, values.at(i));
        if (!m_db.execWrite(wallet)) {
            result.outcome = failed();
            return result;
        }
    }
    // Durable before anyone is told the shift is closed.
    if (!m_db.flush()) {
        result.outcome = failed();
        return result;
    }
    result.outcome.message = QStringLiteral("shift %1 closed: %2 sale(s), net %3")
                                 .arg(r.number())
                                 .arg(r.totals().sales)
                                 .arg(plainYuan(r.totals().netFen()));
    result.outcome.number = r.number();
    return result;
}

void ShiftBook::shifts(int limit, Reply<QList<ShiftReport>> reply)
{
    QList<ShiftReport> out;
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT id, closed_by, opened_at_ms, closed_at_ms, open_orders FROM shifts"
                       " WHERE store_id = ? AND terminal_id = ? ORDER BY id DESC LIMIT ?"));
    bindAt(q, 0, m_storeId);
    bindAt(q, 1, m_terminalId);
    bindAt(q, 2, std::clamp(limit, 1, 1000));
    if (!m_db.execRead(q))
        return reply(out);
    while (q.next()) {
        ShiftReport r;
        r.id = q.value(0).toLongLong();
        r.counter = m_storeId + QLatin1Char('/') + m_terminalId;
        r.closedBy = q.value(1).toString();
        r.openedAtMs = q.value(2).toLongLong();
        r.closedAtMs = q.value(3).toLongLong();
        const QString open = q.value(4).toString();
        r.openOrders = open.isEmpty() ? QStringList() : open.split(QLatin1Char(','));
        out << r;
    }
    q.finish();
    // Every listed shift's wallets in one read, not one per shift.
    QSqlQuery& w = m_db.prepared(QStringLiteral(
        "SELECT shift_id, wallet, sales, sales_fen, refunds, refunds_fen, revokes, revoked_fen"
        " FROM shift_wallets WHERE shift_id IN (SELECT id FROM shifts WHERE store_id = ?"
        " AND terminal_id = ? ORDER BY id DESC LIMIT ?) ORDER BY shift_id, wallet"));
    bindAt(w, 0, m_storeId);
    bindAt(w, 1, m_terminalId);
    bindAt(w, 2, std::clamp(limit, 1, 1000));
    if (!m_db.execRead(w))
        return reply({});
    while (w.next()) {
        const qint64 id = w.value(0).toLongLong();
        const auto r =
            std::find_if(out.begin(), out.end(), [id](const ShiftReport& s) { return s.id == id; });
        if (r == out.end())
            continue; // closed between the two reads (it is not in the list)
        r->byWallet << WalletTakings{Wallet(w.value(1).toInt()), w.value(2).toLongLong(),
                                     w.value(3).toLongLong(),    w.value(4).toLongLong(),
                                     w.value(5).toLongLong(),    w.value(6).toLongLong(),
                                     w.value(7).toLongLong()};
    }
    w.finish();
    reply(out);
}

} // namespace paydesk
