#include "shell/MainWindow.h"

#include "alerts/AlertsScreen.h"
#include "approvals/ApprovalsScreen.h"
#include "audit/AuditScreen.h"
#include "books/LedgerScreen.h"
#include "dashboard/DashboardScreen.h"
#include "reconcile/ReconScreen.h"
#include "shell/ReachabilityLights.h"
#include "shell/ShiftLogin.h"
#include "shift/ShiftCloseDialog.h"

#include "app/Language.h"
#include "cashier/CashierScreen.h"
#include "cashier/SaleSession.h"
#include "common/OutcomeSound.h"
#include "common/RelativeFont.h"
#include "orders/AlertsStrip.h"
#include "orders/OrderDetailView.h"
#include "orders/OrdersScreen.h"
#include "qr/QrScreen.h"
#include "receipt/ReceiptDialog.h"
#include "refund/RefundDialog.h"
#include "scan/CameraScanDialog.h"
#include "scan/SerialScanner.h"
#include "settings/AppSettings.h"
#include "settings/PinGuard.h"
#include "settings/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <functional>

namespace paydesk::ui {

MainWindow::MainWindow(CoreSession& core, AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_core(core), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("screens"));
    m_cashier = new CashierScreen(core, m_tabs);
    m_qr = new QrScreen(core, m_tabs);
    m_orders = new OrdersScreen(*core.api, *core.clock, m_tabs);
    m_alerts = new AlertsStrip(*core.api, this);
    // Every screen with the use case it needs (the tab is offered only to
    // the roles the matrix allows) and, for the back office, what it reads
    // when it is opened, so it shows what is true now.
    addScreen(m_cashier, UseCase::Pay, {}, QT_TR_NOOP("Cashier (Alt+1)"), 1);
    addScreen(m_qr, UseCase::CreateQr, {}, QT_TR_NOOP("QR code (Alt+2)"), 2);
    addScreen(m_orders, UseCase::ReadOrders, {}, QT_TR_NOOP("Orders (Alt+3)"), 3);
    m_ledger = new LedgerScreen(core, m_tabs);
    addScreen(
        m_ledger, UseCase::ReadLedger, [this] { m_ledger->reload(); }, QT_TR_NOOP("Ledger (Alt+4)"),
        4);
    m_approvals = new ApprovalsScreen(core, m_tabs);
    addScreen(
        m_approvals, UseCase::ReadApprovals, [this] { m_approvals->reload(); },
        QT_TR_NOOP("Approvals (Alt+5)"), 5);
    m_recon = new ReconScreen(core, m_tabs);
    addScreen(
        m_recon, UseCase::ReadDifferences, [this] { m_recon->reloadDifferences(); },
        QT_TR_NOOP("Reconcile (Alt+6)"), 6);
    m_alertsCentre = new AlertsScreen(core, m_tabs);
    addScreen(
        m_alertsCentre, UseCase::ReadAlerts, [this] { m_alertsCentre->reload(); },
        QT_TR_NOOP("Alerts (Alt+7)"), 7);
    if (core.guard) {
        // The audit log: the core in this process writes it (a remote
        // counter's server keeps its own).
        m_audit = new AuditScreen(*core.guard, m_tabs);
        addScreen(
            m_audit, UseCase::ReadAudit, [this] { m_audit->reload(); },
            QT_TR_NOOP("Audit log (Alt+8)"), 8);
    }
    // The dashboard reads the figures itself when shown, and again as
    // payments change while it stays open.
    m_dashboard = new DashboardScreen(core, core.api->dashboard(), m_tabs);
    addScreen(m_dashboard, UseCase::ReadDashboard, {}, QT_TR_NOOP("Dashboard (Alt+9)"), 9);
    connect(m_dashboard, &DashboardScreen::showAlertsRequested, this,
            [this] { showIfAllowed(m_alertsCentre); });
    connect(m_dashboard, &DashboardScreen::showDifferencesRequested, this,
            [this] { showIfAllowed(m_recon); });
    connect(m_dashboard, &DashboardScreen::showOrdersRequested, this,
            [this] { showIfAllowed(m_orders); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        for (const ScreenTab& tab : m_screenTabs)
            if (m_tabs->widget(index) == tab.widget && tab.reload)
                tab.reload();
    });
    m_serial = new SerialScanner(this);
    m_pinGuard = new PinGuard(m_settings, *core.clock, *core.api, this);
    m_sound = new OutcomeSound(this);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_alerts);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    // Screens by key (Alt+1.., in tab order, shown on the tabs); Ctrl+F searches orders.
    for (const ScreenTab& tab : m_screenTabs)
        connect(new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + tab.altKey)), this),
                &QShortcut::activated, this,
                [this, screen = tab.widget] { showIfAllowed(screen); });
    const std::pair<int, std::function<void()>> screenKeys[] = {{Qt::CTRL | Qt::Key_F, [this] {
                                                                     showOrders();
                                                                     m_orders->focusSearch();
                                                                 }}};
    for (const auto& [key, go] : screenKeys)
        connect(new QShortcut(QKeySequence(key), this), &QShortcut::activated, this, go);

    connect(m_cashier, &CashierScreen::qrRequested, this, &MainWindow::openQr);
    connect(m_cashier, &CashierScreen::receiptRequested, this, &MainWindow::openReceipt);
    connect(m_cashier, &CashierScreen::refundRequested, this, &MainWindow::openRefund);
    connect(m_cashier, &CashierScreen::cameraRequested, this, &MainWindow::openCamera);
    connect(m_qr, &QrScreen::receiptRequested, this, &MainWindow::openReceipt);
    for (SaleSession* session : {&m_cashier->session(), &m_qr->session()})
        connect(session, &SaleSession::saleFinished, this, [this, session] {
            if (const std::optional<OutcomeCue> cue = cueFor(session->view().phase))
                m_sound->play(*cue);
        });
    connect(m_orders->detail(), &OrderDetailView::receiptRequested, this, &MainWindow::openReceipt);
    connect(m_orders->detail(), &OrderDetailView::refundRequested, this, &MainWindow::openRefund);
    connect(m_alerts, &AlertsStrip::openOrderRequested, this, &MainWindow::openOrder);
    connect(m_alertsCentre, &AlertsScreen::openOrderRequested, this, &MainWindow::openOrder);
    connect(m_serial, &SerialScanner::scanned, this, [this](const QString& code) {
        showCashier();
        m_cashier->acceptScannedCode(code);
    });

    m_lights = new ReachabilityLights(*m_core.api, this);
    statusBar()->addPermanentWidget(m_lights);
    if (m_core.sandbox) {
        // Permanent, so no passing message can hide that sales are not real.
        m_sandboxBadge = new QLabel(this);
        m_sandboxBadge->setObjectName(QStringLiteral("sandboxBadge"));
        m_sandboxBadge->setStyleSheet(QStringLiteral(
            "QLabel { background: #b35900; color: white; font-weight: bold; padding: 2px 8px; }"));
        statusBar()->addPermanentWidget(m_sandboxBadge);
    }
    m_shift = new ShiftLogin(m_core, this);
    m_pinGuard->setPeopleLogIn([this] { return m_shift->required(); });
    connect(m_shift, &ShiftLogin::personChanged, this, &MainWindow::applyPermissions);
    statusBar()->addPermanentWidget(m_shift->badge());
    buildMenu();
    retranslate();
    applySettings();
    resize(1024, 768);
    m_cashier->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenu()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_switchUserAction = m_fileMenu->addAction(QString(), m_shift, &ShiftLogin::switchUser);
    m_switchUserAction->setObjectName(QStringLiteral("switchUserAction"));
    // Shown once people log in here (a first user may be added meanwhile).
    connect(m_fileMenu, &QMenu::aboutToShow, this, [this] {
        m_switchUserAction->setVisible(m_shift->required());
        m_closeShiftAction->setEnabled(allowed(UseCase::CloseShift));
    });
    m_closeShiftAction = m_fileMenu->addAction(QString(), this, [this] { openShiftClose(); });
    m_closeShiftAction->setObjectName(QStringLiteral("closeShiftAction"));
    // The shift close is the core's in this process (a remote counter's
    // server keeps none yet).
    m_closeShiftAction->setVisible(m_core.guard != nullptr);
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::openSettings);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_viewMenu = menuBar()->addMenu(QString());
    m_counterModeAction = m_viewMenu->addAction(QString());
    m_counterModeAction->setCheckable(true);
    connect(m_counterModeAction, &QAction::triggered, this, [this](bool on) {
        m_settings.setCounterMode(on);
        setCounterMode(on);
    });
}

