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
int runRecon(const QCommandLineParser& parser, const QStringList& args, Output& out,
             ReconApi& recon);

} // namespace paydesk::cli
