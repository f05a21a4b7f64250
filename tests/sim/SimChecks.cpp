#include "SimChecks.h"

#include "domain/States.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

namespace paydesk::sim {

namespace {

// User-paying trades settle when somebody looks; the sandbox's script
// (core/sandbox/acquirer/TradeScript) says how, and the kill loop reads
// them the same way.
constexpr int kUserPayingThenSuccess = 1;
constexpr int kUserPayingThenCancelled = 2;

QString readRows(const QString& path, const std::function<QString(QSqlDatabase&)>& body)
{
    static int serial = 0;
    const QString name = QStringLiteral("sim-read-%1").arg(++serial);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            error = QStringLiteral("cannot read %1: %2").arg(path, db.lastError().text());
        else
            error = body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QString each(QSqlDatabase& db, const QString& sql, const std::function<void(const QSqlQuery&)>& row)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return QStringLiteral("%1: %2").arg(sql, q.lastError().text());
    while (q.next())
        row(q);
    return QString();
}

QString paymentState(int s)
{
    return paymentStateName(PaymentState(s));
}

QString orderState(int s)
{
    return orderStateName(OrderState(s));
}

} // namespace

QString Records::read(const QString& shopDb, const QString& acquirerDb, qint64 now)
{
    *this = Records{};
    nowMs = now;
    QString e = readRows(acquirerDb, [this](QSqlDatabase& db) {
        QString e =
            each(db,
                 QStringLiteral("SELECT payment_no, state, behaviour, amount_fen, refunded_fen,"
                                " paid_at_ms, settles_at_ms, expire_at_ms,"
                                " COALESCE(revoke_action, ''), tombstone FROM sandbox_trades"),
                 [this](const QSqlQuery& q) {
                     Trade t;
                     t.paymentNo = q.value(0).toString();
                     t.state = q.value(1).toString();
                     t.behaviour = q.value(2).toInt();
                     t.amountFen = q.value(3).toLongLong();
                     t.refundedFen = q.value(4).toLongLong();
                     t.paidAtMs = q.value(5).toLongLong();
                     t.settlesAtMs = q.value(6).toLongLong();
                     t.expireAtMs = q.value(7).toLongLong();
                     t.revokeAction = q.value(8).toString();
                     t.tombstone = q.value(9).toInt() != 0;
                     if (t.state == QLatin1String("USERPAYING") && t.settlesAtMs > 0 &&
                         nowMs >= t.settlesAtMs) {
                         if (t.behaviour == kUserPayingThenSuccess) {
                             t.state = QStringLiteral("SUCCESS");
                             t.paidAtMs = t.settlesAtMs;
                         } else if (t.behaviour == kUserPayingThenCancelled) {
                             t.state = QStringLiteral("PAYERROR");
                         }
                     }
                     trades.insert(t.paymentNo, t);
                 });
        if (!e.isEmpty())
            return e;
        return each(
            db, QStringLiteral("SELECT refund_no, payment_no, amount_fen FROM sandbox_refunds"),
            [this](const QSqlQuery& q) {
                acquirerRefunds.insert(q.value(0).toString(),
                                       AcquirerRefund{q.value(0).toString(), q.value(1).toString(),
                                                      q.value(2).toLongLong()});
            });
    });
    if (!e.isEmpty())
        return e;
    return readRows(shopDb, [this](QSqlDatabase& db) {
        QString e =
            each(db,
                 QStringLiteral("SELECT order_no, request_no, amount_fen, state, paid_payment_no,"
                                " refunded_fen FROM orders"),
                 [this](const QSqlQuery& q) {
                     Order o{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                             q.value(3).toInt(),    q.value(4).toString(), q.value(5).toLongLong()};
                     orders.insert(o.orderNo, o);
                 });
        if (e.isEmpty())
            e = each(db,
                     QStringLiteral("SELECT payment_no, order_no, amount_fen, state FROM payments"),
                     [this](const QSqlQuery& q) {
                         Payment p{q.value(0).toString(), q.value(1).toString(),
                                   q.value(2).toLongLong(), q.value(3).toInt()};
                         payments.insert(p.paymentNo, p);
                     });
        if (e.isEmpty())
            e = each(
                db,
                QStringLiteral("SELECT refund_no, order_no, payment_no, request_no, amount_fen,"
                               " state FROM refunds"),
                [this](const QSqlQuery& q) {
                    Refund r{q.value(0).toString(), q.value(1).toString(),   q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toInt()};
                    refunds.insert(r.refundNo, r);
                });
        if (e.isEmpty())
            e = each(db, QStringLiteral("SELECT order_no, state FROM revokes"),
                     [this](const QSqlQuery& q) {
                         revokeStates[q.value(0).toString()] << q.value(1).toInt();
                     });
        if (e.isEmpty())
            e = each(db,
                     QStringLiteral("SELECT order_no, COUNT(*) FROM alerts"
                                    " WHERE acknowledged_at_ms = 0 GROUP BY order_no"),
                     [this](const QSqlQuery& q) {
                         openAlerts.insert(q.value(0).toString(), q.value(1).toInt());
                     });
        return e;
    });
}

bool Records::inManualQueue(const QString& orderNo) const
{
    const auto o = orders.constFind(orderNo);
    if (o == orders.cend() || OrderState(o->state) != OrderState::Attention)
        return false;
    return revokeStates.value(orderNo).contains(int(RevokeState::Manual)) &&
           openAlerts.value(orderNo) > 0;
}

QList<Violation> alwaysChecks(const Records& r)
{
    QList<Violation> out;
    QHash<QString, QStringList> successByOrder;
    for (const auto& p : r.payments) {
        const auto t = r.trades.constFind(p.paymentNo);
        if (t != r.trades.cend() && !t->tombstone && t->amountFen != p.amountFen)
            out << Violation{p.orderNo,
                             QStringLiteral("payment %1: %2 fen here, %3 at the acquirer")
                                 .arg(p.paymentNo)
                                 .arg(p.amountFen)
                                 .arg(t->amountFen)};
        if (PaymentState(p.state) != PaymentState::Success)
            continue;
        successByOrder[p.orderNo] << p.paymentNo;
        // A "paid" the acquirer never took is the fake Paid the outside test found.
        if (t == r.trades.cend() || t->tombstone || t->paidAtMs == 0)
            out << Violation{
                p.orderNo,
                QStringLiteral("payment %1 is SUCCESS, but the acquirer never took it (%2)")
                    .arg(p.paymentNo,
                         t == r.trades.cend() ? QStringLiteral("no trade") : t->state)};
    }
    for (auto it = successByOrder.cbegin(); it != successByOrder.cend(); ++it)
        if (it->size() > 1)
            out << Violation{it.key(), QStringLiteral("order %1 has %2 successful payments: %3")
                                           .arg(it.key())
                                           .arg(it->size())
                                           .arg(it->join(QStringLiteral(", ")))};
    // Every number the acquirer saw was stored here first (an order's rows
    // are durable before any channel is called).
    for (const auto& t : r.trades)
        if (!t.tombstone && !r.payments.contains(t.paymentNo))
            out << Violation{QString(), QStringLiteral("the acquirer has trade %1 (%2, %3 fen), "
                                                       "PayDesk has no such payment")
                                            .arg(t.paymentNo, t.state)
                                            .arg(t.amountFen)};
    for (const auto& a : r.acquirerRefunds)
        if (!r.refunds.contains(a.refundNo))
            out << Violation{
                r.payments.value(a.paymentNo).orderNo,
                QStringLiteral("the acquirer refunded %1 fen as %2; PayDesk has no such refund")
                    .arg(a.amountFen)
                    .arg(a.refundNo)};
    QHash<QString, qint64> refundedByOrder;
    for (const auto& f : r.refunds) {
        if (RefundState(f.state) != RefundState::Success)
            continue;
        refundedByOrder[f.orderNo] += f.amountFen;
        const auto a = r.acquirerRefunds.constFind(f.refundNo);
        if (a == r.acquirerRefunds.cend() || a->amountFen != f.amountFen ||
            a->paymentNo != f.paymentNo)
            out << Violation{
                f.orderNo,
                QStringLiteral("refund %1 is SUCCESS (%2 fen), the acquirer has %3")
                    .arg(f.refundNo)
                    .arg(f.amountFen)
                    .arg(a == r.acquirerRefunds.cend()
                             ? QStringLiteral("nothing")
                             : QStringLiteral("%1 fen of %2").arg(a->amountFen).arg(a->paymentNo))};
    }
    for (const auto& t : r.trades)
        if (t.refundedFen > t.amountFen)
            out << Violation{r.payments.value(t.paymentNo).orderNo,
                             QStringLiteral("the acquirer refunded %1 fen of a %2 fen trade %3")
                                 .arg(t.refundedFen)
                                 .arg(t.amountFen)
                                 .arg(t.paymentNo)};
    for (const auto& o : r.orders) {
        const qint64 refunded = refundedByOrder.value(o.orderNo);
        if (refunded > o.amountFen || o.refundedFen > o.amountFen)
            out << Violation{o.orderNo,
                             QStringLiteral("order %1: %2 fen refunded (order says %3) of %4")
                                 .arg(o.orderNo)
                                 .arg(refunded)
                                 .arg(o.refundedFen)
                                 .arg(o.amountFen)};
        const OrderState s = OrderState(o.state);
        if (s == OrderState::Paid || s == OrderState::PartiallyRefunded ||
            s == OrderState::Refunded) {
            const auto p = r.payments.constFind(o.paidPaymentNo);
            if (p == r.payments.cend() || (PaymentState(p->state) != PaymentState::Success &&
                                           PaymentState(p->state) != PaymentState::Reversed))
                out << Violation{o.orderNo,
                                 QStringLiteral("order %1 is %2, its paid payment '%3' is %4")
                                     .arg(o.orderNo, orderState(o.state), o.paidPaymentNo,
                                          p == r.payments.cend() ? QStringLiteral("missing")
                                                                 : paymentState(p->state))};
        }
    }
    return out;
}

QList<Violation> settledChecks(const Records& r)
{
    QList<Violation> out;
    QHash<QString, QStringList> takenByOrder;
    for (const auto& t : r.trades) {
        if (t.tombstone)
            continue;
        const auto p = r.payments.constFind(t.paymentNo);
        if (p == r.payments.cend())
            continue; // alwaysChecks names it
        const Records::Order o = r.orders.value(p->orderNo);
        const qint64 taken = r.acquirerHolds(t) ? t.amountFen - t.refundedFen : 0;
        if (taken <= 0)
            continue;
        takenByOrder[p->orderNo] << t.paymentNo;
        if (PaymentState(p->state) != PaymentState::Success || o.paidPaymentNo != p->paymentNo) {
            if (!r.inManualQueue(p->orderNo))
                out << Violation{p->orderNo,
                                 QStringLiteral("the acquirer holds %1 fen of trade %2 (%3), but "
                                                "PayDesk's payment is %4 and order %5 is %6 "
                                                "with paid payment '%7'")
                                     .arg(taken)
                                     .arg(t.paymentNo, t.state, paymentState(p->state), o.orderNo,
                                          orderState(o.state), o.paidPaymentNo)};
        } else if (o.amountFen - o.refundedFen != taken) {
            out << Violation{o.orderNo, QStringLiteral("the acquirer holds %1 fen of %2; order %3 "
                                                       "says %4 paid, %5 refunded")
                                            .arg(taken)
                                            .arg(t.paymentNo, o.orderNo)
                                            .arg(o.amountFen)
                                            .arg(o.refundedFen)};
        }
    }
    for (auto it = takenByOrder.cbegin(); it != takenByOrder.cend(); ++it)
        if (it->size() > 1)
            out << Violation{it.key(), QStringLiteral("order %1 paid twice at the acquirer: %2")
                                           .arg(it.key(), it->join(QStringLiteral(", ")))};

    for (const auto& p : r.payments) {
        const auto t = r.trades.constFind(p.paymentNo);
        const bool known = t != r.trades.cend() && !t->tombstone;
        const QString theirs = t == r.trades.cend() ? QStringLiteral("no trade")
                               : t->tombstone       ? QStringLiteral("a closed number")
                                                    : t->state;
        const QString where = QStringLiteral("payment %1 (order %2)").arg(p.paymentNo, p.orderNo);
        switch (PaymentState(p.state)) {
        case PaymentState::Success:
            if (!known || !r.acquirerHolds(*t))
                out << Violation{
                    p.orderNo,
                    QStringLiteral("%1 is SUCCESS, the acquirer says %2").arg(where, theirs)};
            break;
        case PaymentState::Reversed:
            if (!known || !((t->state == QLatin1String("REVOKED") &&
                             t->revokeAction == QLatin1String("refund")) ||
                            (r.acquirerHolds(*t) && t->refundedFen == t->amountFen)))
                out << Violation{
                    p.orderNo,
                    QStringLiteral("%1 is REVERSED, the acquirer says %2").arg(where, theirs)};
            break;
        case PaymentState::Failed:
        case PaymentState::Closed: {
            const bool payable = known && (t->state == QLatin1String("USERPAYING") ||
                                           (t->state == QLatin1String("NOTPAY") &&
                                            !(t->expireAtMs > 0 && r.nowMs >= t->expireAtMs)));
            if (known && (r.acquirerHolds(*t) || payable))
                out << Violation{p.orderNo, QStringLiteral("%1 is %2, the acquirer says %3")
                                                .arg(where, paymentState(p.state), theirs)};
            break;
        }
        default:
            if (!r.inManualQueue(p.orderNo))
                out << Violation{p.orderNo,
                                 QStringLiteral("%1 is left %2 (the acquirer: %3), not in the "
                                                "manual queue")
                                     .arg(where, paymentState(p.state), theirs)};
        }
    }
    for (const auto& f : r.refunds) {
        const RefundState s = RefundState(f.state);
        if (s == RefundState::Failed && r.acquirerRefunds.contains(f.refundNo))
            out << Violation{f.orderNo,
                             QStringLiteral("refund %1 is FAILED, but the acquirer refunded it")
                                 .arg(f.refundNo)};
        else if (s != RefundState::Failed && s != RefundState::Success &&
                 !r.inManualQueue(f.orderNo))
            out << Violation{
                f.orderNo, QStringLiteral("refund %1 of order %2 is left %3")
                               .arg(f.refundNo, f.orderNo, refundStateName(RefundState(f.state)))};
    }
    QSet<QString> paidHere;
    for (const auto& p : r.payments)
        if (PaymentState(p.state) == PaymentState::Success)
            paidHere.insert(p.orderNo);
    for (const auto& o : r.orders) {
        const OrderState s = OrderState(o.state);
        if (s == OrderState::Pending)
            out << Violation{o.orderNo, QStringLiteral("order %1 is left PENDING").arg(o.orderNo)};
        else if (s == OrderState::Attention && !r.inManualQueue(o.orderNo))
            out << Violation{o.orderNo, QStringLiteral("order %1 is ATTENTION without a given-up "
                                                       "revoke and an open alert")
                                            .arg(o.orderNo)};
        else if (s == OrderState::Closed && paidHere.contains(o.orderNo))
            out << Violation{
                o.orderNo,
                QStringLiteral("order %1 is CLOSED with a successful payment").arg(o.orderNo)};
    }
    return out;
}

bool reachable(int entityKind, int from, int to)
{
    if (from == to)
        return true;
    int count = 0;
    const TransitionRow* rows = transitionTable(EntityKind(entityKind), &count);
    QSet<int> seen{from};
    QList<int> frontier{from};
    while (!frontier.isEmpty()) {
        const int at = frontier.takeFirst();
        for (int i = 0; i < count; ++i) {
            if (rows[i].from != at || seen.contains(rows[i].to))
                continue;
            if (rows[i].to == to)
                return true;
            seen.insert(rows[i].to);
            frontier << rows[i].to;
        }
    }
    return false;
}

} // namespace paydesk::sim
