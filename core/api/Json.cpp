#include "api/Json.h"
#include "common/ChinaTime.h"

#include <QDateTime>
#include <QTimeZone>

namespace paydesk {

QString isoTime(qint64 ms)
{
    if (ms <= 0)
        return QString();
    return chinaTime(ms).toString(Qt::ISODateWithMs);
}

QJsonObject moneyJson(const Money& m)
{
    return {{QStringLiteral("amount"), m.toPlainString()},
            {QStringLiteral("fen"), QString::number(m.fen())},
            {QStringLiteral("currency"), m.currency()}};
}

QJsonObject toJson(const CommandOutcome& o)
{
    QJsonObject j{{QStringLiteral("status"), commandStatusName(o.status)},
                  {QStringLiteral("ok"), o.ok()},
                  {QStringLiteral("message"), o.message}};
    if (!o.orderNo.isEmpty())
        j.insert(QStringLiteral("orderNo"), o.orderNo);
    if (!o.refundNo.isEmpty())
        j.insert(QStringLiteral("refundNo"), o.refundNo);
    if (!o.codeUrl.isEmpty())
        j.insert(QStringLiteral("codeUrl"), o.codeUrl);
    if (o.repeated)
        j.insert(QStringLiteral("repeated"), true);
    if (!o.field.isEmpty())
        j.insert(QStringLiteral("field"), o.field);
    // A query's answer: what the channel said, for the front end to word.
    if (!o.channel.isEmpty()) {
        j.insert(QStringLiteral("channel"), o.channel);
        j.insert(QStringLiteral("channelStatus"), tradeStatusName(o.channelStatus));
        j.insert(QStringLiteral("returnCode"), o.returnCode);
    }
    return j;
}

QJsonObject toJson(const OrderRecord& o)
{
    return {{QStringLiteral("orderNo"), o.orderNo},
            {QStringLiteral("requestNo"), o.requestNo},
            {QStringLiteral("amount"), moneyJson(o.amount)},
            {QStringLiteral("subject"), o.subject},
            {QStringLiteral("storeId"), o.storeId},
            {QStringLiteral("terminalId"), o.terminalId},
            {QStringLiteral("state"), orderStateName(o.state)},
            {QStringLiteral("version"), o.version},
            {QStringLiteral("createdAt"), isoTime(o.createdAtMs)},
            {QStringLiteral("updatedAt"), isoTime(o.updatedAtMs)},
            {QStringLiteral("paidPaymentNo"), o.paidPaymentNo},
            {QStringLiteral("refunded"), moneyJson(Money::fromFen(o.refundedFen, o.amount.currency()))},
            {QStringLiteral("refundPending"),
             moneyJson(Money::fromFen(o.refundPendingFen, o.amount.currency()))}};
}

QJsonObject toJson(const PaymentRecord& p)
{
    return {{QStringLiteral("paymentNo"), p.paymentNo},
            {QStringLiteral("orderNo"), p.orderNo},
            {QStringLiteral("version"), p.version},
            {QStringLiteral("updatedAt"), isoTime(p.updatedAtMs)},
            {QStringLiteral("kind"), paymentKindName(p.kind)},
            {QStringLiteral("wallet"), walletName(p.wallet)},
            {QStringLiteral("channel"), p.channel},
            {QStringLiteral("amount"), moneyJson(p.amount)},
            {QStringLiteral("state"), paymentStateName(p.state)},
            {QStringLiteral("codeMasked"), p.codeMasked},
            {QStringLiteral("channelTradeNo"), p.channelTradeNo},
            {QStringLiteral("returnCode"), p.returnCode},
            {QStringLiteral("message"), p.message},
            {QStringLiteral("codeUrl"), p.codeUrl},
            {QStringLiteral("createdAt"), isoTime(p.createdAtMs)},
            {QStringLiteral("deadlineAt"), isoTime(p.deadlineAtMs)},
            {QStringLiteral("polls"), p.pollCount}};
}

QJsonObject toJson(const RefundRecord& r)
{
    return {{QStringLiteral("refundNo"), r.refundNo},
            {QStringLiteral("orderNo"), r.orderNo},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("message"), r.message},
            {QStringLiteral("polls"), r.pollCount},
            {QStringLiteral("updatedAt"), isoTime(r.updatedAtMs)},
            {QStringLiteral("paymentNo"), r.paymentNo},
            {QStringLiteral("requestNo"), r.requestNo},
            {QStringLiteral("amount"), moneyJson(r.amount)},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("state"), refundStateName(r.state)},
            {QStringLiteral("channelRefundNo"), r.channelRefundNo},
            {QStringLiteral("returnCode"), r.returnCode},
            {QStringLiteral("createdAt"), isoTime(r.createdAtMs)}};
}

