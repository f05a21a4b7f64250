#include "recon/BillText.h"

#include "common/ChinaTime.h"
#include "money/Money.h"

#include <QDate>

#include <cstring>

namespace paydesk {

bool parseDecimal(QByteArrayView text, int decimals, qint64* units)
{
    const char* p = text.data();
    const char* const end = p + text.size();
    bool negative = false;
    if (p < end && *p == '-') {
        negative = true;
        ++p;
    }
    qint64 whole = 0;
    int digits = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        if (++digits > 15)
            return false;
        whole = whole * 10 + (*p++ - '0');
    }
    if (digits == 0)
        return false;
    qint64 fraction = 0;
    int places = 0;
    if (p < end && *p == '.') {
        ++p;
        while (p < end && *p >= '0' && *p <= '9') {
            if (++places > decimals)
                return false;
            fraction = fraction * 10 + (*p++ - '0');
        }
        if (places == 0)
            return false;
    }
    if (p != end)
        return false;
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    for (int i = places; i < decimals; ++i)
        fraction *= 10;
    // Fifteen digits at five decimals pass int64 (999999999999999.00000 is
    // 10^20 units): such a text is refused, never wrapped into a small
    // amount that passes the ceiling.
    qint64 v = 0;
    if (__builtin_mul_overflow(whole, scale, &v) || __builtin_add_overflow(v, fraction, &v))
        return false;
    *units = negative ? -v : v;
    return true;
}

qint64 feeUnitsToFen(qint64 units)
{
    // 1 fen = 1000 units; half a fen (500) goes away from zero.
    return units < 0 ? -((-units + 500) / 1000) : (units + 500) / 1000;
}

bool withinAmountCeiling(qint64 units, int decimals)
{
    // Fen are 10^-2 yuan: scale the ceiling to the units' own decimals.
    qint64 ceiling = kMaxAmountFen;
    for (int i = 2; i < decimals; ++i)
        ceiling *= 10;
    for (int i = decimals; i < 2; ++i)
        ceiling /= 10;
    return units >= -ceiling && units <= ceiling;
}

QString amountCeilingText()
{
    return decimalText(kMaxAmountFen, 2);
}

QString decimalText(qint64 units, int decimals)
{
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    const qint64 a = units < 0 ? -units : units;
    return QStringLiteral("%1%2.%3")
        .arg(units < 0 ? QStringLiteral("-") : QString())
        .arg(a / scale)
        .arg(a % scale, decimals, 10, QLatin1Char('0'));
}

namespace {

bool digits(const char* p, int n, int* out)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return true;
}

// China time's offset from UTC, in seconds, taken from the one zone the
// project uses (fixed: China has no daylight saving).
qint64 chinaOffsetSeconds()
{
    static const qint64 offset =
        chinaZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    return offset;
}

} // namespace

bool ChinaTimeParser::parse(QByteArrayView text, qint64* ms)
{
    if (text.size() != 19)
        return false;
    const char* p = text.data();
    if (p[4] != '-' || p[7] != '-' || p[10] != ' ' || p[13] != ':' || p[16] != ':')
        return false;
    if (!m_hasLast || std::memcmp(m_lastDate, p, 10) != 0) {
        int y = 0, mo = 0, d = 0;
        if (!digits(p, 4, &y) || !digits(p + 5, 2, &mo) || !digits(p + 8, 2, &d) ||
            !QDate::isValid(y, mo, d))
            return false;
        // Julian day 2440588 is 1970-01-01.
        m_lastDays = QDate(y, mo, d).toJulianDay() - 2440588;
        std::memcpy(m_lastDate, p, 10);
        m_hasLast = true;
    }
    int h = 0, mi = 0, s = 0;
    if (!digits(p + 11, 2, &h) || !digits(p + 14, 2, &mi) || !digits(p + 17, 2, &s) || h > 23 ||
        mi > 59 || s > 59)
        return false;
    *ms = (m_lastDays * 86400 + h * 3600 + mi * 60 + s - chinaOffsetSeconds()) * 1000;
    return true;
}

int splitFields(QByteArrayView line, char separator, QByteArrayView* fields, int max)
{
    if (line.isEmpty()) {
        if (max > 0)
            fields[0] = line;
        return 1;
    }
    const char* p = line.data();
    const char* const end = p + line.size();
    int n = 0;
    // A plain loop: fields are short, so memchr's call costs more than it saves.
    const char* start = p;
    for (; p < end; ++p) {
        if (*p == separator) {
            if (n < max)
                fields[n] = QByteArrayView(start, p - start);
            ++n;
            start = p + 1;
        }
    }
    if (n < max)
        fields[n] = QByteArrayView(start, end - start);
    return n + 1;
}

void assignUtf8(QString& dst, QByteArrayView utf8)
{
    if (!isAscii(utf8)) {
        dst = QString::fromUtf8(utf8);
        return;
    }
    dst.resize(utf8.size()); // keeps the buffer unless shared (then detaches)
    char16_t* out = reinterpret_cast<char16_t*>(dst.data());
    for (char c : utf8)
        *out++ = char16_t(quint8(c));
}

bool isAscii(QByteArrayView text)
{
    for (char c : text)
        if (quint8(c) >= 0x80)
            return false;
    return true;
}

} // namespace paydesk
