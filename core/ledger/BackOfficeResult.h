#pragma once

#include <QString>

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
    Refused = 11,     // the ledger refused the entry (a bug): see the alert
    Unavailable = 12, // a channel could not be reached or answered an error: try again
};

QString backOfficeStatusName(BackOfficeStatus s);

enum class PostResult : int;
// What a ledger posting that did not go through means for the operation:
// StorageError stays one; anything else is the ledger refusing a bug's entry.
BackOfficeStatus statusOfFailedPost(PostResult r);

struct BackOfficeOutcome
{
    BackOfficeStatus status = BackOfficeStatus::Ok;
    QString message; // what happened and what to do next
    QString number;  // the payout, adjustment, wallet operation or settlement concerned

    bool ok() const { return status == BackOfficeStatus::Ok || status == BackOfficeStatus::Repeated; }
    static BackOfficeOutcome fail(BackOfficeStatus s, QString message, QString number = QString())
    {
        return {s, std::move(message), std::move(number)};
    }
};

} // namespace paydesk
