#pragma once

#include "common/Clock.h"

#include <QString>

#include <functional>
#include <optional>

namespace paydesk {

// What a number names; the prefix makes it readable at a glance.
enum class IdKind { Order, Payment, Refund, Revoke };

// Injected so tests can produce predictable numbers.
class IdGenerator
{
public:
    virtual ~IdGenerator() = default;
    virtual QString next(IdKind kind) = 0;
};

// The order number: business prefix (2) + format version (1) + store
// (4) + terminal (4) + China time yyyyMMddHHmmsszzz (17) + sequence (4), 32
// characters, sortable by time within a terminal.
//
// Unique across processes and restarts: every millisecond a number names
// belongs to one generator alone. A generator reserves a range of
// milliseconds through `reserve` before it issues a number in it; `reserve`
// must be atomic across every process sharing the terminal's numbers (the
// core does it in its write transaction, under the writers' lock) and
// durable with the numbers issued under it. Unique across terminals: the
// terminal id is part of the number.
//
// Near the clock: ranges start small and grow only while the generator keeps
// using them up (a busy counter reserves about once a second), so a
// short-lived process holds a few milliseconds, not a second, and numbers
// never run ahead of the clock by more than what other live processes hold.
class OrderNumberGenerator final : public IdGenerator
{
public:
    // Reserves [start, start + lengthMs) with start >= fromMs and after
    // every range reserved before (by anyone); returns start, or nothing
    // when storage failed.
    using ReserveRange = std::function<std::optional<qint64>(qint64 fromMs, qint64 lengthMs)>;

    OrderNumberGenerator(const Clock& clock, QString storeId, QString terminalId,
                         ReserveRange reserve, qint64 maxLeaseMs = 1000);

    // Empty when no range could be reserved (storage failed): nothing may be
    // written under it then anyway.
    QString next(IdKind kind) override;

    // Validation for numbers typed by people: returns an error text or empty.
    static QString checkFormat(const QString& number);
    static QString prefixOf(IdKind kind);

    static constexpr qint64 kMinLeaseMs = 16;

private:
    bool reserveFrom(qint64 fromMs);

    const Clock& m_clock;
    QString m_storeId;
    QString m_terminalId;
    qint64 m_lastMs = -1;
    int m_sequence = 0;
    qint64 m_rangeStartMs = 0; // [start, end): this generator's own milliseconds
    qint64 m_rangeEndMs = 0;
    qint64 m_leaseMs;
    qint64 m_maxLeaseMs;
    qint64 m_reservedAtMs = 0; // clock time of the last reservation
    ReserveRange m_reserve;
};

// Normalises a store or terminal id to exactly 4 characters [0-9A-Z].
QString normalizeSiteId(const QString& id);

} // namespace paydesk
