#include "ledger/LedgerConfig.h"

#include <QRegularExpression>

namespace paydesk {

Money LedgerConfig::fee(const QString& channel, const Money& amount) const
{
    const auto f = amount.checkedMulDiv(feeRate(channel), 1'000'000);
    // |fee| < |amount| for any rate below 100 %: cannot overflow.
    Q_ASSERT(f.has_value());
    return *f;
}

std::optional<qint64> parseFeeRatePpm(const QString& text, QString* error)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,2})(?:\\.(\\d{1,6}))?(%?)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    auto fail = [&](const QString& why) -> std::optional<qint64> {
        if (error)
            *error = QStringLiteral("fee rate '%1': %2 (write e.g. \"0.38%\" or \"0.0038\")").arg(text, why);
        return std::nullopt;
    };
    if (!m.hasMatch())
        return fail(QStringLiteral("not a rate"));
    const bool percent = !m.captured(3).isEmpty();
    const QString whole = m.captured(1);
    QString frac = m.captured(2);
    // ppm = value × 10^6 (fraction) or value × 10^4 (percent).
    const int scaleDigits = percent ? 4 : 6;
    if (frac.size() > scaleDigits)
        return fail(QStringLiteral("more than %1 decimals").arg(scaleDigits));
    frac = frac.leftJustified(scaleDigits, QLatin1Char('0'));
    qint64 scale = 1;
    for (int i = 0; i < scaleDigits; ++i)
        scale *= 10;
    const qint64 ppm = whole.toLongLong() * scale + frac.toLongLong();
    if (ppm >= 1'000'000)
        return fail(QStringLiteral("must be below 100%"));
    return ppm;
}

QString formatFeeRatePpm(qint64 ppm)
{
    QString digits = QString::number(ppm % 10'000).rightJustified(4, QLatin1Char('0'));
    while (digits.size() > 2 && digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return QStringLiteral("%1.%2%").arg(ppm / 10'000).arg(digits);
}

} // namespace paydesk