void MainWindow::showCashier()
{
    m_tabs->setCurrentWidget(m_cashier);
}

void MainWindow::showOrders()
{
    m_tabs->setCurrentWidget(m_orders);
}

void MainWindow::showQr()
{
    m_tabs->setCurrentWidget(m_qr);
}

void MainWindow::addScreen(QWidget* screen, UseCase useCase, std::function<void()> reload,
                           const char* title, int altKey)
{
    m_tabs->addTab(screen, QString());
    m_screenTabs.push_back({screen, useCase, std::move(reload), title, altKey});
}

void MainWindow::openOrder(const QString& orderNo)
{
    m_orders->openOrder(orderNo);
    showOrders();
}

void MainWindow::showIfAllowed(QWidget* screen)
{
    if (screen && m_tabs->isTabEnabled(m_tabs->indexOf(screen)))
        m_tabs->setCurrentWidget(screen);
}

void MainWindow::applySettings()
{
    m_cashier->setScanConfig(m_settings.scanConfig());
    m_counterModeAction->setChecked(m_settings.counterMode());
    m_sound->setEnabled(m_settings.outcomeSounds());
    setCounterMode(m_settings.counterMode());
    m_alerts->setAcknowledgedBy(m_settings.terminalName().isEmpty() ? QStringLiteral("counter")
                                                                    : m_settings.terminalName());
    openSerialScanner();
}

