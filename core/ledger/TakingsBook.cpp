#include "ledger/TakingsBook.h"

#include "domain/Records.h"
#include "domain/States.h"
#include "store/Database.h"

#include <QSqlQuery>

#include <map>

namespace paydesk {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kChinaOffsetMs = 8 * kHourMs; // UTC+8, no daylight saving
constexpr qint64 kToPaidStepMs = 100;

ChannelPerformance& channelOf(QList<ChannelPerformance>* list, Wallet wallet)
{
    return walletRow(list, wallet);
}

// The median of a histogram of times to paid (tenths of a second -> how
// many), in ms: the middle value, or the mean of the two middle ones; -1
// when it is empty.
qint64 medianToPaidMs(const std::map<qint64, qint64>& histogram)
{
    qint64 n = 0;
    for (const auto& [value, count] : histogram)
        n += count;
    if (n == 0)
        return -1;
    // The 0-based ranks of the two middle values (equal for an odd count).
    const qint64 lowRank = (n - 1) / 2;
    const qint64 highRank = n / 2;
    qint64 seen = 0;
    std::optional<qint64> low;
    for (const auto& [value, count] : histogram) {
        seen += count;
        if (!low && seen > lowRank)
            low = value;
        if (seen > highRank)
            return (*low + value) / 2 * kToPaidStepMs;
    }
    Q_UNREACHABLE();
    return -1;
}

} // namespace

std::optional<DashboardFigures> TakingsBook::figures(qint64 fromMs, qint64 toMs)
{
    Q_ASSERT_X(fromMs < toMs, "TakingsBook::figures", "the caller checks the period");
    DashboardFigures f;
    f.fromMs = fromMs;
    f.toMs = toMs;
    // The engine writes on this thread and connection, so nothing changes
    // between these reads: the figures agree with each other.
    if (!readPayments(fromMs, toMs, &f) || !readMoneyBack(fromMs, toMs, &f) || !readOpenItems(&f))
        return std::nullopt;
    return f;
}

bool TakingsBook::readPayments(qint64 fromMs, qint64 toMs, DashboardFigures* f)
{
    // One pass over the period's payments (a week is half a million rows
    // in a busy shop). A sale counts when it started, once its money was
    // taken (paid, or paid and revoked later), as the shift close counts it.
    // A paid payment's row last changed when it succeeded (only a revoke
    // changes it later, and revoked ones have no time to paid here); its
    // time to paid is grouped by tenths of a second, so a long period makes
    // a few thousand groups, not one per payment.
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT wallet, state, ((created_at_ms + ?) / ?) % 24,"
                       " CASE WHEN state = ? THEN (updated_at_ms - created_at_ms) / ? ELSE -1 END,"
                       " COUNT(*), SUM(amount_fen) FROM payments"
                       " WHERE created_at_ms >= ? AND created_at_ms < ? GROUP BY 1, 2, 3, 4"));
    int i = 0;
    bindAt(q, i++, kChinaOffsetMs);
    bindAt(q, i++, kHourMs);
    bindAt(q, i++, int(PaymentState::Success));
    bindAt(q, i++, kToPaidStepMs);
    bindAt(q, i++, fromMs);
    bindAt(q, i++, toMs);
    if (!m_db.execRead(q))
        return false;
    std::map<std::pair<int, int>, HourTakings> hours; // (hour, wallet)
    std::map<int, std::map<qint64, qint64>> toPaid;   // wallet: steps -> payments
    std::map<qint64, qint64> allToPaid;
    while (q.next()) {
        const Wallet wallet = Wallet(q.value(0).toInt());
        const auto state = PaymentState(q.value(1).toInt());
        const int hour = q.value(2).toInt();
        const qint64 steps = q.value(3).toLongLong();
        const qint64 count = q.value(4).toLongLong();
        const qint64 fen = q.value(5).toLongLong();
        ChannelPerformance& channel = channelOf(&f->channels, wallet);
        switch (state) {
        case PaymentState::Success:
        case PaymentState::Reversed: {
            channel.paid += count;
            WalletTakings& w = takingsOf(&f->byWallet, wallet);
            w.sales += count;
            w.salesFen += fen;
            HourTakings& h = hours[{hour, int(wallet)}];
            h.hour = hour;
            h.wallet = wallet;
            h.sales += count;
            h.salesFen += fen;
            break;
        }
        case PaymentState::Failed:
        case PaymentState::Closed:
            channel.notPaid += count;
            break;
        case PaymentState::Created:
        case PaymentState::Processing:
            channel.inProgress += count;
            break;
        }
        if (steps >= 0) {
            toPaid[int(wallet)][steps] += count;
            allToPaid[steps] += count;
        }
    }
    q.finish();
    for (const auto& [key, h] : hours)
        f->byHour << h;
    for (const auto& [wallet, histogram] : toPaid)
        channelOf(&f->channels, Wallet(wallet)).medianToPaidMs = medianToPaidMs(histogram);
    for (const ChannelPerformance& c : std::as_const(f->channels)) {
        f->overall.paid += c.paid;
        f->overall.notPaid += c.notPaid;
        f->overall.inProgress += c.inProgress;
    }
    f->overall.medianToPaidMs = medianToPaidMs(allToPaid);
    return true;
}

