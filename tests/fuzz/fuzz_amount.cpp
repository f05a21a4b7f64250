// Amounts as they enter from outside: Money::parse (configuration, CLI,
// channel answers), the bills' decimal reader at every scale they use, and
// fee rates. No overflow or other UB; a taken amount lies within PayDesk's
// ceiling and formats back to itself; the two readers agree where both take
// a text; a refusal says why.
#include "FuzzSupport.h"

#include "ledger/LedgerConfig.h"
#include "money/Money.h"
#include "recon/BillText.h"

using namespace paydesk;
using namespace paydesk::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray raw = bytes(data, size);
    const QString text = QString::fromUtf8(raw);

    QString error;
    const std::optional<Money> m = Money::parse(text, kCny, &error);
    if (m) {
        require(m->fen() >= -kMaxAmountFen && m->fen() <= kMaxAmountFen,
                "an amount beyond the ceiling was taken", text);
        const std::optional<Money> again = Money::parse(m->toPlainString());
        require(again && *again == *m, "an amount does not format back to itself",
                text + u' ' + m->toPlainString());
    } else {
        require(!error.isEmpty(), "a refused amount without a reason", text);
    }

    // Bills: yuan with 2 decimals, WeChat's fees with 5, counts with 0.
    for (int decimals = 0; decimals <= 5; ++decimals) {
        qint64 units = 0;
        if (!parseDecimal(raw, decimals, &units))
            continue;
        // Messages write yuan (2) and WeChat's fees (5) back as text.
        if ((decimals == 2 || decimals == 5) && withinAmountCeiling(units, decimals))
            require(parseDecimal(decimalText(units, decimals).toLatin1(), decimals, &units),
                    "a bill decimal does not format back", text);
        if (decimals == 2 && m && withinAmountCeiling(units, 2))
            require(units == m->fen(), "the bill reader and Money read different amounts", text);
    }

    const std::optional<qint64> ppm = parseFeeRatePpm(text, &error);
    if (ppm) {
        require(*ppm >= 0 && *ppm < 1'000'000, "a fee rate outside [0, 100%) was taken", text);
        require(parseFeeRatePpm(formatFeeRatePpm(*ppm), nullptr) == ppm,
                "a fee rate does not format back to itself", formatFeeRatePpm(*ppm));
    } else {
        require(!error.isEmpty(), "a refused fee rate without a reason", text);
    }
    return 0;
}