void MainWindow::openSerialScanner()
{
    m_serial->close();
    if (m_settings.serialPort().isEmpty())
        return;
    const QString e =
        m_serial->open(m_settings.serialPort(), m_settings.serialBaud(), m_settings.scanConfig());
    if (!e.isEmpty())
        statusBar()->showMessage(e);
}

void MainWindow::setCounterMode(bool on)
{
    m_cashier->setHighContrast(on);
    // Large type through the window's font, not the style sheet: a sheet's
    // font-size stays on header views after the sheet is cleared, and a
    // widget font propagates to every child and back again.
    QFont large;
    if (on)
        large.setPointSize(16);
    setFont(large);
    refreshRelativeFonts(this);
    setStyleSheet(
        on ? QStringLiteral("QWidget { background: black; color: white; }"
                            "QLineEdit, QTableView, QTreeView, QListView { background: #111;"
                            " color: white; border: 2px solid white; }"
                            "QPushButton { background: #222; color: white; border: 2px solid white;"
                            " padding: 6px; }"
                            "QPushButton:disabled { color: #777; border-color: #777; }"
                            "QTabBar::tab:selected { background: white; color: black; }")
           : QString());
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, *m_pinGuard, this);
    adoptWindowFont(&dialog, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Language::apply(m_settings.language());
    applySettings();
}

