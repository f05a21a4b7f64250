#include "ledger/WalletStore.h"

#include "api/types/Accounts.h"
#include "ledger/ApprovalStore.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace paydesk {

namespace {

const char kCols[] = "id, request_no, fingerprint, member_id, kind, amount_fen, currency, ref, note, by_user, at_ms";

WalletOp readOp(const QSqlQuery& q)
{
    WalletOp o;
    o.id = q.value(0).toLongLong();
    o.requestNo = q.value(1).toString();
    o.fingerprint = q.value(2).toString();
    o.memberId = q.value(3).toString();
    o.kind = WalletOpKind(q.value(4).toInt());
    o.amount = Money::fromFen(q.value(5).toLongLong(), q.value(6).toString());
    o.ref = q.value(7).toString();
    o.note = q.value(8).toString();
    o.by = q.value(9).toString();
    o.atMs = q.value(10).toLongLong();
    return o;
}

} // namespace

QStringList WalletStore::migrations()
{
    // The partial unique index is what makes a sale payable once from a
    // wallet, however many times (and with whatever request numbers) the
    // member presses "pay" (tst_seed_scenarios: frantic clicks).
    return {QStringLiteral(R"SQL(
CREATE TABLE wallet_members (
  member_id TEXT PRIMARY KEY,
  created_at_ms BIGINT NOT NULL
);
CREATE TABLE wallet_ops (
  id {{ID}},
  request_no TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES wallet_members (member_id),
  kind INTEGER NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  currency TEXT NOT NULL,
  ref TEXT NOT NULL,
  note TEXT NOT NULL,
  by_user TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX wallet_ops_once ON wallet_ops (kind, ref) WHERE kind IN (2, 3);
CREATE INDEX wallet_ops_member ON wallet_ops (member_id, id);
CREATE INDEX wallet_ops_ref ON wallet_ops (ref)
)SQL")};
}

QString WalletStore::lastError() const
{
    return m_db.lastError();
}

bool WalletStore::ensureMember(const QString& memberId, qint64 atMs)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO wallet_members (member_id, created_at_ms) VALUES (?, ?) ON CONFLICT (member_id) DO NOTHING"));
    bindAt(q, 0, memberId);
    bindAt(q, 1, atMs);
    return m_db.execWrite(q);
}

bool WalletStore::memberExists(const QString& memberId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT 1 FROM wallet_members WHERE member_id = ?"));
    bindAt(q, 0, memberId);
    const bool found = m_db.execRead(q) && q.next();
    q.finish();
    return found;
}

QStringList WalletStore::members()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT member_id FROM wallet_members ORDER BY member_id"));
    QStringList out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

int WalletStore::insertOp(WalletOp& op)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO wallet_ops (request_no, fingerprint, member_id, kind, amount_fen, currency, ref,"
        " note, by_user, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"));
    int i = 0;
    bindAt(q, i++, op.requestNo);
    bindAt(q, i++, op.fingerprint);
    bindAt(q, i++, op.memberId);
    bindAt(q, i++, int(op.kind));
    bindAt(q, i++, op.amount.fen());
    bindAt(q, i++, op.amount.currency());
    bindAt(q, i++, notNull(op.ref));
    bindAt(q, i++, notNull(op.note));
    bindAt(q, i++, notNull(op.by));
    bindAt(q, i++, op.atMs);
    if (!m_db.execWrite(q))
        return -1;
    int out = 0;
    if (q.next()) {
        op.id = q.value(0).toLongLong();
        out = 1;
    }
    q.finish();
    return out;
}

std::optional<WalletOp> WalletStore::one(const QString& where, const QVariantList& binds)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM wallet_ops WHERE %2").arg(QLatin1String(kCols), where));
    for (int i = 0; i < binds.size(); ++i)
        bindAt(q, i, binds[i]);
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<WalletOp> out;
    if (q.next())
        out = readOp(q);
    q.finish();
    return out;
}

std::optional<WalletOp> WalletStore::opByRequest(const QString& requestNo)
{
    return one(QStringLiteral("request_no = ?"), {requestNo});
}

std::optional<WalletOp> WalletStore::opByKindRef(WalletOpKind kind, const QString& ref)
{
    return one(QStringLiteral("kind = ? AND ref = ?"), {int(kind), ref});
}

std::optional<WalletOp> WalletStore::opByNumber(const QString& number)
{
    bool ok = false;
    const qint64 id = number.startsWith(QLatin1String("WO")) ? number.mid(2).toLongLong(&ok) : 0;
    if (!ok)
        return std::nullopt;
    return one(QStringLiteral("id = ?"), {id});
}

QList<WalletOp> WalletStore::opsOfMember(const QString& memberId, int limit)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM wallet_ops WHERE member_id = ? ORDER BY id DESC LIMIT ?").arg(QLatin1String(kCols)));
    bindAt(q, 0, memberId);
    bindAt(q, 1, limit);
    QList<WalletOp> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << readOp(q);
    q.finish();
    return out;
}

std::optional<qint64> WalletStore::refundedFen(const QString& payOpNumber)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT COALESCE(SUM(amount_fen), 0) FROM wallet_ops WHERE kind = 4 AND ref = ?"));
    bindAt(q, 0, payOpNumber);
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    const qint64 v = q.value(0).toLongLong();
    q.finish();
    return v;
}

std::optional<WalletTotals> WalletStore::totals(const QString& memberId)
{
    // Withdrawals are maker-checker requests (the approvals table, states
    // 1 requested, 2 approved = paid out): read here so that `wallet show`
    // and the internal check see one set of figures.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT COALESCE(SUM(CASE WHEN kind IN (1, 2) THEN amount_fen ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN kind = 4 THEN amount_fen ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN kind = 3 THEN amount_fen ELSE 0 END), 0),"
        " (SELECT COALESCE(SUM(amount_fen), 0) FROM approvals WHERE kind = ? AND "
        "account = ? AND state = ?),"
        " (SELECT COALESCE(SUM(amount_fen), 0) FROM approvals WHERE kind = ? AND "
        "account = ? AND state = ?)"
        " FROM wallet_ops WHERE member_id = ?"));
    const QString wallet = accounts::wallet(memberId);
    bindAt(q, 0, approvalkind::withdrawal);
    bindAt(q, 1, wallet);
    bindAt(q, 2, int(ApprovalState::Approved)); // paid out
    bindAt(q, 3, approvalkind::withdrawal);
    bindAt(q, 4, wallet);
    bindAt(q, 5, int(ApprovalState::Requested)); // held
    bindAt(q, 6, memberId);
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    WalletTotals t;
    t.topUpsFen = q.value(0).toLongLong();
    t.refundsInFen = q.value(1).toLongLong();
    t.spentFen = q.value(2).toLongLong();
    t.withdrawnFen = q.value(3).toLongLong();
    t.heldFen = q.value(4).toLongLong();
    q.finish();
    return t;
}

} // namespace paydesk
