#include "shell/MainWindow.h"

#include "app/Language.h"
#include "cashier/CashierScreen.h"
#include "settings/AppSettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace paydesk::ui {

MainWindow::MainWindow(CoreSession& core, AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_core(core), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("screens"));
    m_cashier = new CashierScreen(core, m_tabs);
    m_orders = nullptr;
    m_qr = nullptr;
    m_alerts = nullptr;
    m_tabs->addTab(m_cashier, QString());

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

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
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::openSettings);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_viewMenu = menuBar()->addMenu(QString());
    m_counterModeAction = m_viewMenu->addAction(QString());
    m_counterModeAction->setCheckable(true);
    connect(m_counterModeAction, &QAction::toggled, this, [this](bool on) {
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
    if (m_orders)
        m_tabs->setCurrentWidget(reinterpret_cast<QWidget*>(m_orders));
}

void MainWindow::showQr() {}

void MainWindow::applySettings()
{
    m_cashier->setScanConfig(m_settings.scanConfig());
    m_counterModeAction->setChecked(m_settings.counterMode());
    setCounterMode(m_settings.counterMode());
}

void MainWindow::setCounterMode(bool on)
{
    m_cashier->setHighContrast(on);
    if (on) {
        setStyleSheet(QStringLiteral(
            "QWidget { background: black; color: white; font-size: 16pt; }"
            "QLineEdit, QTableView, QTreeView, QListView { background: #111; color: white;"
            " border: 2px solid white; }"
            "QPushButton { background: #222; color: white; border: 2px solid white;"
            " padding: 6px; }"
            "QPushButton:disabled { color: #777; border-color: #777; }"
            "QTabBar::tab:selected { background: white; color: black; }"));
    } else {
        setStyleSheet(QString());
    }
}

void MainWindow::openSettings() {}

void MainWindow::openReceipt(const QString& orderNo)
{
    Q_UNUSED(orderNo);
}

void MainWindow::openRefund(const QString& orderNo)
{
    Q_UNUSED(orderNo);
}

void MainWindow::openQr(const QString& amountText, const QString& note)
{
    Q_UNUSED(amountText);
    Q_UNUSED(note);
}

void MainWindow::openCamera() {}

void MainWindow::retranslate()
{
    setWindowTitle(m_core.demo ? tr("PayDesk — demo (sandbox, nothing is really charged)")
                               : tr("PayDesk"));
    m_tabs->setTabText(m_tabs->indexOf(m_cashier), tr("Cashier"));
    m_fileMenu->setTitle(tr("&File"));
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

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace paydesk::ui
