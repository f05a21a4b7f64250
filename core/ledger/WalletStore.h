#pragma once

#include "api/types/BackOffice.h"

#include <QList>
#include <QString>

#include <optional>

namespace paydesk {

class Database;

class WalletStore
{
public:
    explicit WalletStore(Database& db) : m_db(db) {}
    static QString schemaName() { return QStringLiteral("wallet"); }
    static QStringList migrations();

    bool ensureMember(const QString& memberId, qint64 atMs);
    bool memberExists(const QString& memberId);
    QStringList members();
    // 1 inserted (id set), 0 a conflict (same request no. or same sale/order), -1 I/O error.
    int insertOp(WalletOp& op);
    std::optional<WalletOp> opByRequest(const QString& requestNo);
    std::optional<WalletOp> opByKindRef(WalletOpKind kind, const QString& ref);
    std::optional<WalletOp> opByNumber(const QString& number);
    QList<WalletOp> opsOfMember(const QString& memberId, int limit);
    std::optional<qint64> refundedFen(const QString& payOpNumber);
    std::optional<WalletTotals> totals(const QString& memberId);
    QString lastError() const;

private:
    std::optional<WalletOp> one(const QString& where, const QVariantList& binds);
    Database& m_db;
};

} // namespace paydesk
