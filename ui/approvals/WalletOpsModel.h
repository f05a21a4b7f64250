#pragma once

#include "api/types/BackOffice.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// A member wallet's recent movements, newest first.
class WalletOpsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Number,
        Kind,
        Amount,
        Reference,
        By,
        Note,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setOps(const QList<WalletOp>& ops);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<WalletOp> m_ops;
};

} // namespace paydesk::ui
