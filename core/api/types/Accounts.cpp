#include "api/types/Accounts.h"

#include <QRegularExpression>
#include <QStringList>

namespace paydesk {

namespace {

struct KindSpec
{
    AccountType type;
    const char* kind;
    bool hasOwner;
};

constexpr KindSpec kChart[] = {
    {AccountType::Asset, "channel-receivable", true},
    {AccountType::Asset, "bank", false},
    {AccountType::Asset, "cash", true},
    {AccountType::Liability, "pending", true},
    {AccountType::Liability, "available", true},
    {AccountType::Liability, "payout-hold", true},
    {AccountType::Liability, "wallet", true},
    {AccountType::Liability, "wallet-withdrawal-hold", false},
    {AccountType::Liability, "suspense", false},
    {AccountType::Income, "fees", true},
    {AccountType::Expense, "channel-fees", true},
    {AccountType::Equity, "adjustments", false},
};

std::optional<AccountType> typeFromName(const QString& name)
{
    for (AccountType t : {AccountType::Asset, AccountType::Liability, AccountType::Income,
                          AccountType::Expense, AccountType::Equity})
        if (accountTypeName(t) == name)
            return t;
    return std::nullopt;
}

QString make(AccountType t, const char* kind, const QString& owner = QString())
{
    QString code = accountTypeName(t) + QLatin1Char(':') + QLatin1String(kind);
    if (!owner.isEmpty())
        code += QLatin1Char(':') + owner;
    return code;
}

} // namespace

std::optional<AccountCode> parseAccountCode(const QString& code, QString* error)
{
    auto fail = [&](const QString& why) -> std::optional<AccountCode> {
        if (error) {
            QStringList known;
            for (const KindSpec& k : kChart)
                known << make(k.type, k.kind, k.hasOwner ? QStringLiteral("<owner>") : QString());
            *error = QStringLiteral("'%1' is not an account: %2 (accounts: %3)")
                         .arg(code, why, known.join(QStringLiteral(", ")));
        }
        return std::nullopt;
    };
    const QStringList parts = code.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3)
        return fail(QStringLiteral("expected type:kind[:owner]"));
    const auto type = typeFromName(parts[0]);
    if (!type)
        return fail(QStringLiteral("unknown type '%1'").arg(parts[0]));
    static const QRegularExpression ownerRe(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    for (const KindSpec& k : kChart) {
        if (k.type != *type || parts[1] != QLatin1String(k.kind))
            continue;
        if (k.hasOwner != (parts.size() == 3))
            return fail(k.hasOwner ? QStringLiteral("this kind needs an owner")
                                   : QStringLiteral("this kind has no owner"));
        if (k.hasOwner && !ownerRe.match(parts[2]).hasMatch())
            return fail(QStringLiteral("owner must be 1-64 letters, digits, '_', '.' or '-'"));
        AccountCode out;
        out.type = *type;
        out.kind = parts[1];
        out.owner = parts.size() == 3 ? parts[2] : QString();
        out.code = code;
        return out;
    }
    return fail(QStringLiteral("unknown kind '%1'").arg(parts[1]));
}

namespace accounts {
QString channelReceivable(const QString& channel)
{
    return make(AccountType::Asset, "channel-receivable", channel);
}
QString bank()
{
    return make(AccountType::Asset, "bank");
}
QString cash(const QString& storeId)
{
    return make(AccountType::Asset, "cash", storeId);
}
QString merchantPending(const QString& merchantId)
{
    return make(AccountType::Liability, "pending", merchantId);
}
QString merchantAvailable(const QString& merchantId)
{
    return make(AccountType::Liability, "available", merchantId);
}
QString payoutHold(const QString& merchantId)
{
    return make(AccountType::Liability, "payout-hold", merchantId);
}
QString wallet(const QString& memberId)
{
    return make(AccountType::Liability, "wallet", memberId);
}
QString walletWithdrawalHold()
{
    return make(AccountType::Liability, "wallet-withdrawal-hold");
}
QString feeIncome(const QString& merchantId)
{
    return make(AccountType::Income, "fees", merchantId);
}
QString channelFees(const QString& channel)
{
    return make(AccountType::Expense, "channel-fees", channel);
}
QString suspense()
{
    return make(AccountType::Liability, "suspense");
}
QString adjustments()
{
    return make(AccountType::Equity, "adjustments");
}
} // namespace accounts

} // namespace paydesk
