#include "api/types/Shifts.h"

#include "api/types/ChinaTime.h"

namespace paydesk {

QString ShiftReport::number() const
{
    return QStringLiteral("SH") + QString::number(id).rightJustified(6, QLatin1Char('0'));
}

WalletTakings ShiftReport::totals() const
{
    return sumTakings(byWallet);
}

QStringList shiftReportLines(const ShiftReport& r)
{
    const auto time = [](qint64 ms) {
        return ms ? chinaTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QStringLiteral("(first shift)");
    };
    const auto line = [](const QString& label, const WalletTakings& t) {
        return label + QStringLiteral("  ") + takingsText(t);
    };
    QStringList out{
        QStringLiteral("shift %1, counter %2, closed by %3").arg(r.number(), r.counter, r.closedBy),
        QStringLiteral("from %1 to %2").arg(time(r.openedAtMs), time(r.closedAtMs))};
    for (const WalletTakings& w : r.byWallet)
        out << line(walletName(w.wallet), w);
    out << line(QStringLiteral("total"), r.totals());
    out << (r.openOrders.isEmpty()
                ? QStringLiteral("open orders: none")
                : QStringLiteral("open orders: %1").arg(r.openOrders.join(QStringLiteral(", "))));
    return out;
}

} // namespace paydesk
