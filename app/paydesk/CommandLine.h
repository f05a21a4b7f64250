#pragma once

#include <QString>
#include <QStringList>

namespace paydesk::app {

struct CommandLine
{
    bool demo = false;
    QString dataDir;
    QString configPath;
    QString settingsPath; // an INI file instead of the user's settings
    QString language;     // overrides the settings for this run
    QString remoteUrl;    // a server (paydesk-core serve) instead of the core in this process
    QString terminalKey;  // the enrolled terminal's key file (with remoteUrl)
    QString error;        // non-empty: bad arguments (the text says which)
    bool help = false;
};

CommandLine parseCommandLine(const QStringList& arguments);
QString commandLineHelp();

} // namespace paydesk::app
