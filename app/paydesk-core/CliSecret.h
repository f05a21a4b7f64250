#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace paydesk::cli {

class Output;

// secret new-key|seal|unseal: sealing keys and sealed secret files
// (common/SealedSecret). Local files only: no data directory is opened.
int runSecret(const QCommandLineParser& parser, const QStringList& args, Output& out);
QList<QCommandLineOption> secretOptions();

} // namespace paydesk::cli
