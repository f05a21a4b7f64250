#pragma once

#include "api/PayDeskApi.h"

#include <QAbstractTableModel>
#include <QHash>

namespace paydesk::ui {

// Orders from the facade, newest first, loaded a page at a time with keyset
// paging (OrderFilter::beforeOrderNo) as the view scrolls: opening a million
// orders reads one page. Rows follow orderChanged live.
class OrdersTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CreatedColumn,
        OrderNoColumn,
        AmountColumn,
        StateColumn,
        RefundedColumn,
        WalletColumn,
        SubjectColumn,
        ColumnCount
    };
    enum Role
    {
        OrderNoRole = Qt::UserRole + 1,
        StateRole,
        WalletRole,
        AmountFenRole
    };

    explicit OrdersTableModel(PayDeskApi& api, QObject* parent = nullptr);

    // Replaces the filter (state, since, search) and reloads the first page.
    void setFilter(const OrderFilter& filter);
    const OrderFilter& filter() const { return m_filter; }
    PayDeskApi& api() const { return m_api; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // Off: the model keeps only its first page (the last sales list).
    void setPagingEnabled(bool on) { m_paging = on; }
    // Today's orders by time only, older ones without the year and seconds:
    // a narrow list still shows each time whole.
    void setCompactTimes(bool on) { m_compactTimes = on; }
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // The wallet an order's row shows and the wallet filter matches: its
    // last payment's.
    static Wallet walletOf(const OrderDetails& d);

    QString orderNoAt(int row) const;
    const OrderRecord* orderAt(int row) const;
    int rowOf(const QString& orderNo) const;

private:
    void onOrderChanged(const QString& orderNo);
    Wallet walletOf(int row) const; // read once per row, when first shown

    PayDeskApi& m_api;
    OrderFilter m_filter;
    QList<OrderRecord> m_rows;
    mutable QHash<QString, Wallet> m_wallets;
    int m_pageSize = 200;
    bool m_paging = true;
    bool m_compactTimes = false;
    bool m_atEnd = false;
};

} // namespace paydesk::ui
