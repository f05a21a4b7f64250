#pragma once

#include "api/PayDeskApi.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTreeView;

namespace paydesk::ui {

class RefundsModel;
class TimelineModel;

// One order for support: amounts, state, payments, refunds and the timeline.
// Follows the facade's signals while shown.
class OrderDetailView : public QWidget
{
    Q_OBJECT
public:
    OrderDetailView(PayDeskApi& api, QWidget* parent = nullptr);

    void showOrder(const QString& orderNo);
    QString orderNo() const { return m_orderNo; }
    TimelineModel& timeline() { return *m_timeline; }
    RefundsModel& refunds() { return *m_refunds; }
    QString summaryText() const;
    static QString queryText(const CommandOutcome& o);

protected:
    void changeEvent(QEvent* event) override;

private:
    void reload();
    void retranslate();

    PayDeskApi& m_api;
    QString m_orderNo;
    std::optional<OrderDetails> m_details;
    QLabel* m_summary;
    QLabel* m_refundsTitle;
    QLabel* m_timelineTitle;
    QTableView* m_refundsView;
    QTreeView* m_timelineView;
    QPushButton* m_query;
    QLabel* m_queryResult; // the channel's last answer, in the user's language
    RefundsModel* m_refunds;
    TimelineModel* m_timeline;
};

} // namespace paydesk::ui
