#include "orders/OrdersScreen.h"

#include "cashier/SaleView.h"
#include "common/ModelTexts.h"
#include "orders/OrderDetailView.h"
#include "orders/OrdersCsvExport.h"
#include "orders/OrdersFilterProxy.h"
#include "orders/OrdersTableModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

namespace {
constexpr int kSizingRows = 30; // about a screenful
} // namespace

OrdersScreen::OrdersScreen(PayDeskApi& api, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("ordersScreen"));
    m_model = new OrdersTableModel(api, this);
    m_proxy = new OrdersFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("ordersSearch"));
    m_search->setClearButtonEnabled(true);
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("ordersState"));
    m_wallet = new QComboBox(this);
    m_wallet->setObjectName(QStringLiteral("ordersWallet"));
    m_since = new QComboBox(this);
    m_since->setObjectName(QStringLiteral("ordersSince"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("ordersCount"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("ordersExport"));
    m_exportResult = new QLabel(this);
    m_exportResult->setObjectName(QStringLiteral("exportResult"));
    m_exportResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("ordersView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(false); // newest first, as loaded; sort by clicking a header
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(false); // until a header is clicked
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Whole dates, numbers and states, measured on the first rows only: each
    // row's wallet is read from the core when first shown, so measuring a
    // whole page would read 200 orders to size one column.
    m_view->horizontalHeader()->setResizeContentsPrecision(kSizingRows);
    for (int c : {OrdersTableModel::CreatedColumn, OrdersTableModel::OrderNoColumn,
                  OrdersTableModel::AmountColumn, OrdersTableModel::StateColumn,
                  OrdersTableModel::RefundedColumn, OrdersTableModel::WalletColumn})
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_detail = new OrderDetailView(api, this);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 3);
    bar->addWidget(m_state, 1);
    bar->addWidget(m_wallet, 1);
    bar->addWidget(m_since, 1);
    auto* listSide = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(bar);
    listLayout->addWidget(m_view, 1);
    auto* footer = new QHBoxLayout;
    footer->addWidget(m_count);
    footer->addWidget(m_exportResult, 1);
    footer->addWidget(m_export);
    listLayout->addLayout(footer);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(listSide);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    retranslate();
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(&m_searchDelay, &QTimer::timeout, this, &OrdersScreen::applyFilter);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &OrdersScreen::applyFilter);
    connect(m_export, &QPushButton::clicked, this, &OrdersScreen::askWhereToExport);
    connect(m_state, &QComboBox::currentIndexChanged, this, &OrdersScreen::applyFilter);
    connect(m_since, &QComboBox::currentIndexChanged, this, &OrdersScreen::applyFilter);
    connect(m_wallet, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setWalletFilter(Wallet(m_wallet->currentData().toInt())); });
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        const Qt::SortOrder order =
            m_proxy->sortColumn() == section && m_proxy->sortOrder() == Qt::DescendingOrder
                ? Qt::AscendingOrder
                : Qt::DescendingOrder;
        m_proxy->sort(section, order);
        m_view->horizontalHeader()->setSortIndicator(section, order);
        m_view->horizontalHeader()->setSortIndicatorShown(true);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    m_detail->showOrder(current.data(OrdersTableModel::OrderNoRole).toString());
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OrdersScreen::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OrdersScreen::updateCount);
    applyFilter();
}

void OrdersScreen::updateCount()
{
    m_count->setText(
        tr("%n order(s) loaded; scroll down for older ones.", nullptr, m_model->rowCount()));
}

void OrdersScreen::search(const QString& text)
{
    m_search->setText(text);
    applyFilter();
}

void OrdersScreen::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void OrdersScreen::openOrder(const QString& orderNo)
{
    search(orderNo);
    m_detail->showOrder(orderNo);
}

void OrdersScreen::askWhereToExport()
{
    const QString suggested = QStringLiteral("orders-%1.csv")
                                  .arg(QDateTime::fromMSecsSinceEpoch(m_clock.nowMs())
                                           .toString(QStringLiteral("yyyyMMdd")));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export orders"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

OrdersCsvExport* OrdersScreen::exportCsv(const QString& path)
{
    OrderFilter f = m_model->filter();
    auto* job =
        new OrdersCsvExport(m_model->api(), f, Wallet(m_wallet->currentData().toInt()), this);
    if (!job->start(path)) {
        m_exportResult->setText(job->errorString());
        delete job;
        return nullptr;
    }
    m_export->setEnabled(false);
    m_exportResult->setText(tr("Exporting…"));
    auto* progress = new QProgressDialog(this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export orders"));
    progress->setRange(0, 0);          // the total is known only at the end
    progress->setMinimumDuration(500); // a small export finishes before it shows
    progress->setLabelText(tr("Writing orders to %1…").arg(path));
    connect(progress, &QProgressDialog::canceled, job, &OrdersCsvExport::cancel);
    connect(job, &OrdersCsvExport::progress, progress, [progress, path](int rows) {
        progress->setLabelText(tr("%n order(s) written to %1…", nullptr, rows).arg(path));
    });
    connect(job, &OrdersCsvExport::finished, this,
            [this, job, progress, path](bool ok, const QString& message) {
                progress->deleteLater();
                job->deleteLater();
                m_export->setEnabled(true);
                m_exportResult->setText(ok ? tr("%1 Saved as %2.").arg(message, path) : message);
            });
    return job;
}

void OrdersScreen::applyFilter()
{
    m_searchDelay.stop();
    OrderFilter f;
    f.search = m_search->text().trimmed();
    f.state = m_state->currentData().toInt();
    const int days = m_since->currentData().toInt();
    if (days > 0) {
        const QDate from = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).date().addDays(1 - days);
        f.sinceMs = QDateTime(from, QTime(0, 0)).toMSecsSinceEpoch();
    }
    m_proxy->setStateFilter(f.state);
    m_model->setFilter(f);
    if (m_proxy->rowCount() == 1)
        m_view->selectRow(0);
}

void OrdersScreen::retranslate()
{
    refreshModelTexts(m_model);
    updateCount();
    // The shortcut after the text, which resets it.
    m_export->setText(tr("Export CSV… (Ctrl+E)"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_search->setPlaceholderText(
        tr("Search: order, payment, channel trade or refund no., or last 4 digits of the code"));
    const QSignalBlocker b1(m_state), b2(m_wallet), b3(m_since);
    const int state = m_state->currentIndex(), wallet = m_wallet->currentIndex(),
              since = m_since->currentIndex();
    m_state->clear();
    m_state->addItem(tr("Any state"), 0);
    for (OrderState s :
         {OrderState::Pending, OrderState::Paid, OrderState::Closed, OrderState::Attention,
          OrderState::PartiallyRefunded, OrderState::Refunded})
        m_state->addItem(SaleText::orderStateLabel(s), int(s));
    m_wallet->clear();
    m_wallet->addItem(tr("Any wallet"), int(Wallet::Unknown));
    for (Wallet w : {Wallet::WeChat, Wallet::Alipay, Wallet::UnionPay})
        m_wallet->addItem(SaleText::walletLabel(w), int(w));
    m_since->clear();
    m_since->addItem(tr("Any date"), 0);
    m_since->addItem(tr("Today"), 1);
    m_since->addItem(tr("Last 7 days"), 7);
    m_since->addItem(tr("Last 30 days"), 30);
    m_state->setCurrentIndex(qMax(0, state));
    m_wallet->setCurrentIndex(qMax(0, wallet));
    m_since->setCurrentIndex(qMax(0, since));
}

void OrdersScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
