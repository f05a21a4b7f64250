#include "domain/PaymentCode.h"
#include "common/Masking.h"

namespace paydesk {

QString walletName(Wallet w)
{
    switch (w) {
    case Wallet::WeChat:
        return QStringLiteral("wechat");
    case Wallet::Alipay:
        return QStringLiteral("alipay");
    case Wallet::UnionPay:
        return QStringLiteral("unionpay");
    case Wallet::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Wallet walletFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("wechat"))
        return Wallet::WeChat;
    if (n == QLatin1String("alipay"))
        return Wallet::Alipay;
    if (n == QLatin1String("unionpay"))
        return Wallet::UnionPay;
    return Wallet::Unknown;
}

PaymentCodeCheck classifyPaymentCode(const QString& raw)
{
    PaymentCodeCheck out;
    // Scanners add CR/LF/TAB and sometimes spaces between digit groups.
    QString digits;
    for (QChar c : raw) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            continue;
        digits += c;
    }
    out.normalized = digits;
    if (digits.isEmpty()) {
        out.error = QStringLiteral("no payment code: scan the customer's code again");
        return out;
    }
    for (QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            // Masked like every code PayDesk shows: a code with a typo is
            // still most of a customer's live code.
            out.error = QStringLiteral("'%1' is not a payment code: payment codes are digits only")
                            .arg(maskPaymentCode(digits.size() > 30 ? digits.left(30) : digits) +
                                 (digits.size() > 30 ? QStringLiteral("...") : QString()));
            return out;
        }
    }
    const int prefix = digits.left(2).toInt();
    const qsizetype len = digits.size();
    if (len == 18 && prefix >= 10 && prefix <= 15) {
        out.wallet = Wallet::WeChat;
    } else if (len == 19 && prefix == 62) {
        out.wallet = Wallet::UnionPay;
    } else if (len >= 16 && len <= 24 && prefix >= 25 && prefix <= 30) {
        out.wallet = Wallet::Alipay;
    } else {
        out.error = QStringLiteral("%1-digit code starting %2 is not a WeChat (18 digits, 10-15), "
                                   "Alipay (16-24 digits, 25-30) or UnionPay (19 digits, 62) "
                                   "payment code: ask the customer to refresh it and scan again")
                        .arg(len)
                        .arg(digits.left(2));
    }
    return out;
}

} // namespace paydesk
