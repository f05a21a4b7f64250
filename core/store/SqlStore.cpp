#include "store/SqlStore.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace paydesk {

namespace {

// Column lists are written once and shared by the INSERT and SELECT so a new
// column cannot be forgotten on one side.
const QString kOrderCols = QStringLiteral(
    "order_no, request_no, amount_fen, currency, subject, store_id, terminal_id, state, version,"
    " created_at_ms, updated_at_ms, paid_payment_no, refunded_fen, refund_pending_fen");
const QString kPaymentCols = QStringLiteral(
    "payment_no, order_no, kind, wallet, channel, amount_fen, currency, state, version,"
    " code_masked, channel_trade_no, return_code, message, code_url, created_at_ms,"
    " updated_at_ms, deadline_at_ms, poll_count, not_found_alerted");
const QString kRefundCols = QStringLiteral(
    "refund_no, order_no, payment_no, request_no, amount_fen, currency, reason, state, version,"
    " channel_refund_no, return_code, message, created_at_ms, updated_at_ms, poll_count");
const QString kRevokeCols = QStringLiteral(
    "revoke_no, payment_no, order_no, reason, automatic, state, version, attempts, action,"
    " return_code, message, created_at_ms, updated_at_ms");
const QString kEventCols = QStringLiteral(
    "order_no, at_ms, source, kind, entity, from_state, to_state, message, raw, alert_level");
const QString kAlertCols = QStringLiteral(
    "at_ms, level, kind, order_no, message, acknowledged_by, acknowledged_at_ms");

QString placeholders(const QString& cols)
{
    QStringList out;
    for (const QString& c : cols.split(QLatin1Char(',')))
        out << QLatin1Char(':') + c.trimmed();
    return out.join(QStringLiteral(", "));
}

QString assignments(const QString& cols, const QString& key)
{
    QStringList out;
    for (const QString& raw : cols.split(QLatin1Char(','))) {
        const QString c = raw.trimmed();
        if (c == key)
            continue;
        out << c + QStringLiteral(" = :") + c;
    }
    return out.join(QStringLiteral(", "));
}

QString insertSql(const QString& table, const QString& cols, const QString& suffix = {})
{
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
        .arg(table, cols, placeholders(cols), suffix);
}

// UPDATE ... WHERE key = :key AND version = :expected_version
QString updateSql(const QString& table, const QString& cols, const QString& key)
{
    return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = :%3 AND version = :expected_version")
        .arg(table, assignments(cols, key), key);
}

QString selectSql(const QString& table, const QString& cols, const QString& where)
{
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(cols, table, where);
}

void bind(QSqlQuery& q, const char* name, const QVariant& v)
{
    // Qt binds a null QString as SQL NULL; PayDesk's text columns are NOT
    // NULL with '' for "none".
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        q.bindValue(QLatin1Char(':') + QLatin1String(name), QStringLiteral(""));
    else
        q.bindValue(QLatin1Char(':') + QLatin1String(name), v);
}

QString str(const QSqlQuery& q, int i)
{
    const QVariant v = q.value(i);
    return v.isNull() ? QString() : v.toString();
}

void bindOrder(QSqlQuery& q, const OrderRecord& o)
{
    bind(q, "order_no", o.orderNo);
    bind(q, "request_no", o.requestNo);
    bind(q, "amount_fen", o.amount.fen());
    bind(q, "currency", o.amount.currency());
    bind(q, "subject", o.subject);
    bind(q, "store_id", o.storeId);
    bind(q, "terminal_id", o.terminalId);
    bind(q, "state", int(o.state));
    bind(q, "version", o.version);
    bind(q, "created_at_ms", o.createdAtMs);
    bind(q, "updated_at_ms", o.updatedAtMs);
    bind(q, "paid_payment_no", o.paidPaymentNo);
    bind(q, "refunded_fen", o.refundedFen);
    bind(q, "refund_pending_fen", o.refundPendingFen);
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

void bindPayment(QSqlQuery& q, const PaymentRecord& p)
{
    bind(q, "payment_no", p.paymentNo);
    bind(q, "order_no", p.orderNo);
    bind(q, "kind", int(p.kind));
    bind(q, "wallet", int(p.wallet));
    bind(q, "channel", p.channel);
    bind(q, "amount_fen", p.amount.fen());
    bind(q, "currency", p.amount.currency());
    bind(q, "state", int(p.state));
    bind(q, "version", p.version);
    bind(q, "code_masked", p.codeMasked);
    bind(q, "channel_trade_no", p.channelTradeNo);
    bind(q, "return_code", p.returnCode);
    bind(q, "message", p.message);
    bind(q, "code_url", p.codeUrl);
    bind(q, "created_at_ms", p.createdAtMs);
    bind(q, "updated_at_ms", p.updatedAtMs);
    bind(q, "deadline_at_ms", p.deadlineAtMs);
    bind(q, "poll_count", p.pollCount);
    bind(q, "not_found_alerted", p.notFoundAlerted ? 1 : 0);
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

void bindRefund(QSqlQuery& q, const RefundRecord& r)
{
    bind(q, "refund_no", r.refundNo);
    bind(q, "order_no", r.orderNo);
    bind(q, "payment_no", r.paymentNo);
    bind(q, "request_no", r.requestNo);
    bind(q, "amount_fen", r.amount.fen());
    bind(q, "currency", r.amount.currency());
    bind(q, "reason", r.reason);
    bind(q, "state", int(r.state));
    bind(q, "version", r.version);
    bind(q, "channel_refund_no", r.channelRefundNo);
    bind(q, "return_code", r.returnCode);
    bind(q, "message", r.message);
    bind(q, "created_at_ms", r.createdAtMs);
    bind(q, "updated_at_ms", r.updatedAtMs);
    bind(q, "poll_count", r.pollCount);
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

void bindRevoke(QSqlQuery& q, const RevokeRecord& r)
{
    bind(q, "revoke_no", r.revokeNo);
    bind(q, "payment_no", r.paymentNo);
    bind(q, "order_no", r.orderNo);
    bind(q, "reason", r.reason);
    bind(q, "automatic", r.automatic ? 1 : 0);
    bind(q, "state", int(r.state));
    bind(q, "version", r.version);
    bind(q, "attempts", r.attempts);
    bind(q, "action", r.action);
    bind(q, "return_code", r.returnCode);
    bind(q, "message", r.message);
    bind(q, "created_at_ms", r.createdAtMs);
    bind(q, "updated_at_ms", r.updatedAtMs);
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
    };
}

int SqlStore::insertCommand(const CommandRecord& c)
{
    QSqlQuery& q = m_db.prepared(
        insertSql(QStringLiteral("commands"),
                  QStringLiteral("request_no, kind, fingerprint, target_no, created_at_ms"),
                  QStringLiteral(" ON CONFLICT (request_no) DO NOTHING")));
    bind(q, "request_no", c.requestNo);
    bind(q, "kind", c.kind);
    bind(q, "fingerprint", c.fingerprint);
    bind(q, "target_no", c.targetNo);
    bind(q, "created_at_ms", c.createdAtMs);
    if (!m_db.execWrite(q))
        return -1;
    return q.numRowsAffected() == 1 ? 1 : 0;
}

std::optional<CommandRecord> SqlStore::command(const QString& requestNo)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT request_no, kind, fingerprint, target_no, created_at_ms FROM commands "
        "WHERE request_no = :request_no"));
    bind(q, "request_no", requestNo);
    return readOne<CommandRecord>(m_db, q, [](const QSqlQuery& r) {
        return CommandRecord{str(r, 0), str(r, 1), str(r, 2), str(r, 3), r.value(4).toLongLong()};
    });
}

