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
    if (!c.language.isEmpty() && c.language != QLatin1String("en") &&
        c.language != QLatin1String("zh_CN"))
        c.error = QStringLiteral("--lang must be en or zh_CN");
    return c;
}

QString commandLineHelp()
{
    return QStringLiteral(
        "paydesk [--demo] [--data DIR] [--config FILE] [--settings FILE] [--lang en|zh_CN]\n\n"
        "  --demo          throw-away data and the sandbox acquirer: charge test codes at once\n"
        "                  (paydesk-core sandbox-codes lists them)\n"
        "  --data DIR      the core's data directory (default: the settings', else\n"
        "                  ~/.local/share/paydesk)\n"
        "  --config FILE   the core's configuration (default: DIR/paydesk.json if present)\n"
        "  --settings FILE counter settings in an INI file instead of the user's settings\n"
        "  --lang CODE     language for this run (default: settings, else the system's)\n");
}

} // namespace paydesk::app
