#pragma once

#include "money/Money.h"

#include <QDate>
#include <QList>
#include <QString>

#include <limits>

// The back office's facade types: outcomes with their stable codes, the
// ledger's accounts, entries and checks, settlement, maker-checker requests
// and member wallets, as front ends read them. The ledger works on these same
// types.
namespace paydesk {

// Outcome of a back-office operation (settlement, payout, adjustment,
// wallet). Stable values: they travel over the CLI (--json, exit codes).
enum class BackOfficeStatus : int
{
    Ok = 0,
    Repeated = 1, // done before: the first result is returned, nothing changed
    InvalidArgument = 2,
    NotFound = 3,
    SameUser = 4, // maker-checker: nobody approves their own request
    InvalidState = 5,
    InsufficientFunds = 6,
    LimitReached = 7,
    NotDue = 8,          // settlement of a day that is not over (T+N)
    RequestMismatch = 9, // request number reused with other content
    StorageError = 10,
    Refused = 11,         // the ledger refused the entry (a bug): see the alert
    Unavailable = 12,     // a channel could not be reached or answered an error: try again
    Forbidden = 13,       // the user's roles do not allow it (the message names the role needed)
    Unauthenticated = 14, // no valid session: wrong name or password, locked, expired
};

QString backOfficeStatusName(BackOfficeStatus s);

struct BackOfficeOutcome
{
    BackOfficeStatus status = BackOfficeStatus::Ok;
    QString message; // what happened and what to do next
    QString number;  // the payout, adjustment, wallet operation or settlement concerned
    // RequestMismatch: the request's field that differs from the first
    // request under that number ("amount", "member", ..., "command" for
    // another kind of request).
    QString field;

