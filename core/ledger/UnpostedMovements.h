#pragma once

#include "engine/RecordedMovements.h"

#include <QString>

#include <vector>

namespace paydesk {

class Database;
class Ledger;

// Walks the engine's recorded movements a page at a time, in number order,
// and gives each page's movements that have no ledger entry: the gaps
// LedgerBackfill posts and InternalCheck counts. One read of the engine and
// one range read of the ledger's keys per kind per page, never a lookup per
// movement.
class UnpostedMovements
{
public:
    enum class Source
    {
        Payments, // captures, and reversals of reversed payments
        Refunds
    };
    UnpostedMovements(Database& db, Ledger& ledger, RecordedMovements& movements, Source source,
                      int pageSize);

    // The next page's unposted movements (possibly none). False when the
    // pages are done or on I/O error (error() says which).
    bool next(std::vector<RecordedMovement>& unposted);
    QString error() const { return m_error; }

private:
    Database& m_db;
    Ledger& m_ledger;
    RecordedMovements& m_movements;
    Source m_source;
    int m_pageSize;
    QString m_after; // the last page's last number
    QString m_error;
};

} // namespace paydesk
