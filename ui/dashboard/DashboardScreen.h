#pragma once

#include "api/types/Dashboard.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace paydesk::ui {

struct CoreSession;
class HourlyTakingsChart;
class WalletFiguresModel;

// The dashboard: a period's takings by wallet and by hour, each channel's
// success rate and median time to paid, and what waits for a person now
// (alerts, reconciliation differences, unfinished orders). While shown, it
// reads the figures again shortly after the core reports a change.
class DashboardScreen : public QWidget
{
    Q_OBJECT
public:
    // How long after a change the figures are read again: a burst of
    // payments costs one read.
    static constexpr int kLiveDelayMs = 1000;

    DashboardScreen(CoreSession& core, DashboardAccess& dashboard, QWidget* parent = nullptr);

    void reload();
    void choosePeriod(int choice, QDate first = {}, QDate last = {}); // a PeriodChoice
    const DashboardFigures& figures() const { return m_figures; }
    WalletFiguresModel& wallets() const { return *m_wallets; }
    HourlyTakingsChart& chart() const { return *m_chart; }
    QString status() const;
    // Reads are in flight or due (live updates pending).
    bool reloadPending() const;

Q_SIGNALS:
    void showAlertsRequested();
    void showDifferencesRequested();
    void showOrdersRequested();
    // A read finished (shown, or refused with a message).
    void figuresShown();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void showResult(const DashboardResult& r);
    void showFigureTexts();
    void clearFigures();
    void changed(); // the core reported a change

    CoreSession& m_core;
    DashboardAccess& m_dashboard;
    DashboardFigures m_figures;
    bool m_haveFigures = false;
    int m_readsInFlight = 0;
    WalletFiguresModel* m_wallets;
    QTimer* m_live;
    QLabel* m_periodLabel;
    QComboBox* m_period;
    QDateEdit* m_first;
    QDateEdit* m_last;
    QPushButton* m_refresh;
    QLabel* m_netCaption;
    QLabel* m_net;
    QLabel* m_salesCaption;
    QLabel* m_sales;
    QLabel* m_successCaption;
    QLabel* m_success;
    QLabel* m_medianCaption;
    QLabel* m_median;
    QPushButton* m_alerts;
    QPushButton* m_differences;
    QPushButton* m_openOrders;
    QTableView* m_view;
    HourlyTakingsChart* m_chart;
    QLabel* m_status;
};

} // namespace paydesk::ui
