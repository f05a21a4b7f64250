#include "orders/OrderDetailView.h"

#include "cashier/SaleView.h"
#include "common/ModelTexts.h"
#include "orders/RefundsModel.h"
#include "orders/TimelineModel.h"
#include "orders/TimelineTexts.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace paydesk::ui {

OrderDetailView::OrderDetailView(PayDeskApi& api, QWidget* parent) : QWidget(parent), m_api(api)
{
    setObjectName(QStringLiteral("orderDetail"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("orderSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_refunds = new RefundsModel(this);
    m_timeline = new TimelineModel(this);
    m_refundsTitle = new QLabel(this);
    m_refundsView = new QTableView(this);
    m_refundsView->setObjectName(QStringLiteral("refundsView"));
    m_refundsView->setModel(m_refunds);
    m_refundsView->verticalHeader()->hide();
    m_refundsView->horizontalHeader()->setStretchLastSection(true);
    m_refundsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_refundsView->setMaximumHeight(110);
    m_timelineTitle = new QLabel(this);
    m_timelineView = new QTreeView(this);
    m_timelineView->setObjectName(QStringLiteral("timelineView"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setUniformRowHeights(false);
    m_timelineView->setWordWrap(true);
    m_timelineView->header()->setStretchLastSection(true);
    for (int c : {TimelineModel::TimeColumn, TimelineModel::SourceColumn, TimelineModel::WhatColumn,
                  TimelineModel::ChangeColumn})
        m_timelineView->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_query = new QPushButton(this);
    m_query->setObjectName(QStringLiteral("queryButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_refundsTitle);
    layout->addWidget(m_refundsView);
    layout->addWidget(m_timelineTitle);
    layout->addWidget(m_timelineView, 1);
    m_queryResult = new QLabel(this);
    m_queryResult->setObjectName(QStringLiteral("queryResult"));
    m_queryResult->setWordWrap(true);
    // Support acts on any order from here, not only on the counter's last sales.
    const auto makeButton = [this](const char* name) {
        auto* b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        b->setEnabled(false);
        return b;
    };
    m_refund = makeButton("detailRefund");
    m_receipt = makeButton("detailReceipt");
    m_revoke = makeButton("detailRevoke");
    auto* actionRow = new QHBoxLayout;
    actionRow->addWidget(m_query);
    actionRow->addWidget(m_refund);
    actionRow->addWidget(m_receipt);
    actionRow->addWidget(m_revoke);
    actionRow->addStretch(1);
    layout->addLayout(actionRow);
    layout->addWidget(m_queryResult);
    connect(m_refund, &QPushButton::clicked, this, [this] {
        if (canRefund())
            Q_EMIT refundRequested(m_orderNo);
    });
    connect(m_receipt, &QPushButton::clicked, this, [this] {
        if (m_details)
            Q_EMIT receiptRequested(m_orderNo);
    });
    connect(m_revoke, &QPushButton::clicked, this, &OrderDetailView::askToRevoke);
    connect(m_query, &QPushButton::clicked, this, [this] {
        if (m_orderNo.isEmpty())
            return;
        m_queryResult->setText(tr("Asking…"));
        m_api.query(m_orderNo, [this](const CommandOutcome& o) {
            m_summary->setToolTip(o.message);
            m_queryResult->setText(queryText(o));
            reload();
        });
    });
    // Live: any durable change of the shown order reloads it.
    connect(&m_api, &PayDeskApi::eventRecorded, this, [this](const TrackEvent& e) {
        if (e.orderNo == m_orderNo && isVisible())
            reload();
    });
    connect(&m_api, &PayDeskApi::orderChanged, this, [this](const QString& orderNo) {
        if (orderNo == m_orderNo && isVisible())
            reload();
    });
    retranslate();
}

QString OrderDetailView::queryText(const CommandOutcome& o)
{
    if (!o.ok())
        return tr("Could not ask: %1").arg(o.message);
    const QString who = o.channel;
    switch (o.channelStatus) {
    case TradeStatus::Success:
        return tr("%1 says: paid (%2).").arg(who, o.returnCode);
    case TradeStatus::Failed:
        return tr("%1 says: not paid (%2).").arg(who, o.returnCode);
    case TradeStatus::Processing:
        return tr("%1 says: still in progress (%2).").arg(who, o.returnCode);
    case TradeStatus::Unknown:
        break;
    }
    return tr("%1 gave no clear answer (%2); PayDesk keeps checking.").arg(who, o.returnCode);
}

void OrderDetailView::showOrder(const QString& orderNo)
{
    if (orderNo != m_orderNo)
        m_queryResult->clear();
    m_orderNo = orderNo;
    reload();
}

void OrderDetailView::reload()
{
    if (m_orderNo.isEmpty())
        return;
    const QString no = m_orderNo;
    m_api.orderDetails(no, [this, no](const std::optional<OrderDetails>& d) {
        if (no != m_orderNo)
            return;
        m_details = d;
        m_refunds->setRefunds(d ? d->refunds : QList<RefundRecord>{});
        // Most orders have none: the timeline gets the room then.
        const bool anyRefund = d && !d->refunds.isEmpty();
        m_refundsTitle->setVisible(anyRefund);
        m_refundsView->setVisible(anyRefund);
        m_timeline->setEvents(d ? d->events : QList<TrackEvent>{});
        m_summary->setText(summaryText());
        updateActions();
    });
}

bool OrderDetailView::canRefund() const
{
    return m_details && SaleText::tookMoney(m_details->order.state);
}

bool OrderDetailView::canRevoke() const
{
    // A pending sale, or one waiting for a person (its revoke in the manual
    // queue gets another round); a paid sale is refunded instead.
    return m_details && (m_details->order.state == OrderState::Pending ||
                         m_details->order.state == OrderState::Attention);
}

void OrderDetailView::updateActions()
{
    m_refund->setEnabled(canRefund());
    m_receipt->setEnabled(m_details.has_value());
    m_revoke->setEnabled(canRevoke());
}

void OrderDetailView::askToRevoke()
{
    if (!canRevoke())
        return;
    QMessageBox box(QMessageBox::Question, tr("Revoke order %1?").arg(m_orderNo),
                    tr("The payment of order %1 is cancelled at the channel. If the customer "
                       "was already charged, the money goes back to them.")
                        .arg(m_orderNo),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmRevoke"));
    QPushButton* revoke = box.addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    box.addButton(tr("Keep it"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() != revoke)
        return;
    const QString no = m_orderNo;
    m_revoke->setEnabled(false); // one request is enough; the core's answer follows
    RevokeCommand cmd{QString(), no, QStringLiteral("revoked by support from the order's detail")};
    m_api.revoke(cmd, [this, no](const CommandOutcome& o) {
        if (no != m_orderNo)
            return;
        m_queryResult->setText(o.ok() ? tr("Revoke requested: %1").arg(o.message)
                                      : tr("Not revoked: %1").arg(o.message));
        reload();
    });
}

QString OrderDetailView::summaryText() const
{
    if (!m_details)
        return m_orderNo.isEmpty() ? tr("Select an order to see its story.")
                                   : tr("Order %1 was not found.").arg(m_orderNo);
    const OrderRecord& o = m_details->order;
    QStringList lines;
    lines << tr("<b>Order %1</b> — %2")
                 .arg(o.orderNo, SaleText::orderStateLabel(o.state).toHtmlEscaped());
    lines << tr("Amount %1, refunded %2, refund in progress %3")
                 .arg(o.amount.toDisplayString(), Money::fromFen(o.refundedFen).toDisplayString(),
                      Money::fromFen(o.refundPendingFen).toDisplayString());
    lines << tr("Created %1 at store %2, counter %3; note: %4")
                 .arg(QDateTime::fromMSecsSinceEpoch(o.createdAtMs)
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                      o.storeId, o.terminalId, o.subject.toHtmlEscaped());
    for (const PaymentRecord& p : m_details->payments)
        lines << tr("Payment %1: %2 %3, %4, code %5, channel trade no. %6")
                     .arg(p.paymentNo, SaleText::walletLabel(p.wallet), p.amount.toDisplayString(),
                          timelineStateLabel(paymentStateName(p.state)), p.codeMasked,
                          p.channelTradeNo.isEmpty() ? QStringLiteral("-") : p.channelTradeNo);
    for (const RevokeRecord& r : m_details->revokes)
        lines << tr("Revoke %1: %2, %n attempt(s), action %3", nullptr, r.attempts)
                     .arg(r.revokeNo, timelineStateLabel(revokeStateName(r.state)),
                          r.action.isEmpty() ? QStringLiteral("-") : r.action);
    int alerts = 0;
    for (const TrackEvent& e : m_details->events)
        alerts += e.alert != AlertLevel::None ? 1 : 0;
    if (alerts)
        lines << tr("<span style='color:#b01c1c'>⚠ %n alert(s) on this order: see the highlighted "
                    "steps.</span>",
                    nullptr, alerts);
    return lines.join(QStringLiteral("<br>"));
}

void OrderDetailView::retranslate()
{
    refreshModelTexts(m_refunds);
    refreshModelTexts(m_timeline);
    m_refundsTitle->setText(tr("Refunds"));
    m_timelineTitle->setText(
        tr("Timeline (click ▸ to see the raw message; codes and keys are masked)"));
    m_query->setText(tr("Ask the channel now"));
    // Shortcuts after the text, which resets them; they act only while the
    // Orders screen is shown (the counter's own F4/F6/F8 are hidden then).
    m_refund->setText(tr("Refund… (F4)"));
    m_refund->setShortcut(QKeySequence(Qt::Key_F4));
    m_receipt->setText(tr("Receipt… (F6)"));
    m_receipt->setShortcut(QKeySequence(Qt::Key_F6));
    m_revoke->setText(tr("Revoke… (F8)"));
    m_revoke->setShortcut(QKeySequence(Qt::Key_F8));
    m_summary->setText(summaryText());
}

void OrderDetailView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
