#pragma once

#include "api/types/BackOffice.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace paydesk {

class Database;

struct DayUsage
{
    qint64 count = 0;
    qint64 amountFen = 0;
};

class ApprovalStore
{
public:
    explicit ApprovalStore(Database& db) : m_db(db) {}
    static QString schemaName() { return QStringLiteral("approvals"); }
    static QStringList migrations();

    // The new id; 0 when the request number is taken; nullopt on an I/O error.
    std::optional<qint64> insert(const ApprovalRecord& r);
    bool update(const ApprovalRecord& r, int expectedVersion);
    std::optional<ApprovalRecord> byNumber(const QString& number);
    std::optional<ApprovalRecord> byRequest(const QString& requestNo);
    // Newest first; `account` empty: of every account.
    QList<ApprovalRecord> list(const QString& kind, int limit, const QString& account = QString());
    // Requests of the day against `account` that were not rejected.
    std::optional<DayUsage> usage(const QString& kind, const QString& account, const QDate& day);
    QString lastError() const;

private:
    // Runs a query for at most one row; nullopt when none (or on error).
    std::optional<ApprovalRecord> readOne(QSqlQuery& q);

    Database& m_db;
};

} // namespace paydesk
