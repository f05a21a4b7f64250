#pragma once

#include "api/CoreConfig.h"
#include "app/CoreSession.h"

#include <QString>

#include <memory>
#include <optional>

namespace paydesk::app {

struct CoreOptions
{
    // Demo: a throw-away data dir, the in-process sandbox acquirer behind
    // every wallet, sample orders. Otherwise the configured data dir.
    bool demo = false;
    QString dataDir;    // empty: QStandardPaths (or a temp dir in the demo)
    QString configPath; // empty: DIR/paydesk.json when it exists
    bool durable = true;
    bool sampleOrders = true;           // demo only
    Clock* clock = nullptr;             // tests: a manual clock
    std::optional<CoreConfig> config;   // tests: replaces the config file
    // A server instead of a core in this process: its URL and this
    // terminal's key file (empty: terminal.json in the default data dir).
    QString remoteUrl;
    QString terminalKey;
};

// The one place the GUI's core is built: EmbeddedApi on SQLite. The demo
// (without an injected config or clock) reaches the sandbox through the real
// adapters over loopback HTTPS (DemoGateway) and takes its notifications on
// a loopback notify listener; tests keep the in-process sandbox. Screens
// see none of it. Returns null and an error text when the core cannot open.
std::unique_ptr<ui::CoreSession> createCore(const CoreOptions& options, QString* error);

// Where the core keeps its data when nothing else is said.
QString defaultDataDir();

} // namespace paydesk::app
