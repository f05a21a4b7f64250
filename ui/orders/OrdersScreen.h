#pragma once

#include "api/PayDeskApi.h"
#include "api/types/Clock.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace paydesk::ui {

class OrderDetailView;
class OrdersCsvExport;
class OrdersFilterProxy;
class OrdersTableModel;

// Support's view: every order, newest first, loaded as it scrolls; search by
// any number (order, payment, channel trade, refund, request, last 4 of the
// code); state, wallet and date filters; the selected order's story.
class OrdersScreen : public QWidget
{
    Q_OBJECT
public:
    OrdersScreen(PayDeskApi& api, const Clock& clock, QWidget* parent = nullptr);

    OrdersTableModel& model() { return *m_model; }
    OrdersFilterProxy& proxy() { return *m_proxy; }
    QTableView* view() const { return m_view; }
    OrderDetailView* detail() const { return m_detail; }
    // Runs the search now (the box also searches shortly after typing stops).
    void search(const QString& text);
    void openOrder(const QString& orderNo);
    // Puts the cursor in the search field, its text selected (Ctrl+F).
    void focusSearch();
    // Writes every order the search and filters find (not only the loaded
    // rows) to a CSV file, with a progress dialog; the outcome shows beside
    // the count. Null when the file cannot be opened (the reason is shown).
    OrdersCsvExport* exportCsv(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyFilter();
    void retranslate();
    void askWhereToExport();
    void updateCount();

    const Clock& m_clock;
    OrdersTableModel* m_model;
    OrdersFilterProxy* m_proxy;
    QLineEdit* m_search;
    QComboBox* m_state;
    QComboBox* m_wallet;
    QComboBox* m_since;
    QLabel* m_count;
    QPushButton* m_export;
    QLabel* m_exportResult;
    QTableView* m_view;
    OrderDetailView* m_detail;
    QTimer m_searchDelay;
};

} // namespace paydesk::ui
