#include "dashboard/DashboardPeriod.h"

#include "api/types/ChinaTime.h"

#include <utility>

namespace paydesk::ui {

DashboardPeriod dashboardPeriod(PeriodChoice choice, qint64 nowMs, QDate chosenFirst,
                                QDate chosenLast)
{
    const QDate today = chinaTime(nowMs).date();
    DashboardPeriod p;
    switch (choice) {
    case PeriodChoice::Today:
        p.firstDay = p.lastDay = today;
        break;
    case PeriodChoice::Yesterday:
        p.firstDay = p.lastDay = today.addDays(-1);
        break;
    case PeriodChoice::Last7Days:
        p.firstDay = today.addDays(-6);
        p.lastDay = today;
        break;
    case PeriodChoice::ThisMonth:
        p.firstDay = QDate(today.year(), today.month(), 1);
        p.lastDay = today;
        break;
    case PeriodChoice::Chosen:
        p.firstDay = chosenFirst.isValid() ? chosenFirst : today;
        p.lastDay = chosenLast.isValid() ? chosenLast : p.firstDay;
        if (p.lastDay < p.firstDay)
            std::swap(p.firstDay, p.lastDay);
        break;
    }
    p.fromMs = chinaDayStartMs(p.firstDay);
    p.toMs = chinaDayStartMs(p.lastDay.addDays(1));
    return p;
}

} // namespace paydesk::ui
