#pragma once

#include "api/types/Clock.h"
#include "cashier/SaleView.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace paydesk::ui {

// The in-progress panel: live state, countdown to the core's deadline, the
// Revoke button (saying what it will do) and the outcome in large text with
// colour and icon. It renders a SaleView and nothing else.
class ProgressPanel : public QWidget
{
    Q_OBJECT
public:
    ProgressPanel(const Clock& clock, QWidget* parent = nullptr);

    void setView(const SaleView& view);
    const SaleView& view() const { return m_view; }
    void setHighContrast(bool on);

Q_SIGNALS:
    void revokeRequested();
    void newSaleRequested();
    void receiptRequested(const QString& orderNo);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void updateCountdown();
    void retranslate();

    const Clock& m_clock;
    SaleView m_view;
    bool m_highContrast = false;
    QTimer m_tick;
    QLabel* m_icon;
    QLabel* m_headline;
    QLabel* m_detail;
    QLabel* m_nextStep;
    QLabel* m_countdown;
    QLabel* m_lastStep;
    QPushButton* m_revoke;
    QPushButton* m_receipt;
    QPushButton* m_newSale;
};

} // namespace paydesk::ui
