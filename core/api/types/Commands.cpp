#include "api/types/Commands.h"

namespace paydesk {

QString commandStatusName(CommandStatus s)
{
    switch (s) {
    case CommandStatus::Ok:
        return QStringLiteral("ok");
    case CommandStatus::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case CommandStatus::InvalidPaymentCode:
        return QStringLiteral("invalid_payment_code");
    case CommandStatus::RequestMismatch:
        return QStringLiteral("request_mismatch");
    case CommandStatus::NotFound:
        return QStringLiteral("not_found");
    case CommandStatus::InvalidState:
        return QStringLiteral("invalid_state");
    case CommandStatus::AttemptInProgress:
        return QStringLiteral("attempt_in_progress");
    case CommandStatus::RefundExceedsPaid:
        return QStringLiteral("refund_exceeds_paid");
    case CommandStatus::StorageError:
        return QStringLiteral("storage_error");
    case CommandStatus::NoChannel:
        return QStringLiteral("no_channel");
    case CommandStatus::ChannelUnreachable:
        return QStringLiteral("channel_unreachable");
    case CommandStatus::ServerUnreachable:
        return QStringLiteral("server_unreachable");
    case CommandStatus::Forbidden:
        return QStringLiteral("forbidden");
    case CommandStatus::Unauthenticated:
        return QStringLiteral("unauthenticated");
    }
    return QStringLiteral("unknown");
}

} // namespace paydesk
