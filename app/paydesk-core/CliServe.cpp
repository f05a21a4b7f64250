#include "CliServe.h"

#include "ApiServer.h"
#include "Cli.h"
#include "CliBackOffice.h"
#include "CliOutput.h"
#include "api/CoreConfig.h"
#include "api/EmbeddedApi.h"
#include "api/Json.h"
#include "api/TerminalKeyFile.h"
#include "api/types/Terminals.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>

namespace paydesk::cli {

QList<QCommandLineOption> serveOptions()
{
    return {{QStringLiteral("store"), QString(), QStringLiteral("id")},
            {QStringLiteral("terminal"), QString(), QStringLiteral("id")},
            {QStringLiteral("cert"), QString(), QStringLiteral("file")},
            {QStringLiteral("key"), QString(), QStringLiteral("file")},
            {QStringLiteral("demo"), QStringLiteral("serve: a throw-away test shop and one "
                                                    "counter enrolled for it")}};
}

namespace {

// The demo's counter: terminal 0001/0002 enrolled in-process, its key
// written where `paydesk --remote` can read it. Error text or empty.
QString enrolDemoCounter(EmbeddedApi& api, const QString& serverUrl, const QString& keyPath)
{
    TerminalAccess& access = api.terminalAccess();
    const QString store = QStringLiteral("0001");
    const QString terminal = QStringLiteral("0002");
    const auto added =
        waitFor<TerminalEnrolment>([&](auto reply) { access.addTerminal(store, terminal, reply); });
    if (!added.outcome.ok())
        return added.outcome.message;
    const auto enrolled =
        waitFor<EnrolResult>([&](auto reply) { access.enrol(store, terminal, added.code, reply); });
    if (!enrolled.outcome.ok())
        return enrolled.outcome.message;
    TerminalKey key;
    key.server = serverUrl;
    key.storeId = store;
    key.terminalId = terminal;
    key.secret = enrolled.secret;
    return writeTerminalKey(keyPath, key);
}

} // namespace

int runTerminal(const QCommandLineParser& p, const QStringList& args, Output& out,
                TerminalAccess& terminals)
{
    const QString sub = args.value(1);
    const QString store = p.value(QStringLiteral("store"));
    const QString terminal = p.value(QStringLiteral("terminal"));
    if (sub == QLatin1String("list")) {
        const auto list =
            waitFor<QList<TerminalRecord>>([&](auto reply) { terminals.terminals(reply); });
        QJsonArray rows;
        for (const TerminalRecord& t : list) {
            const QJsonObject o{{QStringLiteral("storeId"), t.storeId},
                                {QStringLiteral("terminalId"), t.terminalId},
                                {QStringLiteral("state"), terminalStateName(t.state)},
                                {QStringLiteral("createdAt"), isoTime(t.createdAtMs)},
                                {QStringLiteral("enrolledAt"), isoTime(t.enrolledAtMs)},
                                {QStringLiteral("refusals"), QString::number(t.refusals)}};
            rows.append(o);
            if (!out.json())
                out.line(QStringLiteral("%1/%2  %3  enrolled %4  refusals %5")
                             .arg(t.storeId, t.terminalId, terminalStateName(t.state),
                                  t.enrolledAtMs ? isoTime(t.enrolledAtMs) : QStringLiteral("-"))
                             .arg(t.refusals));
        }
        if (out.json())
            out.object({{QStringLiteral("terminals"), rows}});
        else if (list.isEmpty())
            out.line(
                QStringLiteral("no terminals: add one with terminal add --store S --terminal T"));
        return ExitOk;
    }
    if (sub != QLatin1String("add") && sub != QLatin1String("disable"))
        return usageError(out, QStringLiteral("terminal takes add, list or disable"));
    if (store.isEmpty() || terminal.isEmpty())
        return usageError(out, QStringLiteral("terminal %1 needs --store S --terminal T").arg(sub));
    if (sub == QLatin1String("disable"))
        return printBackOffice(out, waitFor<BackOfficeOutcome>([&](auto reply) {
                                   terminals.disableTerminal(store, terminal, reply);
                               }));
    const auto e = waitFor<TerminalEnrolment>(
        [&](auto reply) { terminals.addTerminal(store, terminal, reply); });
    if (!e.outcome.ok())
        return printBackOffice(out, e.outcome);
    if (out.json())
        out.object({{QStringLiteral("ok"), true},
                    {QStringLiteral("storeId"), store},
                    {QStringLiteral("terminalId"), terminal},
                    {QStringLiteral("code"), e.code},
                    {QStringLiteral("expiresAt"), isoTime(e.expiresAtMs)}});
    else
        out.line(QStringLiteral("terminal %1/%2: enrolment code %3 (once; valid until %4).\n"
                                "On the counter: paydesk-core --remote URL enrol --store %1 "
                                "--terminal %2 --code %3")
                     .arg(store, terminal, e.code, isoTime(e.expiresAtMs)));
    return ExitOk;
}

int runServe(const QCommandLineParser& p, Output& out, EmbeddedApi& api, const ServerConfig& config,
             const std::function<void(QObject&, std::function<void()>)>& onStop,
             const QString& demoKeyPath)
{
    ApiServerOptions options;
    options.port = 8443;
    options.limits.maxBodyBytes = qint64(config.maxBodyKiB) * 1024;
    options.limits.maxConnections = config.maxConnections;
    options.limits.requestTimeoutMs = config.requestTimeoutSeconds * 1000;
    options.requestsPerSecond = config.requestsPerSecond;
    options.eventBacklog = config.eventBacklog;
    const QString listen =
        p.isSet(QStringLiteral("listen")) ? p.value(QStringLiteral("listen")) : config.listen;
    if (!listen.isEmpty()) {
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
        QString host = listen.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host);
        if (!portOk || port > 65535 || address.isNull())
            return usageError(out, QStringLiteral("--listen takes ADDRESS:PORT, e.g. "
                                                  "127.0.0.1:8443; got '%1'")
                                       .arg(listen));
        options.address = address;
        options.port = quint16(port);
    }
    options.certificateFile =
        p.isSet(QStringLiteral("cert")) ? p.value(QStringLiteral("cert")) : config.certFile;
    options.keyFile =
        p.isSet(QStringLiteral("key")) ? p.value(QStringLiteral("key")) : config.keyFile;
    if (options.certificateFile.isEmpty() != options.keyFile.isEmpty())
        return usageError(out, QStringLiteral("HTTPS needs both --cert FILE and --key FILE"));
    ApiServer server(api, options);
    QString error;
    if (server.listen(&error) == 0) {
        out.error(error);
        return ExitFailure;
    }
    if (!demoKeyPath.isEmpty()) {
        if (QString e = enrolDemoCounter(api, server.baseUrl(), demoKeyPath); !e.isEmpty()) {
            out.error(QStringLiteral("cannot enrol the demo counter: ") + e);
            return ExitFailure;
        }
        out.line(QStringLiteral("demo: a test shop (sandbox codes only: paydesk-core "
                                "sandbox-codes) with counter 0001/0002 enrolled; its key is %1. "
                                "Start the counter with:\n  paydesk --remote %2 --terminal-key %1")
                     .arg(demoKeyPath, server.baseUrl()));
    }
    QEventLoop loop;
    int rc = ExitOk;
    QObject guard;
    onStop(guard, [&] {
        // Graceful: no new commands; what is committed is durable; every
        // unfinished item stays for the next start (or another server).
        server.stopTakingCommands();
        out.line(QStringLiteral("stopping: unfinished items go to another server on this database "
                                "at once, or resume at the next start"));
        api.flush();
        loop.quit();
    });
    QObject::connect(&api, &PayDeskApi::fatalError, &guard, [&](const QString& m) {
        out.error(m);
        rc = ExitStorage;
        loop.quit();
    });
    const int resumed = api.resumeAll();
    out.line(QStringLiteral("PayDesk core serving %1: the API under /v1 (described at "
                            "/v1/openapi.json), events at /v1/events, the gateways' "
                            "notifications at /notify/CHANNEL; resumed %2 unfinished item(s). "
                            "SIGTERM or Ctrl+C stops")
                 .arg(server.baseUrl())
                 .arg(resumed));
    loop.exec();
    return rc;
}

} // namespace paydesk::cli
