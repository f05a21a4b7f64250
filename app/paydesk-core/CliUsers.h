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
// The token in the session file (--session-file, default DIR/session); ''
// when there is none.
QString sessionToken(const QCommandLineParser& parser, const QString& dataDir);
int runUsers(const QCommandLineParser& parser, const QStringList& args, Output& out,
             UserAccess& users, const QString& dataDir);

} // namespace paydesk::cli
