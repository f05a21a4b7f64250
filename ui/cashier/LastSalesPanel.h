#pragma once

#include "api/PayDeskApi.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace paydesk::ui {

class OrdersTableModel;

// The last sales of this counter, with Refund and Receipt for the selected one.
class LastSalesPanel : public QWidget
{
    Q_OBJECT
public:
    LastSalesPanel(PayDeskApi& api, QWidget* parent = nullptr);

    OrdersTableModel& model() { return *m_model; }
    QTableView* view() const { return m_view; }
    void reload();
    QString selectedOrderNo() const;
    void selectOrder(const QString& orderNo);

Q_SIGNALS:
    void refundRequested(const QString& orderNo);
    void receiptRequested(const QString& orderNo);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();

    OrdersTableModel* m_model;
    QLabel* m_title;
    QTableView* m_view;
    QPushButton* m_refund;
    QPushButton* m_receipt;
};

} // namespace paydesk::ui
