#include "dashboard/DashboardScreen.h"

#include "api/types/ChinaTime.h"
#include "app/CoreSession.h"
#include "common/ScreenWidgets.h"
#include "dashboard/DashboardPeriod.h"
#include "dashboard/HourlyTakingsChart.h"
#include "dashboard/WalletFiguresModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace paydesk::ui {

namespace {

QLabel* figureLabel(const QString& name, QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    QFont f = l->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    l->setFont(f);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

DashboardScreen::DashboardScreen(CoreSession& core, DashboardAccess& dashboard, QWidget* parent)
    : QWidget(parent), m_core(core), m_dashboard(dashboard),
      m_wallets(new WalletFiguresModel(this)), m_live(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboardScreen"));
    m_live->setSingleShot(true);
    m_live->setInterval(kLiveDelayMs);
    m_periodLabel = new QLabel(this);
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("dashboardPeriod"));
    m_period->addItems({QString(), QString(), QString(), QString(), QString()}); // retranslate
    const QDate today = chinaTime(core.clock->nowMs()).date();
    m_first = new QDateEdit(today, this);
    m_first->setObjectName(QStringLiteral("dashboardFirstDay"));
    m_last = new QDateEdit(today, this);
    m_last->setObjectName(QStringLiteral("dashboardLastDay"));
    for (QDateEdit* e : {m_first, m_last}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setVisible(false);
    }
    m_refresh = newNamedButton(QStringLiteral("dashboardRefresh"), this);

    m_netCaption = new QLabel(this);
    m_net = figureLabel(QStringLiteral("figureNet"), this);
    m_salesCaption = new QLabel(this);
    m_sales = figureLabel(QStringLiteral("figureSales"), this);
    m_successCaption = new QLabel(this);
    m_success = figureLabel(QStringLiteral("figureSuccessRate"), this);
    m_medianCaption = new QLabel(this);
    m_median = figureLabel(QStringLiteral("figureMedianToPaid"), this);
    m_alerts = newNamedButton(QStringLiteral("figureOpenAlerts"), this);
    m_differences = newNamedButton(QStringLiteral("figureOpenDifferences"), this);
    m_openOrders = newNamedButton(QStringLiteral("figureOpenOrders"), this);
    m_view = newTableView(m_wallets, QStringLiteral("dashboardWallets"), this);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_chart = new HourlyTakingsChart(this);
    m_status = newStatusLabel(QStringLiteral("dashboardStatus"), this);

    auto* period = new QHBoxLayout;
    period->addWidget(m_periodLabel);
    period->addWidget(m_period);
    period->addWidget(m_first);
    period->addWidget(m_last);
    period->addStretch(1);
    period->addWidget(m_refresh);
    auto* figures = new QGridLayout;
    const std::pair<QLabel*, QLabel*> tiles[] = {{m_netCaption, m_net},
                                                 {m_salesCaption, m_sales},
                                                 {m_successCaption, m_success},
                                                 {m_medianCaption, m_median}};
    int column = 0;
    for (const auto& [caption, value] : tiles) {
        figures->addWidget(caption, 0, column);
        figures->addWidget(value, 1, column);
        figures->setColumnStretch(column++, 1);
    }
    figures->setHorizontalSpacing(24);
    auto* open = new QVBoxLayout;
    open->addWidget(m_alerts);
    open->addWidget(m_differences);
    open->addWidget(m_openOrders);
    figures->addLayout(open, 0, column, 2, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_chart);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(period);
    layout->addLayout(figures);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this](int choice) {
        const bool chosen = choice == int(PeriodChoice::Chosen);
        m_first->setVisible(chosen);
        m_last->setVisible(chosen);
        reload();
    });
    connect(m_first, &QDateEdit::dateChanged, this, &DashboardScreen::reload);
    connect(m_last, &QDateEdit::dateChanged, this, &DashboardScreen::reload);
    connect(m_refresh, &QPushButton::clicked, this, &DashboardScreen::reload);
    connect(m_alerts, &QPushButton::clicked, this, &DashboardScreen::showAlertsRequested);
    connect(m_differences, &QPushButton::clicked, this, &DashboardScreen::showDifferencesRequested);
    connect(m_openOrders, &QPushButton::clicked, this, &DashboardScreen::showOrdersRequested);
    connect(m_live, &QTimer::timeout, this, &DashboardScreen::reload);
    PayDeskApi& api = *core.api;
    connect(&api, &PayDeskApi::orderChanged, this, &DashboardScreen::changed);
    connect(&api, &PayDeskApi::paymentChanged, this, &DashboardScreen::changed);
    connect(&api, &PayDeskApi::alertRaised, this, &DashboardScreen::changed);
    retranslate();
}

