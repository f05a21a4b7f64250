#include "orders/OrdersCsv.h"

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
    QString t = text;
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (!t.contains(QLatin1Char(',')) && !t.contains(QLatin1Char('"')) &&
        !t.contains(QLatin1Char('\n')) && !t.contains(QLatin1Char('\r')))
        return t;
    t.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + t + QLatin1Char('"');
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
