#include "money/Money.h"

#include <limits>

namespace paydesk {

namespace {
void setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
}
} // namespace

std::optional<Money> Money::parse(const QString& input, const Currency& currency, QString* error)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        setError(error, QStringLiteral("amount is empty"));
        return std::nullopt;
    }
    int pos = 0;
    bool negative = false;
    if (text.at(0) == QLatin1Char('-') || text.at(0) == QLatin1Char('+')) {
        negative = text.at(0) == QLatin1Char('-');
        pos = 1;
    }
    // Accumulate as unsigned 128-bit so the int64 bound check is exact.
    unsigned __int128 units = 0;
    int intDigits = 0;
    int fracDigits = 0;
    bool seenDot = false;
    for (; pos < text.size(); ++pos) {
        const QChar c = text.at(pos);
        if (c == QLatin1Char('.')) {
            if (seenDot) {
                setError(error, QStringLiteral("amount '%1' has more than one decimal point").arg(text));
                return std::nullopt;
            }
            seenDot = true;
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            setError(error, QStringLiteral("amount '%1' is not a number like 12.34").arg(text));
            return std::nullopt;
        }
        if (seenDot) {
            if (++fracDigits > 2) {
                setError(error,
                         QStringLiteral("amount '%1' has more than two decimals (fen)").arg(text));
                return std::nullopt;
            }
        } else {
            ++intDigits;
        }
        units = units * 10 + unsigned(c.unicode() - '0');
        if (units > (unsigned __int128)std::numeric_limits<qint64>::max()) {
            setError(error, QStringLiteral("amount '%1' is too large").arg(text));
            return std::nullopt;
        }
    }
    if (intDigits == 0 && fracDigits == 0) {
        setError(error, QStringLiteral("amount '%1' has no digits").arg(text));
        return std::nullopt;
    }
    if (seenDot && fracDigits == 0) {
        setError(error, QStringLiteral("amount '%1' ends with a decimal point").arg(text));
        return std::nullopt;
    }
    for (int i = fracDigits; i < 2; ++i) {
        units *= 10;
        if (units > (unsigned __int128)std::numeric_limits<qint64>::max()) {
            setError(error, QStringLiteral("amount '%1' is too large").arg(text));
            return std::nullopt;
        }
    }
    if (units > (unsigned __int128)kMaxAmountFen) {
        setError(error, QStringLiteral("amount '%1' is above PayDesk's ceiling of %2")
                            .arg(text, Money::fromFen(kMaxAmountFen).toPlainString()));
        return std::nullopt;
    }
    const qint64 fen = qint64(units);
    return Money(negative ? -fen : fen, currency);
}

QString Money::toPlainString() const
{
    // Work in unsigned to format INT64_MIN without overflow.
    const bool negative = m_fen < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(m_fen) : quint64(m_fen);
    const quint64 whole = magnitude / 100;
    const quint64 cents = magnitude % 100;
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(whole)
        .arg(cents, 2, 10, QLatin1Char('0'));
}

QString Money::toDisplayString() const
{
    if (m_currency == kCny)
        return QStringLiteral("¥") + toPlainString();
    return toPlainString() + QLatin1Char(' ') + m_currency;
}

std::optional<Money> Money::checkedAdd(const Money& other) const
{
    if (other.m_currency != m_currency)
        return std::nullopt;
    qint64 out = 0;
    if (__builtin_add_overflow(m_fen, other.m_fen, &out))
        return std::nullopt;
    return Money(out, m_currency);
}

std::optional<Money> Money::checkedSub(const Money& other) const
{
    if (other.m_currency != m_currency)
        return std::nullopt;
    qint64 out = 0;
    if (__builtin_sub_overflow(m_fen, other.m_fen, &out))
        return std::nullopt;
    return Money(out, m_currency);
}

std::optional<Money> Money::checkedMulDiv(qint64 num, qint64 den) const
{
    Q_ASSERT(den > 0);
    const __int128 product = (__int128)m_fen * num;
    __int128 quotient = product / den;
    const __int128 remainder = product % den;
    // Half away from zero, as Chinese channel fee schedules round.
    if (remainder != 0) {
        const __int128 twice = (remainder < 0 ? -remainder : remainder) * 2;
        if (twice >= den)
            quotient += product < 0 ? -1 : 1;
    }
    if (quotient > std::numeric_limits<qint64>::max() ||
        quotient < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return Money(qint64(quotient), m_currency);
}

bool Money::lessThan(const Money& other) const
{
    Q_ASSERT_X(other.m_currency == m_currency, "Money::lessThan", "currency mismatch");
    return m_fen < other.m_fen;
}

} // namespace paydesk
