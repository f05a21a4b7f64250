#include "cashier/LastSalesPanel.h"

#include "cashier/SaleView.h"
#include "common/ModelTexts.h"
#include "orders/OrdersTableModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

LastSalesPanel::LastSalesPanel(PayDeskApi& api, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("lastSalesPanel"));
    m_model = new OrdersTableModel(api, this);
    m_model->setPageSize(20);
    m_model->setPagingEnabled(false);
    m_model->setCompactTimes(true);
    m_title = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("lastSalesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setFocusPolicy(Qt::ClickFocus);
    m_view->verticalHeader()->hide();
    m_view->setColumnHidden(OrdersTableModel::OrderNoColumn, true);
    m_view->setColumnHidden(OrdersTableModel::SubjectColumn, true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Whole times, amounts and states; the wallet takes what is left.
    for (int c : {OrdersTableModel::CreatedColumn, OrdersTableModel::AmountColumn,
                  OrdersTableModel::StateColumn, OrdersTableModel::RefundedColumn})
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_refund = new QPushButton(this);
    m_refund->setObjectName(QStringLiteral("lastSalesRefund"));
    m_refund->setFocusPolicy(Qt::NoFocus);
    m_refund->setMinimumHeight(44);
    m_receipt = new QPushButton(this);
    m_receipt->setObjectName(QStringLiteral("lastSalesReceipt"));
    m_receipt->setFocusPolicy(Qt::NoFocus);
    m_receipt->setMinimumHeight(44);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refund);
    buttons->addWidget(m_receipt);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_refund, &QPushButton::clicked, this, [this] {
        if (const QString no = selectedOrderNo(); !no.isEmpty())
            Q_EMIT refundRequested(no);
    });
    connect(m_receipt, &QPushButton::clicked, this, [this] {
        if (const QString no = selectedOrderNo(); !no.isEmpty())
            Q_EMIT receiptRequested(no);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LastSalesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LastSalesPanel::updateButtons);
    retranslate();
    reload();
}

void LastSalesPanel::reload()
{
    m_model->reload();
    updateButtons();
}

QString LastSalesPanel::selectedOrderNo() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->orderNoAt(rows.constFirst().row());
}

void LastSalesPanel::selectOrder(const QString& orderNo)
{
    const int row = m_model->rowOf(orderNo);
    if (row >= 0)
        m_view->selectRow(row);
}

void LastSalesPanel::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const OrderRecord* o = rows.isEmpty() ? nullptr : m_model->orderAt(rows.constFirst().row());
    m_refund->setEnabled(o && SaleText::tookMoney(o->state));
    m_receipt->setEnabled(o != nullptr);
}

void LastSalesPanel::retranslate()
{
    refreshModelTexts(m_model);
    m_title->setText(tr("Last sales"));
    // Set after the text, which resets a button's shortcut.
    m_refund->setText(tr("Refund… (F4)"));
    m_refund->setShortcut(QKeySequence(Qt::Key_F4));
    m_receipt->setText(tr("Receipt… (F6)"));
    m_receipt->setShortcut(QKeySequence(Qt::Key_F6));
}

void LastSalesPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
