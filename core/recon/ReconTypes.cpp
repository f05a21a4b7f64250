#include "recon/ReconTypes.h"

namespace paydesk {

QString diffKindName(DiffKind k)
{
    switch (k) {
    case DiffKind::MissingLocally:
        return QStringLiteral("missing_locally");
    case DiffKind::MissingAtChannel:
        return QStringLiteral("missing_at_channel");
    case DiffKind::AmountMismatch:
        return QStringLiteral("amount_mismatch");
    case DiffKind::StatusMismatch:
        return QStringLiteral("status_mismatch");
    case DiffKind::FeeMismatch:
        return QStringLiteral("fee_mismatch");
    case DiffKind::FundLong:
        return QStringLiteral("fund_long");
    case DiffKind::FundShort:
        return QStringLiteral("fund_short");
    }
    return QStringLiteral("unknown");
}

namespace {
const DiffState kStates[] = {DiffState::Open,
                             DiffState::PendingNextDay,
                             DiffState::AutoResolved,
                             DiffState::Resolved,
                             DiffState::WriteOffProposed,
                             DiffState::WrittenOff,
                             DiffState::RecoveryProposed,
                             DiffState::Recovered};
} // namespace

QString diffStateName(DiffState s)
{
    switch (s) {
    case DiffState::Open:
        return QStringLiteral("open");
    case DiffState::PendingNextDay:
        return QStringLiteral("pending_next_day");
    case DiffState::AutoResolved:
        return QStringLiteral("auto_resolved");
    case DiffState::Resolved:
        return QStringLiteral("resolved");
    case DiffState::WriteOffProposed:
        return QStringLiteral("writeoff_proposed");
    case DiffState::WrittenOff:
        return QStringLiteral("written_off");
    case DiffState::RecoveryProposed:
        return QStringLiteral("recovery_proposed");
    case DiffState::Recovered:
        return QStringLiteral("recovered");
    }
    return QStringLiteral("unknown");
}

bool parseDiffState(const QString& text, DiffState* out)
{
    for (DiffState s : kStates)
        if (diffStateName(s) == text) {
            *out = s;
            return true;
        }
    return false;
}

QString itemKindName(ItemKind k)
{
    switch (k) {
    case ItemKind::Payment:
        return QStringLiteral("payment");
    case ItemKind::Refund:
        return QStringLiteral("refund");
    case ItemKind::Revoke:
        return QStringLiteral("revoke");
    }
    return QStringLiteral("unknown");
}

} // namespace paydesk
