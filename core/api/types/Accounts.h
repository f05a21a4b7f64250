#pragma once

#include "api/types/BackOffice.h"

#include <QString>

#include <optional>

namespace paydesk {

// An account code reads "type:kind[:owner]", e.g. "asset:channel-receivable:wechat"
// or "liability:pending:M0001". The type is part of the code so that a code
// alone says on which side its balance normally lies.
struct AccountCode
{
    AccountType type = AccountType::Asset;
    QString kind;
    QString owner;
    QString code;
};

// Only the chart's kinds are accepted; the message names the known ones.
std::optional<AccountCode> parseAccountCode(const QString& code, QString* error = nullptr);

// The chart of accounts, part of the facade: staff type account codes. Owners are a channel, a
// merchant, a store or a member.
namespace accounts {
// What a channel owes us for payments it took.
QString channelReceivable(const QString& channel);
// Where channels pay in and payouts leave from.
QString bank();
// A store's cash drawer (cash top-ups of member wallets).
QString cash(const QString& storeId);
// Merchant money not yet settled, settled and withdrawable, and held for a payout.
QString merchantPending(const QString& merchantId);
QString merchantAvailable(const QString& merchantId);
QString payoutHold(const QString& merchantId);
// Stored value a member may spend.
QString wallet(const QString& memberId);
// Members' money frozen by a withdrawal until a second person pays it out or
// releases it; still owed to the members, so a liability.
QString walletWithdrawalHold();
// Fees the merchant pays us, fees the channel charges us.
QString feeIncome(const QString& merchantId);
QString channelFees(const QString& channel);
// Unexplained differences until someone resolves them.
QString suspense();
// The other side of approved manual adjustments.
QString adjustments();
} // namespace accounts

} // namespace paydesk
