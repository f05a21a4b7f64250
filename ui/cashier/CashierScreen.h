#pragma once

#include "app/CoreSession.h"
#include "scan/ScanBurstDetector.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace paydesk::ui {

class ProgressPanel;
class SaleSession;
class ScannerKeyFilter;
class LastSalesPanel;

// The counter: amount (keyboard or keypad), note, payment code (scanner,
// typed, camera or serial), Charge; the in-progress panel; the last sales.
// Enter charges (or moves to the code field), Esc clears.
class CashierScreen : public QWidget
{
    Q_OBJECT
public:
    CashierScreen(CoreSession& core, QWidget* parent = nullptr);
    ~CashierScreen() override;

    SaleSession& session() { return *m_session; }
    ScannerKeyFilter& scannerFilter() { return *m_scanner; }
    void setScanConfig(const ScanBurstConfig& config);
    void setHighContrast(bool on);

    // A payment code from any source (scanner burst, serial, camera).
    void acceptScannedCode(const QString& code);

Q_SIGNALS:
    void qrRequested(const QString& amountText, const QString& note);
    void receiptRequested(const QString& orderNo);
    void refundRequested(const QString& orderNo);
    void cameraRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void charge();
    void clearSale();
    // Back to plain "Charge": no large amount is waiting for its confirmation.
    void forgetConfirmation();
    void onAmountEntered();
    void showStatus(const QString& text);
    void retranslate();
    // What to tell the cashier when the code's wallet cannot be reached ('').
    QString unreachableWarning(const QString& code, QString* walletLabel = nullptr) const;

    CoreSession& m_core;
    SaleSession* m_session;
    ScannerKeyFilter* m_scanner;
    ProgressPanel* m_progress;
    LastSalesPanel* m_lastSales;
    QLabel* m_amountLabel;
    QLineEdit* m_amount;
    QLabel* m_noteLabel;
    QLineEdit* m_note;
    QLabel* m_codeLabel;
    QLineEdit* m_code;
    QPushButton* m_charge;
    QPushButton* m_clear;
    QPushButton* m_qr;
    QPushButton* m_camera;
    QLabel* m_status;
    // The large amount (and code) the cashier was asked to confirm: charging
    // it again with both unchanged is the confirmation.
    qint64 m_confirmedFen = 0;
    QString m_confirmedCode;
};

} // namespace paydesk::ui
