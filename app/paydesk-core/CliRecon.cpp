#include "CliRecon.h"

#include "Cli.h"
#include "CliBackOffice.h"
#include "CliOutput.h"
#include "api/LedgerJson.h"
#include "api/ReconApi.h"
#include "api/ReconJson.h"

#include <QJsonArray>

namespace paydesk::cli {

namespace {

struct Args : CommandArgs
{
    ReconApi& recon;
};

// A change through the facade: its outcome (durable when Ok), printed.
template <typename Call> int change(const Args& a, Call call)
{
    return printBackOffice(a.out, waitFor<BackOfficeOutcome>(call));
}

void printReport(const Args& a, const ReconReport& r)
{
    for (const QStringList& row : reconReportRows(r)) {
        if (row.at(1).isEmpty() && row.at(2).isEmpty())
            continue;
        a.out.line(
            QStringLiteral("  %1 %2 %3").arg(row.at(0), -30).arg(row.at(1), -16).arg(row.at(2)));
    }
}

std::optional<QDate> dayOption(const Args& a, int* rc)
{
    const QDate day = QDate::fromString(a.opt("date"), Qt::ISODate);
    if (!a.has("date") || !day.isValid()) {
        *rc = usageError(
            a.out, QStringLiteral("--date YYYY-MM-DD is required (the bill's day, China time)"));
        return std::nullopt;
    }
    return day;
}

int cmdReconcile(const Args& a)
{
    const QString channel = a.opt("channel");
    if (channel.isEmpty())
        return usageError(a.out, QStringLiteral("--channel is required (wechat, alipay, ...)"));
    int rc = ExitOk;
    const auto day = dayOption(a, &rc);
    if (!day)
        return rc;
    if (a.has("confirm-no-bill") && a.has("bill"))
        return usageError(a.out, QStringLiteral("--confirm-no-bill is for a day the channel has "
                                                "no bill for; it cannot go with --bill"));
    ReconcileRequest request;
    request.channel = channel;
    request.day = *day;
    request.billPath = a.opt("bill");
    request.confirmNoBill = a.has("confirm-no-bill");
    request.by = a.actor();
    request.csvPath = a.opt("csv");
    request.pdfPath = a.opt("pdf");
    const auto r = waitFor<ReconcileResult>([&](auto reply) { a.recon.reconcile(request, reply); });
    // A channel the core does not know is a bad argument here.
    if (r.outcome.status == BackOfficeStatus::NotFound)
        return usageError(a.out, r.outcome.message);
    const int code = printBackOffice(
        a.out, r.outcome,
        r.outcome.ok() ? QJsonObject{{QStringLiteral("report"), toJson(r.report)}} : QJsonObject{});
    if (!a.out.json() && code == ExitOk && !r.report.billSha256.isEmpty()) // empty: nothing ran
        printReport(a, r.report);
    return code;
}

void printDifference(const Args& a, const ReconDifference& d)
{
    // A fund difference is about the day's total, not one movement.
    const bool fund = d.kind == DiffKind::FundLong || d.kind == DiffKind::FundShort;
    const QString what = fund ? QStringLiteral("day total")
                              : itemKindName(d.item) + QLatin1Char(' ') +
                                    (d.itemNo.isEmpty() ? QStringLiteral("-") : d.itemNo);
    a.out.line(QStringLiteral("%1  %2 %3  %4  %5  %6  ours %7  bill %8%9")
                   .arg(d.id, 5)
                   .arg(d.businessDate.toString(Qt::ISODate), d.channel)
                   .arg(diffKindName(d.kind), -18)
                   .arg(diffStateName(d.state), -17)
                   .arg(what, plainYuan(d.oursFen), plainYuan(d.theirsFen))
                   .arg(d.orderNo.isEmpty() ? QString() : QStringLiteral("  order ") + d.orderNo));
}

int cmdDiff(const Args& a)
{
    const QString sub = a.arg(1);
    if (sub == QLatin1String("list") || sub.isEmpty()) {
        DiffFilter f;
        f.channel = a.opt("channel");
        if (a.has("date")) {
            f.businessDate = QDate::fromString(a.opt("date"), Qt::ISODate);
            if (!f.businessDate.isValid())
                return usageError(a.out, QStringLiteral("--date must be YYYY-MM-DD"));
        }
        if (a.has("state")) {
            DiffState s;
            if (a.opt("state") == QLatin1String("needs-action"))
                f.needsAction = true;
            else if (parseDiffState(a.opt("state"), &s))
                f.state = s;
            else
                return usageError(
                    a.out, QStringLiteral("--state must be needs-action, open, pending_next_day, "
                                          "auto_resolved, resolved, writeoff_proposed, "
                                          "written_off, recovery_proposed or recovered"));
        }
        if (a.has("limit"))
            f.limit = qBound(1, a.opt("limit").toInt(), 100000);
        const auto list =
            waitFor<QList<ReconDifference>>([&](auto reply) { a.recon.differences(f, reply); });
        if (a.out.json()) {
            QJsonArray arr;
            for (const ReconDifference& d : list)
                arr.append(toJson(d));
            a.out.object({{QStringLiteral("differences"), arr}});
        } else if (list.isEmpty()) {
            a.out.line(QStringLiteral("no differences"));
        } else {
            for (const ReconDifference& d : list)
                printDifference(a, d);
        }
        return ExitOk;
    }
    bool okId = false;
    const qint64 id = a.arg(2).toLongLong(&okId);
    if (!okId)
        return usageError(
            a.out, QStringLiteral("diff %1 needs the difference's id, e.g. diff %1 12").arg(sub));
    if (sub == QLatin1String("show")) {
        const auto d = waitFor<std::optional<ReconDifference>>(
            [&](auto reply) { a.recon.difference(id, reply); });
        if (!d) {
            a.out.error(QStringLiteral("no difference %1").arg(id));
            return ExitFailure;
        }
        if (a.out.json()) {
            a.out.object(toJson(*d));
        } else {
            printDifference(a, *d);
            const QJsonObject j = toJson(*d);
            for (auto it = j.begin(); it != j.end(); ++it)
                if (!it.value().toVariant().toString().isEmpty())
                    a.out.line(QStringLiteral("  %1: %2")
                                   .arg(it.key(), -12)
                                   .arg(it.value().toVariant().toString()));
        }
        return ExitOk;
    }
    if (sub == QLatin1String("resolve"))
        return change(a, [&](auto reply) {
            a.recon.resolveDifference(id, a.actor(), a.opt("reason"), reply);
        });
    if (sub == QLatin1String("writeoff"))
        return change(
            a, [&](auto reply) { a.recon.proposeWriteOff(id, a.actor(), a.opt("reason"), reply); });
    if (sub == QLatin1String("recover"))
        return change(
            a, [&](auto reply) { a.recon.proposeRecovery(id, a.actor(), a.opt("reason"), reply); });
    if (sub == QLatin1String("approve") || sub == QLatin1String("reject")) {
        const bool approve = sub == QLatin1String("approve");
        return change(a,
                      [&](auto reply) { a.recon.decideDifference(id, a.actor(), approve, reply); });
    }
    if (sub == QLatin1String("assign"))
        return change(
            a, [&](auto reply) { a.recon.assignDifference(id, a.opt("to"), a.actor(), reply); });
    return usageError(
        a.out,
        QStringLiteral("diff takes list, show, resolve, writeoff, recover, approve, reject or "
                       "assign"));
}

} // namespace

bool isReconCommand(const QString& command)
{
    return command == QLatin1String("reconcile") || command == QLatin1String("diff");
}

QList<QCommandLineOption> reconOptions()
{
    return {
        {QStringLiteral("channel"), QString(), QStringLiteral("name")},
        {QStringLiteral("bill"), QString(), QStringLiteral("file")},
        {QStringLiteral("csv"), QString(), QStringLiteral("file")},
        {QStringLiteral("pdf"), QString(), QStringLiteral("file")},
        {QStringLiteral("state"), QString(), QStringLiteral("state")},
        {QStringLiteral("to"), QString(), QStringLiteral("name")},
        {QStringLiteral("confirm-no-bill"), QString()},
    };
}

int runRecon(const QCommandLineParser& parser, const QStringList& args, Output& out,
             ReconApi& recon, const QString& loggedIn)
{
    const Args a{{parser, args, out, loggedIn}, recon};
    if (args.first() == QLatin1String("reconcile"))
        return cmdReconcile(a);
    return cmdDiff(a);
}

} // namespace paydesk::cli
