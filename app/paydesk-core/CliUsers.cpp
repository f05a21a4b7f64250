#include "CliUsers.h"

#include "Cli.h"
#include "CliBackOffice.h"
#include "CliOutput.h"
#include "api/Json.h"
#include "api/SessionFile.h"
#include "api/types/Users.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace paydesk::cli {

namespace {

// One line from standard input; on a terminal the typing is not echoed.
QString readPasswordLine(const QString& prompt)
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    QTextStream err(stderr);
    if (tty) {
        err << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << Qt::endl;
    }
    return line;
}

// The password: the first line of --password-file, else standard input.
bool readPassword(const QCommandLineParser& p, const QString& prompt, QString* password,
                  QString* error)
{
    if (p.isSet(QStringLiteral("password-file"))) {
        QFile f(p.value(QStringLiteral("password-file")));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString());
            return false;
        }
        *password =
            QString::fromUtf8(f.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    } else {
        *password = readPasswordLine(prompt);
    }
    if (password->isEmpty()) {
        *error =
            QStringLiteral("no password given (one line on standard input, or --password-file)");
        return false;
    }
    return true;
}

QString sessionPath(const QCommandLineParser& p, const QString& dataDir)
{
    return p.isSet(QStringLiteral("session-file"))
               ? p.value(QStringLiteral("session-file"))
               : QDir(dataDir).filePath(QStringLiteral("session"));
}

bool parseRoleOption(const QCommandLineParser& p, Output& out, QList<Role>* roles)
{
    QString bad;
    const auto parsed = parseRoles(p.value(QStringLiteral("role")), &bad);
    if (!parsed) {
        out.error(QStringLiteral("unknown role '%1': roles are cashier, supervisor, accountant, "
                                 "support and admin")
                      .arg(bad));
        return false;
    }
    *roles = *parsed;
    return true;
}

int list(Output& out, UserAccess& users)
{
    const auto all = waitFor<QList<UserRecord>>([&](auto reply) { users.users(reply); });
    QJsonArray rows;
    for (const UserRecord& u : all) {
        rows.append(QJsonObject{{QStringLiteral("name"), u.name},
                                {QStringLiteral("roles"), roleNames(u.roles)},
                                {QStringLiteral("disabled"), u.disabled},
                                {QStringLiteral("lastLoginAt"), isoTime(u.lastLoginAtMs)},
                                {QStringLiteral("lockedUntil"), isoTime(u.lockedUntilMs)}});
        if (!out.json())
            out.line(QStringLiteral("%1  %2%3  last login %4%5")
                         .arg(u.name, roleNames(u.roles),
                              u.disabled ? QStringLiteral("  DISABLED") : QString(),
                              u.lastLoginAtMs ? isoTime(u.lastLoginAtMs) : QStringLiteral("never"),
                              u.lockedUntilMs
                                  ? QStringLiteral("  locked until ") + isoTime(u.lockedUntilMs)
                                  : QString()));
    }
    if (out.json())
        out.object({{QStringLiteral("users"), rows}});
    else if (all.isEmpty())
        out.line(QStringLiteral("no users: add the first admin with "
                                "paydesk-core user add NAME --role admin"));
    return ExitOk;
}

int login(const QCommandLineParser& p, Output& out, UserAccess& users, const QString& dataDir)
{
    const QString name = p.value(QStringLiteral("user"));
    if (name.isEmpty())
        return usageError(out, QStringLiteral("login needs --user NAME"));
    QString password, error;
    if (!readPassword(p, QStringLiteral("password for %1: ").arg(name), &password, &error))
        return usageError(out, error);
    const auto r =
        waitFor<LoginResult>([&](auto reply) { users.login(name, password, QString(), reply); });
    if (!r.outcome.ok())
        return printBackOffice(out, r.outcome);
    const QString path = sessionPath(p, dataDir);
    if (QString e = writeSessionFile(path, r.token); !e.isEmpty()) {
        out.error(e);
        return ExitFailure;
    }
    return printBackOffice(out, r.outcome,
                           {{QStringLiteral("user"), name},
                            {QStringLiteral("roles"), roleNames(r.session.roles)},
                            {QStringLiteral("sessionFile"), path},
                            {QStringLiteral("expiresAt"), isoTime(r.session.expiresAtMs)}});
}

} // namespace

