#pragma once

#include "money/Money.h"

#include <QList>
#include <QString>

#include <optional>

namespace paydesk {

class Database;

// Stable values: stored.
enum class WalletOpKind : int { TopUpCash = 1, TopUpFromOrder = 2, Pay = 3, Refund = 4 };
QString walletOpKindName(WalletOpKind k);

struct WalletOp
{
    qint64 id = 0;
    QString requestNo;
    QString fingerprint;
    QString memberId;
    WalletOpKind kind = WalletOpKind::Pay;
    Money amount;
    QString ref;  // Pay: the sale; TopUpFromOrder: the order; Refund: the paying op; TopUpCash: the store
    QString note;
    QString by;
    qint64 atMs = 0;

    QString number() const { return QStringLiteral("WO") + QString::number(id).rightJustified(6, QLatin1Char('0')); }
};

struct WalletTotals
{
    qint64 topUpsFen = 0;
    qint64 refundsInFen = 0; // "income": money returned to the wallet
    qint64 spentFen = 0;
    qint64 withdrawnFen = 0; // withdrawals paid out
    qint64 heldFen = 0;      // withdrawals requested, frozen until decided
};

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
