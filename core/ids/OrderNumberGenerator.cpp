#include "ids/IdGenerator.h"
#include "common/ChinaTime.h"

#include <QDateTime>
#include <QTimeZone>

namespace paydesk {

QString normalizeSiteId(const QString& id)
{
    QString out;
    for (QChar c : id.toUpper())
        if ((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
            (c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            out += c;
    out = out.right(4);
    while (out.size() < 4)
        out.prepend(QLatin1Char('0'));
    return out;
}

QString OrderNumberGenerator::prefixOf(IdKind kind)
{
    switch (kind) {
    case IdKind::Order:
        return QStringLiteral("PO");
    case IdKind::Payment:
        return QStringLiteral("PA");
    case IdKind::Refund:
        return QStringLiteral("RF");
    case IdKind::Revoke:
        return QStringLiteral("RV");
    }
    return QStringLiteral("XX");
}

OrderNumberGenerator::OrderNumberGenerator(const Clock& clock, QString storeId, QString terminalId,
                                           ReserveRange reserve, qint64 maxLeaseMs)
    : m_clock(clock), m_storeId(normalizeSiteId(storeId)),
      m_terminalId(normalizeSiteId(terminalId)), m_leaseMs(qMin(kMinLeaseMs, maxLeaseMs)),
      m_maxLeaseMs(maxLeaseMs), m_reserve(std::move(reserve))
{
    Q_ASSERT(maxLeaseMs > 0);
}

bool OrderNumberGenerator::reserveFrom(qint64 fromMs)
{
    const qint64 now = m_clock.nowMs();
    // Used up within twice its length: this generator is busy, reserve more
    // at a time; otherwise back to the smallest range.
    if (m_rangeEndMs > 0 && now - m_reservedAtMs <= 2 * m_leaseMs)
        m_leaseMs = qMin(m_leaseMs * 2, m_maxLeaseMs);
    else
        m_leaseMs = qMin(kMinLeaseMs, m_maxLeaseMs);
    const std::optional<qint64> start = m_reserve(fromMs, m_leaseMs);
    if (!start)
        return false;
    Q_ASSERT(*start >= fromMs);
    m_rangeStartMs = *start;
    m_rangeEndMs = *start + m_leaseMs;
    m_reservedAtMs = now;
    return true;
}

QString OrderNumberGenerator::next(IdKind kind)
{
    const qint64 now = m_clock.nowMs();
    if (now > m_lastMs) {
        m_lastMs = now;
        m_sequence = 0;
    } else if (m_sequence >= 9999) {
        // Sequence exhausted within one millisecond (or the clock went back):
        // borrow the next millisecond rather than repeat a number.
        ++m_lastMs;
        m_sequence = 0;
    } else {
        ++m_sequence;
    }
    if (m_lastMs < m_rangeStartMs || m_lastMs >= m_rangeEndMs) {
        if (!reserveFrom(m_lastMs))
            return QString(); // nothing issued: the next call tries again
        if (m_rangeStartMs > m_lastMs) {
            // Another process holds the milliseconds up to here.
            m_lastMs = m_rangeStartMs;
            m_sequence = 0;
        }
    }
    const QString stamp = chinaTime(m_lastMs)
                              .toString(QStringLiteral("yyyyMMddHHmmsszzz"));
    return prefixOf(kind) + QLatin1Char('1') + m_storeId + m_terminalId + stamp +
           QStringLiteral("%1").arg(m_sequence, 4, 10, QLatin1Char('0'));
}

QString OrderNumberGenerator::checkFormat(const QString& number)
{
    if (number.size() != 32)
        return QStringLiteral("'%1' is not a PayDesk number: they have 32 characters, like "
                              "PO100010001202611231200000000000")
            .arg(number);
    const QString prefix = number.left(2);
    if (prefix != QLatin1String("PO") && prefix != QLatin1String("PA") &&
        prefix != QLatin1String("RF") && prefix != QLatin1String("RV"))
        return QStringLiteral("'%1' does not start with PO, PA, RF or RV").arg(number);
    if (number.at(2) != QLatin1Char('1'))
        return QStringLiteral("'%1' has an unknown format version '%2' (expected 1)")
            .arg(number, number.at(2));
    auto isAsciiDigit = [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); };
    for (int i = 3; i < 11; ++i) {
        const QChar c = number.at(i);
        if (!isAsciiDigit(c) && !(c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            return QStringLiteral("'%1' has a store or terminal part that is not 0-9/A-Z")
                .arg(number);
    }
    // ASCII only: QChar::isDigit() would also accept full-width and other digits.
    for (int i = 11; i < 32; ++i)
        if (!isAsciiDigit(number.at(i)))
            return QStringLiteral("'%1' has a non-digit in its time or sequence part").arg(number);
    return QString();
}

} // namespace paydesk
