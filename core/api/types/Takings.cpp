#include "api/types/Takings.h"

#include "api/types/BackOffice.h" // plainYuan

#include <algorithm>

namespace paydesk {

WalletTakings sumTakings(const QList<WalletTakings>& list)
{
    WalletTakings t;
    for (const WalletTakings& w : list) {
        t.sales += w.sales;
        t.salesFen += w.salesFen;
        t.refunds += w.refunds;
        t.refundsFen += w.refundsFen;
        t.revokes += w.revokes;
        t.revokedFen += w.revokedFen;
    }
    return t;
}

QString takingsText(const WalletTakings& t)
{
    return QStringLiteral("sales %1 / %2  refunds %3 / %4  revokes %5 / %6  net %7")
        .arg(t.sales)
        .arg(plainYuan(t.salesFen))
        .arg(t.refunds)
        .arg(plainYuan(t.refundsFen))
        .arg(t.revokes)
        .arg(plainYuan(t.revokedFen))
        .arg(plainYuan(t.netFen()));
}

} // namespace paydesk