bool TakingsBook::readMoneyBack(qint64 fromMs, qint64 toMs, DashboardFigures* f)
{
    // Refunds when they succeeded, revokes of paid sales when revoked.
    QSqlQuery& refunds = m_db.prepared(
        QStringLiteral("SELECT p.wallet, COUNT(*), SUM(r.amount_fen) FROM refunds r"
                       " JOIN payments p ON p.payment_no = r.payment_no"
                       " WHERE r.state = ? AND r.updated_at_ms >= ? AND r.updated_at_ms < ?"
                       " GROUP BY p.wallet"));
    bindAt(refunds, 0, int(RefundState::Success));
    bindAt(refunds, 1, fromMs);
    bindAt(refunds, 2, toMs);
    if (!m_db.execRead(refunds))
        return false;
    while (refunds.next()) {
        WalletTakings& w = takingsOf(&f->byWallet, Wallet(refunds.value(0).toInt()));
        w.refunds += refunds.value(1).toLongLong();
        w.refundsFen += refunds.value(2).toLongLong();
    }
    refunds.finish();
    QSqlQuery& revokes =
        m_db.prepared(QStringLiteral("SELECT wallet, COUNT(*), SUM(amount_fen) FROM payments"
                                     " WHERE state = ? AND updated_at_ms >= ? AND updated_at_ms < ?"
                                     " GROUP BY wallet"));
    bindAt(revokes, 0, int(PaymentState::Reversed));
    bindAt(revokes, 1, fromMs);
    bindAt(revokes, 2, toMs);
    if (!m_db.execRead(revokes))
        return false;
    while (revokes.next()) {
        WalletTakings& w = takingsOf(&f->byWallet, Wallet(revokes.value(0).toInt()));
        w.revokes += revokes.value(1).toLongLong();
        w.revokedFen += revokes.value(2).toLongLong();
    }
    revokes.finish();
    return true;
}

bool TakingsBook::readOpenItems(DashboardFigures* f)
{
    QSqlQuery& alerts = m_db.prepared(QStringLiteral(
        "SELECT level, COUNT(*) FROM alerts WHERE acknowledged_at_ms = 0 GROUP BY level"));
    if (!m_db.execRead(alerts))
        return false;
    while (alerts.next()) {
        const auto level = AlertLevel(alerts.value(0).toInt());
        const qint64 count = alerts.value(1).toLongLong();
        if (level == AlertLevel::Page)
            f->openPageAlerts += count;
        else
            f->openWatchAlerts += count;
    }
    alerts.finish();
    QSqlQuery& orders =
        m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM orders WHERE state IN (?, ?)"));
    bindAt(orders, 0, int(OrderState::Pending));
    bindAt(orders, 1, int(OrderState::Attention));
    if (!m_db.execRead(orders))
        return false;
    if (orders.next())
        f->openOrders = orders.value(0).toLongLong();
    orders.finish();
    return true;
}

} // namespace paydesk
