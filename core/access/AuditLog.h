#pragma once

#include "api/types/Audit.h"

#include <optional>

namespace paydesk {

class Clock;
class Database;

// The audit log's rows, in the engine's transactions: a request is written
// before the use case runs (so it commits with the change it asks for) and
// its outcome once the answer comes.
class AuditLog final : public AuditAccess
{
public:
    AuditLog(Database& db, const Clock& clock);
    QString open(); // migrates; error text, empty on success

    // The entry's id, or 0 when it could not be staged (the storage has
    // failed: the use case fails with it).
    qint64 begin(const AuditEntry& entry);
    void finish(qint64 id, const QString& outcome, const QString& message);

    // Who took the sale with this request number (its pay or QR request
    // that was answered ok): '' when nobody logged in did, nullopt on an
    // I/O error.
    std::optional<QString> takerOf(const QString& requestNo);
    QString lastError() const;

    void entries(const AuditFilter& filter,
                 std::function<void(const QList<AuditEntry>&)> reply) override;

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace paydesk
