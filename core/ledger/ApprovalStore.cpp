#include "ledger/ApprovalStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace paydesk {

namespace {

const char kCols[] =
    "id, kind, merchant_id, account, counter_account, amount_fen, currency, reason,"
    " state, proposed_by, decided_by, decision_note, proposed_at_ms, decided_at_ms,"
    " business_date, version, request_no, fingerprint";

ApprovalRecord readRecord(const QSqlQuery& q)
{
    ApprovalRecord r;
    r.id = q.value(0).toLongLong();
    r.kind = q.value(1).toString();
    r.merchantId = q.value(2).toString();
    r.account = q.value(3).toString();
    r.counterAccount = q.value(4).toString();
    r.amountFen = q.value(5).toLongLong();
    r.currency = q.value(6).toString();
    r.reason = q.value(7).toString();
    r.state = ApprovalState(q.value(8).toInt());
    r.proposedBy = q.value(9).toString();
    r.decidedBy = q.value(10).toString();
    r.decisionNote = q.value(11).toString();
    r.proposedAtMs = q.value(12).toLongLong();
    r.decidedAtMs = q.value(13).toLongLong();
    r.businessDate = QDate::fromString(q.value(14).toString(), Qt::ISODate);
    r.version = q.value(15).toInt();
    r.requestNo = q.value(16).toString();
    r.fingerprint = q.value(17).toString();
    return r;
}

} // namespace

QStringList ApprovalStore::migrations()
{
    return {QStringLiteral(R"SQL(
CREATE TABLE approvals (
  id {{ID}},
  kind TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  account TEXT NOT NULL,
  counter_account TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  state INTEGER NOT NULL,
  proposed_by TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decision_note TEXT NOT NULL,
  proposed_at_ms BIGINT NOT NULL,
  decided_at_ms BIGINT NOT NULL,
  business_date TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX approvals_day ON approvals (kind, merchant_id, business_date)
)SQL"),
            // Wallet withdrawals are idempotent by the member's request number;
            // their limits are per member, i.e. per wallet account.
            QStringLiteral(R"SQL(
ALTER TABLE approvals ADD COLUMN request_no TEXT NOT NULL DEFAULT '';
ALTER TABLE approvals ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX approvals_request ON approvals (request_no) WHERE request_no <> '';
CREATE INDEX approvals_account_day ON approvals (kind, account, business_date)
)SQL")};
}

QString ApprovalStore::lastError() const
{
    return m_db.lastError();
}

std::optional<qint64> ApprovalStore::insert(const ApprovalRecord& r)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO approvals (kind, merchant_id, account, counter_account, amount_fen, currency,"
        " reason, state, proposed_by, decided_by, decision_note, proposed_at_ms, decided_at_ms,"
        " business_date, version, request_no, fingerprint)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
        "RETURNING id"));
    int i = 0;
    bindAt(q, i++, r.kind);
    bindAt(q, i++, r.merchantId);
    bindAt(q, i++, notNull(r.account));
    bindAt(q, i++, notNull(r.counterAccount));
    bindAt(q, i++, r.amountFen);
    bindAt(q, i++, r.currency);
    bindAt(q, i++, notNull(r.reason));
    bindAt(q, i++, int(r.state));
    bindAt(q, i++, r.proposedBy);
    bindAt(q, i++, notNull(r.decidedBy));
    bindAt(q, i++, notNull(r.decisionNote));
    bindAt(q, i++, r.proposedAtMs);
    bindAt(q, i++, r.decidedAtMs);
    bindAt(q, i++, r.businessDate.toString(Qt::ISODate));
    bindAt(q, i++, r.version);
    bindAt(q, i++, notNull(r.requestNo));
    bindAt(q, i++, notNull(r.fingerprint));
    if (!m_db.execWrite(q))
        return std::nullopt;
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

bool ApprovalStore::update(const ApprovalRecord& r, int expectedVersion)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "UPDATE approvals SET state = ?, decided_by = ?, decision_note = ?, decided_at_ms = ?,"
        " version = ? WHERE id = ? AND version = ?"));
    bindAt(q, 0, int(r.state));
    bindAt(q, 1, notNull(r.decidedBy));
    bindAt(q, 2, notNull(r.decisionNote));
    bindAt(q, 3, r.decidedAtMs);
    bindAt(q, 4, r.version);
    bindAt(q, 5, r.id);
    bindAt(q, 6, expectedVersion);
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

std::optional<ApprovalRecord> ApprovalStore::byNumber(const QString& number)
{
    if (number.size() < 3)
        return std::nullopt;
    const QString kind = ApprovalRecord::kindOfNumber(number);
    bool ok = false;
    const qint64 id = number.mid(2).toLongLong(&ok);
    if (kind.isEmpty() || !ok)
        return std::nullopt;
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM approvals WHERE id = ? AND kind = ?").arg(QLatin1String(kCols)));
    bindAt(q, 0, id);
    bindAt(q, 1, kind);
    return readOne(q);
}

std::optional<ApprovalRecord> ApprovalStore::byRequest(const QString& requestNo)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM approvals WHERE request_no = ? AND request_no <> ''")
            .arg(QLatin1String(kCols)));
    bindAt(q, 0, requestNo);
    return readOne(q);
}

std::optional<ApprovalRecord> ApprovalStore::readOne(QSqlQuery& q)
{
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<ApprovalRecord> out;
    if (q.next())
        out = readRecord(q);
    q.finish();
    return out;
}

QList<ApprovalRecord> ApprovalStore::list(const QString& kind, int limit, const QString& account)
{
    const bool all = account.isEmpty();
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM approvals WHERE kind = ?%2 ORDER BY id DESC LIMIT ?")
            .arg(QLatin1String(kCols), all ? QString() : QStringLiteral(" AND account = ?")));
    int i = 0;
    bindAt(q, i++, kind);
    if (!all)
        bindAt(q, i++, account);
    bindAt(q, i++, limit);
    QList<ApprovalRecord> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << readRecord(q);
    q.finish();
    return out;
}

std::optional<DayUsage> ApprovalStore::usage(const QString& kind, const QString& account,
                                             const QDate& day)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM approvals WHERE kind = ?"
                       " AND account = ? AND business_date = ? AND state <> 3"));
    bindAt(q, 0, kind);
    bindAt(q, 1, account);
    bindAt(q, 2, day.toString(Qt::ISODate));
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    DayUsage u{q.value(0).toLongLong(), q.value(1).toLongLong()};
    q.finish();
    return u;
}

} // namespace paydesk
