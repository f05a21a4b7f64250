#include "access/TerminalStore.h"

#include "store/Database.h"

#include <QSqlQuery>

namespace paydesk {

QStringList TerminalStore::migrations()
{
    return {QStringLiteral(R"SQL(
CREATE TABLE terminals (
  store_id TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  state INTEGER NOT NULL,
  code_sha256 TEXT NOT NULL,
  code_expires_at_ms BIGINT NOT NULL,
  secret TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  enrolled_at_ms BIGINT NOT NULL,
  disabled_at_ms BIGINT NOT NULL,
  refusals BIGINT NOT NULL,
  PRIMARY KEY (store_id, terminal_id)
)
)SQL")};
}

QString TerminalStore::lastError() const
{
    return m_db.lastError();
}

bool TerminalStore::put(const Row& row)
{
    const TerminalRecord& t = row.record;
    QSqlQuery& del = m_db.prepared(
        QStringLiteral("DELETE FROM terminals WHERE store_id = ? AND terminal_id = ?"));
    bindAt(del, 0, t.storeId);
    bindAt(del, 1, t.terminalId);
    if (!m_db.execWrite(del))
        return false;
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO terminals (store_id, terminal_id, state, code_sha256, code_expires_at_ms, "
        "secret, created_at_ms, enrolled_at_ms, disabled_at_ms, refusals) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindAt(q, 0, t.storeId);
    bindAt(q, 1, t.terminalId);
    bindAt(q, 2, int(t.state));
    // Empty, never NULL: the columns are NOT NULL.
    bindAt(q, 3, QString::fromLatin1(row.codeSha256).append(QLatin1String("")));
    bindAt(q, 4, t.codeExpiresAtMs);
    bindAt(q, 5, QString::fromLatin1(row.secret).append(QLatin1String("")));
    bindAt(q, 6, t.createdAtMs);
    bindAt(q, 7, t.enrolledAtMs);
    bindAt(q, 8, t.disabledAtMs);
    bindAt(q, 9, t.refusals);
    return m_db.execWrite(q);
}

bool TerminalStore::addRefusals(const QString& storeId, const QString& terminalId, qint64 count)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "UPDATE terminals SET refusals = refusals + ? WHERE store_id = ? AND terminal_id = ?"));
    bindAt(q, 0, count);
    bindAt(q, 1, storeId);
    bindAt(q, 2, terminalId);
    return m_db.execWrite(q);
}

std::optional<QList<TerminalStore::Row>> TerminalStore::all()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT store_id, terminal_id, state, code_sha256, code_expires_at_ms, secret, "
        "created_at_ms, enrolled_at_ms, disabled_at_ms, refusals FROM terminals "
        "ORDER BY store_id, terminal_id"));
    if (!m_db.execRead(q))
        return std::nullopt;
    QList<Row> rows;
    while (q.next()) {
        Row r;
        r.record.storeId = q.value(0).toString();
        r.record.terminalId = q.value(1).toString();
        r.record.state = TerminalState(q.value(2).toInt());
        r.codeSha256 = q.value(3).toString().toLatin1();
        r.record.codeExpiresAtMs = q.value(4).toLongLong();
        r.secret = q.value(5).toString().toLatin1();
        r.record.createdAtMs = q.value(6).toLongLong();
        r.record.enrolledAtMs = q.value(7).toLongLong();
        r.record.disabledAtMs = q.value(8).toLongLong();
        r.record.refusals = q.value(9).toLongLong();
        rows << r;
    }
    q.finish();
    return rows;
}

} // namespace paydesk
