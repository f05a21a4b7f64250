#include "channels/Channel.h"

#include <QTimer>

namespace paydesk {

void Channel::downloadBill(const QDate&, BillKind, BillCallback done)
{
    BillDownload b;
    b.status = TradeStatus::Failed;
    b.returnCode = QStringLiteral("NOT_SUPPORTED");
    b.message = QStringLiteral("channel %1 does not download bills").arg(name());
    QTimer::singleShot(0, [done = std::move(done), b] { done(b); });
}

} // namespace paydesk
