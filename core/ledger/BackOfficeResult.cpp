#include "ledger/BackOfficeResult.h"

#include "ledger/JournalEntry.h"

namespace paydesk {

QString backOfficeStatusName(BackOfficeStatus s)
{
    switch (s) {
    case BackOfficeStatus::Ok: return QStringLiteral("ok");
    case BackOfficeStatus::Repeated: return QStringLiteral("repeated");
    case BackOfficeStatus::InvalidArgument: return QStringLiteral("invalid_argument");
    case BackOfficeStatus::NotFound: return QStringLiteral("not_found");
    case BackOfficeStatus::SameUser: return QStringLiteral("same_user");
    case BackOfficeStatus::InvalidState: return QStringLiteral("invalid_state");
    case BackOfficeStatus::InsufficientFunds: return QStringLiteral("insufficient_funds");
    case BackOfficeStatus::LimitReached: return QStringLiteral("limit_reached");
    case BackOfficeStatus::NotDue: return QStringLiteral("not_due");
    case BackOfficeStatus::RequestMismatch: return QStringLiteral("request_mismatch");
    case BackOfficeStatus::StorageError: return QStringLiteral("storage_error");
    case BackOfficeStatus::Refused: return QStringLiteral("refused");
    case BackOfficeStatus::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QStringLiteral("unknown");
}

BackOfficeStatus statusOfFailedPost(PostResult r)
{
    return r == PostResult::StorageError ? BackOfficeStatus::StorageError
                                         : BackOfficeStatus::Refused;
}

} // namespace paydesk