bool SqlStore::deleteCommand(const QString& requestNo)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("DELETE FROM commands WHERE request_no = :request_no"));
    bind(q, "request_no", requestNo);
    return m_db.execWrite(q);
}

bool SqlStore::insertOrder(const OrderRecord& o)
{
    QSqlQuery& q = m_db.prepared(insertSql(QStringLiteral("orders"), kOrderCols));
    bindOrder(q, o);
    return m_db.execWrite(q);
}

bool SqlStore::updateOrder(const OrderRecord& o, int expectedVersion)
{
    QSqlQuery& q = m_db.prepared(updateSql(QStringLiteral("orders"), kOrderCols,
                                           QStringLiteral("order_no")));
    bindOrder(q, o);
    bind(q, "expected_version", expectedVersion);
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

std::optional<OrderRecord> SqlStore::order(const QString& orderNo)
{
    QSqlQuery& q = m_db.prepared(
        selectSql(QStringLiteral("orders"), kOrderCols, QStringLiteral("order_no = :order_no")));
    bind(q, "order_no", orderNo);
    return readOne<OrderRecord>(m_db, q, readOrder);
}

QList<OrderRecord> SqlStore::orders(const OrderFilter& f)
{
    // One fixed statement: unused filters are neutralised by their values, so
    // no SQL is ever assembled from user input.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT %1 FROM orders o WHERE (:state = 0 OR o.state = :state)"
        " AND o.created_at_ms >= :since"
        " AND (:before = '' OR o.order_no < :before)"
        " AND (:search = '' OR o.order_no = :search OR o.request_no = :search"
        "  OR EXISTS (SELECT 1 FROM payments p WHERE p.order_no = o.order_no AND"
        "   (p.payment_no = :search OR p.channel_trade_no = :search"
        "    OR (LENGTH(:search) = 4 AND p.code_masked LIKE '%' || :search)))"
        "  OR EXISTS (SELECT 1 FROM refunds r WHERE r.order_no = o.order_no AND"
        "   (r.refund_no = :search OR r.channel_refund_no = :search)))"
        " ORDER BY o.order_no DESC LIMIT :limit")
                                     .arg(QStringLiteral("o.order_no, o.request_no, o.amount_fen, o.currency,"
                                                         " o.subject, o.store_id, o.terminal_id, o.state, o.version,"
                                                         " o.created_at_ms, o.updated_at_ms, o.paid_payment_no,"
                                                         " o.refunded_fen, o.refund_pending_fen")));
    bind(q, "state", f.state);
    bind(q, "since", f.sinceMs);
    bind(q, "before", f.beforeOrderNo);
    bind(q, "search", f.search.trimmed());
    bind(q, "limit", f.limit);
    return readAll<OrderRecord>(m_db, q, readOrder);
}

