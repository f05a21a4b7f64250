#pragma once

#include <QString>

namespace paydesk {

// The wallet a customer's payment code belongs to; the code picks the channel.
// Stable values: stored in the database.
enum class Wallet : int { Unknown = 0, WeChat = 1, Alipay = 2, UnionPay = 3 };

QString walletName(Wallet w);             // "wechat", "alipay", "unionpay"
Wallet walletFromName(const QString& name); // Unknown if not one of the above

struct PaymentCodeCheck
{
    Wallet wallet = Wallet::Unknown;
    QString normalized; // digits only, scanner prefixes/suffixes removed
    QString error;      // why it was refused, for the cashier
    bool ok() const { return wallet != Wallet::Unknown; }
};

// WeChat: 18 digits starting 10-15. Alipay: 16-24 digits starting 25-30.
// UnionPay: 19 digits starting 62. Anything else is refused with a reason.
PaymentCodeCheck classifyPaymentCode(const QString& raw);

} // namespace paydesk
