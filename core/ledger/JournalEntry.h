#pragma once

#include "money/Money.h"

#include <QList>
#include <QString>

namespace paydesk {

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
inline const QString reconciliation = QStringLiteral("reconciliation"); // channel settlement, write-offs
} // namespace refkind

// Immutable once committed; a mistake is corrected by a reversing entry.
struct JournalEntry
{
    qint64 id = 0;
    QString idempotencyKey; // unique: posting the same key again changes nothing
    QString refKind;
    QString refNo;          // payment, refund, settlement, payout, ... number
    QString orderNo;        // the order whose money trail this belongs to ('' if none)
    QString memo;
    Currency currency = kCny;
    qint64 atMs = 0;
    qint64 reversesEntryId = 0;
    QList<Posting> postings;
};

// Stable values: they travel over the CLI (--json) and tests compare them.
enum class PostResult : int {
    Posted = 0,
    AlreadyPosted = 1, // the idempotency key was posted before: nothing changed
    Unbalanced = 2,    // debits != credits: a bug in the caller; refused and alerted
    InvalidAccount = 3,
    Empty = 4,         // no postings, or a zero amount
    Overflow = 5,
    StorageError = 6,
};

QString postResultName(PostResult r);

} // namespace paydesk
