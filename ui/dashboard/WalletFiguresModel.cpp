#include "dashboard/WalletFiguresModel.h"

#include "cashier/SaleView.h"
#include "common/AmountCells.h"

#include <QFont>
#include <QLocale>

namespace paydesk::ui {

void WalletFiguresModel::setFigures(const DashboardFigures& f)
{
    beginResetModel();
    m_rows.clear();
    // Every wallet with takings or payments, in wallet order.
    QList<Wallet> wallets;
    for (const WalletTakings& t : f.byWallet)
        wallets << t.wallet;
    for (const ChannelPerformance& c : f.channels)
        if (!wallets.contains(c.wallet))
            wallets << c.wallet;
    std::sort(wallets.begin(), wallets.end(), [](Wallet a, Wallet b) { return int(a) < int(b); });
    for (Wallet w : wallets) {
        Row row{WalletTakings{w}, ChannelPerformance{w}};
        for (const WalletTakings& t : f.byWallet)
            if (t.wallet == w)
                row.takings = t;
        for (const ChannelPerformance& c : f.channels)
            if (c.wallet == w)
                row.channel = c;
        m_rows << row;
    }
    if (!m_rows.isEmpty())
        m_rows << Row{f.totals(), f.overall};
    endResetModel();
}

int WalletFiguresModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WalletFiguresModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WalletFiguresModel::rateText(double rate)
{
    return rate < 0 ? QStringLiteral("—")
                    : QStringLiteral("%1 %").arg(QLocale().toString(rate * 100.0, 'f', 1));
}

QString WalletFiguresModel::durationText(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

QVariant WalletFiguresModel::cell(const Row& row, int column) const
{
    const WalletTakings& t = row.takings;
    const ChannelPerformance& c = row.channel;
    const auto countAndFen = [](qint64 n, qint64 fen) {
        return n ? QStringLiteral("%1 (%2)").arg(plainYuan(fen)).arg(n) : QStringLiteral("0.00");
    };
    switch (column) {
    case WalletColumn:
        return t.wallet == Wallet::Unknown ? tr("All wallets") : SaleText::walletLabel(t.wallet);
    case Sales:
        return t.sales;
    case Taken:
        return plainYuan(t.salesFen);
    case Refunded:
        return countAndFen(t.refunds, t.refundsFen);
    case Revoked:
        return countAndFen(t.revokes, t.revokedFen);
    case Net:
        return plainYuan(t.netFen());
    case SuccessRate:
        return rateText(c.successRate());
    case MedianToPaid:
        return durationText(c.medianToPaidMs);
    case NotPaid:
        return c.notPaid;
    case InProgress:
        return c.inProgress;
    }
    return {};
}

QVariant WalletFiguresModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == Qt::DisplayRole)
        return cell(row, index.column());
    if (role == Qt::TextAlignmentRole && index.column() != WalletColumn)
        return amountAlignment();
    if (role == Qt::FontRole && row.takings.wallet == Wallet::Unknown) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant WalletFiguresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WalletColumn:
        return tr("Wallet");
    case Sales:
        return tr("Sales");
    case Taken:
        return tr("Taken");
    case Refunded:
        return tr("Refunded");
    case Revoked:
        return tr("Revoked");
    case Net:
        return tr("Net");
    case SuccessRate:
        return tr("Success rate");
    case MedianToPaid:
        return tr("Median time to paid");
    case NotPaid:
        return tr("Not paid");
    case InProgress:
        return tr("Still paying");
    }
    return {};
}

} // namespace paydesk::ui
