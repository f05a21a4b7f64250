#include "sandbox/acquirer/TradeStore.h"

#include "common/ChinaTime.h"
#include "sandbox/acquirer/TradeSchema.h"

#include <QVariant>

namespace paydesk::sandbox {

namespace {

constexpr qint64 kMsPerDay = 24 * 3600 * 1000;
// China time is UTC+8 all year: a China day starts this much before UTC's.
constexpr qint64 kChinaOffsetMs = 8 * 3600 * 1000;
// Counter digits in a trade number: 10^12 a day outlasts any sandbox.
constexpr int kNumberDigits = 12;

void bindMutable(QSqlQuery& q, const Trade& t)
{
    bind(q, "payment_no", t.paymentNo);
    bind(q, "behaviour", int(t.behaviour));
    bind(q, "parameter", t.parameter);
    bind(q, "state", t.state);
    bind(q, "paid_at_ms", t.paidAtMs);
    bind(q, "revoke_failures_left", t.revokeFailuresLeft);
    bind(q, "refunded_fen", t.refundedFen);
    bind(q, "auth_code_masked", t.authCodeMasked);
    bind(q, "settles_at_ms", t.settlesAtMs);
    bind(q, "revoke_action", t.revokeAction);
    bind(q, "error_code", t.errorCode);
    bind(q, "revoked_at_ms", t.revokedAtMs);
}

} // namespace

void bind(QSqlQuery& q, const char* name, const QVariant& v)
{
    q.bindValue(QLatin1Char(':') + QLatin1String(name), v);
}

QString text(const QSqlQuery& q, int column)
{
    const QVariant v = q.value(column);
    return v.isNull() ? QString() : v.toString();
}

const QString& TradeStore::tradeColumns()
{
    static const QString columns = QStringLiteral(
        "payment_no, channel, kind, behaviour, parameter, amount_fen, currency, state,"
        " created_at_ms, paid_at_ms, trade_no, revoke_failures_left, refunded_fen, code_url,"
        " auth_code_masked, settles_at_ms, expire_at_ms, revoke_action, error_code, tombstone,"
        " revoked_at_ms");
    return columns;
}

Trade TradeStore::readTrade(const QSqlQuery& q)
{
    Trade t;
    t.paymentNo = text(q, 0);
    t.channel = text(q, 1);
    t.kind = text(q, 2);
    t.behaviour = SandboxBehaviour(q.value(3).toInt());
    t.parameter = q.value(4).toInt();
    t.amountFen = q.value(5).toLongLong();
    t.currency = text(q, 6);
    t.state = text(q, 7);
    t.createdAtMs = q.value(8).toLongLong();
    t.paidAtMs = q.value(9).toLongLong();
    t.tradeNo = text(q, 10);
    t.revokeFailuresLeft = q.value(11).toInt();
    t.refundedFen = q.value(12).toLongLong();
    t.codeUrl = text(q, 13);
    t.authCodeMasked = text(q, 14);
    t.settlesAtMs = q.value(15).toLongLong();
    t.expireAtMs = q.value(16).toLongLong();
    t.revokeAction = text(q, 17);
    t.errorCode = text(q, 18);
    t.tombstone = q.value(19).toInt() != 0;
    t.revokedAtMs = q.value(20).toLongLong();
    return t;
}

QString TradeStore::open(const DatabaseConfig& config)
{
    const QString error = m_db.open(config, QStringLiteral("sandbox"), tradeSchemaMigrations());
    if (!error.isEmpty())
        return error;
    if (!loadCounter(m_tradeCounter) || !loadCounter(m_refundCounter))
        return QStringLiteral("cannot read the sandbox counters: ") + m_db.lastError();
    return QString();
}

// Forward-only: a scrollable result caches rows and clearing that cache on
// every exec cost more than the lookup itself.
bool TradeStore::read(QSqlQuery& s)
{
    s.setForwardOnly(true);
    return m_db.execRead(s);
}

std::optional<Trade> TradeStore::load(const QString& paymentNo, bool* ok)
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM sandbox_trades WHERE payment_no = :payment_no")
            .arg(tradeColumns());
    QSqlQuery& s = m_db.prepared(sql);
    bind(s, "payment_no", paymentNo);
    *ok = read(s);
    std::optional<Trade> out;
    if (*ok && s.next())
        out = readTrade(s);
    s.finish();
    return out;
}

