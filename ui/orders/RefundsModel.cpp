#include "orders/RefundsModel.h"

namespace paydesk::ui {

namespace {

QString refundStateLabel(RefundState s)
{
    switch (s) {
    case RefundState::Created:
        return RefundsModel::tr("sent");
    case RefundState::Processing:
        return RefundsModel::tr("in progress");
    case RefundState::Success:
        return RefundsModel::tr("refunded");
    case RefundState::Failed:
        return RefundsModel::tr("failed");
    }
    return {};
}

} // namespace

void RefundsModel::setRefunds(QList<RefundRecord> refunds)
{
    beginResetModel();
    m_refunds = std::move(refunds);
    endResetModel();
}

int RefundsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_refunds.size());
}

int RefundsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RefundsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || role != Qt::DisplayRole)
        return {};
    const RefundRecord& r = m_refunds.at(index.row());
    switch (Column(index.column())) {
    case RefundNoColumn:
        return r.refundNo;
    case AmountColumn:
        return r.amount.toDisplayString();
    case StateColumn:
        return refundStateLabel(r.state);
    case ReasonColumn:
        return r.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RefundsModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RefundNoColumn:
        return tr("Refund no.");
    case AmountColumn:
        return tr("Amount");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace paydesk::ui
