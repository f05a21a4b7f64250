#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace paydesk {
class UserAccess;
}

namespace paydesk::cli {

class Output;

// user add|list|disable|reset-password|roles, login, logout: the people who
// log in, on this machine's core. Passwords come from --password-file or
// standard input (not echoed on a terminal), never from the command line.
bool isUserCommand(const QString& command);
QList<QCommandLineOption> userOptions();
int runUsers(const QCommandLineParser& parser, const QStringList& args, Output& out,
             UserAccess& users, const QString& dataDir);

} // namespace paydesk::cli
