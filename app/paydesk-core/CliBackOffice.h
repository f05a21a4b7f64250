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

// A back-office command's parsed line, as its handlers read it.
struct CommandArgs
{
    const QCommandLineParser& p;
    const QStringList& args;
    Output& out;

    QString opt(const char* name) const { return p.value(QString::fromLatin1(name)); }
    bool has(const char* name) const { return p.isSet(QString::fromLatin1(name)); }
    QString arg(int i) const { return i < args.size() ? args.at(i) : QString(); }
    QString actor() const { return actorName(p); }
};

// Prints the outcome (text or JSON with `extra`) and returns its exit code.
int printBackOffice(Output& out, const BackOfficeOutcome& o, const QJsonObject& extra = {});
// Makes a successful change durable, then printBackOffice().
int finishBackOffice(Output& out, BackOffice& backOffice, const BackOfficeOutcome& o,
                     const QJsonObject& extra = {});

int runBackOffice(const QCommandLineParser& parser, const QStringList& args, Output& out,
                  BackOffice& backOffice);

} // namespace paydesk::cli
