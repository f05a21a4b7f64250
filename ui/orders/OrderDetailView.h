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
    // What support may start from this order's detail: the core still
    // decides; the buttons only avoid offering what cannot apply.
    bool canRefund() const;
    bool canRevoke() const;

Q_SIGNALS:
    void refundRequested(const QString& orderNo);
    void receiptRequested(const QString& orderNo);

protected:
    void changeEvent(QEvent* event) override;

private:
    void reload();
    void retranslate();
    void updateActions();
    void askToRevoke();

    PayDeskApi& m_api;
    QString m_orderNo;
    std::optional<OrderDetails> m_details;
    QLabel* m_summary;
    QLabel* m_refundsTitle;
    QLabel* m_timelineTitle;
    QTableView* m_refundsView;
    QTreeView* m_timelineView;
    QPushButton* m_query;
    QPushButton* m_refund;
    QPushButton* m_receipt;
    QPushButton* m_revoke;
    QLabel* m_queryResult; // the last answer (channel or core), in the user's language
    RefundsModel* m_refunds;
    TimelineModel* m_timeline;
};

} // namespace paydesk::ui
