#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace paydesk {
class BackOffice;
}

namespace paydesk::cli {

class Output;

// The accounting commands: ledger, settle, payout, adjust, wallet, check.
bool isBackOfficeCommand(const QString& command);
// The options these commands add to the parser.
QList<QCommandLineOption> backOfficeOptions();
int runBackOffice(const QCommandLineParser& parser, const QStringList& args, Output& out,
                  BackOffice& backOffice);

} // namespace paydesk::cli
