#include "CoreFactory.h"

#include "RemoteApi.h"
#include "api/TerminalKeyFile.h"

#include "DemoData.h"
#include "DemoGateway.h"
#include "NotificationHttpServer.h"
#include "api/ConfigFile.h"
#include "api/EmbeddedApi.h"
#include "api/GuardedApi.h"
#include "sandbox/InProcessSandbox.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxGatewayConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace paydesk::app {

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

namespace {

// The counter works against a server: nothing of the core runs here.
std::unique_ptr<ui::CoreSession> createRemoteCore(const CoreOptions& options, QString* error)
{
    QList<QUrl> servers;
    if (QString e = RemoteApi::parseServers(options.remoteUrl, &servers); !e.isEmpty()) {
        *error = e;
        return nullptr;
    }
    RemoteOptions remote;
    remote.server = servers.takeFirst();
    remote.moreServers = servers;
    const QString keyPath = options.terminalKey.isEmpty()
                                ? QDir(defaultDataDir()).filePath(QStringLiteral("terminal.json"))
                                : options.terminalKey;
    if (QString e = readTerminalKey(keyPath, &remote.key); !e.isEmpty()) {
        *error = e + QStringLiteral(". Enrol this counter first: paydesk-core --remote URL enrol "
                                    "--store S --terminal T --code CODE");
        return nullptr;
    }
    auto session = std::make_unique<ui::CoreSession>();
    session->ownedClock = std::make_unique<SystemClock>();
    session->clock = session->ownedClock.get();
    session->dataDir = QFileInfo(keyPath).absolutePath();
    auto api = std::make_unique<RemoteApi>(remote);
    api->start();
    session->api = std::move(api);
    return session;
}

} // namespace

std::unique_ptr<ui::CoreSession> createCore(const CoreOptions& options, QString* error)
{
    if (!options.remoteUrl.isEmpty())
        return createRemoteCore(options, error);
    auto session = std::make_unique<ui::CoreSession>();
    session->demo = options.demo;
    QString dataDir = options.dataDir;
    if (dataDir.isEmpty() && options.demo) {
        session->tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                           QStringLiteral("/paydesk-demo-XXXXXX"));
        if (!session->tempDir->isValid()) {
            *error = QStringLiteral("cannot create a temporary data directory: %1")
                         .arg(session->tempDir->errorString());
            return nullptr;
        }
        dataDir = session->tempDir->path();
    }
    if (dataDir.isEmpty())
        dataDir = defaultDataDir();
    session->dataDir = dataDir;

    EmbeddedOptions opt;
    opt.dataDir = dataDir;
    opt.durable = options.durable;
    if (options.config) {
        opt.config = *options.config;
    } else {
        QString configPath = options.configPath;
        if (configPath.isEmpty() &&
            QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("paydesk.json"))))
            configPath = QDir(dataDir).filePath(QStringLiteral("paydesk.json"));
        if (!configPath.isEmpty()) {
            if (QString e = loadCoreConfig(configPath, opt.config); !e.isEmpty()) {
                *error = e;
                return nullptr;
            }
        }
    }
    // The in-process sandbox serves the demo and a test shop that asked for
    // it, never a wallet that merely lacks a gateway: that one is refused.
    std::shared_ptr<InProcessSandbox> sandbox;
    if (options.demo || opt.config.sandbox)
        opt.sandbox = sandbox = std::make_shared<InProcessSandbox>();
    if (options.clock) {
        opt.clock = options.clock;
        session->clock = options.clock;
    } else {
        session->ownedClock = std::make_unique<SystemClock>();
        session->clock = session->ownedClock.get();
        opt.clock = session->ownedClock.get();
    }
    // The real app's demo reaches the sandbox through the real adapters over
    // loopback HTTPS, as a merchant with real keys would reach the gateways.
    // Tests that inject an engine config or a clock keep the in-process one.
    std::shared_ptr<DemoGateway> gateway;
    // The notify listener starts before the engine: the gateways' notify
    // URLs name its port.
    std::shared_ptr<NotificationHttpServer> notifyServer;
    if (options.demo && !options.config && !options.clock) {
        notifyServer = std::make_shared<NotificationHttpServer>();
        if (notifyServer->listenOn(QHostAddress(QHostAddress::LocalHost), 0, error) == 0)
            return nullptr;
        DemoGatewayOptions demoOptions;
        demoOptions.dataDir = dataDir;
        demoOptions.durable = options.durable;
        demoOptions.notifyBaseUrl = notifyServer->baseUrl();
        gateway = std::make_shared<DemoGateway>(*session->clock, demoOptions);
        if (QString e = gateway->start(); !e.isEmpty()) {
            *error = QStringLiteral("cannot start the demo's sandbox acquirer: %1").arg(e);
            return nullptr;
        }
        gateway->configure(opt.config);
        opt.sandbox = sandbox = nullptr;
        session->backend = gateway;
    }
    auto api = std::make_unique<EmbeddedApi>(opt);
    if (QString e = api->open(); !e.isEmpty()) {
        *error = e;
        return nullptr;
    }
    if (notifyServer) {
        EmbeddedApi* raw = api.get();
        notifyServer->setHandler(
            [raw](const QString& channel, const QByteArray& body, const QString& source) {
                return raw->receiveNotification(channel, body, source);
            });
    }
    session->listener = notifyServer;
    session->sandbox = options.demo || api->servesSandbox();
    api->resumeAll(); // whatever a previous run left unfinished goes on now
    if (gateway) {
        DemoGateway* g = gateway.get();
        session->customerScan = [g](const QString& url, const QString& code) {
            return g->acquirer().customerScan(url, code);
        };
    } else if (sandbox && options.demo) {
        EmbeddedApi* raw = api.get();
        SandboxAcquirer* acquirer = sandbox->acquirer();
        session->customerScan = [acquirer, raw](const QString& url, const QString& code) {
            const QString e = acquirer->customerScan(url, code);
            raw->flush();
            return e;
        };
    }
    if (session->customerScan)
        session->customerCode = [](Wallet wallet) {
            return sandboxCode(wallet, SandboxBehaviour::InstantSuccess);
        };
    // Screens reach the core only as the logged-in person may use it (open
    // until the shop adds its first user).
    auto guarded = std::make_unique<GuardedApi>(*api);
    session->users = &api->userAccess();
    session->guard = guarded.get();
    session->core = std::move(api);
    session->api = std::move(guarded);
    if (options.demo && options.sampleOrders)
        addSampleOrders(*session->api);
    return session;
}

} // namespace paydesk::app