bool TradeStore::insert(const Trade& t, bool* ok)
{
    static const QString sql =
        QStringLiteral("INSERT INTO sandbox_trades (%1) VALUES (:payment_no, :channel, :kind,"
                       " :behaviour, :parameter, :amount_fen, :currency, :state,"
                       " :created_at_ms, :paid_at_ms, :trade_no, :revoke_failures_left,"
                       " :refunded_fen, :code_url, :auth_code_masked, :settles_at_ms,"
                       " :expire_at_ms, :revoke_action, :error_code, :tombstone, :revoked_at_ms)"
                       " ON CONFLICT (payment_no) DO NOTHING")
            .arg(tradeColumns());
    QSqlQuery& s = m_db.prepared(sql);
    bindMutable(s, t);
    bind(s, "channel", t.channel);
    bind(s, "kind", t.kind);
    bind(s, "amount_fen", t.amountFen);
    bind(s, "currency", t.currency);
    bind(s, "created_at_ms", t.createdAtMs);
    bind(s, "trade_no", t.tradeNo);
    bind(s, "code_url", t.codeUrl);
    bind(s, "expire_at_ms", t.expireAtMs);
    bind(s, "tombstone", t.tombstone ? 1 : 0);
    *ok = m_db.execWrite(s);
    return *ok && s.numRowsAffected() > 0;
}

bool TradeStore::update(const Trade& t)
{
    QSqlQuery& s = m_db.prepared(QStringLiteral(
        "UPDATE sandbox_trades SET behaviour = :behaviour, parameter = :parameter,"
        " state = :state, paid_at_ms = :paid_at_ms,"
        " revoke_failures_left = :revoke_failures_left, refunded_fen = :refunded_fen,"
        " auth_code_masked = :auth_code_masked, settles_at_ms = :settles_at_ms,"
        " revoke_action = :revoke_action, error_code = :error_code,"
        " revoked_at_ms = :revoked_at_ms WHERE payment_no = :payment_no"));
    bindMutable(s, t);
    return m_db.execWrite(s);
}

bool TradeStore::insertNotifyTarget(const QString& paymentNo, const SandboxNotifyTarget& to)
{
    QSqlQuery& s = m_db.prepared(QStringLiteral(
        "INSERT INTO sandbox_notify_targets (payment_no, protocol, url, account, sign_type)"
        " VALUES (:payment_no, :protocol, :url, :account, :sign_type)"));
    bind(s, "payment_no", paymentNo);
    bind(s, "protocol", notNull(to.protocol));
    bind(s, "url", to.url);
    bind(s, "account", notNull(to.account));
    bind(s, "sign_type", notNull(to.signType));
    return m_db.execWrite(s);
}

QStringList TradeStore::qrTradesSettlingLater(bool* ok)
{
    QSqlQuery& s = m_db.prepared(
        QStringLiteral("SELECT payment_no FROM sandbox_trades WHERE kind = :kind AND state = :state"
                       " AND settles_at_ms > 0"));
    bind(s, "kind", kQr);
    bind(s, "state", kUserPaying);
    QStringList out;
    *ok = read(s);
    if (!*ok)
        return out;
    while (s.next())
        out << s.value(0).toString();
    s.finish();
    return out;
}

