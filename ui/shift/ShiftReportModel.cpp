#include "shift/ShiftReportModel.h"

#include "api/types/ChinaTime.h"
#include "cashier/SaleView.h"
#include "common/AmountCells.h"

namespace paydesk::ui {

void ShiftReportModel::setReport(const ShiftReport& report)
{
    beginResetModel();
    m_report = report;
    m_rows = report.byWallet;
    m_rows << report.totals();
    endResetModel();
}

int ShiftReportModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_report.id == 0 ? 0 : int(m_rows.size());
}

int ShiftReportModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShiftReportModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const WalletTakings& t = m_rows.at(index.row());
    const bool total = index.row() == m_rows.size() - 1;
    if (role == Qt::TextAlignmentRole)
        return index.column() == WalletColumn ? QVariant() : amountAlignment();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WalletColumn:
        return total ? tr("Total") : SaleText::walletLabel(t.wallet);
    case Sales:
        return QString::number(t.sales);
    case SalesAmount:
        return plainYuan(t.salesFen);
    case Refunds:
        return QString::number(t.refunds);
    case Refunded:
        return plainYuan(t.refundsFen);
    case Revokes:
        return QString::number(t.revokes);
    case Revoked:
        return plainYuan(t.revokedFen);
    case Net:
        return plainYuan(t.netFen());
    default:
        return {};
    }
}

QVariant ShiftReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WalletColumn:
        return tr("Wallet");
    case Sales:
        return tr("Sales");
    case SalesAmount:
        return tr("Taken");
    case Refunds:
        return tr("Refunds");
    case Refunded:
        return tr("Refunded");
    case Revokes:
        return tr("Revokes");
    case Revoked:
        return tr("Revoked");
    case Net:
        return tr("Net");
    default:
        return {};
    }
}

QString shiftSlipHtml(const ShiftReport& r, const ShiftReportModel& model)
{
    const auto time = [](qint64 ms) {
        return ms ? chinaTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : ShiftReportModel::tr("the counter's first sale");
    };
    QString html = QStringLiteral("<h3>%1</h3><p>%2<br>%3<br>%4</p><table border=\"1\" "
                                  "cellspacing=\"0\" cellpadding=\"3\"><tr>")
                       .arg(ShiftReportModel::tr("Shift close %1 (交班)").arg(r.number()),
                            ShiftReportModel::tr("Counter %1, closed by %2")
                                .arg(r.counter.toHtmlEscaped(), r.closedBy.toHtmlEscaped()),
                            ShiftReportModel::tr("From %1").arg(time(r.openedAtMs)),
                            ShiftReportModel::tr("To %1").arg(time(r.closedAtMs)));
    for (int c = 0; c < model.columnCount(); ++c)
        html += QStringLiteral("<th>%1</th>").arg(model.headerData(c, Qt::Horizontal).toString());
    html += QStringLiteral("</tr>");
    for (int row = 0; row < model.rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < model.columnCount(); ++c)
            html += QStringLiteral("<td%1>%2</td>")
                        .arg(c ? QStringLiteral(" align=\"right\"") : QString(),
                             model.index(row, c).data().toString().toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table><p>%1</p>")
                .arg(r.openOrders.isEmpty()
                         ? ShiftReportModel::tr("No order is left open.")
                         : ShiftReportModel::tr("Left open for the next shift: %1")
                               .arg(r.openOrders.join(QStringLiteral(", ")).toHtmlEscaped()));
    return html;
}

} // namespace paydesk::ui
