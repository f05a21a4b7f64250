#pragma once

#include "money/Money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace paydesk {

class Database;

// Stable values: stored.
enum class ApprovalState : int { Requested = 1, Approved = 2, Rejected = 3 };
QString approvalStateName(ApprovalState s);

// A maker-checker request: one person proposes, another decides.
struct ApprovalRecord
{
    qint64 id = 0;
    QString kind;           // "payout" or "adjustment"
    QString merchantId;
    QString account;        // adjustment: the account adjusted
    QString counterAccount; // adjustment: the other side
    qint64 amountFen = 0;   // payout: positive; adjustment: debit positive on `account`
    Currency currency = kCny;
    QString reason;
    ApprovalState state = ApprovalState::Requested;
    QString proposedBy;
    QString decidedBy;
    QString decisionNote;
    qint64 proposedAtMs = 0;
    qint64 decidedAtMs = 0;
    QDate businessDate;     // China date proposed (payout limits are per day)
    int version = 0;

    // PO000012 / AD000003: readable, and the id is the key.
    QString number() const;
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

    std::optional<qint64> insert(const ApprovalRecord& r);
    bool update(const ApprovalRecord& r, int expectedVersion);
    std::optional<ApprovalRecord> byNumber(const QString& number);
    QList<ApprovalRecord> list(const QString& kind, int limit);
    // Requests of the day that were not rejected.
    std::optional<DayUsage> usage(const QString& kind, const QString& merchantId, const QDate& day);
    QString lastError() const;

private:
    Database& m_db;
};

} // namespace paydesk
