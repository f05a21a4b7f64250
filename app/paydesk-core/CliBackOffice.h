#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <QJsonObject>

namespace paydesk {
class BackOffice;
struct BackOfficeOutcome;
} // namespace paydesk

namespace paydesk::cli {

class Output;

// The accounting commands: ledger, settle, payout, adjust, wallet, check.
bool isBackOfficeCommand(const QString& command);
// The options these commands add to the parser.
QList<QCommandLineOption> backOfficeOptions();
// Who acts: --by NAME, else the login name.
QString actorName(const QCommandLineParser& parser);
// Makes a successful change durable, prints the outcome (text or JSON with
// `extra`) and returns its exit code.
int finishBackOffice(Output& out, BackOffice& backOffice, const BackOfficeOutcome& o,
                     const QJsonObject& extra = {});

int runBackOffice(const QCommandLineParser& parser, const QStringList& args, Output& out,
                  BackOffice& backOffice);

} // namespace paydesk::cli
