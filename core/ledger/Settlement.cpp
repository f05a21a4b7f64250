#include "ledger/Settlement.h"

#include "api/types/Accounts.h"
#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "ledger/Ledger.h"
#include "store/Database.h"

namespace paydesk {

Settlement::Settlement(Database& db, Ledger& ledger, SettlementStore& store, Clock& clock,
                       LedgerConfig config)
    : m_db(db), m_ledger(ledger), m_store(store), m_clock(clock), m_config(std::move(config))
{
}

QList<SettlementRow> Settlement::runs(const QString& merchantId)
{
    return m_store.settlements(merchantId.isEmpty() ? m_config.merchantId : merchantId);
}

SettlementReport Settlement::run(const QDate& day, const QString& by, const QString& merchantIdIn)
{
    const QString merchantId = merchantIdIn.isEmpty() ? m_config.merchantId : merchantIdIn;
    SettlementReport report;
    auto fail = [&](BackOfficeStatus s, const QString& msg) {
        report.outcome = BackOfficeOutcome::fail(s, msg);
        return report;
    };
    if (!day.isValid())
        return fail(BackOfficeStatus::InvalidArgument, QStringLiteral("give the day to settle as YYYY-MM-DD"));
    if (by.trimmed().isEmpty())
        return fail(BackOfficeStatus::InvalidArgument, QStringLiteral("say who runs the settlement (--by NAME)"));
    const QDate today = chinaTime(m_clock.nowMs()).date();
    const QDate dueFrom = day.addDays(m_config.settlementDelayDays);
    if (dueFrom > today)
        return fail(BackOfficeStatus::NotDue,
                    QStringLiteral("%1 can be settled from %2 (T+%3); today is %4 in China time")
                        .arg(day.toString(Qt::ISODate), dueFrom.toString(Qt::ISODate))
                        .arg(m_config.settlementDelayDays)
                        .arg(today.toString(Qt::ISODate)));
    // Under the write lock, so two runs of the same day cannot both post.
    if (!m_db.beginWrite())
        return fail(BackOfficeStatus::StorageError, m_db.lastError());
    const QString number = merchantId + QLatin1Char(':') + day.toString(Qt::ISODate);
    if (const auto existing = m_store.settlement(merchantId, day)) {
        report.row = *existing;
        report.outcome = {BackOfficeStatus::Repeated,
                          QStringLiteral("%1 was settled before by %2; nothing changed")
                              .arg(number, existing->runBy),
                          number};
        return report;
    }
    const auto totals = m_store.unsettledTotals(merchantId, day);
    if (!totals)
        return fail(BackOfficeStatus::StorageError, m_store.lastError());

    SettlementRow row;
    row.merchantId = merchantId;
    row.businessDate = day;
    row.totals = *totals;
    row.runBy = by;
    row.atMs = m_clock.nowMs();
    const qint64 net = totals->netFen();
    const qint64 fee = totals->feeFen;
    if (net != 0 || fee != 0) {
        row.entryKey = QStringLiteral("settle:") + number;
        LedgerTransaction t(m_ledger, row.entryKey, refkind::settlement, number, QString(),
                            QStringLiteral("settlement of %1 by %2").arg(number, by));
        // Signed amounts: a day with more refunds than payments moves money back.
        if (net != 0)
            t.debit(accounts::merchantPending(merchantId), Money::fromFen(net));
        if (net - fee != 0)
            t.credit(accounts::merchantAvailable(merchantId), Money::fromFen(net - fee));
        if (fee != 0)
            t.credit(accounts::feeIncome(merchantId), Money::fromFen(fee));
        QString error;
        const PostResult r = t.commit(&error);
        if (r != PostResult::Posted)
            return fail(statusOfFailedPost(r), error);
    }
    if (!m_store.markSettled(merchantId, day) || !m_store.insertSettlement(row))
        return fail(BackOfficeStatus::StorageError, m_store.lastError());
    report.row = row;
    report.outcome = {BackOfficeStatus::Ok,
                      QStringLiteral("settled %1: %2 items, net %3, fees %4, %5 now available")
                          .arg(number)
                          .arg(totals->items)
                          .arg(Money::fromFen(net).toPlainString(), Money::fromFen(fee).toPlainString(),
                               Money::fromFen(net - fee).toPlainString()),
                      number};
    return report;
}

} // namespace paydesk
