#pragma once

#include <QByteArrayView>
#include <QString>

namespace paydesk {

// Byte-level helpers shared by the bill parsers: they run once per field of
// a million-line bill, so they work on the raw bytes and build no strings.

// "12.34", "-0.05", "7", "0.00600": a decimal with at most `decimals`
// places, as an integer count of 10^-decimals units (yuan "12.34" with 2 ->
// 1234 fen). Nothing else is accepted: no spaces, no exponent, no second
// point, at most 15 integer digits, nothing that overflows int64 at the
// given scale.
bool parseDecimal(QByteArrayView text, int decimals, qint64* units);

// Whether `units` (10^-decimals yuan, decimals 0 to 5) lies within PayDesk's
// ceiling on any one amount, kMaxAmountFen either way. Bills come from
// outside: a line beyond it is a damaged or forged bill, and a million such
// lines would overflow the day's sums.
bool withinAmountCeiling(qint64 units, int decimals);

// The ceiling as bills write it, for messages: "1000000000.00".
QString amountCeilingText();

// 10^-5 yuan units to fen, rounded half away from zero (WeChat's fees).
qint64 feeUnitsToFen(qint64 units);

// Units back to text for messages: (1234, 2) -> "12.34".
QString decimalText(qint64 units, int decimals);

// "yyyy-MM-dd HH:mm:ss" in China time (UTC+8) to ms since the epoch. Bills
// hold one day, so the date's day number is cached between calls.
class ChinaTimeParser
{
public:
    bool parse(QByteArrayView text, qint64* ms);

private:
    char m_lastDate[10] = {};
    qint64 m_lastDays = 0;
    bool m_hasLast = false;
};

// Splits `line` at `separator` into at most `max` views; returns how many
// fields there are (also when more than `max`).
int splitFields(QByteArrayView line, char separator, QByteArrayView* fields, int max);

// Bytes below 0x80 only: such a field is the same in UTF-8, GBK and Latin-1.
bool isAscii(QByteArrayView text);

// dst = the UTF-8 text, reusing dst's buffer when it owns it alone: a bill
// parser fills the same line's fields a million times, and a fresh string
// per field per line was a good part of its time.
void assignUtf8(QString& dst, QByteArrayView utf8);

} // namespace paydesk
