#include "orders/OrdersTableModel.h"

#include "cashier/SaleView.h"

#include <QDateTime>

#include <memory>

namespace paydesk::ui {

OrdersTableModel::OrdersTableModel(PayDeskApi& api, QObject* parent)
    : QAbstractTableModel(parent), m_api(api)
{
    connect(&m_api, &PayDeskApi::orderChanged, this,
            [this](const QString& orderNo, int) { onOrderChanged(orderNo); });
}

void OrdersTableModel::setFilter(const OrderFilter& filter)
{
    m_filter = filter;
    reload();
}

void OrdersTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_wallets.clear();
    m_atEnd = false;
    endResetModel();
    fetchMore({});
}

int OrdersTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrdersTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool OrdersTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && (m_paging || m_rows.isEmpty());
}

void OrdersTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    OrderFilter f = m_filter;
    f.limit = m_pageSize;
    f.beforeOrderNo = m_rows.isEmpty() ? QString() : m_rows.constLast().orderNo;
    m_atEnd = true; // until the page says otherwise; guards re-entry
    m_api.orders(f, [this, f](const QList<OrderRecord>& page) {
        if (f.beforeOrderNo != (m_rows.isEmpty() ? QString() : m_rows.constLast().orderNo))
            return; // a reload happened meanwhile
        m_atEnd = page.size() < f.limit || !m_paging;
        if (page.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
        m_rows += page;
        endInsertRows();
    });
}

QString OrdersTableModel::orderNoAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).orderNo : QString();
}

const OrderRecord* OrdersTableModel::orderAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int OrdersTableModel::rowOf(const QString& orderNo) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).orderNo == orderNo)
            return i;
    return -1;
}

Wallet OrdersTableModel::walletOf(const OrderDetails& d)
{
    return d.payments.isEmpty() ? Wallet::Unknown : d.payments.constLast().wallet;
}

Wallet OrdersTableModel::walletOf(int row) const
{
    const QString no = m_rows.at(row).orderNo;
    auto it = m_wallets.constFind(no);
    if (it != m_wallets.cend())
        return *it;
    // Asked once per row; an asynchronous facade answers later and the row
    // is repainted then.
    auto* self = const_cast<OrdersTableModel*>(this);
    self->m_wallets.insert(no, Wallet::Unknown);
    auto inCall = std::make_shared<bool>(true);
    m_api.orderDetails(no, [self, no, inCall](const std::optional<OrderDetails>& d) {
        const Wallet w = d ? walletOf(*d) : Wallet::Unknown;
        self->m_wallets.insert(no, w);
        if (*inCall || w == Wallet::Unknown)
            return;
        if (const int r = self->rowOf(no); r >= 0)
            Q_EMIT self->dataChanged(self->index(r, WalletColumn), self->index(r, WalletColumn));
    });
    *inCall = false;
    return m_wallets.value(no);
}

QVariant OrdersTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const OrderRecord& o = m_rows.at(index.row());
    switch (role) {
    case OrderNoRole:
        return o.orderNo;
    case StateRole:
        return int(o.state);
    case AmountFenRole:
        return o.amount.fen();
    case WalletRole:
        return int(walletOf(index.row()));
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == RefundedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case CreatedColumn: {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(o.createdAtMs);
            if (!m_compactTimes)
                return at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            // "Today" is the newest order's day: the list's own clock.
            const QDate newest =
                m_rows.isEmpty()
                    ? at.date()
                    : QDateTime::fromMSecsSinceEpoch(m_rows.constFirst().createdAtMs).date();
            return at.toString(at.date() == newest ? QStringLiteral("HH:mm:ss")
                                                   : QStringLiteral("MM-dd HH:mm"));
        }
        case OrderNoColumn:
            return o.orderNo;
        case AmountColumn:
            return o.amount.toDisplayString();
        case StateColumn:
            return SaleText::orderStateLabel(o.state);
        case RefundedColumn:
            return o.refundedFen
                       ? Money::fromFen(o.refundedFen, o.amount.currency()).toDisplayString()
                       : QString();
        case WalletColumn:
            return SaleText::walletLabel(walletOf(index.row()));
        case SubjectColumn:
            return o.subject;
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant OrdersTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CreatedColumn:
        return tr("Time");
    case OrderNoColumn:
        return tr("Order no.");
    case AmountColumn:
        return tr("Amount");
    case StateColumn:
        return tr("State");
    case RefundedColumn:
        return tr("Refunded");
    case WalletColumn:
        return tr("Wallet");
    case SubjectColumn:
        return tr("Note");
    case ColumnCount:
        break;
    }
    return {};
}

void OrdersTableModel::onOrderChanged(const QString& orderNo)
{
    m_api.orderDetails(orderNo, [this, orderNo](const std::optional<OrderDetails>& d) {
        if (!d)
            return;
        if (!d->payments.isEmpty())
            m_wallets.insert(orderNo, walletOf(*d));
        const int row = rowOf(orderNo);
        if (row >= 0) {
            m_rows[row] = d->order;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
        // A new order shows at the top when the list is unfiltered and it is newer.
        const bool unfiltered = m_filter.search.isEmpty() && m_filter.state == 0;
        const bool newer = m_rows.isEmpty() ? m_atEnd : orderNo > m_rows.constFirst().orderNo;
        if (unfiltered && newer && d->order.createdAtMs >= m_filter.sinceMs) {
            beginInsertRows({}, 0, 0);
            m_rows.prepend(d->order);
            endInsertRows();
        }
    });
}

} // namespace paydesk::ui
