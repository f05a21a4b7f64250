#pragma once

#include "api/GuardedApi.h"
#include "api/PayDeskApi.h"
#include "api/types/Clock.h"
#include "api/types/Commands.h"

#include <QString>

#include <functional>
#include <memory>

class QTemporaryDir;

namespace paydesk::ui {

// What the screens get from whoever built the core: the facade, the clock
// the core runs on (for countdowns to its deadlines) and, in the demo only, a
// way to play the customer. Screens never see how the core was built
// (embedded, sandbox in-process or over loopback HTTP, later remote).
struct CoreSession
{
    CoreSession();
    ~CoreSession();
    CoreSession(const CoreSession&) = delete;
    CoreSession& operator=(const CoreSession&) = delete;

    // Whatever serves the core's channels in the demo (the sandbox gateway):
    // declared first so it outlives the api.
    std::shared_ptr<void> backend;
    // The core in this process (null for a remote one); `api` is the core
    // as the logged-in person may use it, declared after so it goes first.
    std::unique_ptr<PayDeskApi> core;
    std::unique_ptr<PayDeskApi> api;
    // People and sessions, and the session `api` acts for: null for a
    // remote core (the server checks the terminal, nobody logs in there yet).
    UserAccess* users = nullptr;
    GuardedApi* guard = nullptr;
    // Whatever takes requests for the api from outside (the demo's
    // notify_url listener): declared after it, so it stops first.
    std::shared_ptr<void> listener;
    const Clock* clock = nullptr;
    bool demo = false;
    // Some wallet is served by the sandbox acquirer (the demo, or a test
    // shop's "sandbox": true): nothing is really charged, and the title,
    // status bar and receipts say so.
    bool sandbox = false;
    QString dataDir;
    // Demo: the customer scans a QR code URL with a sandbox payment code.
    // Returns an error text, empty on success. Empty function: no sandbox.
    std::function<QString(const QString& codeUrl, const QString& customerCode)> customerScan;
    // Demo: a test code of `wallet` that pays at once (the simulated
    // customer's). Empty function: no sandbox.
    std::function<QString(Wallet wallet)> customerCode;
    // Owned resources that must outlive the api (temp data dir, clocks, ...).
    std::unique_ptr<QTemporaryDir> tempDir;
    std::unique_ptr<Clock> ownedClock;

    bool canSimulateCustomer() const { return bool(customerScan); }
    // Whether the logged-in person may use `useCase` (always, without a
    // guard): screens offer only what this allows, the core still refuses.
    BackOfficeOutcome permit(UseCase useCase) const
    {
        return guard ? guard->permit(useCase) : BackOfficeOutcome{};
    }
};

} // namespace paydesk::ui
