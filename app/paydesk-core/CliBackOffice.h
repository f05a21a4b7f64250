#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <QJsonObject>

#include <QEventLoop>

#include <optional>

namespace paydesk {
class BackOfficeApi;
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

// The facade's reply to `call`, waiting for it when it does not come at once
// (a bill being downloaded).
template <typename T, typename Call> T waitFor(Call call)
{
    std::optional<T> got;
    QEventLoop loop;
    call([&](const T& value) {
        got = value;
        loop.quit();
    });
    if (!got)
        loop.exec();
    return *got;
}

int runBackOffice(const QCommandLineParser& parser, const QStringList& args, Output& out,
                  BackOfficeApi& backOffice);

} // namespace paydesk::cli
