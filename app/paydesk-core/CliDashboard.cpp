#include "CliDashboard.h"

#include "Cli.h"
#include "CliBackOffice.h"
#include "CliOutput.h"
#include "api/DashboardWire.h"
#include "api/types/ChinaTime.h"

namespace paydesk::cli {

namespace {

QString percent(double rate)
{
    return rate < 0 ? QStringLiteral("-") : QString::number(rate * 100.0, 'f', 1) + " %";
}

QString seconds(qint64 ms)
{
    return ms < 0 ? QStringLiteral("-") : QString::number(double(ms) / 1000.0, 'f', 1) + " s";
}

QString takingsLine(const QString& label, const WalletTakings& t)
{
    return label.leftJustified(9) + QLatin1Char(' ') + takingsText(t);
}

QString channelLine(const QString& label, const ChannelPerformance& c)
{
    return QStringLiteral("%1 success %2 (%3 paid, %4 not paid, %5 paying)  median to paid %6")
        .arg(label.leftJustified(9), percent(c.successRate()))
        .arg(c.paid)
        .arg(c.notPaid)
        .arg(c.inProgress)
        .arg(seconds(c.medianToPaidMs));
}

void printFigures(Output& out, const DashboardFigures& f)
{
    const QString first = chinaTime(f.fromMs).date().toString(Qt::ISODate);
    const QString last = chinaTime(f.toMs - 1).date().toString(Qt::ISODate);
    out.line(QStringLiteral("dashboard %1 (China time), read at %2")
                 .arg(first == last ? first : first + QStringLiteral(" to ") + last,
                      chinaTime(f.asOfMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    for (const WalletTakings& t : f.byWallet)
        out.line(takingsLine(walletName(t.wallet), t));
    out.line(takingsLine(QStringLiteral("total"), f.totals()));
    for (const ChannelPerformance& c : f.channels)
        out.line(channelLine(walletName(c.wallet), c));
    out.line(channelLine(QStringLiteral("all"), f.overall));
    for (const HourTakings& h : f.byHour)
        out.line(QStringLiteral("hour %1  %2 sales %3 / %4")
                     .arg(h.hour, 2, 10, QLatin1Char('0'))
                     .arg(walletName(h.wallet).leftJustified(9))
                     .arg(h.sales)
                     .arg(plainYuan(h.salesFen)));
    out.line(QStringLiteral("open now: %1 alerts to act on, %2 to watch, %3 reconciliation "
                            "differences, %4 orders not finished")
                 .arg(f.openPageAlerts)
                 .arg(f.openWatchAlerts)
                 .arg(f.openDifferences)
                 .arg(f.openOrders));
}

} // namespace

QList<QCommandLineOption> dashboardOptions()
{
    return {{QStringLiteral("days"), QString(), QStringLiteral("N")}};
}

int runDashboard(const QCommandLineParser& parser, const QStringList& args, Output& out,
                 DashboardAccess& dashboard, qint64 nowMs)
{
    if (args.size() != 1)
        return usageError(out, QStringLiteral("usage: dashboard [--date YYYY-MM-DD] [--days N]"));
    QDate last = chinaTime(nowMs).date();
    if (parser.isSet(QStringLiteral("date"))) {
        last = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
        if (!last.isValid())
            return usageError(out, QStringLiteral("--date must be a day such as 2026-12-01"));
    }
    int days = 1;
    if (QString e = countOption(parser, QStringLiteral("days"), 366, &days); !e.isEmpty())
        return usageError(out, e);
    const qint64 fromMs = chinaDayStartMs(last.addDays(1 - days));
    const qint64 toMs = chinaDayStartMs(last.addDays(1));
    const auto r =
        waitFor<DashboardResult>([&](auto reply) { dashboard.figures(fromMs, toMs, reply); });
    if (!r.outcome.ok())
        return printBackOffice(out, r.outcome);
    if (out.json())
        out.object(wire::toJson(r));
    else
        printFigures(out, r.figures);
    return ExitOk;
}

} // namespace paydesk::cli
