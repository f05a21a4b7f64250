#pragma once

#include "money/Money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace paydesk {

class Database;

// The kinds of request, as stored.
namespace approvalkind {
inline const QString payout = QStringLiteral("payout");
inline const QString adjustment = QStringLiteral("adjustment");
inline const QString withdrawal = QStringLiteral("withdrawal"); // a member's wallet
} // namespace approvalkind

// Stable values: stored.
enum class ApprovalState : int { Requested = 1, Approved = 2, Rejected = 3 };
QString approvalStateName(ApprovalState s);

// A maker-checker request: one person proposes, another decides.
struct ApprovalRecord
{
    qint64 id = 0;
    // payout, withdrawal: money is held from `account`, paid out to
    // `counterAccount`; adjustment: `account` is adjusted against the counter.
    QString kind; // "payout", "adjustment" or "withdrawal" (from a member's wallet)
    QString merchantId;
    QString account;
    QString counterAccount;
    qint64 amountFen = 0; // payout, withdrawal: positive; adjustment: debit positive on `account`
    Currency currency = kCny;
    QString reason;
    ApprovalState state = ApprovalState::Requested;
    QString proposedBy;
    QString decidedBy;
    QString decisionNote;
    qint64 proposedAtMs = 0;
    qint64 decidedAtMs = 0;
    QDate businessDate; // China date proposed (payout and withdrawal limits are per day)
    int version = 0;
    QString requestNo;   // withdrawal: the member's request number ('' when not idempotent)
    QString fingerprint; // what the request number stands for

    // PO000012 / AD000003 / WD000007: readable, and the id is the key.
    QString number() const;
    // An approved withdrawal is one paid out: staff read PAID.
    QString stateName() const;
};

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
