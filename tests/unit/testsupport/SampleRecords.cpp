#include "testsupport/SampleRecords.h"

namespace paydesk::test {

OrderRecord sampleOrder(int i, OrderState state)
{
    OrderRecord o;
    o.orderNo = QStringLiteral("PO%1").arg(i, 6, 10, QLatin1Char('0'));
    o.requestNo = QStringLiteral("req-%1").arg(i);
    o.amount = Money::fromFen(100 + i);
    o.subject = QStringLiteral("sale");
    o.storeId = o.terminalId = QStringLiteral("0001");
    o.state = state;
    o.version = 1;
    o.createdAtMs = o.updatedAtMs = kSampleStartMs + i * kSampleDayMs;
    return o;
}

PaymentRecord samplePayment(const OrderRecord& o, const QString& codeMasked, PaymentState state)
{
    PaymentRecord p;
    p.paymentNo = QStringLiteral("PA") + o.orderNo.mid(2);
    p.orderNo = o.orderNo;
    p.kind = PaymentKind::Barcode;
    p.wallet = Wallet::WeChat;
    p.channel = QStringLiteral("wechat");
    p.amount = o.amount;
    p.state = state;
    p.version = 1;
    p.codeMasked = codeMasked;
    p.channelTradeNo = QStringLiteral("T") + o.orderNo.mid(2);
    p.createdAtMs = p.updatedAtMs = o.createdAtMs;
    return p;
}

RefundRecord sampleRefund(const PaymentRecord& p)
{
    RefundRecord r;
    r.refundNo = QStringLiteral("RF") + p.orderNo.mid(2);
    r.orderNo = p.orderNo;
    r.paymentNo = p.paymentNo;
    r.requestNo = QStringLiteral("refund-req-") + p.orderNo.mid(2);
    r.amount = Money::fromFen(50);
    r.reason = QStringLiteral("test");
    r.state = RefundState::Success;
    r.version = 1;
    r.channelRefundNo = QStringLiteral("CR") + p.orderNo.mid(2);
    r.createdAtMs = r.updatedAtMs = p.createdAtMs;
    return r;
}

QStringList orderNumbers(const QList<OrderRecord>& orders)
{
    QStringList out;
    for (const OrderRecord& o : orders)
        out << o.orderNo;
    return out;
}

} // namespace paydesk::test
