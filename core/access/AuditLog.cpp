#include "access/AuditLog.h"

#include "api/types/RoleMatrix.h"
#include "common/Clock.h"
#include "store/Database.h"

#include <QSqlQuery>

namespace paydesk {

namespace {

QStringList migrations()
{
    return {QStringLiteral(R"SQL(
CREATE TABLE audit_log (
  id {{ID}},
  at_ms BIGINT NOT NULL,
  user_name TEXT NOT NULL,
  terminal TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  outcome TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at_ms);
CREATE INDEX audit_log_user ON audit_log (user_name, at_ms)
)SQL")};
}

} // namespace

AuditLog::AuditLog(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

QString AuditLog::open()
{
    return m_db.migrate(QStringLiteral("audit"), migrations());
}

qint64 AuditLog::begin(const AuditEntry& e)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("INSERT INTO audit_log (at_ms, user_name, terminal, action, subject, "
                       "detail, outcome, message) VALUES (?, ?, ?, ?, ?, ?, '', '') RETURNING id"));
    bindAt(q, 0, m_clock.nowMs());
    bindAt(q, 1, notNull(e.user));
    bindAt(q, 2, notNull(e.terminal));
    bindAt(q, 3, notNull(e.action));
    bindAt(q, 4, notNull(e.subject));
    bindAt(q, 5, notNull(e.detail));
    if (!m_db.execWrite(q))
        return 0;
    qint64 id = 0;
    if (q.next())
        id = q.value(0).toLongLong();
    q.finish();
    return id;
}

void AuditLog::finish(qint64 id, const QString& outcome, const QString& message)
{
    if (id <= 0)
        return;
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("UPDATE audit_log SET outcome = ?, message = ? WHERE id = ?"));
    bindAt(q, 0, notNull(outcome));
    bindAt(q, 1, notNull(message));
    bindAt(q, 2, id);
    // A failed write stops the storage (crash-only): the request's row stays
    // without its outcome, which the next reader sees as unanswered.
    m_db.execWrite(q);
}

QString AuditLog::lastError() const
{
    return m_db.lastError();
}

std::optional<QString> AuditLog::takerOf(const QString& requestNo)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT user_name FROM audit_log WHERE subject = ? AND action IN (?, ?) "
                       "AND outcome = 'ok' ORDER BY id LIMIT 1"));
    bindAt(q, 0, notNull(requestNo));
    bindAt(q, 1, ruleFor(UseCase::Pay).name);
    bindAt(q, 2, ruleFor(UseCase::CreateQr).name);
    if (!m_db.execRead(q))
        return std::nullopt;
    QString user;
    if (q.next())
        user = q.value(0).toString();
    q.finish();
    return user;
}

void AuditLog::entries(const AuditFilter& f, std::function<void(const QList<AuditEntry>&)> reply)
{
    // One statement for every filter: an empty filter value matches all.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT id, at_ms, user_name, terminal, action, subject, detail, outcome, message "
        "FROM audit_log WHERE (? = '' OR user_name = ?) AND (? = '' OR action = ?) "
        "AND at_ms >= ? AND at_ms <= ? ORDER BY at_ms DESC, id DESC LIMIT ?"));
    bindAt(q, 0, notNull(f.user));
    bindAt(q, 1, notNull(f.user));
    bindAt(q, 2, notNull(f.action));
    bindAt(q, 3, notNull(f.action));
    bindAt(q, 4, f.fromMs);
    bindAt(q, 5, f.toMs);
    bindAt(q, 6, qBound(1, f.limit, 10'000));
    QList<AuditEntry> out;
    if (m_db.execRead(q)) {
        while (q.next()) {
            AuditEntry e;
            e.id = q.value(0).toLongLong();
            e.atMs = q.value(1).toLongLong();
            e.user = q.value(2).toString();
            e.terminal = q.value(3).toString();
            e.action = q.value(4).toString();
            e.subject = q.value(5).toString();
            e.detail = q.value(6).toString();
            e.outcome = q.value(7).toString();
            e.message = q.value(8).toString();
            out << e;
        }
        q.finish();
    }
    reply(out);
}

} // namespace paydesk
