#pragma once

#include "api/types/BackOffice.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// One journal entry's postings: the account and the side each amount is on.
class PostingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Account,
        Debit,
        Credit,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setPostings(const QList<Posting>& postings);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Posting> m_postings;
};

} // namespace paydesk::ui
