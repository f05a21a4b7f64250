#include "sandbox/acquirer/NotificationQueue.h"

#include "channels/wechat/WeChatV2Message.h"
#include "sandbox/acquirer/RawXml.h"
#include "sandbox/acquirer/TradeScript.h"

#include <vector>

namespace paydesk::sandbox {

NotificationQueue::NotificationQueue(TradeStore& store)
    : m_store(store), m_self(std::make_shared<NotificationQueue*>(this))
{}

bool NotificationQueue::open()
{
    if (!m_store.loadCounter(m_counter))
        return false;
    m_committed = m_counter.value;
    return true;
}

void NotificationQueue::setSink(Sink sink)
{
    m_sink = std::move(sink);
}

bool NotificationQueue::queuePaid(const Trade& t, qint64 nowMs)
{
    for (const ScriptedNotification& n : scriptedNotifications(t.behaviour)) {
        if (!queue(t, n.status, n.returnCode, t.tradeNo + n.idSuffix, nowMs))
            return false;
    }
    return true;
}

bool NotificationQueue::queue(const Trade& t, TradeStatus status, const QString& returnCode,
                              const QString& notificationId, qint64 nowMs)
{
    qint64 id = 0;
    if (!m_store.take(m_counter, &id))
        return false;
    const bool ok = status == TradeStatus::Success;
    const QString raw = RawXml()
                            .add("return_code", kSuccess)
                            .add("result_code", ok ? kSuccess : QStringLiteral("FAIL"))
                            .add("err_code", ok ? QString() : returnCode)
                            .add("out_trade_no", t.paymentNo)
                            .add("transaction_id", t.tradeNo)
                            .num("total_fee", t.amountFen)
                            .add("fee_type", t.currency)
                            .add("trade_state", ok ? kSuccess : returnCode)
                            .add("time_end", ok ? wechat::formatTime(t.paidAtMs) : QString())
                            .add("nonce_str", notificationId)
                            .text();
    Database& db = m_store.db();
    QSqlQuery& s = db.prepared(QStringLiteral(
        "INSERT INTO sandbox_notifications (id, notification_id, channel, payment_no,"
        " trade_no, status, return_code, amount_fen, currency, raw, delivered, created_at_ms)"
        " VALUES (:id, :notification_id, :channel, :payment_no, :trade_no, :status,"
        " :return_code, :amount_fen, :currency, :raw, 0, :created_at_ms)"));
    bind(s, "id", id);
    bind(s, "notification_id", notificationId);
    bind(s, "channel", t.channel);
    bind(s, "payment_no", t.paymentNo);
    bind(s, "trade_no", t.tradeNo);
    bind(s, "status", int(status));
    bind(s, "return_code", returnCode);
    bind(s, "amount_fen", t.amountFen);
    bind(s, "currency", t.currency);
    bind(s, "raw", raw);
    bind(s, "created_at_ms", nowMs);
    if (!db.execWrite(s))
        return false;
    // Only what is durable goes out: a notification for a trade the sandbox
    // then loses in a crash would be a lie.
    db.afterCommit([self = std::weak_ptr<NotificationQueue*>(m_self), id](bool committed) {
        const auto queue = self.lock();
        if (!committed || !queue)
            return;
        (*queue)->m_committed = qMax((*queue)->m_committed, id);
        (*queue)->deliverPending();
    });
    return true;
}

void NotificationQueue::deliverPending()
{
    if (!m_sink || !m_store.usable())
        return;
    if (m_delivering) {
        m_deliverAgain = true;
        return;
    }
    m_delivering = true;
    Database& db = m_store.db();
    do {
        m_deliverAgain = false;
        QSqlQuery& s = db.prepared(QStringLiteral(
            "SELECT n.id, n.notification_id, n.channel, n.payment_no, n.trade_no, n.status,"
            " n.return_code, n.amount_fen, n.currency, n.raw, n.created_at_ms,"
            " t.protocol, t.url, t.account, t.sign_type"
            " FROM sandbox_notifications n"
            " LEFT JOIN sandbox_notify_targets t ON t.payment_no = n.payment_no"
            " WHERE n.delivered = 0 AND n.id <= :committed ORDER BY n.id"));
        bind(s, "committed", m_committed);
        if (!m_store.read(s))
            break;
        struct Pending
        {
            QString channel;
            ChannelNotification n;
            SandboxNotifyTarget to;
        };
        std::vector<Pending> batch;
        std::vector<qint64> ids;
        while (s.next()) {
            Pending p;
            p.channel = text(s, 2);
            p.n.notificationId = text(s, 1);
            p.n.paymentNo = text(s, 3);
            p.n.channelTradeNo = text(s, 4);
            p.n.status = TradeStatus(s.value(5).toInt());
            p.n.returnCode = text(s, 6);
            p.n.amount = Money::fromFen(s.value(7).toLongLong(), text(s, 8));
            p.n.raw = text(s, 9);
            // Queued when the trade was paid (or closed), so its time.
            p.n.paidAtMs = s.value(10).toLongLong();
            p.to = SandboxNotifyTarget{text(s, 11), text(s, 12), text(s, 13), text(s, 14)};
            ids.push_back(s.value(0).toLongLong());
            batch.push_back(std::move(p));
        }
        s.finish();
        QSqlQuery& mark = db.prepared(
            QStringLiteral("UPDATE sandbox_notifications SET delivered = 1 WHERE id = :id"));
        bool marked = true;
        for (qint64 id : ids) {
            bind(mark, "id", id);
            if (!db.execWrite(mark)) {
                marked = false;
                break;
            }
        }
        if (!marked)
            break;
        for (const Pending& p : batch) {
            if (m_sink)
                m_sink(p.channel, p.n, p.to);
        }
    } while (m_deliverAgain);
    m_delivering = false;
}

} // namespace paydesk::sandbox