void DashboardScreen::changed()
{
    // Hidden, it reads nothing: it reads again when shown.
    if (isVisible() && !m_live->isActive())
        m_live->start();
}

void DashboardScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void DashboardScreen::choosePeriod(int choice, QDate first, QDate last)
{
    const QSignalBlocker quietFirst(m_first);
    const QSignalBlocker quietLast(m_last);
    if (first.isValid())
        m_first->setDate(first);
    if (last.isValid())
        m_last->setDate(last);
    if (m_period->currentIndex() == choice)
        reload();
    else
        m_period->setCurrentIndex(choice); // reloads
}

void DashboardScreen::reload()
{
    m_live->stop();
    if (const BackOfficeOutcome o = m_core.permit(UseCase::ReadDashboard); !o.ok()) {
        // The next person at this window sees no figures they may not read.
        clearFigures();
        m_status->setText(o.message);
        return;
    }
    const DashboardPeriod p =
        dashboardPeriod(PeriodChoice(m_period->currentIndex()), m_core.clock->nowMs(),
                        m_first->date(), m_last->date());
    ++m_readsInFlight;
    m_dashboard.figures(p.fromMs, p.toMs,
                        [self = QPointer<DashboardScreen>(this)](const DashboardResult& r) {
                            if (self)
                                self->showResult(r);
                        });
}

void DashboardScreen::clearFigures()
{
    m_figures = {};
    m_haveFigures = false;
    m_wallets->setFigures(m_figures);
    m_chart->setFigures(m_figures);
    for (QLabel* figure : {m_net, m_sales, m_success, m_median})
        figure->clear();
    for (QPushButton* open : {m_alerts, m_differences, m_openOrders})
        open->setText(QString());
}

bool DashboardScreen::reloadPending() const
{
    return m_readsInFlight > 0 || m_live->isActive();
}

void DashboardScreen::showResult(const DashboardResult& r)
{
    --m_readsInFlight;
    if (!r.outcome.ok()) {
        m_status->setText(r.outcome.message);
        Q_EMIT figuresShown();
        return;
    }
    m_figures = r.figures;
    m_haveFigures = true;
    m_wallets->setFigures(m_figures);
    m_chart->setFigures(m_figures);
    showFigureTexts();
    Q_EMIT figuresShown();
}

void DashboardScreen::showFigureTexts()
{
    if (!m_haveFigures)
        return;
    const DashboardFigures& f = m_figures;
    const WalletTakings total = f.totals();
    m_net->setText(QStringLiteral("¥%1").arg(plainYuan(total.netFen())));
    m_sales->setText(
        tr("%n sale(s), ¥%1", nullptr, int(total.sales)).arg(plainYuan(total.salesFen)));
    m_success->setText(WalletFiguresModel::rateText(f.overall.successRate()));
    m_median->setText(WalletFiguresModel::durationText(f.overall.medianToPaidMs));
    m_alerts->setText(
        tr("Open alerts: %1 to act on, %2 to watch").arg(f.openPageAlerts).arg(f.openWatchAlerts));
    m_differences->setText(tr("Reconciliation differences waiting: %1").arg(f.openDifferences));
    m_openOrders->setText(tr("Orders not finished: %1").arg(f.openOrders));
    const QDate first = chinaTime(f.fromMs).date();
    const QDate last = chinaTime(f.toMs - 1).date();
    const QString days =
        first == last ? first.toString(QStringLiteral("yyyy-MM-dd"))
                      : QStringLiteral("%1 – %2").arg(first.toString(QStringLiteral("yyyy-MM-dd")),
                                                      last.toString(QStringLiteral("yyyy-MM-dd")));
    m_status->setText(tr("Figures for %1 (China time), read at %2; they follow each payment "
                         "while this screen is open.")
                          .arg(days, chinaTime(f.asOfMs).toString(QStringLiteral("HH:mm:ss"))));
}

QString DashboardScreen::status() const
{
    return m_status->text();
}

void DashboardScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DashboardScreen::retranslate()
{
    m_periodLabel->setText(tr("Period"));
    const QString periods[] = {tr("Today"), tr("Yesterday"), tr("Last 7 days"), tr("This month"),
                               tr("Chosen days")};
    for (int i = 0; i < m_period->count(); ++i)
        m_period->setItemText(i, periods[i]);
    m_refresh->setText(tr("Refresh"));
    m_netCaption->setText(tr("Net takings"));
    m_salesCaption->setText(tr("Sales"));
    m_successCaption->setText(tr("Success rate"));
    m_medianCaption->setText(tr("Median time to paid"));
    m_alerts->setToolTip(tr("Open the alerts"));
    m_differences->setToolTip(tr("Open reconciliation"));
    m_openOrders->setToolTip(tr("Open the orders"));
    showFigureTexts();
}

} // namespace paydesk::ui
