#include "orders/OrdersCsv.h"

#include "api/types/Csv.h"

#include <QDateTime>
#include <QStringList>

namespace paydesk::ui::OrdersCsv {

QString header()
{
    return QStringLiteral("order_no,created_at,state,wallet,channel,payment_no,channel_trade_no,"
                          "amount,refunded,refund_pending,currency,store,terminal,note\r\n");
}

QString cell(const QString& text)
{
    return csv::cell(text);
}

QString line(const OrderCsvLine& row)
{
    const OrderRecord& o = row.order;
    const PaymentRecord* p = row.payment;
    const QString currency = o.amount.currency();
    const QStringList cells = {
        o.orderNo,
        QDateTime::fromMSecsSinceEpoch(o.createdAtMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
        orderStateName(o.state),
        p ? walletName(p->wallet) : QString(),
        p ? p->channel : QString(),
        p ? p->paymentNo : QString(),
        p ? p->channelTradeNo : QString(),
        o.amount.toPlainString(),
        Money::fromFen(o.refundedFen, currency).toPlainString(),
        Money::fromFen(o.refundPendingFen, currency).toPlainString(),
        currency,
        o.storeId,
        o.terminalId,
        o.subject,
    };
    QStringList quoted;
    quoted.reserve(cells.size());
    for (const QString& c : cells)
        quoted << cell(c);
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace paydesk::ui::OrdersCsv
