#include "CommandLine.h"

#include <QCommandLineParser>

namespace paydesk::app {

namespace {

QList<QCommandLineOption> options()
{
    return {
        {QStringLiteral("demo"),
         QStringLiteral("throw-away data and the sandbox acquirer with test payment codes")},
        {QStringLiteral("data"), QStringLiteral("the core's data directory"),
         QStringLiteral("DIR")},
        {QStringLiteral("config"), QStringLiteral("the core's configuration file (JSON)"),
         QStringLiteral("FILE")},
        {QStringLiteral("settings"), QStringLiteral("counter settings in this INI file"),
         QStringLiteral("FILE")},
        {QStringLiteral("lang"), QStringLiteral("language for this run: en or zh_CN"),
         QStringLiteral("CODE")},
        {QStringLiteral("remote"), QStringLiteral("a PayDesk server's URL"), QStringLiteral("URL")},
        {QStringLiteral("terminal-key"), QStringLiteral("this terminal's key file"),
         QStringLiteral("FILE")},
    };
}

} // namespace

CommandLine parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser p;
    p.addOptions(options());
    p.addHelpOption();
    CommandLine c;
    if (!p.parse(arguments)) {
        c.error = p.errorText();
        return c;
    }
    if (!p.positionalArguments().isEmpty()) {
        c.error = QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first());
        return c;
    }
    c.help = p.isSet(QStringLiteral("help"));
    c.demo = p.isSet(QStringLiteral("demo"));
    c.dataDir = p.value(QStringLiteral("data"));
    c.configPath = p.value(QStringLiteral("config"));
    c.settingsPath = p.value(QStringLiteral("settings"));
    c.language = p.value(QStringLiteral("lang"));
    c.remoteUrl = p.value(QStringLiteral("remote"));
    c.terminalKey = p.value(QStringLiteral("terminal-key"));
    if (!c.remoteUrl.isEmpty() && c.demo)
        c.error = QStringLiteral("--demo runs its own core: it cannot be used with --remote");
    if (!c.terminalKey.isEmpty() && c.remoteUrl.isEmpty())
        c.error = QStringLiteral("--terminal-key goes with --remote URL");
    if (!c.language.isEmpty() && c.language != QLatin1String("en") &&
        c.language != QLatin1String("zh_CN"))
        c.error = QStringLiteral("--lang must be en or zh_CN");
    return c;
}

QString commandLineHelp()
{
    return QStringLiteral(
        "paydesk [--demo] [--data DIR] [--config FILE] [--settings FILE] [--lang en|zh_CN]\n"
        "        [--remote URL [--terminal-key FILE]]\n\n"
        "  --demo          throw-away data and the sandbox acquirer: charge test codes at once\n"
        "                  (paydesk-core sandbox-codes lists them)\n"
        "  --data DIR      the core's data directory (default: the settings', else\n"
        "                  ~/.local/share/paydesk)\n"
        "  --config FILE   the core's configuration (default: DIR/paydesk.json if present)\n"
        "  --settings FILE counter settings in an INI file instead of the user's settings\n"
        "  --lang CODE     language for this run (default: settings, else the system's)\n"
        "  --remote URL    work against a PayDesk server (paydesk-core serve) as an enrolled\n"
        "                  terminal (paydesk-core --remote URL enrol ... writes its key);\n"
        "                  URL,URL,...: servers of one database, the next while one is down\n"
        "  --terminal-key FILE  that key (default: terminal.json in the user's data directory)\n");
}

} // namespace paydesk::app
