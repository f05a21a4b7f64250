#include "sandbox/acquirer/BillLines.h"

#include <algorithm>
#include <vector>

namespace paydesk::sandbox {

namespace {

SandboxBillEntry::Kind kindOf(const QString& kind)
{
    return kind == kQr ? SandboxBillEntry::Kind::QrPayment : SandboxBillEntry::Kind::BarcodePayment;
}

bool within(qint64 atMs, qint64 fromMs, qint64 toMs)
{
    return atMs >= fromMs && atMs < toMs;
}

// Payment lines, and the refund lines of revokes that returned the money.
bool paymentLines(TradeStore& store, const QString& channel, qint64 fromMs, qint64 toMs,
                  QList<SandboxBillEntry>& out)
{
    // A revoked payment keeps its payment line (the money moved) and gets
    // its refund line on the revoke's day.
    QSqlQuery& q = store.db().prepared(
        QStringLiteral("SELECT %1 FROM sandbox_trades WHERE channel = :channel AND"
                       " ((paid_at_ms >= :from AND paid_at_ms < :to) OR"
                       " (revoked_at_ms >= :from AND revoked_at_ms < :to))"
                       " ORDER BY paid_at_ms, payment_no")
            .arg(TradeStore::tradeColumns()));
    bind(q, "channel", channel);
    bind(q, "from", fromMs);
    bind(q, "to", toMs);
    if (!store.read(q))
        return false;
    std::vector<Trade> trades;
    while (q.next())
        trades.push_back(TradeStore::readTrade(q));
    q.finish();
    for (const Trade& t : trades) {
        if (t.paidAtMs <= 0)
            continue; // closed before anyone paid: never on a bill
        SandboxBillEntry e;
        e.paymentNo = t.paymentNo;
        e.tradeNo = t.tradeNo;
        e.kind = kindOf(t.kind);
        e.tradeState = t.state;
        e.amountFen = t.amountFen;
        e.currency = t.currency;
        e.createdAtMs = t.createdAtMs;
        e.atMs = t.paidAtMs;
        if (within(t.paidAtMs, fromMs, toMs))
            out << e;
        if (t.state == kRevoked && t.revokeAction == kActionRefund &&
            within(t.revokedAtMs, fromMs, toMs)) {
            SandboxBillEntry r = e;
            r.refund = true;
            r.revoke = true;
            r.refundFen = t.amountFen;
            r.refundNo = t.paymentNo;
            r.refundId = t.tradeNo;
            r.atMs = t.revokedAtMs;
            out << r;
        }
    }
    return true;
}

bool refundLines(TradeStore& store, const QString& channel, qint64 fromMs, qint64 toMs,
                 QList<SandboxBillEntry>& out)
{
    QSqlQuery& q = store.db().prepared(QStringLiteral(
        "SELECT r.refund_no, r.payment_no, r.amount_fen, r.currency, r.state, r.refund_id,"
        " r.created_at_ms, t.trade_no, t.kind, t.amount_fen, t.state, t.created_at_ms"
        " FROM sandbox_refunds r JOIN sandbox_trades t ON t.payment_no = r.payment_no"
        " WHERE t.channel = :channel AND r.created_at_ms >= :from AND r.created_at_ms < :to"
        " ORDER BY r.created_at_ms, r.refund_no"));
    bind(q, "channel", channel);
    bind(q, "from", fromMs);
    bind(q, "to", toMs);
    if (!store.read(q))
        return false;
    while (q.next()) {
        SandboxBillEntry r;
        r.refund = true;
        r.refundNo = text(q, 0);
        r.paymentNo = text(q, 1);
        r.refundFen = q.value(2).toLongLong();
        r.currency = text(q, 3);
        r.refundState = text(q, 4);
        r.refundId = text(q, 5);
        r.atMs = q.value(6).toLongLong();
        r.tradeNo = text(q, 7);
        r.kind = kindOf(text(q, 8));
        r.amountFen = q.value(9).toLongLong();
        r.tradeState = text(q, 10);
        r.createdAtMs = q.value(11).toLongLong();
        out << r;
    }
    q.finish();
    return true;
}

} // namespace

QList<SandboxBillEntry> billLines(TradeStore& store, const QString& channel, qint64 fromMs,
                                  qint64 toMs, QString* error)
{
    QList<SandboxBillEntry> out;
    if (!store.isOpen()) {
        *error = QStringLiteral("the sandbox is not open");
        return out;
    }
    if (!paymentLines(store, channel, fromMs, toMs, out) ||
        !refundLines(store, channel, fromMs, toMs, out)) {
        *error = store.lastError();
        return {};
    }
    // Stable: lines at the same time keep the order their query gave.
    std::stable_sort(
        out.begin(), out.end(),
        [](const SandboxBillEntry& a, const SandboxBillEntry& b) { return a.atMs < b.atMs; });
    return out;
}

} // namespace paydesk::sandbox
