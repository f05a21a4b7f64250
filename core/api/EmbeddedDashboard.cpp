#include "api/EmbeddedDashboard.h"

#include "common/Clock.h"
#include "ledger/TakingsBook.h"
#include "recon/Reconciler.h"
#include "store/Database.h"

namespace paydesk {

void EmbeddedDashboard::figures(qint64 fromMs, qint64 toMs, Reply<DashboardResult> reply)
{
    DashboardResult r;
    if (fromMs >= toMs) {
        r.outcome = BackOfficeOutcome::fail(BackOfficeStatus::InvalidArgument,
                                            QStringLiteral("the period must end after it starts"));
        return reply(r);
    }
    if (toMs - fromMs > kDashboardMaxPeriodMs) {
        r.outcome = BackOfficeOutcome::fail(
            BackOfficeStatus::InvalidArgument,
            QStringLiteral("the period is longer than a year: choose a shorter one"));
        return reply(r);
    }
    std::optional<DashboardFigures> f = m_takings.figures(fromMs, toMs);
    const std::optional<qint64> differences = f ? m_recon.needingActionCount() : std::nullopt;
    if (!differences) {
        r.outcome = BackOfficeOutcome::fail(
            BackOfficeStatus::StorageError,
            QStringLiteral("the figures could not be read (%1): try again").arg(m_db.lastError()));
        return reply(r);
    }
    r.figures = std::move(*f);
    r.figures.openDifferences = *differences;
    r.figures.asOfMs = m_clock.nowMs();
    reply(r);
}

} // namespace paydesk
