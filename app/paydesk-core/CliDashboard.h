#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace paydesk {
class DashboardAccess;
} // namespace paydesk

namespace paydesk::cli {

class Output;

// `dashboard [--date DAY] [--days N]`: takings by wallet and hour, success
// rates and median time to paid, and what is open, for N China-time days
// ending with DAY (today and 1 by default).
QList<QCommandLineOption> dashboardOptions();
int runDashboard(const QCommandLineParser& parser, const QStringList& args, Output& out,
                 DashboardAccess& dashboard, qint64 nowMs);

} // namespace paydesk::cli
