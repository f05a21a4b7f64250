#include "CliRecon.h"

#include "Cli.h"
#include "CliBackOffice.h"
#include "CliOutput.h"
#include "api/EmbeddedApi.h"
#include "api/LedgerJson.h"
#include "api/ReconJson.h"
#include "channels/Channel.h"
#include "common/ChinaTime.h"
#include "common/SaveFile.h"
#include "ledger/BackOffice.h"
#include "money/Money.h"
#include "recon/ReconReportExport.h"
#include "recon/Reconciler.h"

#include <QEventLoop>
#include <QJsonArray>

namespace paydesk::cli {

namespace {

struct Args : CommandArgs
{
    EmbeddedApi& api;

    Reconciler& recon() const { return *api.reconciler(); }
};

int finish(const Args& a, const BackOfficeOutcome& o, const QJsonObject& extra = {})
{
    return finishBackOffice(a.out, *a.api.backOffice(), o, extra);
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
    const EmbeddedApi::BillSource src = a.api.billSource(channel);
    if (!src.channel)
        return usageError(
            a.out,
            QStringLiteral("unknown channel '%1': no route or gateway uses it").arg(channel));
    BillInput in;
    in.channel = channel;
    in.format = src.alipayFormat ? BillFormat::Alipay : BillFormat::WeChat;
    in.day = *day;
    in.expectedMerchant = src.merchant;
    in.by = a.actor();
    in.noBillConfirmed = a.has("confirm-no-bill");
    if (a.has("bill")) {
        if (in.noBillConfirmed)
            return usageError(a.out, QStringLiteral("--confirm-no-bill is for a day the channel "
                                                    "has no bill for; it cannot go with --bill"));
        in.path = a.opt("bill");
    } else {
        // Download the day's bill through the channel's adapter.
        QEventLoop loop;
        BillDownload got;
        bool done = false;
        src.channel->downloadBill(*day, BillKind::All, [&](const BillDownload& b) {
            got = b;
            done = true;
            loop.quit();
        });
        if (!done)
            loop.exec();
        // Failed is the channel's own "no bill for that day" (WeChat "No
        // Bill Exist", Alipay isp.bill_not_exist); the Reconciler decides
        // what that means for the day.
        if (got.status == TradeStatus::Failed)
            in.channelHasNoBill = true;
        else if (got.status != TradeStatus::Success || got.content.isEmpty()) {
            a.out.error(QStringLiteral("the %1 bill for %2 could not be downloaded: %3 %4")
                            .arg(channel, day->toString(Qt::ISODate), got.returnCode, got.message)
                            .trimmed());
            return ExitFailure;
        } else {
            in.content = got.content;
        }
    }
    ReconReport report;
    const BackOfficeOutcome o = a.recon().reconcile(in, &report);
    if (!o.ok())
        return finish(a, o);
    // The exports describe a stored run: only once it is durable.
    if (!a.api.backOffice()->commit())
        return printBackOffice(
            a.out, BackOfficeOutcome::fail(BackOfficeStatus::StorageError,
                                           QStringLiteral("storage failed; the run was not "
                                                          "recorded: restart PayDesk")));
    QString error;
    if (a.has("csv"))
        error = saveFile(a.opt("csv"), reconReportCsv(report));
    if (error.isEmpty() && a.has("pdf"))
        error = saveFile(a.opt("pdf"), reconReportPdf(report));
    if (!error.isEmpty())
        return printBackOffice(
            a.out, BackOfficeOutcome::fail(
                       BackOfficeStatus::StorageError,
                       QStringLiteral("%1 is reconciled and recorded, but its report was not "
                                      "exported: %2")
                           .arg(o.number, error)));
    const int code = printBackOffice(a.out, o, {{QStringLiteral("report"), toJson(report)}});
    if (!a.out.json() && code == ExitOk && !report.billSha256.isEmpty()) // empty: nothing ran
        printReport(a, report);
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
        const QList<ReconDifference> list = a.recon().differences(f);
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
        const auto d = a.recon().difference(id);
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
        return finish(a, a.recon().resolve(id, a.actor(), a.opt("reason")));
    if (sub == QLatin1String("writeoff"))
        return finish(a, a.recon().proposeWriteOff(id, a.actor(), a.opt("reason")));
    if (sub == QLatin1String("recover"))
        return finish(a, a.recon().proposeRecovery(id, a.actor(), a.opt("reason")));
    if (sub == QLatin1String("approve") || sub == QLatin1String("reject"))
        return finish(a, a.recon().decide(id, a.actor(), sub == QLatin1String("approve")));
    if (sub == QLatin1String("assign"))
        return finish(a, a.recon().assign(id, a.opt("to"), a.actor()));
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
             EmbeddedApi& api)
{
    const Args a{{parser, args, out}, api};
    if (args.first() == QLatin1String("reconcile"))
        return cmdReconcile(a);
    return cmdDiff(a);
}

} // namespace paydesk::cli