std::optional<RefundRow> TradeStore::loadRefund(const QString& refundNo, bool* ok)
{
    QSqlQuery& s = m_db.prepared(
        QStringLiteral("SELECT payment_no, amount_fen, currency, state, refund_id, created_at_ms"
                       " FROM sandbox_refunds WHERE refund_no = :r"));
    bind(s, "r", refundNo);
    *ok = read(s);
    std::optional<RefundRow> out;
    if (*ok && s.next()) {
        RefundRow r;
        r.refundNo = refundNo;
        r.paymentNo = text(s, 0);
        r.amountFen = s.value(1).toLongLong();
        r.currency = text(s, 2);
        r.state = text(s, 3);
        r.refundId = text(s, 4);
        r.createdAtMs = s.value(5).toLongLong();
        out = r;
    }
    s.finish();
    return out;
}

bool TradeStore::insertRefund(const RefundRow& r)
{
    QSqlQuery& s = m_db.prepared(QStringLiteral(
        "INSERT INTO sandbox_refunds (refund_no, payment_no, amount_fen, currency, state,"
        " refund_id, created_at_ms) VALUES (:refund_no, :payment_no, :amount_fen, :currency,"
        " :state, :refund_id, :created_at_ms)"));
    bind(s, "refund_no", r.refundNo);
    bind(s, "payment_no", r.paymentNo);
    bind(s, "amount_fen", r.amountFen);
    bind(s, "currency", r.currency);
    bind(s, "state", r.state);
    bind(s, "refund_id", r.refundId);
    bind(s, "created_at_ms", r.createdAtMs);
    return m_db.execWrite(s);
}

bool TradeStore::nextTradeNo(qint64 nowMs, QString* out)
{
    qint64 number = 0;
    if (!take(m_tradeCounter, &number))
        return false;
    *out = numberText(QStringLiteral("SBX"), nowMs, number);
    return true;
}

bool TradeStore::nextRefundId(qint64 nowMs, QString* out)
{
    qint64 number = 0;
    if (!take(m_refundCounter, &number))
        return false;
    *out = numberText(QStringLiteral("SBXR"), nowMs, number);
    return true;
}

QString TradeStore::numberText(const QString& prefix, qint64 nowMs, qint64 value)
{
    // Formatting a zoned date costs more than the rest of a payment: reuse
    // it for the whole (China) day.
    const qint64 day = (nowMs + kChinaOffsetMs) / kMsPerDay;
    if (day != m_numberDay) {
        m_numberDay = day;
        m_numberDate = chinaTime(nowMs).toString(QStringLiteral("yyyyMMdd"));
    }
    return prefix + m_numberDate +
           QString::number(value).rightJustified(kNumberDigits, QLatin1Char('0'));
}

bool TradeStore::loadCounter(Counter& c)
{
    QSqlQuery& s =
        m_db.prepared(QStringLiteral("SELECT value FROM sandbox_counters WHERE name = :name"));
    bind(s, "name", QString::fromLatin1(c.name));
    if (!read(s) || !s.next())
        return false;
    c.value = c.reserved = s.value(0).toLongLong();
    s.finish();
    return true;
}

// Numbers come from counters kept in the database, so they are deterministic
// and survive a restart. A block of numbers is reserved in the transaction of
// the row that takes its first one: a restart skips the rest of the block (a
// gap), never reuses a number.
bool TradeStore::take(Counter& c, qint64* value)
{
    if (c.value >= c.reserved) {
        // Read again under the write lock: another process on the same
        // sandbox.db may have reserved blocks since this one loaded.
        if (!m_db.beginWrite())
            return false;
        QSqlQuery& r =
            m_db.prepared(QStringLiteral("SELECT value FROM sandbox_counters WHERE name = :name"));
        bind(r, "name", QString::fromLatin1(c.name));
        if (!read(r) || !r.next())
            return false;
        c.value = qMax(c.value, r.value(0).toLongLong());
        r.finish();
        const qint64 upTo = c.value + c.block;
        QSqlQuery& s = m_db.prepared(
            QStringLiteral("UPDATE sandbox_counters SET value = :value WHERE name = :name"));
        bind(s, "value", upTo);
        bind(s, "name", QString::fromLatin1(c.name));
        if (!m_db.execWrite(s))
            return false;
        c.reserved = upTo;
    }
    *value = ++c.value;
    return true;
}

} // namespace paydesk::sandbox
