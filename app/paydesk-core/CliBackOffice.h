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
    // The logged-in person, who stands for --by ('' while logins are off:
    // then --by names who acts).
    QString loggedIn;

    QString opt(const char* name) const
    {
        return isBy(name) && !loggedIn.isEmpty() ? loggedIn : p.value(QString::fromLatin1(name));
    }
    bool has(const char* name) const
    {
        return (isBy(name) && !loggedIn.isEmpty()) || p.isSet(QString::fromLatin1(name));
    }
    QString arg(int i) const { return i < args.size() ? args.at(i) : QString(); }
    QString actor() const { return loggedIn.isEmpty() ? actorName(p) : loggedIn; }

private:
    static bool isBy(const char* name) { return qstrcmp(name, "by") == 0; }
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

// `loggedIn`: the session's person, who acts ('' while logins are off).
int runBackOffice(const QCommandLineParser& parser, const QStringList& args, Output& out,
                  BackOfficeApi& backOffice, const QString& loggedIn = QString());

} // namespace paydesk::cli
