#include "sandbox/bills/WeChatBill.h"

#include "common/ChinaTime.h"
#include "money/Money.h"
#include "sandbox/bills/BillDifferences.h"

namespace paydesk {

namespace {

// The merchant's fee: 0.6 % of the amount, in units of 0.00001 yuan (so
// exact: 1 fen = 1000 units, 0.6 % of it = 6 units).
qint64 feeUnits(qint64 fen)
{
    return fen * 6;
}

QString feeText(qint64 units)
{
    const qint64 a = units < 0 ? -units : units;
    return QStringLiteral("%1%2.%3")
        .arg(units < 0 ? QStringLiteral("-") : QString())
        .arg(a / 100000)
        .arg(a % 100000, 5, 10, QLatin1Char('0'));
}

QString timeText(qint64 ms)
{
    return ms > 0 ? chinaTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QByteArray line(const QStringList& values)
{
    QStringList ticked;
    ticked.reserve(values.size());
    for (const QString& v : values)
        ticked << QLatin1Char('`') + v;
    return ticked.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

} // namespace

bool parseWeChatBillType(const QString& text, WeChatBillType* out)
{
    if (text.isEmpty() || text == QLatin1String("ALL"))
        *out = WeChatBillType::All;
    else if (text == QLatin1String("SUCCESS"))
        *out = WeChatBillType::Success;
    else if (text == QLatin1String("REFUND"))
        *out = WeChatBillType::Refund;
    else
        return false;
    return true;
}

QStringList wechatBillColumns(WeChatBillType type)
{
    const QStringList head =
        QString::fromUtf8(
            "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
            "交易状态,付款银行,货币种类,应结订单金额,代金券金额")
            .split(QLatin1Char(','));
    switch (type) {
    case WeChatBillType::All:
        return head +
               QString::fromUtf8("微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,"
                                 "退款状态,商品名称,商户数据包,手续费,费率,订单金额,"
                                 "申请退款金额,费率备注")
                   .split(QLatin1Char(','));
    case WeChatBillType::Success:
        return head + QString::fromUtf8("商品名称,商户数据包,手续费,费率,订单金额,费率备注")
                          .split(QLatin1Char(','));
    case WeChatBillType::Refund:
        return head +
               QString::fromUtf8("退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,"
                                 "充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
                                 "手续费,费率,订单金额,申请退款金额,费率备注")
                   .split(QLatin1Char(','));
    }
    return {};
}

QStringList wechatBillSummaryColumns(WeChatBillType type)
{
    if (type == WeChatBillType::Success)
        return QString::fromUtf8("总交易单数,应结订单总金额,手续费总金额,订单总金额")
            .split(QLatin1Char(','));
    return QString::fromUtf8("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,"
                             "订单总金额,申请退款总金额")
        .split(QLatin1Char(','));
}

QByteArray wechatBill(const QList<SandboxAcquirer::BillEntry>& lines, WeChatBillType type,
                      const WeChatBillAccount& account)
{
    QByteArray body = wechatBillColumns(type).join(QLatin1Char(',')).toUtf8() + "\r\n";
    qint64 count = 0, settledFen = 0, refundFen = 0, feeSum = 0, orderFen = 0, askedRefundFen = 0;
    for (const SandboxAcquirer::BillEntry& e : lines) {
        if ((type == WeChatBillType::Success && e.refund) ||
            (type == WeChatBillType::Refund && !e.refund))
            continue;
        const qint64 paidFen = e.refund ? 0 : e.amountFen;
        const qint64 backFen = e.refund ? e.refundFen : 0;
        const qint64 fee = e.refund ? -feeUnits(e.refundFen) : feeUnits(e.amountFen);
        QString state = e.tradeState;
        if (e.refund)
            state = e.revoke ? QStringLiteral("REVOKED") : QStringLiteral("REFUND");
        else if (state != QLatin1String("REVOKED"))
            state = state == QLatin1String("REFUND") ? QStringLiteral("SUCCESS") : state;
        QStringList v = {timeText(e.atMs),
                         account.appId,
                         account.mchId,
                         QStringLiteral("0"),
                         QString(),
                         e.tradeNo,
                         e.paymentNo,
                         QStringLiteral("oSandbox") + e.tradeNo.right(12),
                         e.kind == SandboxAcquirer::BillEntry::Kind::QrPayment
                             ? QStringLiteral("NATIVE")
                             : QStringLiteral("MICROPAY"),
                         state,
                         QStringLiteral("OTHERS"),
                         e.currency.isEmpty() ? QStringLiteral("CNY") : e.currency,
                         plainYuan(paidFen),
                         plainYuan(0)};
        const QString refundId = e.refund ? e.refundId : QStringLiteral("0");
        const QString refundNo = e.refund ? e.refundNo : QStringLiteral("0");
        const QString refundKind = e.refund ? QStringLiteral("ORIGINAL") : QString();
        const QString refundState = e.refund ? QStringLiteral("SUCCESS") : QString();
        switch (type) {
        case WeChatBillType::All:
            v << refundId << refundNo << plainYuan(backFen) << plainYuan(0) << refundKind
              << refundState << QString() << QString() << feeText(fee) << QStringLiteral("0.60%")
              << plainYuan(paidFen) << plainYuan(backFen) << QString();
            break;
        case WeChatBillType::Success:
            v << QString() << QString() << feeText(fee) << QStringLiteral("0.60%")
              << plainYuan(paidFen) << QString();
            break;
        case WeChatBillType::Refund:
            v << timeText(e.atMs) << timeText(e.atMs) << refundId << refundNo << plainYuan(backFen)
              << plainYuan(0) << refundKind << refundState << QString() << QString() << feeText(fee)
              << QStringLiteral("0.60%") << plainYuan(paidFen) << plainYuan(backFen) << QString();
            break;
        }
        body += line(v);
        ++count;
        settledFen += paidFen;
        refundFen += backFen;
        feeSum += fee;
        orderFen += paidFen;
        askedRefundFen += backFen;
    }
    if (count == 0)
        return {};
    body += wechatBillSummaryColumns(type).join(QLatin1Char(',')).toUtf8() + "\r\n";
    if (type == WeChatBillType::Success)
        body += line(
            {QString::number(count), plainYuan(settledFen), feeText(feeSum), plainYuan(orderFen)});
    else
        body +=
            line({QString::number(count), plainYuan(settledFen), plainYuan(refundFen), plainYuan(0),
                  feeText(feeSum), plainYuan(orderFen), plainYuan(askedRefundFen)});
    return body;
}

} // namespace paydesk
