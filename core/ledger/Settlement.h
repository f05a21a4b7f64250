#pragma once

#include "ledger/BackOfficeResult.h"
#include "ledger/LedgerConfig.h"
#include "ledger/SettlementStore.h"

namespace paydesk {

class Clock;
class Database;
class Ledger;

// The settlement run (T+N): moves a day's net from the merchant's pending
// settlement to available, minus the day's fees, in one entry:
//   Dr pending net / Cr available (net − fees) / Cr fee income fees.
// Idempotent per merchant and day: a rerun returns the first report.
class Settlement
{
public:
    Settlement(Database& db, Ledger& ledger, SettlementStore& store, Clock& clock, LedgerConfig config);

    SettlementReport run(const QDate& day, const QString& by, const QString& merchantId = QString());
    QList<SettlementRow> runs(const QString& merchantId = QString());

private:
    Database& m_db;
    Ledger& m_ledger;
    SettlementStore& m_store;
    Clock& m_clock;
    LedgerConfig m_config;
};

} // namespace paydesk
