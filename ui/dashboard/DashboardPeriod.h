#pragma once

#include <QDate>
#include <QtGlobal>

// The periods the dashboard offers, as China-time days: [first day's
// start, the day after the last day's start).
namespace paydesk::ui {

enum class PeriodChoice : int
{
    Today = 0,
    Yesterday = 1,
    Last7Days = 2, // today and the 6 days before
    ThisMonth = 3,
    Chosen = 4, // the days picked, both included
};

struct DashboardPeriod
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QDate firstDay;
    QDate lastDay;
};

// `chosenFirst`/`chosenLast` count only for Chosen (swapped if backwards).
DashboardPeriod dashboardPeriod(PeriodChoice choice, qint64 nowMs, QDate chosenFirst = {},
                                QDate chosenLast = {});

} // namespace paydesk::ui
