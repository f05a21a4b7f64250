#pragma once

#include "app/CoreSession.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace paydesk::ui {

class ProgressPanel;
class QrCodeWidget;
class SaleSession;

// Merchant-presented QR: the core asks the wallet for a code URL, shown here
// large enough to scan from a phone, with the amount and the countdown to the
// core's deadline; the outcome arrives as for any sale. In the demo the
// customer can be played ("simulate customer scan").
class QrScreen : public QWidget
{
    Q_OBJECT
public:
    QrScreen(CoreSession& core, QWidget* parent = nullptr);

    SaleSession& session() { return *m_session; }
    QrCodeWidget* code() const { return m_code; }
    // Starts a QR sale for this amount (text as typed) and note.
    void start(const QString& amountText, const QString& note);
    void simulateCustomerScan();

Q_SIGNALS:
    void receiptRequested(const QString& orderNo);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    CoreSession& m_core;
    SaleSession* m_session;
    QrCodeWidget* m_code;
    ProgressPanel* m_progress;
    QLabel* m_amountLabel;
    QLineEdit* m_amount;
    QLabel* m_walletLabel;
    QComboBox* m_wallet;
    QLineEdit* m_note;
    QPushButton* m_show;
    QLabel* m_bigAmount;
    QLineEdit* m_customerCode;
    QPushButton* m_simulate;
    QLabel* m_status;
    QString m_codeUrl;
};

} // namespace paydesk::ui
