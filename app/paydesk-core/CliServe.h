#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <functional>

class QObject;

namespace paydesk {
class EmbeddedApi;
class TerminalAccess;
struct ServerConfig;
} // namespace paydesk

namespace paydesk::cli {

class Output;

// terminal add|list|disable: who may call this core when it serves.
int runTerminal(const QCommandLineParser& parser, const QStringList& args, Output& out,
                TerminalAccess& terminals);
// serve [--listen ADDR:PORT] [--cert FILE --key FILE]: the core as a
// service until SIGTERM or Ctrl+C, set up by the configuration's "server"
// section; options override it. `onStop` installs the signal handler.
// `demoKeyPath` set (serve --demo): a counter is enrolled and its key
// written there.
int runServe(const QCommandLineParser& parser, Output& out, EmbeddedApi& api,
             const ServerConfig& config,
             const std::function<void(QObject&, std::function<void()>)>& onStop,
             const QString& demoKeyPath = {});
QList<QCommandLineOption> serveOptions();

} // namespace paydesk::cli
