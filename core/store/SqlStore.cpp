#include "store/SqlStore.h"

#include <QSqlQuery>
#include <QVariant>

#include <array>

namespace paydesk {

namespace {

// Column lists are written once and shared by INSERT and SELECT so a new
// column cannot be forgotten on one side. Updates set only the columns that
// change after creation: fewer binds, and SQLite leaves the indexes on the
// fixed columns (order_no, code_masked, ...) alone.
const char kOrderCols[] =
    "order_no, request_no, amount_fen, currency, subject, store_id, terminal_id, state, version,"
    " created_at_ms, updated_at_ms, paid_payment_no, refunded_fen, refund_pending_fen";
// Written on insert only: a lease changes through its own statements.
const char kOrderLeaseCols[] = ", lease_holder, lease_until_ms";
const char kOrderMutable[] =
    "state, version, updated_at_ms, paid_payment_no, refunded_fen, refund_pending_fen";
const char kPaymentCols[] =
    "payment_no, order_no, kind, wallet, channel, amount_fen, currency, state, version,"
    " code_masked, channel_trade_no, return_code, message, code_url, created_at_ms,"
    " updated_at_ms, deadline_at_ms, poll_count, not_found_alerted, code_last4";
const char kPaymentMutable[] = "state, version, channel_trade_no, return_code, message, code_url,"
                               " updated_at_ms, poll_count, not_found_alerted";
const char kRefundCols[] =
    "refund_no, order_no, payment_no, request_no, amount_fen, currency, reason, state, version,"
    " channel_refund_no, return_code, message, created_at_ms, updated_at_ms, poll_count";
const char kRefundMutable[] =
    "state, version, channel_refund_no, return_code, message, updated_at_ms, poll_count";
const char kRevokeCols[] =
    "revoke_no, payment_no, order_no, reason, automatic, state, version, attempts, action,"
    " return_code, message, created_at_ms, updated_at_ms";
const char kRevokeMutable[] =
    "state, version, attempts, action, return_code, message, updated_at_ms";
const char kEventCols[] =
    "order_no, at_ms, source, kind, entity, from_state, to_state, message, raw, alert_level, code, "
    "args";
// The parameters of a step's text are stored as one column, separated by
// the ASCII unit separator, which no amount, number or name contains.
const QChar kEventArgSeparator(0x1f);
const char kAlertCols[] =
    "at_ms, level, kind, order_no, message, acknowledged_by, acknowledged_at_ms";
const char kCommandCols[] = "request_no, kind, fingerprint, target_no, created_at_ms";

QStringList columns(const char* cols)
{
    QStringList out;
    for (const QString& c : QString::fromLatin1(cols).split(QLatin1Char(',')))
        out << c.trimmed();
    return out;
}

QString insertText(const char* table, const char* cols, const char* suffix = "")
{
    QStringList marks;
    for (qsizetype i = 0, n = columns(cols).size(); i < n; ++i)
        marks << QStringLiteral("?");
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
        .arg(QLatin1String(table), QLatin1String(cols), marks.join(QStringLiteral(", ")),
             QLatin1String(suffix));
}

// Binds: the mutable columns in order, then the key, then the version read.
QString updateText(const char* table, const char* mutableCols, const char* key)
{
    QStringList sets;
    for (const QString& c : columns(mutableCols))
        sets << c + QStringLiteral(" = ?");
    return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ? AND version = ?")
        .arg(QLatin1String(table), sets.join(QStringLiteral(", ")), QLatin1String(key));
}

QString selectText(const char* table, const char* cols, const char* where)
{
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3")
        .arg(QLatin1String(cols), QLatin1String(table), QLatin1String(where));
}

using S = SqlStore::Statement;

std::array<QString, size_t(S::Count)> buildTexts()
{
    std::array<QString, size_t(S::Count)> t;
    auto set = [&t](S s, QString text) { t[size_t(s)] = std::move(text); };
    set(S::InsertCommand,
        insertText("commands", kCommandCols, " ON CONFLICT (request_no) DO NOTHING"));
    set(S::SelectCommand, selectText("commands", kCommandCols, "request_no = ?"));
    set(S::DeleteCommand, QStringLiteral("DELETE FROM commands WHERE request_no = ?"));

    const QByteArray orderInsertCols = QByteArray(kOrderCols) + kOrderLeaseCols;
    set(S::InsertOrder, insertText("orders", orderInsertCols.constData()));
    set(S::UpdateOrder, updateText("orders", kOrderMutable, "order_no"));
    set(S::SelectOrder, selectText("orders", kOrderCols, "order_no = ?"));
    // Fixed statements: unused filters are neutralised by their values, so
    // no SQL is ever assembled from user input.
    const QString orderCols = QStringLiteral(
        "SELECT o.order_no, o.request_no, o.amount_fen, o.currency, o.subject, o.store_id,"
        " o.terminal_id, o.state, o.version, o.created_at_ms, o.updated_at_ms,"
        " o.paid_payment_no, o.refunded_fen, o.refund_pending_fen FROM orders o WHERE ");
    const QString filterAndPage = QStringLiteral(
        "(:state = 0 OR o.state = :state) AND o.created_at_ms >= :since"
        " AND (:before = '' OR o.order_no < :before) ORDER BY o.order_no DESC LIMIT :limit");
    set(S::SelectOrders, orderCols + filterAndPage);
    // A search first finds the few orders the number names, each kind of
    // number through its own index, and only then filters and pages: one
    // OR over the joined tables would scan every order.
    set(S::SearchOrders,
        orderCols +
            QStringLiteral(
                "o.order_no IN ("
                "SELECT order_no FROM orders WHERE order_no = :search OR request_no = :search"
                " UNION SELECT order_no FROM payments WHERE payment_no = :search"
                "  OR channel_trade_no = :search OR code_last4 = :search"
                " UNION SELECT order_no FROM refunds WHERE refund_no = :search"
                "  OR channel_refund_no = :search OR request_no = :search) AND ") +
            filterAndPage);

    // Payments, refunds and revokes: insert, versioned update, by key, by
    // order, and the unfinished ones (states 1, 2) for resume.
    auto entity = [&set](const char* table, const char* cols, const char* mutableCols,
                         const char* key, const char* byKey, const char* insertSuffix,
                         std::array<S, 5> ids) {
        const QString orderBy = QStringLiteral(" ORDER BY ") + QLatin1String(key);
        set(ids[0], insertText(table, cols, insertSuffix));
        set(ids[1], updateText(table, mutableCols, key));
        set(ids[2], selectText(table, cols, byKey));
        set(ids[3], selectText(table, cols, "order_no = ?") + orderBy);
        set(ids[4], selectText(table, cols, "state IN (1, 2)") + orderBy);
    };
    entity("payments", kPaymentCols, kPaymentMutable, "payment_no", "payment_no = ?", "",
           {S::InsertPayment, S::UpdatePayment, S::SelectPayment, S::SelectPaymentsOfOrder,
            S::SelectUnfinishedPayments});
    entity("refunds", kRefundCols, kRefundMutable, "refund_no", "refund_no = ?", "",
           {S::InsertRefund, S::UpdateRefund, S::SelectRefund, S::SelectRefundsOfOrder,
            S::SelectUnfinishedRefunds});
    // Movements of money in number order, a page at a time (the ledger's
    // backfill and internal check read them through the engine). `+state`
    // keeps the planner on the key's index: through the state index every
    // page would read and sort all paid payments again.
    set(S::SelectPaymentMovementsAfter,
        QStringLiteral("SELECT payment_no, order_no, channel, amount_fen, currency, state,"
                       " created_at_ms, updated_at_ms FROM payments"
                       " WHERE payment_no > ? AND +state IN (?, ?) ORDER BY payment_no LIMIT ?"));
    set(S::SelectRefundMovementsAfter,
        QStringLiteral("SELECT refund_no, order_no, (SELECT channel FROM payments p WHERE"
                       " p.payment_no = refunds.payment_no), amount_fen, currency, updated_at_ms"
                       " FROM refunds WHERE refund_no > ? AND +state = ? ORDER BY refund_no"
                       " LIMIT ?"));
    // A payment has at most one revoke: found by its payment.
    entity("revokes", kRevokeCols, kRevokeMutable, "revoke_no", "payment_no = ?",
           " ON CONFLICT (payment_no) DO NOTHING",
           {S::InsertRevoke, S::UpdateRevoke, S::SelectRevokeOfPayment, S::SelectRevokesOfOrder,
            S::SelectUnfinishedRevokes});

    set(S::InsertEvent, insertText("events", kEventCols));
    set(S::SelectEvents, QStringLiteral("SELECT id, %1 FROM events WHERE order_no = ? ORDER BY id")
                             .arg(QLatin1String(kEventCols)));

    set(S::InsertAlert, insertText("alerts", kAlertCols, " RETURNING id"));
    set(S::SelectAlerts,
        QStringLiteral("SELECT id, %1 FROM alerts WHERE (:open = 0 OR acknowledged_at_ms = 0) "
                       "ORDER BY id DESC LIMIT :limit")
            .arg(QLatin1String(kAlertCols)));
    set(S::AcknowledgeAlert,
        QStringLiteral("UPDATE alerts SET acknowledged_by = ?, acknowledged_at_ms = ? "
                       "WHERE id = ? AND acknowledged_at_ms = 0"));

    set(S::SelectMeta, QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    set(S::UpsertMeta, QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    // Work leases. An order has unfinished work while any of its payments,
    // refunds or revokes is in state 1 or 2 (each table's state index finds
    // those few rows).
    const QString unfinished =
        QStringLiteral(" order_no IN (SELECT order_no FROM payments WHERE state IN (1, 2)"
                       " UNION SELECT order_no FROM refunds WHERE state IN (1, 2)"
                       " UNION SELECT order_no FROM revokes WHERE state IN (1, 2))");
    // An order with nothing unfinished is anyone's to start work on (a
    // refund just after another process took the payment).
    set(S::ClaimOrderLease,
        QStringLiteral(
            "UPDATE orders SET lease_holder = ?, lease_until_ms = ? WHERE order_no = ?"
            " AND (lease_holder = ? OR lease_until_ms < ? OR lease_until_ms >= ?"
            " OR (NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_no = orders.order_no"
            " AND p.state IN (1, 2))"
            " AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_no = orders.order_no"
            " AND r.state IN (1, 2))"
            " AND NOT EXISTS (SELECT 1 FROM revokes v WHERE v.order_no = orders.order_no"
            " AND v.state IN (1, 2))))"));
    set(S::RenewOrderLeases,
        QStringLiteral("UPDATE orders SET lease_until_ms = ? WHERE lease_holder = ?"
                       " AND lease_until_ms < ? AND") +
            unfinished + QStringLiteral(" RETURNING order_no"));
    set(S::SelectOrderLeases,
        QStringLiteral("SELECT order_no, lease_holder, lease_until_ms FROM orders"
                       " WHERE lease_holder <> ? AND lease_until_ms < ? AND") +
            unfinished + QStringLiteral(" ORDER BY lease_until_ms, order_no LIMIT ?"));
    set(S::ParkOrderLease, QStringLiteral("UPDATE orders SET lease_until_ms = ? WHERE order_no = ?"
                                          " AND lease_holder = ?"));
    set(S::ReleaseOrderLeases,
        QStringLiteral("UPDATE orders SET lease_until_ms = 0 WHERE lease_holder = ?"
                       " AND lease_until_ms < ? AND") +
            unfinished);
    for (const QString& text : t)
        Q_ASSERT_X(!text.isEmpty(), "SqlStore", "a statement has no text");
    return t;
}

// Binds by position, in the order values are streamed.
class Binder
{
public:
    explicit Binder(QSqlQuery& q) : m_q(q) {}
    Binder& operator<<(const QString& v)
    {
        bindAt(m_q, m_next++, notNull(v));
        return *this;
    }
    Binder& operator<<(qint64 v)
    {
        bindAt(m_q, m_next++, v);
        return *this;
    }
    Binder& operator<<(int v)
    {
        bindAt(m_q, m_next++, v);
        return *this;
    }
    Binder& operator<<(bool v) { return *this << int(v ? 1 : 0); }

private:
    QSqlQuery& m_q;
    int m_next = 0;
};

// Named binds, for the few statements that use one value several times.
void bindNamed(QSqlQuery& q, const char* name, const QVariant& v)
{
    q.bindValue(QLatin1Char(':') + QLatin1String(name),
                v.typeId() == QMetaType::QString ? QVariant(notNull(v.toString())) : v);
}

QString str(const QSqlQuery& q, int i)
{
    const QVariant v = q.value(i);
    return v.isNull() ? QString() : v.toString();
}

OrderRecord readOrder(const QSqlQuery& q)
{
    OrderRecord o;
    o.orderNo = str(q, 0);
    o.requestNo = str(q, 1);
    o.amount = Money::fromFen(q.value(2).toLongLong(), str(q, 3));
    o.subject = str(q, 4);
    o.storeId = str(q, 5);
    o.terminalId = str(q, 6);
    o.state = OrderState(q.value(7).toInt());
    o.version = q.value(8).toInt();
    o.createdAtMs = q.value(9).toLongLong();
    o.updatedAtMs = q.value(10).toLongLong();
    o.paidPaymentNo = str(q, 11);
    o.refundedFen = q.value(12).toLongLong();
    o.refundPendingFen = q.value(13).toLongLong();
    return o;
}

// Searched for alone. A QR payment has no code, and a code short enough to
// be masked whole shows no digits.
QString codeLast4(const QString& codeMasked)
{
    const QString tail = codeMasked.right(4);
    return tail.size() == 4 && !tail.contains(QLatin1Char('*')) ? tail : QString();
}

PaymentRecord readPayment(const QSqlQuery& q)
{
    PaymentRecord p;
    p.paymentNo = str(q, 0);
    p.orderNo = str(q, 1);
    p.kind = PaymentKind(q.value(2).toInt());
    p.wallet = Wallet(q.value(3).toInt());
    p.channel = str(q, 4);
    p.amount = Money::fromFen(q.value(5).toLongLong(), str(q, 6));
    p.state = PaymentState(q.value(7).toInt());
    p.version = q.value(8).toInt();
    p.codeMasked = str(q, 9);
    p.channelTradeNo = str(q, 10);
    p.returnCode = str(q, 11);
    p.message = str(q, 12);
    p.codeUrl = str(q, 13);
    p.createdAtMs = q.value(14).toLongLong();
    p.updatedAtMs = q.value(15).toLongLong();
    p.deadlineAtMs = q.value(16).toLongLong();
    p.pollCount = q.value(17).toInt();
    p.notFoundAlerted = q.value(18).toInt() != 0;
    return p;
}

RefundRecord readRefund(const QSqlQuery& q)
{
    RefundRecord r;
    r.refundNo = str(q, 0);
    r.orderNo = str(q, 1);
    r.paymentNo = str(q, 2);
    r.requestNo = str(q, 3);
    r.amount = Money::fromFen(q.value(4).toLongLong(), str(q, 5));
    r.reason = str(q, 6);
    r.state = RefundState(q.value(7).toInt());
    r.version = q.value(8).toInt();
    r.channelRefundNo = str(q, 9);
    r.returnCode = str(q, 10);
    r.message = str(q, 11);
    r.createdAtMs = q.value(12).toLongLong();
    r.updatedAtMs = q.value(13).toLongLong();
    r.pollCount = q.value(14).toInt();
    return r;
}

RevokeRecord readRevoke(const QSqlQuery& q)
{
    RevokeRecord r;
    r.revokeNo = str(q, 0);
    r.paymentNo = str(q, 1);
    r.orderNo = str(q, 2);
    r.reason = str(q, 3);
    r.automatic = q.value(4).toInt() != 0;
    r.state = RevokeState(q.value(5).toInt());
    r.version = q.value(6).toInt();
    r.attempts = q.value(7).toInt();
    r.action = str(q, 8);
    r.returnCode = str(q, 9);
    r.message = str(q, 10);
    r.createdAtMs = q.value(11).toLongLong();
    r.updatedAtMs = q.value(12).toLongLong();
    return r;
}

template <typename T, typename Reader>
QList<T> readAll(Database& db, QSqlQuery& q, Reader read)
{
    QList<T> out;
    if (!db.execRead(q))
        return out;
    while (q.next())
        out.append(read(q));
    q.finish();
    return out;
}

template <typename T, typename Reader>
std::optional<T> readOne(Database& db, QSqlQuery& q, Reader read)
{
    std::optional<T> out;
    if (db.execRead(q) && q.next())
        out = read(q);
    q.finish();
    return out;
}

} // namespace

const QString& SqlStore::statementText(Statement s)
{
    static const std::array<QString, size_t(Statement::Count)> texts = buildTexts();
    Q_ASSERT(s < Statement::Count);
    return texts[size_t(s)];
}

QSqlQuery& SqlStore::query(Statement s)
{
    QSqlQuery*& q = m_statements[size_t(s)];
    if (!q)
        q = &m_db.prepared(statementText(s));
    return *q;
}

bool SqlStore::writeChanged(QSqlQuery& q)
{
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

QStringList SqlStore::migrations()
{
    return {
        // v1: the counter-payment core.
        QStringLiteral(R"SQL(
CREATE TABLE commands (
  request_no TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  target_no TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL
);
CREATE TABLE orders (
  order_no TEXT PRIMARY KEY,
  request_no TEXT NOT NULL UNIQUE,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  currency TEXT NOT NULL,
  subject TEXT NOT NULL,
  store_id TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  state INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  paid_payment_no TEXT NOT NULL,
  refunded_fen BIGINT NOT NULL CHECK (refunded_fen >= 0),
  refund_pending_fen BIGINT NOT NULL CHECK (refund_pending_fen >= 0),
  CHECK (refunded_fen + refund_pending_fen <= amount_fen)
);
CREATE INDEX orders_created ON orders (created_at_ms);
CREATE INDEX orders_state ON orders (state, created_at_ms);
CREATE TABLE payments (
  payment_no TEXT PRIMARY KEY,
  order_no TEXT NOT NULL REFERENCES orders (order_no),
  kind INTEGER NOT NULL,
  wallet INTEGER NOT NULL,
  channel TEXT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  currency TEXT NOT NULL,
  state INTEGER NOT NULL,
  version INTEGER NOT NULL,
  code_masked TEXT NOT NULL,
  channel_trade_no TEXT NOT NULL,
  return_code TEXT NOT NULL,
  message TEXT NOT NULL,
  code_url TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  deadline_at_ms BIGINT NOT NULL,
  poll_count INTEGER NOT NULL,
  not_found_alerted INTEGER NOT NULL
);
CREATE INDEX payments_order ON payments (order_no);
CREATE INDEX payments_state ON payments (state);
CREATE INDEX payments_channel_trade ON payments (channel_trade_no);
CREATE INDEX payments_code_last4 ON payments (code_masked);
CREATE TABLE refunds (
  refund_no TEXT PRIMARY KEY,
  order_no TEXT NOT NULL REFERENCES orders (order_no),
  payment_no TEXT NOT NULL REFERENCES payments (payment_no),
  request_no TEXT NOT NULL UNIQUE,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  state INTEGER NOT NULL,
  version INTEGER NOT NULL,
  channel_refund_no TEXT NOT NULL,
  return_code TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  poll_count INTEGER NOT NULL
);
CREATE INDEX refunds_order ON refunds (order_no);
CREATE INDEX refunds_state ON refunds (state);
CREATE TABLE revokes (
  revoke_no TEXT PRIMARY KEY,
  payment_no TEXT NOT NULL UNIQUE REFERENCES payments (payment_no),
  order_no TEXT NOT NULL REFERENCES orders (order_no),
  reason TEXT NOT NULL,
  automatic INTEGER NOT NULL,
  state INTEGER NOT NULL,
  version INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  action TEXT NOT NULL,
  return_code TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);
CREATE INDEX revokes_state ON revokes (state);
CREATE INDEX revokes_order ON revokes (order_no);
CREATE TABLE events (
  id {{ID}},
  order_no TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  entity TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  message TEXT NOT NULL,
  raw TEXT NOT NULL,
  alert_level INTEGER NOT NULL
);
CREATE INDEX events_order ON events (order_no, id);
CREATE TABLE alerts (
  id {{ID}},
  at_ms BIGINT NOT NULL,
  level INTEGER NOT NULL,
  kind TEXT NOT NULL,
  order_no TEXT NOT NULL,
  message TEXT NOT NULL,
  acknowledged_by TEXT NOT NULL,
  acknowledged_at_ms BIGINT NOT NULL
);
CREATE INDEX alerts_open ON alerts (acknowledged_at_ms, id);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
)
)SQL"),
        // v2: the last-4 search is LIKE '%1234', which no B-tree index can
        // serve; the index only cost every payment insert.
        QStringLiteral("DROP INDEX IF EXISTS payments_code_last4"),
        // v3: search by the last 4 digits of a payment code through an index
        // on those 4 alone (a suffix LIKE scanned every payment), and by a
        // channel's refund number.
        QStringLiteral(R"SQL(
ALTER TABLE payments ADD COLUMN code_last4 TEXT NOT NULL DEFAULT '';
UPDATE payments SET code_last4 = substr(code_masked, length(code_masked) - 3)
  WHERE length(code_masked) > 6;
CREATE INDEX payments_code_last4 ON payments (code_last4);
CREATE INDEX refunds_channel_refund ON refunds (channel_refund_no)
)SQL"),
        // v4: each timeline step's stable code and parameters beside its
        // English text, so front ends say it in the user's language. Older
        // steps keep only their English.
        QStringLiteral(R"SQL(
ALTER TABLE events ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN args TEXT NOT NULL DEFAULT ''
)SQL"),
        // v5: work leases, so several servers on one database share the
        // unfinished items without two acting on one order. Older orders
        // have none: the first process to look takes them.
        QStringLiteral(R"SQL(
ALTER TABLE orders ADD COLUMN lease_holder TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN lease_until_ms BIGINT NOT NULL DEFAULT 0
)SQL"),
        // v6: the dashboard reads a period's payments by when they started.
        // Updates never change the start, so the index costs one insert per
        // payment and nothing after.
        QStringLiteral("CREATE INDEX payments_created ON payments (created_at_ms)"),
    };
}

int SqlStore::insertCommand(const CommandRecord& c)
{
    QSqlQuery& q = query(Statement::InsertCommand);
    Binder(q) << c.requestNo << c.kind << c.fingerprint << c.targetNo << c.createdAtMs;
    if (!m_db.execWrite(q))
        return -1;
    return q.numRowsAffected() == 1 ? 1 : 0;
}

std::optional<CommandRecord> SqlStore::command(const QString& requestNo)
{
    QSqlQuery& q = query(Statement::SelectCommand);
    Binder(q) << requestNo;
    return readOne<CommandRecord>(m_db, q, [](const QSqlQuery& r) {
        return CommandRecord{str(r, 0), str(r, 1), str(r, 2), str(r, 3), r.value(4).toLongLong()};
    });
}

bool SqlStore::deleteCommand(const QString& requestNo)
{
    QSqlQuery& q = query(Statement::DeleteCommand);
    Binder(q) << requestNo;
    return m_db.execWrite(q);
}

bool SqlStore::insertOrder(const OrderRecord& o)
{
    QSqlQuery& q = query(Statement::InsertOrder);
    Binder(q) << o.orderNo << o.requestNo << o.amount.fen() << o.amount.currency() << o.subject
              << o.storeId << o.terminalId << int(o.state) << o.version << o.createdAtMs
              << o.updatedAtMs << o.paidPaymentNo << o.refundedFen << o.refundPendingFen
              << o.leaseHolder << o.leaseUntilMs;
    return m_db.execWrite(q);
}

bool SqlStore::updateOrder(const OrderRecord& o, int expectedVersion)
{
    QSqlQuery& q = query(Statement::UpdateOrder);
    Binder(q) << int(o.state) << o.version << o.updatedAtMs << o.paidPaymentNo << o.refundedFen
              << o.refundPendingFen << o.orderNo << expectedVersion;
    return writeChanged(q);
}

std::optional<OrderRecord> SqlStore::order(const QString& orderNo)
{
    QSqlQuery& q = query(Statement::SelectOrder);
    Binder(q) << orderNo;
    return readOne<OrderRecord>(m_db, q, readOrder);
}

QList<OrderRecord> SqlStore::orders(const OrderFilter& f)
{
    const QString search = f.search.trimmed();
    QSqlQuery& q = query(search.isEmpty() ? Statement::SelectOrders : Statement::SearchOrders);
    bindNamed(q, "state", f.state);
    bindNamed(q, "since", f.sinceMs);
    bindNamed(q, "before", f.beforeOrderNo);
    if (!search.isEmpty())
        bindNamed(q, "search", search);
    bindNamed(q, "limit", f.limit);
    return readAll<OrderRecord>(m_db, q, readOrder);
}

bool SqlStore::insertPayment(const PaymentRecord& p)
{
    QSqlQuery& q = query(Statement::InsertPayment);
    Binder(q) << p.paymentNo << p.orderNo << int(p.kind) << int(p.wallet) << p.channel
              << p.amount.fen() << p.amount.currency() << int(p.state) << p.version << p.codeMasked
              << p.channelTradeNo << p.returnCode << p.message << p.codeUrl << p.createdAtMs
              << p.updatedAtMs << p.deadlineAtMs << p.pollCount << p.notFoundAlerted
              << codeLast4(p.codeMasked);
    return m_db.execWrite(q);
}

bool SqlStore::updatePayment(const PaymentRecord& p, int expectedVersion)
{
    QSqlQuery& q = query(Statement::UpdatePayment);
    Binder(q) << int(p.state) << p.version << p.channelTradeNo << p.returnCode << p.message
              << p.codeUrl << p.updatedAtMs << p.pollCount << p.notFoundAlerted << p.paymentNo
              << expectedVersion;
    return writeChanged(q);
}

std::optional<PaymentRecord> SqlStore::payment(const QString& paymentNo)
{
    QSqlQuery& q = query(Statement::SelectPayment);
    Binder(q) << paymentNo;
    return readOne<PaymentRecord>(m_db, q, readPayment);
}

QList<PaymentRecord> SqlStore::paymentsOfOrder(const QString& orderNo)
{
    QSqlQuery& q = query(Statement::SelectPaymentsOfOrder);
    Binder(q) << orderNo;
    return readAll<PaymentRecord>(m_db, q, readPayment);
}

QList<PaymentRecord> SqlStore::unfinishedPayments()
{
    return readAll<PaymentRecord>(m_db, query(Statement::SelectUnfinishedPayments), readPayment);
}

std::optional<std::vector<RecordedMovement>>
SqlStore::paymentMovementsAfter(const QString& afterPaymentNo, int limit)
{
    QSqlQuery& q = query(Statement::SelectPaymentMovementsAfter);
    Binder(q) << afterPaymentNo << int(PaymentState::Success) << int(PaymentState::Reversed)
              << limit;
    if (!m_db.execRead(q))
        return std::nullopt;
    using K = RecordedMovement::Kind;
    std::vector<RecordedMovement> out;
    out.reserve(limit);
    while (q.next()) {
        const QString paymentNo = str(q, 0);
        const QString orderNo = str(q, 1);
        const QString channel = str(q, 2);
        const Money amount = Money::fromFen(q.value(3).toLongLong(), str(q, 4));
        // A paid payment's last change is its success; a reversed one changed
        // last when it was revoked, and was paid within its deadline of its
        // start, so its start stands for the capture.
        const bool reversed = PaymentState(q.value(5).toInt()) == PaymentState::Reversed;
        const qint64 createdAtMs = q.value(6).toLongLong();
        const qint64 updatedAtMs = q.value(7).toLongLong();
        out.push_back({K::Capture, paymentNo, orderNo, channel, amount,
                       reversed ? createdAtMs : updatedAtMs});
        if (reversed)
            out.push_back({K::Reversal, paymentNo, orderNo, channel, amount, updatedAtMs});
    }
    q.finish();
    return out;
}

bool SqlStore::insertRefund(const RefundRecord& r)
{
    QSqlQuery& q = query(Statement::InsertRefund);
    Binder(q) << r.refundNo << r.orderNo << r.paymentNo << r.requestNo << r.amount.fen()
              << r.amount.currency() << r.reason << int(r.state) << r.version
              << r.channelRefundNo << r.returnCode << r.message << r.createdAtMs
              << r.updatedAtMs << r.pollCount;
    return m_db.execWrite(q);
}

bool SqlStore::updateRefund(const RefundRecord& r, int expectedVersion)
{
    QSqlQuery& q = query(Statement::UpdateRefund);
    Binder(q) << int(r.state) << r.version << r.channelRefundNo << r.returnCode << r.message
              << r.updatedAtMs << r.pollCount << r.refundNo << expectedVersion;
    return writeChanged(q);
}

std::optional<RefundRecord> SqlStore::refund(const QString& refundNo)
{
    QSqlQuery& q = query(Statement::SelectRefund);
    Binder(q) << refundNo;
    return readOne<RefundRecord>(m_db, q, readRefund);
}

QList<RefundRecord> SqlStore::refundsOfOrder(const QString& orderNo)
{
    QSqlQuery& q = query(Statement::SelectRefundsOfOrder);
    Binder(q) << orderNo;
    return readAll<RefundRecord>(m_db, q, readRefund);
}

QList<RefundRecord> SqlStore::unfinishedRefunds()
{
    return readAll<RefundRecord>(m_db, query(Statement::SelectUnfinishedRefunds), readRefund);
}

std::optional<std::vector<RecordedMovement>>
SqlStore::refundMovementsAfter(const QString& afterRefundNo, int limit)
{
    QSqlQuery& q = query(Statement::SelectRefundMovementsAfter);
    Binder(q) << afterRefundNo << int(RefundState::Success) << limit;
    if (!m_db.execRead(q))
        return std::nullopt;
    std::vector<RecordedMovement> out;
    while (q.next())
        out.push_back({RecordedMovement::Kind::Refund, str(q, 0), str(q, 1), str(q, 2),
                       Money::fromFen(q.value(3).toLongLong(), str(q, 4)),
                       q.value(5).toLongLong()});
    q.finish();
    return out;
}

int SqlStore::insertRevoke(const RevokeRecord& r)
{
    QSqlQuery& q = query(Statement::InsertRevoke);
    Binder(q) << r.revokeNo << r.paymentNo << r.orderNo << r.reason << r.automatic << int(r.state)
              << r.version << r.attempts << r.action << r.returnCode << r.message
              << r.createdAtMs << r.updatedAtMs;
    if (!m_db.execWrite(q))
        return -1;
    return q.numRowsAffected() == 1 ? 1 : 0;
}

bool SqlStore::updateRevoke(const RevokeRecord& r, int expectedVersion)
{
    QSqlQuery& q = query(Statement::UpdateRevoke);
    Binder(q) << int(r.state) << r.version << r.attempts << r.action << r.returnCode << r.message
              << r.updatedAtMs << r.revokeNo << expectedVersion;
    return writeChanged(q);
}

std::optional<RevokeRecord> SqlStore::revokeOfPayment(const QString& paymentNo)
{
    QSqlQuery& q = query(Statement::SelectRevokeOfPayment);
    Binder(q) << paymentNo;
    return readOne<RevokeRecord>(m_db, q, readRevoke);
}

QList<RevokeRecord> SqlStore::revokesOfOrder(const QString& orderNo)
{
    QSqlQuery& q = query(Statement::SelectRevokesOfOrder);
    Binder(q) << orderNo;
    return readAll<RevokeRecord>(m_db, q, readRevoke);
}

QList<RevokeRecord> SqlStore::unfinishedRevokes()
{
    return readAll<RevokeRecord>(m_db, query(Statement::SelectUnfinishedRevokes), readRevoke);
}

bool SqlStore::appendEvent(const TrackEvent& e)
{
    QSqlQuery& q = query(Statement::InsertEvent);
    Binder(q) << e.orderNo << e.atMs << e.source << e.kind << e.entity << e.fromState << e.toState
              << e.message << e.raw << int(e.alert) << e.code << e.args.join(kEventArgSeparator);
    return m_db.execWrite(q);
}

QList<TrackEvent> SqlStore::events(const QString& orderNo)
{
    QSqlQuery& q = query(Statement::SelectEvents);
    Binder(q) << orderNo;
    return readAll<TrackEvent>(m_db, q, [](const QSqlQuery& r) {
        TrackEvent e;
        e.id = r.value(0).toLongLong();
        e.orderNo = str(r, 1);
        e.atMs = r.value(2).toLongLong();
        e.source = str(r, 3);
        e.kind = str(r, 4);
        e.entity = str(r, 5);
        e.fromState = str(r, 6);
        e.toState = str(r, 7);
        e.message = str(r, 8);
        e.raw = str(r, 9);
        e.alert = AlertLevel(r.value(10).toInt());
        e.code = str(r, 11);
        if (const QString args = str(r, 12); !args.isEmpty())
            e.args = args.split(kEventArgSeparator);
        return e;
    });
}

qint64 SqlStore::appendAlert(const AlertRecord& a)
{
    QSqlQuery& q = query(Statement::InsertAlert);
    Binder(q) << a.atMs << int(a.level) << a.kind << a.orderNo << a.message << a.acknowledgedBy
              << a.acknowledgedAtMs;
    if (!m_db.execWrite(q))
        return -1;
    qint64 id = -1;
    if (q.next())
        id = q.value(0).toLongLong();
    q.finish();
    return id;
}

QList<AlertRecord> SqlStore::alerts(bool unacknowledgedOnly, int limit)
{
    QSqlQuery& q = query(Statement::SelectAlerts);
    bindNamed(q, "open", unacknowledgedOnly ? 1 : 0);
    bindNamed(q, "limit", limit);
    return readAll<AlertRecord>(m_db, q, [](const QSqlQuery& r) {
        AlertRecord a;
        a.id = r.value(0).toLongLong();
        a.atMs = r.value(1).toLongLong();
        a.level = AlertLevel(r.value(2).toInt());
        a.kind = str(r, 3);
        a.orderNo = str(r, 4);
        a.message = str(r, 5);
        a.acknowledgedBy = str(r, 6);
        a.acknowledgedAtMs = r.value(7).toLongLong();
        return a;
    });
}

bool SqlStore::acknowledgeAlert(qint64 id, const QString& who, qint64 atMs)
{
    QSqlQuery& q = query(Statement::AcknowledgeAlert);
    Binder(q) << who << atMs << id;
    return writeChanged(q);
}

bool SqlStore::claimOrderLease(const QString& orderNo, const QString& holder, qint64 nowMs,
                               qint64 untilMs)
{
    QSqlQuery& q = query(Statement::ClaimOrderLease);
    Binder(q) << holder << untilMs << orderNo << holder << nowMs << kLeaseParkedMs;
    return writeChanged(q);
}

std::optional<QStringList> SqlStore::renewOrderLeases(const QString& holder, qint64 untilMs)
{
    QSqlQuery& q = query(Statement::RenewOrderLeases);
    Binder(q) << untilMs << holder << kLeaseParkedMs;
    if (!m_db.execWrite(q))
        return std::nullopt;
    QStringList held;
    while (q.next())
        held << str(q, 0);
    q.finish();
    return held;
}

std::optional<QList<OrderLease>> SqlStore::unfinishedOrderLeases(const QString& holder, int limit)
{
    QSqlQuery& q = query(Statement::SelectOrderLeases);
    Binder(q) << holder << kLeaseParkedMs << limit;
    if (!m_db.execRead(q))
        return std::nullopt;
    QList<OrderLease> out;
    while (q.next())
        out.append(OrderLease{str(q, 0), str(q, 1), q.value(2).toLongLong()});
    q.finish();
    return out;
}

bool SqlStore::parkOrderLease(const QString& orderNo, const QString& holder)
{
    QSqlQuery& q = query(Statement::ParkOrderLease);
    Binder(q) << kLeaseParkedMs << orderNo << holder;
    return m_db.execWrite(q);
}

bool SqlStore::releaseOrderLeases(const QString& holder)
{
    QSqlQuery& q = query(Statement::ReleaseOrderLeases);
    Binder(q) << holder << kLeaseParkedMs;
    return m_db.execWrite(q);
}

std::optional<QString> SqlStore::meta(const QString& key)
{
    QSqlQuery& q = query(Statement::SelectMeta);
    Binder(q) << key;
    return readOne<QString>(m_db, q, [](const QSqlQuery& r) { return str(r, 0); });
}

bool SqlStore::setMeta(const QString& key, const QString& value)
{
    QSqlQuery& q = query(Statement::UpsertMeta);
    Binder(q) << key << value;
    return m_db.execWrite(q);
}

} // namespace paydesk
