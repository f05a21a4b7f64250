#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace paydesk {

// ISO 4217 code; every PayDesk amount carries one so that yuan and other
// currencies can never be added by accident.
using Currency = QString;
inline const Currency kCny = QStringLiteral("CNY");

// The largest amount PayDesk takes anywhere one enters (configuration, CLI,
// API, channel answers, bills): ¥1,000,000,000.00. No shop sale comes near
// it, and 92 million entries of it still fit a balance in int64, so a
// typo'd or hostile amount is refused where it enters instead of
// overflowing a balance later.
inline constexpr qint64 kMaxAmountFen = 100'000'000'000;

// An amount of money as an integer of minor units (fen for CNY). Doubles never
// appear where money flows: parsing and formatting work on digits only, and
// arithmetic is overflow-checked.
class Money
{
public:
    Money() = default;
    static Money fromFen(qint64 fen, const Currency& currency = kCny)
    {
        return Money(fen, currency);
    }

    // Parses "12", "12.3", "12.34", "-0.05". More than two decimals, signs in
    // the middle, exponents, grouping separators or a magnitude above
    // kMaxAmountFen are refused: the caller gets std::nullopt and a reason.
    static std::optional<Money> parse(const QString& text, const Currency& currency = kCny,
                                      QString* error = nullptr);

    qint64 fen() const { return m_fen; }
    const Currency& currency() const { return m_currency; }
    bool isZero() const { return m_fen == 0; }
    bool isPositive() const { return m_fen > 0; }
    bool isNegative() const { return m_fen < 0; }

    // "12.34" (no currency), always two decimals.
    QString toPlainString() const;
    // "¥12.34" for CNY, "12.34 USD" otherwise.
    QString toDisplayString() const;

    // Checked arithmetic: std::nullopt on overflow or currency mismatch.
    std::optional<Money> checkedAdd(const Money& other) const;
    std::optional<Money> checkedSub(const Money& other) const;
    // Multiplies by num/den with 128-bit intermediate and half-up rounding;
    // used for fee rates expressed in basis points.
    std::optional<Money> checkedMulDiv(qint64 num, qint64 den) const;

    friend bool operator==(const Money& a, const Money& b)
    {
        return a.m_fen == b.m_fen && a.m_currency == b.m_currency;
    }
    friend bool operator!=(const Money& a, const Money& b) { return !(a == b); }

    // Comparisons across currencies are programmer errors.
    bool lessThan(const Money& other) const;

private:
    Money(qint64 fen, Currency currency) : m_fen(fen), m_currency(std::move(currency)) {}
    qint64 m_fen = 0;
    Currency m_currency = kCny;
};

// "12.34", "-0.05": fen as yuan with two decimals, no currency (bills,
// reports, JSON).
inline QString plainYuan(qint64 fen)
{
    return Money::fromFen(fen).toPlainString();
}

} // namespace paydesk