bool SqlStore::insertPayment(const PaymentRecord& p)
{
    QSqlQuery& q = m_db.prepared(insertSql(QStringLiteral("payments"), kPaymentCols));
    bindPayment(q, p);
    return m_db.execWrite(q);
}

bool SqlStore::updatePayment(const PaymentRecord& p, int expectedVersion)
{
    QSqlQuery& q = m_db.prepared(updateSql(QStringLiteral("payments"), kPaymentCols,
                                           QStringLiteral("payment_no")));
    bindPayment(q, p);
    bind(q, "expected_version", expectedVersion);
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

std::optional<PaymentRecord> SqlStore::payment(const QString& paymentNo)
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("payments"), kPaymentCols,
                                           QStringLiteral("payment_no = :payment_no")));
    bind(q, "payment_no", paymentNo);
    return readOne<PaymentRecord>(m_db, q, readPayment);
}

QList<PaymentRecord> SqlStore::paymentsOfOrder(const QString& orderNo)
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("payments"), kPaymentCols,
                                           QStringLiteral("order_no = :order_no ORDER BY payment_no")));
    bind(q, "order_no", orderNo);
    return readAll<PaymentRecord>(m_db, q, readPayment);
}

QList<PaymentRecord> SqlStore::unfinishedPayments()
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("payments"), kPaymentCols,
                                           QStringLiteral("state IN (1, 2) ORDER BY payment_no")));
    return readAll<PaymentRecord>(m_db, q, readPayment);
}

bool SqlStore::insertRefund(const RefundRecord& r)
{
    QSqlQuery& q = m_db.prepared(insertSql(QStringLiteral("refunds"), kRefundCols));
    bindRefund(q, r);
    return m_db.execWrite(q);
}

bool SqlStore::updateRefund(const RefundRecord& r, int expectedVersion)
{
    QSqlQuery& q = m_db.prepared(updateSql(QStringLiteral("refunds"), kRefundCols,
                                           QStringLiteral("refund_no")));
    bindRefund(q, r);
    bind(q, "expected_version", expectedVersion);
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

std::optional<RefundRecord> SqlStore::refund(const QString& refundNo)
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("refunds"), kRefundCols,
                                           QStringLiteral("refund_no = :refund_no")));
    bind(q, "refund_no", refundNo);
    return readOne<RefundRecord>(m_db, q, readRefund);
}

QList<RefundRecord> SqlStore::refundsOfOrder(const QString& orderNo)
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("refunds"), kRefundCols,
                                           QStringLiteral("order_no = :order_no ORDER BY refund_no")));
    bind(q, "order_no", orderNo);
    return readAll<RefundRecord>(m_db, q, readRefund);
}

QList<RefundRecord> SqlStore::unfinishedRefunds()
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("refunds"), kRefundCols,
                                           QStringLiteral("state IN (1, 2) ORDER BY refund_no")));
    return readAll<RefundRecord>(m_db, q, readRefund);
}

