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

NotificationReceipt Channel::receiveNotification(const QByteArray&)
{
    NotificationReceipt r;
    r.replyBody = QByteArrayLiteral("failure");
    r.replyContentType = QByteArrayLiteral("text/plain;charset=utf-8");
    r.error = QStringLiteral("channel %1 takes no notifications").arg(name());
    return r;
}

} // namespace paydesk
