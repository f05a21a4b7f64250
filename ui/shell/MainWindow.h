#pragma once

#include "app/CoreSession.h"

#include <QMainWindow>

#include <functional>
#include <vector>

class QLabel;
class QTabWidget;
class QAction;
class QMenu;
class QDialog;

namespace paydesk::ui {

class CashierScreen;
class OrdersScreen;
class QrScreen;
class AlertsStrip;
class AppSettings;
class SerialScanner;
class ReachabilityLights;
class PinGuard;
class OutcomeSound;
class ShiftLogin;
class AuditScreen;
class DashboardScreen;
class LedgerScreen;
class ApprovalsScreen;
class ReconScreen;
class AlertsScreen;

// The window: assembles the screens (one class each), the alerts strip and
// the menu, and opens dialogs when screens ask. No payment logic here.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(CoreSession& core, AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    CashierScreen* cashier() const { return m_cashier; }
    OrdersScreen* orders() const { return m_orders; }
    QrScreen* qr() const { return m_qr; }
    AlertsStrip* alerts() const { return m_alerts; }
    QTabWidget* tabs() const { return m_tabs; }
    // Null against a server (the log is the server's).
    AuditScreen* audit() const { return m_audit; }
    DashboardScreen* dashboard() const { return m_dashboard; }
    LedgerScreen* ledger() const { return m_ledger; }
    ApprovalsScreen* approvals() const { return m_approvals; }
    ReconScreen* recon() const { return m_recon; }
    AlertsScreen* alertsCentre() const { return m_alertsCentre; }

    void showCashier();
    void showOrders();
    void showQr();
    // Shows an order's detail on the Orders screen (from an alert).
    void openOrder(const QString& orderNo);
    // Shows a back-office screen the person's roles allow (else nothing).
    void showIfAllowed(QWidget* screen);
    // Applies the settings (scanner, counter mode, language) again.
    void applySettings();
    // Dialogs the screens ask for (modeless, so tests and cashiers can go on).
    QDialog* openReceipt(const QString& orderNo);
    QDialog* openRefund(const QString& orderNo);
    // The shift close (null against a server, or refused for the person).
    QDialog* openShiftClose();
    PinGuard& pinGuard() const { return *m_pinGuard; }
    OutcomeSound& outcomeSound() const { return *m_sound; }
    // Who works here: the login at start and at shift change.
    ShiftLogin& shiftLogin() const { return *m_shift; }

protected:
    void changeEvent(QEvent* event) override;
    // A sale in progress: asks before quitting, and says what happens to it.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenu();
    void openSettings();
    void retranslate();
    void openQr(const QString& amountText, const QString& note);
    void openCamera();
    void openSerialScanner();
    void setCounterMode(bool on);
    // Offers only the screens the logged-in person's roles allow.
    void applyPermissions();
    bool allowed(UseCase useCase) const;
    // `altKey`: the screen's Alt+digit, as its title says (fixed, whichever
    // screens this window has).
    void addScreen(QWidget* screen, UseCase useCase, std::function<void()> reload,
                   const char* title, int altKey);

    CoreSession& m_core;
    AppSettings& m_settings;
    QTabWidget* m_tabs;
    CashierScreen* m_cashier;
    OrdersScreen* m_orders;
    QrScreen* m_qr;
    AlertsStrip* m_alerts;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    PinGuard* m_pinGuard;
    OutcomeSound* m_sound;
    QAction* m_settingsAction = nullptr;
    QAction* m_switchUserAction = nullptr;
    QAction* m_closeShiftAction = nullptr;
    ShiftLogin* m_shift = nullptr;
    AuditScreen* m_audit = nullptr;
    DashboardScreen* m_dashboard = nullptr;
    LedgerScreen* m_ledger = nullptr;
    ApprovalsScreen* m_approvals = nullptr;
    ReconScreen* m_recon = nullptr;
    AlertsScreen* m_alertsCentre = nullptr;
    // A tab: its screen, the use case it needs, what it reads when opened
    // (back office), and its title (translated when shown).
    struct ScreenTab
    {
        QWidget* widget;
        UseCase useCase;
        std::function<void()> reload;
        const char* title;
        int altKey;
    };
    std::vector<ScreenTab> m_screenTabs;
    QAction* m_quitAction = nullptr;
    QAction* m_counterModeAction = nullptr;
    SerialScanner* m_serial = nullptr;
    QLabel* m_sandboxBadge = nullptr;
    ReachabilityLights* m_lights = nullptr;
};

} // namespace paydesk::ui
