#include "CliShift.h"

#include "Cli.h"
#include "CliBackOffice.h"
#include "CliOutput.h"
#include "api/DashboardWire.h"
#include "api/Json.h"
#include "api/types/Shifts.h"

#include <QJsonArray>

namespace paydesk::cli {

namespace {

QJsonObject toJson(const ShiftReport& r)
{
    QJsonArray wallets;
    for (const WalletTakings& w : r.byWallet)
        wallets.append(wire::toJson(w));
    return {{QStringLiteral("number"), r.number()},
            {QStringLiteral("counter"), r.counter},
            {QStringLiteral("closedBy"), r.closedBy},
            {QStringLiteral("openedAt"), isoTime(r.openedAtMs)},
            {QStringLiteral("closedAt"), isoTime(r.closedAtMs)},
            {QStringLiteral("wallets"), wallets},
            {QStringLiteral("total"), wire::toJson(r.totals())},
            {QStringLiteral("openOrders"), QJsonArray::fromStringList(r.openOrders)}};
}

void print(Output& out, const ShiftReport& r)
{
    if (out.json()) {
        out.object(toJson(r));
        return;
    }
    for (const QString& line : shiftReportLines(r))
        out.line(line);
}

} // namespace

int runShift(const QCommandLineParser& parser, const QStringList& args, Output& out,
             ShiftAccess& shifts, const QString& loggedIn)
{
    const QString sub = args.value(1);
    if (sub == QLatin1String("close") && args.size() == 2) {
        const QString by = loggedIn.isEmpty() ? parser.value(QStringLiteral("by")) : loggedIn;
        if (by.trimmed().isEmpty())
            return usageError(out, QStringLiteral("say who closes the shift: --by NAME"));
        const auto r = waitFor<ShiftCloseResult>([&](auto reply) { shifts.closeShift(by, reply); });
        if (!r.outcome.ok())
            return printBackOffice(out, r.outcome);
        print(out, r.report);
        return ExitOk;
    }
    if (sub == QLatin1String("list") && args.size() == 2) {
        int limit = 20;
        if (QString e = countOption(parser, QStringLiteral("limit"), 1000, &limit); !e.isEmpty())
            return usageError(out, e);
        const auto list =
            waitFor<QList<ShiftReport>>([&](auto reply) { shifts.shifts(limit, reply); });
        for (const ShiftReport& r : list) {
            print(out, r);
            if (!out.json())
                out.line(QString());
        }
        if (list.isEmpty() && !out.json())
            out.line(QStringLiteral("no shift of this counter has been closed yet"));
        return ExitOk;
    }
    return usageError(out,
                      QStringLiteral("usage: shift close [--by NAME] | shift list [--limit N]"));
}

} // namespace paydesk::cli
