#pragma once

#include "engine/EngineConfig.h"
#include "ledger/LedgerConfig.h"
#include "recon/ReconTypes.h"

namespace paydesk {

// The whole core's configuration, composed of each module's own: the
// engine's (routes, policies, gateways, database), the ledger's (fee rates,
// settlement, limits) and reconciliation's (cut-off window). Each module
// sees only its part; the file loader (api/ConfigFile) fills them all.
// `paydesk-core serve`: where it listens, its TLS files and what one
// caller may take. Command-line options override the file.
struct ServerConfig
{
    QString listen;   // "ADDRESS:PORT"; empty: 127.0.0.1:8443
    QString certFile; // PEM, absolute (relative names are the config file's)
    QString keyFile;
    int maxBodyKiB = 256;
    int maxConnections = 256;
    int requestTimeoutSeconds = 30;
    int requestsPerSecond = 50; // per terminal
    int eventBacklog = 10'000;  // messages a reconnecting subscriber can catch up on
};

struct CoreConfig : EngineConfig
{
    // The merchant's accounting: fee rates, settlement period, payout limits.
    LedgerConfig ledger;
    // Reconciliation (billsDir is set by whoever knows the data directory).
    ReconConfig recon;
    ServerConfig server;
    // A logged-in person's session ends after this long unused.
    qint64 sessionIdleMs = 15 * 60'000;
    // With logins on, what a cashier may refund of one order in all;
    // a supervisor refunds more.
    qint64 cashierRefundLimitFen = 50'000; // ¥500.00
};

} // namespace paydesk
