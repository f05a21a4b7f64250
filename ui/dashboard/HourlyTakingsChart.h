#pragma once

#include "api/types/Dashboard.h"

#include <QChartView>

class QBarCategoryAxis;
class QStackedBarSeries;
class QValueAxis;

namespace paydesk::ui {

// Sales by the hour of the day (China time), one stacked bar per hour with a
// part for each wallet.
class HourlyTakingsChart : public QChartView
{
    Q_OBJECT
public:
    explicit HourlyTakingsChart(QWidget* parent = nullptr);

    void setFigures(const DashboardFigures& figures);
    // What the bars show: `wallet`'s part of `hour`'s bar, in fen.
    qint64 fenAt(Wallet wallet, int hour) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    DashboardFigures m_figures;
    QStackedBarSeries* m_series;
    QBarCategoryAxis* m_hours;
    QValueAxis* m_yuan;
};

} // namespace paydesk::ui
