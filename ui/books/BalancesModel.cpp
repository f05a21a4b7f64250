#include "books/BalancesModel.h"

#include "common/AmountCells.h"

namespace paydesk::ui {

void BalancesModel::setBalances(const QList<AccountBalance>& balances)
{
    beginResetModel();
    m_balances = balances;
    m_debitFen = 0;
    m_creditFen = 0;
    // Balances are bounded by the money ceiling times the entries, far below
    // what 64 bits hold; a sum that still overflowed would be a corrupt
    // ledger, which the internal check reports.
    for (const AccountBalance& b : m_balances) {
        if (b.signedFen > 0)
            m_debitFen += b.signedFen;
        else
            m_creditFen -= b.signedFen;
    }
    endResetModel();
}

int BalancesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_balances.size());
}

int BalancesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BalancesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const AccountBalance& b = m_balances.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Debit ? amountAlignment() : QVariant();
    if (role == Qt::UserRole)
        return b.account;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Account:
        return b.account;
    case Type:
        return accountTypeName(b.type);
    case Debit:
        return b.signedFen > 0 ? plainYuan(b.signedFen) : QString();
    case Credit:
        return b.signedFen < 0 ? plainYuan(-b.signedFen) : QString();
    default:
        return {};
    }
}

QVariant BalancesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Account:
        return tr("Account");
    case Type:
        return tr("Type");
    case Debit:
        return tr("Debit");
    case Credit:
        return tr("Credit");
    default:
        return {};
    }
}

} // namespace paydesk::ui
