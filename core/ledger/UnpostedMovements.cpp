#include "ledger/UnpostedMovements.h"

#include "ledger/EnginePostings.h"
#include "ledger/Ledger.h"
#include "store/Database.h"

#include <QSet>

namespace paydesk {

UnpostedMovements::UnpostedMovements(Database& db, Ledger& ledger, RecordedMovements& movements,
                                     Source source, int pageSize)
    : m_db(db), m_ledger(ledger), m_movements(movements), m_source(source), m_pageSize(pageSize)
{
    Q_ASSERT(pageSize > 0);
}

bool UnpostedMovements::next(std::vector<RecordedMovement>& unposted)
{
    unposted.clear();
    const auto page = m_source == Source::Payments ? m_movements.paymentsAfter(m_after, m_pageSize)
                                                   : m_movements.refundsAfter(m_after, m_pageSize);
    if (!page) {
        m_error = m_movements.lastError();
        return false;
    }
    if (page->empty())
        return false;
    m_after = page->back().refNo;
    // Keys of one kind sort as their numbers do (one prefix), so the page's
    // first and last number of a kind bound its posted keys of that kind.
    using K = RecordedMovement::Kind;
    QSet<QString> posted;
    for (const K kind : {K::Capture, K::Reversal, K::Refund}) {
        QString first, last;
        for (const RecordedMovement& m : *page)
            if (m.kind == kind) {
                if (first.isEmpty())
                    first = m.refNo;
                last = m.refNo;
            }
        if (first.isEmpty())
            continue;
        const auto keys = m_ledger.keysBetween(EnginePostings::keyOf(kind, first),
                                               EnginePostings::keyOf(kind, last));
        if (!keys) {
            m_error = m_db.lastError();
            return false;
        }
        posted.unite(*keys);
    }
    for (const RecordedMovement& m : *page)
        if (!posted.contains(EnginePostings::keyOf(m.kind, m.refNo)))
            unposted.push_back(m);
    return true;
}

} // namespace paydesk
