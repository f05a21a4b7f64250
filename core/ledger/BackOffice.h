#pragma once

#include "ledger/ApprovalStore.h"
#include "ledger/Approvals.h"
#include "ledger/EnginePostings.h"
#include "ledger/InternalCheck.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerBackfill.h"
#include "ledger/Settlement.h"
#include "ledger/SettlementStore.h"
#include "ledger/WalletStore.h"
#include "ledger/Wallets.h"

namespace paydesk {

// The accounting side of the core over the engine's connection: ledger,
// clearing and settlement, payouts and adjustments, member wallets, and the
// internal check. Writes join the engine's group commit; commit() makes
// them durable now (the CLI and back-office screens answer after it).
class BackOffice
{
public:
    // `movements`: the engine's recorded money movements, for the backfill
    // and the internal check.
    BackOffice(Database& db, Clock& clock, LedgerConfig config, QString storeId,
               Wallets::PaidAmount paidAmount, RecordedMovements& movements);

    QString open();
    bool commit();

    Ledger& ledger() { return m_ledger; }
    Settlement& settlement() { return m_settlement; }
    Approvals& approvals() { return m_approvals; }
    Wallets& wallets() { return m_wallets; }
    MoneyMovements& engineSink() { return m_enginePostings; }
    InternalCheckReport check();
    // Movements from before the ledger existed (see LedgerBackfill): open()
    // leaves them for the owner to post once every schema is migrated.
    bool backfillPending() { return backfiller().pending(); }
    BackfillReport backfill(int batchSize = 2000, int maxBatches = 0)
    {
        return backfiller().run(batchSize, maxBatches);
    }
    const LedgerConfig& config() const { return m_config; }

private:
    LedgerBackfill backfiller()
    {
        return LedgerBackfill(m_db, m_ledger, m_enginePostings, m_movements);
    }

    Database& m_db;
    RecordedMovements& m_movements;
    LedgerConfig m_config;
    Ledger m_ledger;
    SettlementStore m_settlementStore;
    ApprovalStore m_approvalStore;
    WalletStore m_walletStore;
    EnginePostings m_enginePostings;
    Settlement m_settlement;
    Approvals m_approvals;
    Wallets m_wallets;
};

} // namespace paydesk
