#include "access/UserStore.h"

#include "store/Database.h"

#include <QSqlQuery>

namespace paydesk {

QStringList UserStore::migrations()
{
    return {QStringLiteral(R"SQL(
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  created_at_ms BIGINT NOT NULL,
  last_login_at_ms BIGINT NOT NULL,
  failed_logins INTEGER NOT NULL,
  locks INTEGER NOT NULL,
  locked_until_ms BIGINT NOT NULL
);
CREATE TABLE user_sessions (
  token_sha256 TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  terminal TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL
);
CREATE INDEX user_sessions_user ON user_sessions (user_name)
)SQL")};
}

QString UserStore::lastError() const
{
    return m_db.lastError();
}

bool UserStore::putUser(const Row& row)
{
    const UserRecord& u = row.record;
    QSqlQuery& del = m_db.prepared(QStringLiteral("DELETE FROM users WHERE name = ?"));
    bindAt(del, 0, u.name);
    if (!m_db.execWrite(del))
        return false;
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("INSERT INTO users (name, password_hash, roles, disabled, created_at_ms, "
                       "last_login_at_ms, failed_logins, locks, locked_until_ms) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindAt(q, 0, u.name);
    bindAt(q, 1, row.passwordHash);
    bindAt(q, 2, notNull(roleNames(u.roles)));
    bindAt(q, 3, u.disabled ? 1 : 0);
    bindAt(q, 4, u.createdAtMs);
    bindAt(q, 5, u.lastLoginAtMs);
    bindAt(q, 6, u.failedLogins);
    bindAt(q, 7, row.locks);
    bindAt(q, 8, u.lockedUntilMs);
    return m_db.execWrite(q);
}

UserStore::Row UserStore::readUser(const QSqlQuery& q) const
{
    Row r;
    r.record.name = q.value(0).toString();
    r.passwordHash = q.value(1).toString();
    // Written by putUser only: every name is known.
    r.record.roles = parseRoles(q.value(2).toString()).value_or(QList<Role>{});
    r.record.disabled = q.value(3).toInt() != 0;
    r.record.createdAtMs = q.value(4).toLongLong();
    r.record.lastLoginAtMs = q.value(5).toLongLong();
    r.record.failedLogins = q.value(6).toInt();
    r.locks = q.value(7).toInt();
    r.record.lockedUntilMs = q.value(8).toLongLong();
    return r;
}

namespace {
const char* const kUserColumns =
    "SELECT name, password_hash, roles, disabled, created_at_ms, "
    "last_login_at_ms, failed_logins, locks, locked_until_ms FROM users";
}

std::optional<UserStore::Row> UserStore::user(const QString& name)
{
    QSqlQuery& q = m_db.prepared(QLatin1String(kUserColumns) + QStringLiteral(" WHERE name = ?"));
    bindAt(q, 0, name);
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<Row> out;
    if (q.next())
        out = readUser(q);
    else
        out = Row{}; // empty name: no such user
    q.finish();
    return out;
}

std::optional<QList<UserStore::Row>> UserStore::users()
{
    QSqlQuery& q = m_db.prepared(QLatin1String(kUserColumns) + QStringLiteral(" ORDER BY name"));
    if (!m_db.execRead(q))
        return std::nullopt;
    QList<Row> rows;
    while (q.next())
        rows << readUser(q);
    q.finish();
    return rows;
}

std::optional<int> UserStore::countUsers()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

bool UserStore::putSession(const SessionRow& row)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("INSERT INTO user_sessions (token_sha256, "
                                                "user_name, terminal, created_at_ms, last_seen_ms) "
                                                "VALUES (?, ?, ?, ?, ?)"));
    bindAt(q, 0, QString::fromLatin1(row.tokenSha256));
    bindAt(q, 1, row.session.user);
    bindAt(q, 2, notNull(row.session.terminal));
    bindAt(q, 3, row.session.lastSeenMs);
    bindAt(q, 4, row.session.lastSeenMs);
    return m_db.execWrite(q);
}

std::optional<UserStore::SessionRow> UserStore::session(const QByteArray& tokenSha256)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT user_name, terminal, last_seen_ms FROM user_sessions WHERE token_sha256 = ?"));
    bindAt(q, 0, QString::fromLatin1(tokenSha256));
    if (!m_db.execRead(q))
        return std::nullopt;
    SessionRow row; // empty user: no such session
    if (q.next()) {
        row.tokenSha256 = tokenSha256;
        row.session.user = q.value(0).toString();
        row.session.terminal = q.value(1).toString();
        row.session.lastSeenMs = q.value(2).toLongLong();
    }
    q.finish();
    return row;
}

bool UserStore::touchSession(const QByteArray& tokenSha256, qint64 lastSeenMs)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("UPDATE user_sessions SET last_seen_ms = ? WHERE token_sha256 = ?"));
    bindAt(q, 0, lastSeenMs);
    bindAt(q, 1, QString::fromLatin1(tokenSha256));
    return m_db.execWrite(q);
}

bool UserStore::deleteSession(const QByteArray& tokenSha256)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("DELETE FROM user_sessions WHERE token_sha256 = ?"));
    bindAt(q, 0, QString::fromLatin1(tokenSha256));
    return m_db.execWrite(q);
}

bool UserStore::deleteSessionsOf(const QString& user)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM user_sessions WHERE user_name = ?"));
    bindAt(q, 0, user);
    return m_db.execWrite(q);
}

} // namespace paydesk
