#pragma once

#include "engine/EngineConfig.h"
#include "ledger/LedgerConfig.h"
#include "recon/ReconTypes.h"

namespace paydesk {

// The whole core's configuration, composed of each module's own: the
// engine's (routes, policies, gateways, database), the ledger's (fee rates,
// settlement, limits) and reconciliation's (cut-off window). Each module
// sees only its part; the file loader (api/ConfigFile) fills them all.
struct CoreConfig : EngineConfig
{
    // The merchant's accounting: fee rates, settlement period, payout limits.
    LedgerConfig ledger;
    // Reconciliation (billsDir is set by whoever knows the data directory).
    ReconConfig recon;
};

} // namespace paydesk
