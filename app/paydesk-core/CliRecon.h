#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace paydesk {
class ReconApi;
}

namespace paydesk::cli {

class Output;

// Reconciliation: reconcile, diff.
bool isReconCommand(const QString& command);
QList<QCommandLineOption> reconOptions();
// `loggedIn`: the session's person, who acts ('' while logins are off).
int runRecon(const QCommandLineParser& parser, const QStringList& args, Output& out,
             ReconApi& recon, const QString& loggedIn = QString());

} // namespace paydesk::cli
