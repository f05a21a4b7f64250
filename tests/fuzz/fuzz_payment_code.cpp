// Payment codes as the scanner or the cashier types them: a taken code is
// digits only, of its wallet's length and prefix, and classifies the same
// again; a refused one says why.
#include "FuzzSupport.h"

#include "domain/PaymentCode.h"

using namespace paydesk;
using namespace paydesk::fuzz;

namespace {

bool fitsWallet(const QString& digits, Wallet w)
{
    const qsizetype len = digits.size();
    const int prefix = digits.left(2).toInt();
    switch (w) {
    case Wallet::WeChat:
        return len == 18 && prefix >= 10 && prefix <= 15;
    case Wallet::Alipay:
        return len >= 16 && len <= 24 && prefix >= 25 && prefix <= 30;
    case Wallet::UnionPay:
        return len == 19 && prefix == 62;
    case Wallet::Unknown:
        break;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // Scanners send bytes; a keyboard wedge may send any text: both ways.
    const QByteArray raw = bytes(data, size);
    for (const QString& text : {QString::fromUtf8(raw), QString::fromLatin1(raw)}) {
        const PaymentCodeCheck c = classifyPaymentCode(text);
        if (!c.ok()) {
            require(!c.error.isEmpty(), "a refused code without a reason");
            continue;
        }
        require(c.error.isEmpty(), "a taken code with an error", c.error);
        for (const QChar ch : c.normalized)
            require(ch >= u'0' && ch <= u'9', "a taken code that is not digits only", c.normalized);
        require(fitsWallet(c.normalized, c.wallet), "a code taken for the wrong wallet",
                c.normalized + u' ' + walletName(c.wallet));
        const PaymentCodeCheck again = classifyPaymentCode(c.normalized);
        require(again.wallet == c.wallet && again.normalized == c.normalized,
                "a normalized code classifies differently", c.normalized);
    }
    return 0;
}