bool isUserCommand(const QString& command)
{
    return command == QLatin1String("user") || command == QLatin1String("login") ||
           command == QLatin1String("logout");
}

QList<QCommandLineOption> userOptions()
{
    return {
        {QStringLiteral("role"), QString(), QStringLiteral("roles")},
        {QStringLiteral("user"), QString(), QStringLiteral("name")},
        {QStringLiteral("password-file"), QString(), QStringLiteral("file")},
        {QStringLiteral("session-file"), QString(), QStringLiteral("file")},
    };
}

int runUsers(const QCommandLineParser& p, const QStringList& args, Output& out, UserAccess& users,
             const QString& dataDir)
{
    const QString command = args.value(0);
    if (command == QLatin1String("login"))
        return login(p, out, users, dataDir);
    if (command == QLatin1String("logout")) {
        const QString token = sessionToken(p, dataDir);
        if (token.isEmpty())
            return usageError(
                out,
                QStringLiteral("not logged in (no session file %1)").arg(sessionPath(p, dataDir)));
        const int rc = printBackOffice(
            out, waitFor<BackOfficeOutcome>([&](auto reply) { users.logout(token, reply); }));
        QFile::remove(sessionPath(p, dataDir));
        return rc;
    }
    const QString sub = args.value(1);
    const QString name = args.value(2);
    if (sub == QLatin1String("list"))
        return list(out, users);
    static const QStringList known = {QStringLiteral("add"), QStringLiteral("disable"),
                                      QStringLiteral("reset-password"), QStringLiteral("roles")};
    if (!known.contains(sub))
        return usageError(out,
                          QStringLiteral("user takes add, list, disable, reset-password or roles"));
    if (name.isEmpty())
        return usageError(out, QStringLiteral("user %1 needs the user's name").arg(sub));
    const QString token = sessionToken(p, dataDir);
    if (sub == QLatin1String("disable"))
        return printBackOffice(out, waitFor<BackOfficeOutcome>([&](auto reply) {
                                   users.disableUser(token, name, reply);
                               }));
    if (sub == QLatin1String("roles")) {
        QList<Role> roles;
        if (!p.isSet(QStringLiteral("role")))
            return usageError(out, QStringLiteral("user roles NAME needs --role R[,R...]"));
        if (!parseRoleOption(p, out, &roles))
            return ExitUsage;
        return printBackOffice(out, waitFor<BackOfficeOutcome>([&](auto reply) {
                                   users.setRoles(token, name, roles, reply);
                               }));
    }
    QList<Role> roles;
    if (sub == QLatin1String("add")) {
        if (!p.isSet(QStringLiteral("role")))
            return usageError(out, QStringLiteral("user add NAME needs --role R[,R...] (cashier, "
                                                  "supervisor, accountant, support, admin)"));
        if (!parseRoleOption(p, out, &roles))
            return ExitUsage;
    }
    QString password, error;
    if (!readPassword(p, QStringLiteral("new password for %1: ").arg(name), &password, &error))
        return usageError(out, error);
    if (sub == QLatin1String("add"))
        return printBackOffice(out, waitFor<BackOfficeOutcome>([&](auto reply) {
                                   users.addUser(token, name, password, roles, reply);
                               }));
    return printBackOffice(out, waitFor<BackOfficeOutcome>([&](auto reply) {
                               users.resetPassword(token, name, password, reply);
                           }));
}

QString sessionToken(const QCommandLineParser& p, const QString& dataDir)
{
    return readSessionFile(sessionPath(p, dataDir));
}

} // namespace paydesk::cli
