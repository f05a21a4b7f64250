#pragma once

#include "common/Clock.h"

#include <QString>

#include <functional>

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

// Seed 004's order number: business prefix (2) + format version (1) + store
// (4) + terminal (4) + China time yyyyMMddHHmmsszzz (17) + sequence (4), 32
// characters, sortable by time within a terminal.
//
// Unique across restarts: the generator leases time ahead (leaseMs) and
// persists the lease end through persistLease before issuing numbers under
// it; a restarted generator starts after the stored lease, so even a clock
// set back cannot repeat a number. Unique across terminals: the terminal id
// is part of the number.
class OrderNumberGenerator final : public IdGenerator
{
public:
    OrderNumberGenerator(const Clock& clock, QString storeId, QString terminalId,
                         qint64 leasedUntilMs, std::function<void(qint64)> persistLease,
                         qint64 leaseMs = 1000);

    QString next(IdKind kind) override;

    // Validation for numbers typed by people: returns an error text or empty.
    static QString checkFormat(const QString& number);
    static QString prefixOf(IdKind kind);

private:
    const Clock& m_clock;
    QString m_storeId;
    QString m_terminalId;
    qint64 m_lastMs;
    int m_sequence = 0;
    qint64 m_leasedUntilMs;
    qint64 m_leaseMs;
    std::function<void(qint64)> m_persistLease;
};

// Normalises a store or terminal id to exactly 4 characters [0-9A-Z].
QString normalizeSiteId(const QString& id);

} // namespace paydesk
