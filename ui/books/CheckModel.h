#pragma once

#include "api/types/BackOffice.h"

#include <QAbstractTableModel>

namespace paydesk::ui {

// The internal check's lines: what was checked, the rule, what the rule
// expects and what the books hold, and for a failing line what is wrong,
// in words.
class CheckModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Result,
        Subject,
        Rule,
        Expected,
        Actual,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const InternalCheckReport& report);
    const InternalCheckReport& report() const { return m_report; }
    int failingLines() const;
    // "ok", or what a failing line means: the difference and its direction.
    static QString verdict(const CheckLine& line);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    InternalCheckReport m_report;
};

} // namespace paydesk::ui
