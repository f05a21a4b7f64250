#include "dashboard/HourlyTakingsChart.h"

#include "cashier/SaleView.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace paydesk::ui {

HourlyTakingsChart::HourlyTakingsChart(QWidget* parent)
    : QChartView(parent), m_series(new QStackedBarSeries), m_hours(new QBarCategoryAxis),
      m_yuan(new QValueAxis)
{
    setObjectName(QStringLiteral("hourlyTakings"));
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    chart->addSeries(m_series);
    QStringList hours;
    for (int h = 0; h < 24; ++h)
        hours << QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0'));
    m_hours->append(hours);
    chart->addAxis(m_hours, Qt::AlignBottom);
    chart->addAxis(m_yuan, Qt::AlignLeft);
    m_series->attachAxis(m_hours);
    m_series->attachAxis(m_yuan);
    m_yuan->setLabelFormat(QStringLiteral("%.0f"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setMinimumHeight(220);
    retranslate();
}

void HourlyTakingsChart::setFigures(const DashboardFigures& figures)
{
    m_figures = figures;
    m_series->clear();
    QList<Wallet> wallets;
    for (const HourTakings& h : figures.byHour)
        if (!wallets.contains(h.wallet))
            wallets << h.wallet;
    std::sort(wallets.begin(), wallets.end(), [](Wallet a, Wallet b) { return int(a) < int(b); });
    qint64 tallestFen = 0;
    qint64 hourFen[24] = {};
    for (Wallet w : wallets) {
        auto* set = new QBarSet(SaleText::walletLabel(w));
        QList<qreal> yuan(24, 0.0);
        for (const HourTakings& h : figures.byHour)
            if (h.wallet == w && h.hour >= 0 && h.hour < 24) {
                // Drawing only: a bar's height in yuan; the figures stay fen.
                yuan[h.hour] = double(h.salesFen) / 100.0;
                hourFen[h.hour] += h.salesFen;
            }
        set->append(yuan);
        m_series->append(set);
    }
    for (qint64 fen : hourFen)
        tallestFen = std::max(tallestFen, fen);
    m_yuan->setRange(0, std::max(1.0, double(tallestFen) / 100.0 * 1.1));
    m_yuan->applyNiceNumbers();
}

qint64 HourlyTakingsChart::fenAt(Wallet wallet, int hour) const
{
    for (const QBarSet* set : m_series->barSets())
        if (set->label() == SaleText::walletLabel(wallet))
            return qRound64(set->at(hour) * 100.0);
    return 0;
}

void HourlyTakingsChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        setFigures(m_figures); // the wallets' names in the legend
    }
    QChartView::changeEvent(event);
}

void HourlyTakingsChart::retranslate()
{
    chart()->setTitle(tr("Sales by hour of the day (China time), yuan"));
}

} // namespace paydesk::ui
