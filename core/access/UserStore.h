#pragma once

#include "api/types/Users.h"

#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace paydesk {

class Database;

// Users' and sessions' rows, in the engine's transactions. Sessions are
// kept by the SHA-256 of their token, never the token.
class UserStore
{
public:
    explicit UserStore(Database& db) : m_db(db) {}
    static QString schemaName() { return QStringLiteral("users"); }
    static QStringList migrations();

    struct Row
    {
        UserRecord record;
        QString passwordHash;
        int locks = 0; // lockouts since the last good login: each one longer
    };
    struct SessionRow
    {
        QByteArray tokenSha256; // hex
        Session session;        // roles are the user's, filled by the reader
    };

    bool putUser(const Row& row);
    std::optional<Row> user(const QString& name);
    std::optional<QList<Row>> users();
    std::optional<int> countUsers();

    bool putSession(const SessionRow& row);
    std::optional<SessionRow> session(const QByteArray& tokenSha256);
    bool touchSession(const QByteArray& tokenSha256, qint64 lastSeenMs);
    bool deleteSession(const QByteArray& tokenSha256);
    bool deleteSessionsOf(const QString& user);

    QString lastError() const;

private:
    Row readUser(const QSqlQuery& q) const;
    Database& m_db;
};

} // namespace paydesk
