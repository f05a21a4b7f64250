#include "reconcile/ReconReportModel.h"

#include "common/AmountCells.h"

namespace paydesk::ui {

namespace {

// The report's stable labels (shared with the CSV and PDF) as shown.
const char* const kLabels[] = {
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "channel"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "merchant"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "business date"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "run by"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "bill sha256"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "ours"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "bill"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "payments"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "paid"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "refunds and revokes"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "refunded"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "fees"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "net"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "matched"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "pending next day"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "resolved from earlier days"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "missing_locally"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "missing_at_channel"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "amount_mismatch"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "status_mismatch"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "fee_mismatch"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "fund_long"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "fund_short"),
    QT_TRANSLATE_NOOP("paydesk::ui::ReconReportModel", "fund difference (+long/-short)"),
};

QString shown(const QString& label)
{
    for (const char* known : kLabels)
        if (label == QLatin1String(known))
            return ReconReportModel::tr(known);
    return label;
}

} // namespace

void ReconReportModel::setReport(const ReconReport& report)
{
    beginResetModel();
    m_report = report;
    m_rows = hasReport() ? reconReportRows(report) : QList<QStringList>();
    endResetModel();
}

int ReconReportModel::rowOf(const QString& item) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).value(Item) == item)
            return row;
    return -1;
}

int ReconReportModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconReportModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReconReportModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const QStringList& row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Item ? QVariant() : amountAlignment();
    if (role == Qt::UserRole || role == Qt::ToolTipRole)
        return row.value(index.column());
    if (role != Qt::DisplayRole)
        return {};
    const QString text = row.value(index.column());
    // The bill's identity is 64 hex digits: its start tells bills apart, the
    // tooltip and the exports hold it whole.
    if (index.column() != Item && row.value(Item) == QLatin1String("bill sha256") &&
        text.size() > 16)
        return text.left(16) + QChar(0x2026);
    // Labels and the "ours / bill" sub-header are words; figures stay as they are.
    return index.column() == Item || row.value(Item).isEmpty() ? shown(text) : text;
}

QVariant ReconReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Item:
        return tr("Item");
    case Ours:
        return tr("Ours");
    case Bill:
        return tr("Bill");
    default:
        return {};
    }
}

} // namespace paydesk::ui
