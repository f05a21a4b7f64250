#pragma once

#include "api/types/BackOffice.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// The ledger's accounts with their balances at one moment, each on its
// side (debit or credit), and the trial balance over them: the sums of both
// sides, which must be equal.
class BalancesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Account,
        Type,
        Debit,
        Credit,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setBalances(const QList<AccountBalance>& balances);
    const QList<AccountBalance>& balances() const { return m_balances; }
    qint64 debitTotalFen() const { return m_debitFen; }
    qint64 creditTotalFen() const { return m_creditFen; }
    bool balanced() const { return m_debitFen == m_creditFen; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AccountBalance> m_balances;
    qint64 m_debitFen = 0;
    qint64 m_creditFen = 0;
};

} // namespace paydesk::ui