QDialog* MainWindow::openReceipt(const QString& orderNo)
{
    auto* d = new ReceiptDialog(*m_core.api, m_settings, orderNo, m_core.sandbox, this);
    adoptWindowFont(d, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

bool MainWindow::allowed(UseCase useCase) const
{
    return m_core.permit(useCase).ok();
}

void MainWindow::applyPermissions()
{
    // The core refuses what a role may not do; the window does not offer it.
    for (const ScreenTab& tab : m_screenTabs)
        m_tabs->setTabEnabled(m_tabs->indexOf(tab.widget), allowed(tab.useCase));
    if (!m_tabs->isTabEnabled(m_tabs->currentIndex())) {
        for (int i = 0; i < m_tabs->count(); ++i)
            if (m_tabs->isTabEnabled(i)) {
                m_tabs->setCurrentIndex(i);
                break;
            }
    }
}

QDialog* MainWindow::openShiftClose()
{
    if (!m_core.guard)
        return nullptr;
    if (!allowed(UseCase::CloseShift)) {
        statusBar()->showMessage(
            tr("%1 may not close the shift: a cashier or supervisor does.").arg(m_shift->who()));
        return nullptr;
    }
    auto* d = new ShiftCloseDialog(m_core, m_core.guard->shifts(), this);
    adoptWindowFont(d, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &ShiftCloseDialog::nextPersonRequested, m_shift, &ShiftLogin::switchUser);
    d->show();
    return d;
}

QDialog* MainWindow::openRefund(const QString& orderNo)
{
    if (!allowed(UseCase::Refund)) {
        statusBar()->showMessage(
            tr("%1 may not refund: a cashier or supervisor does.").arg(m_shift->who()));
        return nullptr;
    }
    auto* d = new RefundDialog(*m_core.api, *m_pinGuard, orderNo, this);
    if (m_shift->required())
        d->setSupervisorRefund(
            [shift = QPointer<ShiftLogin>(m_shift)](const QString& name, const QString& password,
                                                    const RefundCommand& cmd, auto reply) {
                if (shift)
                    shift->refundBySupervisor(name, password, cmd, std::move(reply));
            });
    adoptWindowFont(d, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

void MainWindow::openQr(const QString& amountText, const QString& note)
{
    showQr();
    m_qr->start(amountText, note);
}

void MainWindow::openCamera()
{
    auto* d = new CameraScanDialog(m_settings.cameraId(), this);
    adoptWindowFont(d, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &CameraScanDialog::codeAccepted, m_cashier, &CashierScreen::acceptScannedCode);
    d->show();
}

void MainWindow::retranslate()
{
    if (m_core.demo)
        setWindowTitle(tr("PayDesk — demo — SANDBOX / 测试环境 (nothing is really charged)"));
    else if (m_core.sandbox)
        setWindowTitle(tr("PayDesk — SANDBOX / 测试环境 (nothing is really charged)"));
    else
        setWindowTitle(tr("PayDesk"));
    if (m_sandboxBadge)
        m_sandboxBadge->setText(tr("SANDBOX / 测试环境: not real payments"));
    m_lights->refresh();
    for (const ScreenTab& tab : m_screenTabs)
        m_tabs->setTabText(m_tabs->indexOf(tab.widget), tr(tab.title));
    m_fileMenu->setTitle(tr("&File"));
    m_switchUserAction->setText(tr("Switch &user… (shift change)"));
    m_switchUserAction->setVisible(m_shift->required());
    m_closeShiftAction->setText(tr("&Close the shift (交班)…"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_counterModeAction->setText(tr("&Counter mode (high contrast, large type)"));
    if (m_core.demo)
        statusBar()->showMessage(
            tr("Demo: test codes such as 130000000000000001 (paid at once) or 130105000000000001 "
               "(password, then paid). Data in %1 is thrown away.")
                .arg(m_core.dataDir));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    const SaleSession* busy = m_cashier->session().busy() ? &m_cashier->session()
                              : m_qr->session().busy()    ? &m_qr->session()
                                                          : nullptr;
    if (!busy) {
        QMainWindow::closeEvent(event);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("A sale is in progress"),
                    tr("Order %1 has no final outcome yet. If you quit now, nothing is lost: "
                       "the next time PayDesk starts it asks the channel again, and revokes "
                       "the payment if it is still unknown (the money goes back if it was "
                       "taken). Quit anyway?")
                        .arg(busy->view().orderNo),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("quitDuringSale"));
    QPushButton* quit = box.addButton(tr("Quit"), QMessageBox::DestructiveRole);
    QPushButton* stay = box.addButton(tr("Stay"), QMessageBox::RejectRole);
    box.setDefaultButton(stay);
    box.exec();
    if (box.clickedButton() == quit)
        QMainWindow::closeEvent(event);
    else
        event->ignore();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace paydesk::ui
