#include "api/types/BackOffice.h"

namespace paydesk {

namespace {

struct KindPrefix
{
    const char* kind;
    const char* prefix;
};
constexpr KindPrefix kPrefixes[] = {{"payout", "PO"}, {"adjustment", "AD"}, {"withdrawal", "WD"}};

} // namespace

QString backOfficeStatusName(BackOfficeStatus s)
{
    switch (s) {
    case BackOfficeStatus::Ok:
        return QStringLiteral("ok");
    case BackOfficeStatus::Repeated:
        return QStringLiteral("repeated");
    case BackOfficeStatus::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case BackOfficeStatus::NotFound:
        return QStringLiteral("not_found");
    case BackOfficeStatus::SameUser:
        return QStringLiteral("same_user");
    case BackOfficeStatus::InvalidState:
        return QStringLiteral("invalid_state");
    case BackOfficeStatus::InsufficientFunds:
        return QStringLiteral("insufficient_funds");
    case BackOfficeStatus::LimitReached:
        return QStringLiteral("limit_reached");
    case BackOfficeStatus::NotDue:
        return QStringLiteral("not_due");
    case BackOfficeStatus::RequestMismatch:
        return QStringLiteral("request_mismatch");
    case BackOfficeStatus::StorageError:
        return QStringLiteral("storage_error");
    case BackOfficeStatus::Refused:
        return QStringLiteral("refused");
    case BackOfficeStatus::Unavailable:
        return QStringLiteral("unavailable");
    case BackOfficeStatus::Forbidden:
        return QStringLiteral("forbidden");
    case BackOfficeStatus::Unauthenticated:
        return QStringLiteral("unauthenticated");
    }
    return QStringLiteral("unknown");
}

QString accountTypeName(AccountType t)
{
    switch (t) {
    case AccountType::Asset:
        return QStringLiteral("asset");
    case AccountType::Liability:
        return QStringLiteral("liability");
    case AccountType::Income:
        return QStringLiteral("income");
    case AccountType::Expense:
        return QStringLiteral("expense");
    case AccountType::Equity:
        return QStringLiteral("equity");
    }
    return QStringLiteral("unknown");
}

bool isDebitNormal(AccountType t)
{
    return t == AccountType::Asset || t == AccountType::Expense;
}

QString postResultName(PostResult r)
{
    switch (r) {
    case PostResult::Posted:
        return QStringLiteral("posted");
    case PostResult::AlreadyPosted:
        return QStringLiteral("already_posted");
    case PostResult::Unbalanced:
        return QStringLiteral("unbalanced");
    case PostResult::InvalidAccount:
        return QStringLiteral("invalid_account");
    case PostResult::Empty:
        return QStringLiteral("empty");
    case PostResult::Overflow:
        return QStringLiteral("overflow");
    case PostResult::StorageError:
        return QStringLiteral("storage_error");
    }
    return QStringLiteral("unknown");
}

QString approvalStateName(ApprovalState s)
{
    switch (s) {
    case ApprovalState::Requested:
        return QStringLiteral("REQUESTED");
    case ApprovalState::Approved:
        return QStringLiteral("APPROVED");
    case ApprovalState::Rejected:
        return QStringLiteral("REJECTED");
    }
    return QStringLiteral("UNKNOWN");
}

QString ApprovalRecord::number() const
{
    QString prefix = QStringLiteral("AD");
    for (const KindPrefix& k : kPrefixes)
        if (kind == QLatin1String(k.kind))
            prefix = QLatin1String(k.prefix);
    return prefix + QString::number(id).rightJustified(6, QLatin1Char('0'));
}

QString ApprovalRecord::kindOfNumber(const QString& number)
{
    for (const KindPrefix& k : kPrefixes)
        if (number.startsWith(QLatin1String(k.prefix)))
            return QLatin1String(k.kind);
    return QString();
}

QString ApprovalRecord::stateName() const
{
    if (kind == approvalkind::withdrawal && state == ApprovalState::Approved)
        return QStringLiteral("PAID");
    return approvalStateName(state);
}

QString walletOpKindName(WalletOpKind k)
{
    switch (k) {
    case WalletOpKind::TopUpCash:
        return QStringLiteral("topup_cash");
    case WalletOpKind::TopUpFromOrder:
        return QStringLiteral("topup_order");
    case WalletOpKind::Pay:
        return QStringLiteral("pay");
    case WalletOpKind::Refund:
        return QStringLiteral("refund");
    }
    return QStringLiteral("unknown");
}

} // namespace paydesk