    bool ok() const
    {
        return status == BackOfficeStatus::Ok || status == BackOfficeStatus::Repeated;
    }
    static BackOfficeOutcome fail(BackOfficeStatus s, QString message, QString number = QString())
    {
        return {s, std::move(message), std::move(number), QString()};
    }
};

// Stable values: stored.
enum class AccountType : int
{
    Asset = 1,
    Liability = 2,
    Income = 3,
    Expense = 4,
    Equity = 5
};
QString accountTypeName(AccountType t);
// Assets and expenses grow with debits; the rest with credits.
bool isDebitNormal(AccountType t);

// One line of an entry. Debits are positive, credits negative, so a balanced
// entry sums to zero and an account's balance is the sum of its postings.
struct Posting
{
    QString account;
    qint64 amountFen = 0;
};

// What a journal entry is about; stable texts (stored, shown, filtered on).
namespace refkind {
inline const QString payment = QStringLiteral("payment");
inline const QString reversal = QStringLiteral("reversal"); // a paid payment revoked
inline const QString refund = QStringLiteral("refund");
inline const QString settlement = QStringLiteral("settlement");
inline const QString payout = QStringLiteral("payout");
inline const QString adjustment = QStringLiteral("adjustment");
inline const QString wallet = QStringLiteral("wallet");
inline const QString withdrawal = QStringLiteral("withdrawal"); // from a member's wallet
inline const QString correction = QStringLiteral("correction"); // reversing entry
inline const QString reconciliation =
    QStringLiteral("reconciliation"); // channel settlement, write-offs
} // namespace refkind

// Immutable once committed; a mistake is corrected by a reversing entry.
struct JournalEntry
{
    qint64 id = 0;
    QString idempotencyKey; // unique: posting the same key again changes nothing
    QString refKind;
    QString refNo;   // payment, refund, settlement, payout, ... number
    QString orderNo; // the order whose money trail this belongs to ('' if none)
    QString memo;
    Currency currency = kCny;
    qint64 atMs = 0;
    qint64 reversesEntryId = 0;
    QList<Posting> postings;
};

// Stable values: they travel over the CLI (--json) and tests compare them.
enum class PostResult : int
{
    Posted = 0,
    AlreadyPosted = 1, // the idempotency key was posted before: nothing changed
    Unbalanced = 2,    // debits != credits: a bug in the caller; refused and alerted
    InvalidAccount = 3,
    Empty = 4, // no postings, or a zero amount
    Overflow = 5,
    StorageError = 6,
};

QString postResultName(PostResult r);

struct AccountBalance
{
    QString account;
    AccountType type = AccountType::Asset;
    Currency currency = kCny;
    qint64 signedFen = 0; // debits minus credits
    // On the account's normal side: what staff read as "the balance".
    qint64 normalFen() const { return isDebitNormal(type) ? signedFen : -signedFen; }
};

struct JournalFilter
{
    QString accountCode; // '' any
    QString ref;         // order no. or reference no.; '' any
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max();
    int limit = 100;
};

struct CheckLine
{
    QString subject; // what was checked: an account, a wallet, a merchant
    QString rule;    // the equation, in words
    qint64 expectedFen = 0;
    qint64 actualFen = 0;
    bool isCount = false; // a number of items, not an amount
    bool ok() const { return expectedFen == actualFen; }
};

struct InternalCheckReport
{
    QList<CheckLine> lines;
    QString error; // I/O error: the check could not run
    bool ok() const
    {
        if (!error.isEmpty())
            return false;
        for (const CheckLine& l : lines)
            if (!l.ok())
                return false;
        return true;
    }
};

struct BackfillReport
{
    int payments = 0;  // captures posted by this run
    int reversals = 0; // paid payments revoked
    int refunds = 0;
    QString error;             // empty: no gap is left
    bool stoppedEarly = false; // maxBatches reached: the marker stays
    int posted() const { return payments + reversals + refunds; }
};

struct SettlementTotals
{
    qint64 items = 0;
    qint64 grossFen = 0;    // payments
    qint64 returnedFen = 0; // refunds and reversals (negative)
    qint64 feeFen = 0;
    qint64 netFen() const { return grossFen + returnedFen; }
};

struct SettlementRow
{
    QString merchantId;
    QDate businessDate;
    SettlementTotals totals;
    Currency currency = kCny;
    QString entryKey; // '' when there was nothing to move
    QString runBy;
    qint64 atMs = 0;
};

struct SettlementReport
{
    BackOfficeOutcome outcome;
    SettlementRow row;
};

// The kinds of request, as stored.
namespace approvalkind {
inline const QString payout = QStringLiteral("payout");
inline const QString adjustment = QStringLiteral("adjustment");
inline const QString withdrawal = QStringLiteral("withdrawal"); // a member's wallet
} // namespace approvalkind

// Stable values: stored.
enum class ApprovalState : int
{
    Requested = 1,
    Approved = 2,
    Rejected = 3
};
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
    // The kind a number names ("payout" for PO...), '' when none.
    static QString kindOfNumber(const QString& number);
    // An approved withdrawal is one paid out: staff read PAID.
    QString stateName() const;
};

// Stable values: stored.
enum class WalletOpKind : int
{
    TopUpCash = 1,
    TopUpFromOrder = 2,
    Pay = 3,
    Refund = 4
};
QString walletOpKindName(WalletOpKind k);

struct WalletOp
{
    qint64 id = 0;
    QString requestNo;
    QString fingerprint;
    QString memberId;
    WalletOpKind kind = WalletOpKind::Pay;
    Money amount;
    QString ref; // Pay: the sale; TopUpFromOrder: the order; Refund: the paying op; TopUpCash: the
                 // store
    QString note;
    QString by;
    qint64 atMs = 0;

    QString number() const
    {
        return QStringLiteral("WO") + QString::number(id).rightJustified(6, QLatin1Char('0'));
    }
};

struct WalletTotals
{
    qint64 topUpsFen = 0;
    qint64 refundsInFen = 0; // "income": money returned to the wallet
    qint64 spentFen = 0;
    qint64 withdrawnFen = 0; // withdrawals paid out
    qint64 heldFen = 0;      // withdrawals requested, frozen until decided
};

struct WalletView
{
    QString memberId;
    Money balance;
    WalletTotals totals;
    QList<WalletOp> recent;
};

} // namespace paydesk
