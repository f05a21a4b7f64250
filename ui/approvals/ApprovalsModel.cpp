#include "approvals/ApprovalsModel.h"

#include "api/types/ChinaTime.h"
#include "common/AmountCells.h"

namespace paydesk::ui {

void ApprovalsModel::setRecords(const QList<ApprovalRecord>& records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

int ApprovalsModel::rowOf(const QString& number) const
{
    for (int row = 0; row < m_records.size(); ++row)
        if (m_records.at(row).number() == number)
            return row;
    return -1;
}

int ApprovalsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ApprovalsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const ApprovalRecord& r = m_records.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Amount ? amountAlignment() : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Number:
        return r.number();
    case State:
        // The stable name: what the CLI prints and staff search for.
        return r.stateName();
    case Amount:
        return plainYuan(r.amountFen);
    case Account:
        return r.account;
    case CounterAccount:
        return r.counterAccount;
    case Reason:
        return r.reason;
    case ProposedBy:
        return r.proposedBy;
    case ProposedAt:
        return chinaTime(r.proposedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case DecidedBy:
        return r.decidedBy;
    case DecisionNote:
        return r.decisionNote;
    default:
        return {};
    }
}

QVariant ApprovalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Number");
    case State:
        return tr("State");
    case Amount:
        return tr("Amount");
    case Account:
        return tr("Account");
    case CounterAccount:
        return tr("Other account");
    case Reason:
        return tr("Reason");
    case ProposedBy:
        return tr("Proposed by");
    case ProposedAt:
        return tr("Proposed at");
    case DecidedBy:
        return tr("Decided by");
    case DecisionNote:
        return tr("Decision note");
    default:
        return {};
    }
}

} // namespace paydesk::ui