int SqlStore::insertRevoke(const RevokeRecord& r)
{
    QSqlQuery& q = m_db.prepared(insertSql(QStringLiteral("revokes"), kRevokeCols,
                                           QStringLiteral(" ON CONFLICT (payment_no) DO NOTHING")));
    bindRevoke(q, r);
    if (!m_db.execWrite(q))
        return -1;
    return q.numRowsAffected() == 1 ? 1 : 0;
}

bool SqlStore::updateRevoke(const RevokeRecord& r, int expectedVersion)
{
    QSqlQuery& q = m_db.prepared(updateSql(QStringLiteral("revokes"), kRevokeCols,
                                           QStringLiteral("revoke_no")));
    bindRevoke(q, r);
    bind(q, "expected_version", expectedVersion);
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

std::optional<RevokeRecord> SqlStore::revokeOfPayment(const QString& paymentNo)
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("revokes"), kRevokeCols,
                                           QStringLiteral("payment_no = :payment_no")));
    bind(q, "payment_no", paymentNo);
    return readOne<RevokeRecord>(m_db, q, readRevoke);
}

QList<RevokeRecord> SqlStore::revokesOfOrder(const QString& orderNo)
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("revokes"), kRevokeCols,
                                           QStringLiteral("order_no = :order_no ORDER BY revoke_no")));
    bind(q, "order_no", orderNo);
    return readAll<RevokeRecord>(m_db, q, readRevoke);
}

QList<RevokeRecord> SqlStore::unfinishedRevokes()
{
    QSqlQuery& q = m_db.prepared(selectSql(QStringLiteral("revokes"), kRevokeCols,
                                           QStringLiteral("state IN (1, 2) ORDER BY revoke_no")));
    return readAll<RevokeRecord>(m_db, q, readRevoke);
}

bool SqlStore::appendEvent(const TrackEvent& e)
{
    QSqlQuery& q = m_db.prepared(insertSql(QStringLiteral("events"), kEventCols));
    bind(q, "order_no", e.orderNo);
    bind(q, "at_ms", e.atMs);
    bind(q, "source", e.source);
    bind(q, "kind", e.kind);
    bind(q, "entity", e.entity);
    bind(q, "from_state", e.fromState);
    bind(q, "to_state", e.toState);
    bind(q, "message", e.message);
    bind(q, "raw", e.raw);
    bind(q, "alert_level", int(e.alert));
    return m_db.execWrite(q);
}

QList<TrackEvent> SqlStore::events(const QString& orderNo)
{
    QSqlQuery& q = m_db.prepared(
        selectSql(QStringLiteral("events"), QStringLiteral("id, ") + kEventCols,
                  QStringLiteral("order_no = :order_no ORDER BY id")));
    bind(q, "order_no", orderNo);
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
        return e;
    });
}

qint64 SqlStore::appendAlert(const AlertRecord& a)
{
    QSqlQuery& q = m_db.prepared(
        insertSql(QStringLiteral("alerts"), kAlertCols, QStringLiteral(" RETURNING id")));
    bind(q, "at_ms", a.atMs);
    bind(q, "level", int(a.level));
    bind(q, "kind", a.kind);
    bind(q, "order_no", a.orderNo);
    bind(q, "message", a.message);
    bind(q, "acknowledged_by", a.acknowledgedBy);
    bind(q, "acknowledged_at_ms", a.acknowledgedAtMs);
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
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT id, %1 FROM alerts WHERE (:open = 0 OR acknowledged_at_ms = 0) "
                       "ORDER BY id DESC LIMIT :limit")
            .arg(kAlertCols));
    bind(q, "open", unacknowledgedOnly ? 1 : 0);
    bind(q, "limit", limit);
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
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "UPDATE alerts SET acknowledged_by = :who, acknowledged_at_ms = :at "
        "WHERE id = :id AND acknowledged_at_ms = 0"));
    bind(q, "who", who);
    bind(q, "at", atMs);
    bind(q, "id", id);
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

std::optional<QString> SqlStore::meta(const QString& key)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT value FROM meta WHERE key = :key"));
    bind(q, "key", key);
    return readOne<QString>(m_db, q, [](const QSqlQuery& r) { return str(r, 0); });
}

bool SqlStore::setMeta(const QString& key, const QString& value)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("INSERT INTO meta (key, value) VALUES (:key, :value) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    bind(q, "key", key);
    bind(q, "value", value);
    return m_db.execWrite(q);
}

} // namespace paydesk