QJsonObject toJson(const RevokeRecord& r)
{
    return {{QStringLiteral("revokeNo"), r.revokeNo},
            {QStringLiteral("orderNo"), r.orderNo},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("message"), r.message},
            {QStringLiteral("updatedAt"), isoTime(r.updatedAtMs)},
            {QStringLiteral("paymentNo"), r.paymentNo},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("automatic"), r.automatic},
            {QStringLiteral("state"), revokeStateName(r.state)},
            {QStringLiteral("attempts"), r.attempts},
            {QStringLiteral("action"), r.action},
            {QStringLiteral("returnCode"), r.returnCode},
            {QStringLiteral("createdAt"), isoTime(r.createdAtMs)}};
}

QJsonObject toJson(const TrackEvent& e)
{
    QJsonObject j{{QStringLiteral("id"), QString::number(e.id)},
                  {QStringLiteral("orderNo"), e.orderNo},
                  {QStringLiteral("at"), isoTime(e.atMs)},
                  {QStringLiteral("source"), e.source},
                  {QStringLiteral("kind"), e.kind},
                  {QStringLiteral("entity"), e.entity},
                  {QStringLiteral("message"), e.message}};
    if (!e.fromState.isEmpty() || !e.toState.isEmpty()) {
        j.insert(QStringLiteral("from"), e.fromState);
        j.insert(QStringLiteral("to"), e.toState);
    }
    if (!e.code.isEmpty()) {
        j.insert(QStringLiteral("code"), e.code);
        j.insert(QStringLiteral("args"), QJsonArray::fromStringList(e.args));
    }
    if (!e.raw.isEmpty())
        j.insert(QStringLiteral("raw"), e.raw);
    if (e.alert != AlertLevel::None)
        j.insert(QStringLiteral("alert"), alertLevelName(e.alert));
    return j;
}

QJsonObject toJson(const AlertRecord& a)
{
    return {{QStringLiteral("id"), QString::number(a.id)},
            {QStringLiteral("at"), isoTime(a.atMs)},
            {QStringLiteral("level"), alertLevelName(a.level)},
            {QStringLiteral("kind"), a.kind},
            {QStringLiteral("orderNo"), a.orderNo},
            {QStringLiteral("message"), a.message},
            {QStringLiteral("acknowledgedBy"), a.acknowledgedBy},
            {QStringLiteral("acknowledgedAt"), isoTime(a.acknowledgedAtMs)}};
}

QJsonObject toJson(const OrderDetails& d)
{
    QJsonObject j = toJson(d.order);
    QJsonArray payments, refunds, revokes, events;
    for (const auto& p : d.payments)
        payments.append(toJson(p));
    for (const auto& r : d.refunds)
        refunds.append(toJson(r));
    for (const auto& r : d.revokes)
        revokes.append(toJson(r));
    for (const auto& e : d.events)
        events.append(toJson(e));
    j.insert(QStringLiteral("payments"), payments);
    j.insert(QStringLiteral("refunds"), refunds);
    j.insert(QStringLiteral("revokes"), revokes);
    j.insert(QStringLiteral("timeline"), events);
    return j;
}

} // namespace paydesk
