#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace paydesk {
class ShiftAccess;
} // namespace paydesk

namespace paydesk::cli {

class Output;

// `shift close [--by NAME]` and `shift list [--limit N]`: this counter's
// shift close (交班) as the app does it, and the closed shifts.
// `loggedIn`: the session's person, who closes ('' while logins are off:
// then --by names them).
int runShift(const QCommandLineParser& parser, const QStringList& args, Output& out,
             ShiftAccess& shifts, const QString& loggedIn);

} // namespace paydesk::cli
