#include "books/CheckModel.h"

#include "common/AmountCells.h"

#include <QBrush>
#include <QColor>

namespace paydesk::ui {

namespace {

QString figure(const CheckLine& line, qint64 value)
{
    return line.isCount ? QString::number(value) : plainYuan(value);
}

} // namespace

void CheckModel::setReport(const InternalCheckReport& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int CheckModel::failingLines() const
{
    int failing = 0;
    for (const CheckLine& l : m_report.lines)
        failing += l.ok() ? 0 : 1;
    return failing;
}

QString CheckModel::verdict(const CheckLine& line)
{
    if (line.ok())
        return tr("ok");
    const qint64 over = line.actualFen - line.expectedFen;
    if (line.isCount)
        return over > 0 ? tr("%n more than the rule expects", nullptr, int(over))
                        : tr("%n fewer than the rule expects", nullptr, int(-over));
    return over > 0 ? tr("the books hold %1 more than the rule expects").arg(plainYuan(over))
                    : tr("the books hold %1 less than the rule expects").arg(plainYuan(-over));
}

int CheckModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_report.lines.size());
}

int CheckModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const CheckLine& l = m_report.lines.at(index.row());
    if (role == Qt::ForegroundRole && !l.ok())
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::TextAlignmentRole)
        return index.column() == Expected || index.column() == Actual ? amountAlignment()
                                                                      : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Result:
        return verdict(l);
    case Subject:
        return l.subject;
    case Rule:
        return l.rule;
    case Expected:
        return figure(l, l.expectedFen);
    case Actual:
        return figure(l, l.actualFen);
    default:
        return {};
    }
}

QVariant CheckModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Result:
        return tr("Result");
    case Subject:
        return tr("Checked");
    case Rule:
        return tr("Rule");
    case Expected:
        return tr("Expected");
    case Actual:
        return tr("In the books");
    default:
        return {};
    }
}

} // namespace paydesk::ui
