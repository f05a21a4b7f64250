#pragma once

#include "api/types/BackOffice.h"

#include <QAbstractTableModel>

namespace paydesk {
class BackOfficeApi;
}

namespace paydesk::ui {

// The journal through the facade, oldest first, a page at a time: the view
// asks for more (fetchMore) as it scrolls, so a year of entries opens as
// fast as a day's. A new filter starts again; a late answer to an old
// filter is dropped.
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Entry,
        Kind,
        Reference,
        Order,
        Amount, // the entry's debits (= its credits)
        Memo,
        ColumnCount
    };
    static constexpr int kPageRows = 200;

    explicit JournalModel(BackOfficeApi& books, QObject* parent = nullptr);

    // Reads the first page of the entries the filter selects (its limit is
    // the model's page).
    void setFilter(const JournalFilter& filter);
    const JournalFilter& filter() const { return m_filter; }
    // No rows and nothing to fetch (a refused read).
    void clear();
    const JournalEntry& entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // A page arrived (the first one after setFilter, or one more).
    void pageLoaded();

private:
    void readPage();

    BackOfficeApi& m_books;
    JournalFilter m_filter;
    QList<JournalEntry> m_entries;
    quint64 m_generation = 0; // which filter an answer belongs to
    bool m_loading = false;
    bool m_atEnd = true;
};

// An entry's debits: what it moved (its credits are the same amount).
qint64 entryAmountFen(const JournalEntry& entry);

} // namespace paydesk::ui
