#include "sandbox/SandboxAcquirer.h"

#include "channels/wechat/WeChatV2Message.h"

#include "common/ChinaTime.h"

#include "common/Masking.h"
#include "domain/PaymentCode.h"
#include "sandbox/SandboxBehaviour.h"

#include <QDateTime>
#include <QPointer>
#include <QSqlQuery>
#include <QTimeZone>
#include <QTimer>
#include <QVariant>

#include <climits>
#include <vector>

namespace paydesk {

namespace {

// Trade states, WeChat trade_state style.
const QString kNotPay = QStringLiteral("NOTPAY");
const QString kUserPaying = QStringLiteral("USERPAYING");
const QString kSuccess = QStringLiteral("SUCCESS");
const QString kPayError = QStringLiteral("PAYERROR");
const QString kClosed = QStringLiteral("CLOSED");
const QString kRevoked = QStringLiteral("REVOKED");
const QString kRefund = QStringLiteral("REFUND");

const QString kBarcode = QStringLiteral("barcode");
const QString kQr = QStringLiteral("qr");

const QString kActionClose = QStringLiteral("close");
const QString kActionRefund = QStringLiteral("refund");

const QString kQrPrefix = QStringLiteral("paydesk-sandbox://qr/");

constexpr int kRevokeFailsForever = 99;

const QString kTradeCols = QStringLiteral(
    "payment_no, channel, kind, behaviour, parameter, amount_fen, currency, state,"
    " created_at_ms, paid_at_ms, trade_no, revoke_failures_left, refunded_fen, code_url,"
    " auth_code_masked, settles_at_ms, expire_at_ms, revoke_action, error_code, tombstone,"
    " revoked_at_ms");

struct Trade
{
    QString paymentNo;
    QString channel;
    QString kind;
    SandboxBehaviour behaviour = SandboxBehaviour::InstantSuccess;
    int parameter = 0;
    qint64 amountFen = 0;
    QString currency;
    QString state;
    qint64 createdAtMs = 0;
    qint64 paidAtMs = 0;
    QString tradeNo;
    int revokeFailuresLeft = 0;
    qint64 refundedFen = 0;
    QString codeUrl;
    QString authCodeMasked;
    // When the scripted phase ends: USERPAYING turns final, or (SlowToRecord)
    // the trade becomes visible to queries. 0: never.
    qint64 settlesAtMs = 0;
    qint64 expireAtMs = 0;
    QString revokeAction;
    QString errorCode; // why a PAYERROR trade failed (NOTENOUGH, ...)
    bool tombstone = false;
    qint64 revokedAtMs = 0; // when a revoke closed or reversed it
};

struct Counter
{
    const char* name;
    qint64 block; // numbers reserved per write of the counter row
    qint64 value = 0;
    qint64 reserved = 0; // stored; numbers up to here may be handed out
};

void bind(QSqlQuery& q, const char* name, const QVariant& v)
{
    q.bindValue(QLatin1Char(':') + QLatin1String(name), v);
}

QString str(const QSqlQuery& q, int i)
{
    const QVariant v = q.value(i);
    return v.isNull() ? QString() : v.toString();
}

Trade readTrade(const QSqlQuery& q)
{
    Trade t;
    t.paymentNo = str(q, 0);
    t.channel = str(q, 1);
    t.kind = str(q, 2);
    t.behaviour = SandboxBehaviour(q.value(3).toInt());
    t.parameter = q.value(4).toInt();
    t.amountFen = q.value(5).toLongLong();
    t.currency = str(q, 6);
    t.state = str(q, 7);
    t.createdAtMs = q.value(8).toLongLong();
    t.paidAtMs = q.value(9).toLongLong();
    t.tradeNo = str(q, 10);
    t.revokeFailuresLeft = q.value(11).toInt();
    t.refundedFen = q.value(12).toLongLong();
    t.codeUrl = str(q, 13);
    t.authCodeMasked = str(q, 14);
    t.settlesAtMs = q.value(15).toLongLong();
    t.expireAtMs = q.value(16).toLongLong();
    t.revokeAction = str(q, 17);
    t.errorCode = str(q, 18);
    t.tombstone = q.value(19).toInt() != 0;
    t.revokedAtMs = q.value(20).toLongLong();
    return t;
}

void bindMutable(QSqlQuery& q, const Trade& t)
{
    bind(q, "payment_no", t.paymentNo);
    bind(q, "behaviour", int(t.behaviour));
    bind(q, "parameter", t.parameter);
    bind(q, "state", t.state);
    bind(q, "paid_at_ms", t.paidAtMs);
    bind(q, "revoke_failures_left", t.revokeFailuresLeft);
    bind(q, "refunded_fen", t.refundedFen);
    bind(q, "auth_code_masked", t.authCodeMasked);
    bind(q, "settles_at_ms", t.settlesAtMs);
    bind(q, "revoke_action", t.revokeAction);
    bind(q, "error_code", t.errorCode);
    bind(q, "revoked_at_ms", t.revokedAtMs);
}

// Short WeChat-V2-like XML for the raw request/response shown in the track.
class Xml
{
public:
    Xml()
    {
        m_text.reserve(320);
        m_text += QLatin1String("<xml>");
    }
    Xml& add(const char* name, const QString& value)
    {
        if (value.isEmpty())
            return *this;
        m_text += QLatin1Char('<');
        m_text += QLatin1String(name);
        m_text += QLatin1Char('>');
        m_text += value.toHtmlEscaped();
        m_text += QLatin1String("</");
        m_text += QLatin1String(name);
        m_text += QLatin1Char('>');
        return *this;
    }
    Xml& num(const char* name, qint64 value) { return add(name, QString::number(value)); }
    QString text() const { return m_text + QLatin1String("</xml>"); }

private:
    QString m_text;
};

// WeChat V2: return_code is the transport verdict (always SUCCESS here: the
// sandbox answered), result_code the business one, err_code the reason.
Xml responseXml(const ChannelResult& r, bool businessOk)
{
    Xml x;
    x.add("return_code", kSuccess);
    x.add("result_code", businessOk ? kSuccess : QStringLiteral("FAIL"));
    if (!businessOk) {
        x.add("err_code", r.returnCode);
        x.add("err_code_des", r.message);
    }
    return x;
}

ChannelResult failed(ChannelResult r, TradeStatus status, const QString& code,
                     const QString& message)
{
    r.status = status;
    r.returnCode = code;
    r.message = message;
    r.rawResponse = responseXml(r, false).add("out_trade_no", r.requestNo).text();
    return r;
}

bool isPaidState(const QString& state)
{
    return state == kSuccess || state == kRefund;
}

// China time, as the wallets stamp their numbers and time_end.

} // namespace

struct SandboxAcquirer::Impl
{
    Impl(SandboxAcquirer* owner, const Clock& c) : q(owner), clock(c)
    {
        wakeTimer.setSingleShot(true);
        wakeTimer.setTimerType(Qt::PreciseTimer);
    }

    SandboxAcquirer* q;
    const Clock& clock;
    Database db;
    Counter tradeCounter{"trade", SandboxAcquirer::kNumberBlock};
    Counter refundCounter{"refund", SandboxAcquirer::kNumberBlock};
    // One at a time: the stored value tells which notifications are durable.
    Counter notificationCounter{"notification", 1};
    // Notifications with an id up to here are durable and may be delivered.
    qint64 committedNotification = 0;
    NotificationSink sink;
    bool delivering = false;
    bool deliverAgain = false;
    qint64 nextWakeMs = 0;
    QTimer wakeTimer;
    qint64 numberDay = -1;
    QString numberDate;

    qint64 now() const { return clock.nowMs(); }

    // --- storage -------------------------------------------------------
    // Forward-only: a scrollable result caches rows and clearing that cache
    // on every exec cost more than the lookup itself.
    bool read(QSqlQuery& s)
    {
        s.setForwardOnly(true);
        return db.execRead(s);
    }

    std::optional<Trade> load(const QString& paymentNo, bool* ok)
    {
        static const QString sql =
            QStringLiteral("SELECT %1 FROM sandbox_trades WHERE payment_no = :payment_no")
                .arg(kTradeCols);
        QSqlQuery& s = db.prepared(sql);
        bind(s, "payment_no", paymentNo);
        *ok = read(s);
        std::optional<Trade> out;
        if (*ok && s.next())
            out = readTrade(s);
        s.finish();
        return out;
    }

    // False when the payment number is already known.
    bool insertTrade(const Trade& t, bool* ok)
    {
        static const QString sql =
            QStringLiteral("INSERT INTO sandbox_trades (%1) VALUES (:payment_no, :channel, :kind,"
                           " :behaviour, :parameter, :amount_fen, :currency, :state,"
                           " :created_at_ms, :paid_at_ms, :trade_no, :revoke_failures_left,"
                           " :refunded_fen, :code_url, :auth_code_masked, :settles_at_ms,"
                           " :expire_at_ms, :revoke_action, :error_code, :tombstone, :revoked_at_ms)"
                           " ON CONFLICT (payment_no) DO NOTHING")
                .arg(kTradeCols);
        QSqlQuery& s = db.prepared(sql);
        bindMutable(s, t);
        bind(s, "channel", t.channel);
        bind(s, "kind", t.kind);
        bind(s, "amount_fen", t.amountFen);
        bind(s, "currency", t.currency);
        bind(s, "created_at_ms", t.createdAtMs);
        bind(s, "trade_no", t.tradeNo);
        bind(s, "code_url", t.codeUrl);
        bind(s, "expire_at_ms", t.expireAtMs);
        bind(s, "tombstone", t.tombstone ? 1 : 0);
        *ok = db.execWrite(s);
        return *ok && s.numRowsAffected() > 0;
    }

    bool insertNotifyTarget(const QString& paymentNo, const NotifyTarget& to)
    {
        QSqlQuery& s = db.prepared(QStringLiteral(
            "INSERT INTO sandbox_notify_targets (payment_no, protocol, url, account, sign_type)"
            " VALUES (:payment_no, :protocol, :url, :account, :sign_type)"));
        bind(s, "payment_no", paymentNo);
        bind(s, "protocol", notNull(to.protocol));
        bind(s, "url", to.url);
        bind(s, "account", notNull(to.account));
        bind(s, "sign_type", notNull(to.signType));
        return db.execWrite(s);
    }

    bool updateTrade(const Trade& t)
    {
        QSqlQuery& s = db.prepared(QStringLiteral(
            "UPDATE sandbox_trades SET behaviour = :behaviour, parameter = :parameter,"
            " state = :state, paid_at_ms = :paid_at_ms,"
            " revoke_failures_left = :revoke_failures_left, refunded_fen = :refunded_fen,"
            " auth_code_masked = :auth_code_masked, settles_at_ms = :settles_at_ms,"
            " revoke_action = :revoke_action, error_code = :error_code,"
            " revoked_at_ms = :revoked_at_ms WHERE payment_no = :payment_no"));
        bindMutable(s, t);
        return db.execWrite(s);
    }

    // Numbers come from counters kept in the database, so they are
    // deterministic and survive a restart. A block of numbers is reserved in
    // the transaction of the row that takes its first one: a restart skips
    // the rest of the block (a gap), never reuses a number.
    bool take(Counter& c, qint64* value)
    {
        if (c.value >= c.reserved) {
            // Read again under the write lock: another process on the same
            // sandbox.db may have reserved blocks since this one loaded.
            if (!db.beginWrite())
                return false;
            QSqlQuery& r = db.prepared(
                QStringLiteral("SELECT value FROM sandbox_counters WHERE name = :name"));
            bind(r, "name", QString::fromLatin1(c.name));
            if (!read(r) || !r.next())
                return false;
            c.value = qMax(c.value, r.value(0).toLongLong());
            r.finish();
            const qint64 upTo = c.value + c.block;
            QSqlQuery& s = db.prepared(
                QStringLiteral("UPDATE sandbox_counters SET value = :value WHERE name = :name"));
            bind(s, "value", upTo);
            bind(s, "name", QString::fromLatin1(c.name));
            if (!db.execWrite(s))
                return false;
            c.reserved = upTo;
        }
        *value = ++c.value;
        return true;
    }

    QString numberText(const QString& prefix, qint64 value)
    {
        // Formatting a zoned date costs more than the rest of a payment:
        // reuse it for the whole (China) day.
        const qint64 ms = now();
        const qint64 day = (ms + 8 * 3600 * 1000) / (24 * 3600 * 1000);
        if (day != numberDay) {
            numberDay = day;
            numberDate = chinaTime(ms).toString(QStringLiteral("yyyyMMdd"));
        }
        return prefix + numberDate + QString::number(value).rightJustified(12, QLatin1Char('0'));
    }

    bool loadCounters()
    {
        QSqlQuery& s =
            db.prepared(QStringLiteral("SELECT value FROM sandbox_counters WHERE name = :name"));
        for (Counter* c : {&tradeCounter, &refundCounter, &notificationCounter}) {
            bind(s, "name", QString::fromLatin1(c->name));
            if (!read(s) || !s.next())
                return false;
            c->value = c->reserved = s.value(0).toLongLong();
            s.finish();
        }
        committedNotification = notificationCounter.value;
        return true;
    }

    // --- lazy time -------------------------------------------------------
    bool visible(const Trade& t) const
    {
        return !(t.kind == kBarcode && t.behaviour == SandboxBehaviour::SlowToRecord &&
                 now() < t.settlesAtMs);
    }

    // Brings a trade to what the clock says it is now, and stores the change.
    bool settle(Trade& t)
    {
        if (t.state != kUserPaying || t.settlesAtMs <= 0 || now() < t.settlesAtMs)
            return true;
        switch (t.behaviour) {
        case SandboxBehaviour::UserPayingThenSuccess:
            t.state = kSuccess;
            t.paidAtMs = t.settlesAtMs;
            break;
        case SandboxBehaviour::UserPayingThenCancelled:
            t.state = kPayError;
            t.errorCode = QStringLiteral("USERCANCELLED");
            break;
        default:
            return true;
        }
        if (!updateTrade(t))
            return false;
        if (t.kind == kQr && t.state == kSuccess)
            return notifyPaid(t);
        return true;
    }

    void scheduleWake(qint64 atMs)
    {
        if (nextWakeMs != 0 && nextWakeMs <= atMs)
            return;
        nextWakeMs = atMs;
        if (!clock.isManual())
            wakeTimer.start(int(qBound<qint64>(0, atMs - now(), qint64(INT_MAX))));
    }

    // QR payments must notify when they finish, even if nobody queries:
    // settle the user-paying ones whose time has come.
    void wake()
    {
        nextWakeMs = 0;
        if (!db.isOpen() || db.hasFailed())
            return;
        QSqlQuery& s = db.prepared(QStringLiteral(
            "SELECT payment_no FROM sandbox_trades WHERE kind = :kind AND state = :state"
            " AND settles_at_ms > 0"));
        bind(s, "kind", kQr);
        bind(s, "state", kUserPaying);
        if (!read(s))
            return;
        QStringList pending;
        while (s.next())
            pending << s.value(0).toString();
        s.finish();
        for (const QString& p : pending) {
            bool ok = false;
            auto t = load(p, &ok);
            if (!t || !settle(*t))
                continue;
            if (t->state == kUserPaying)
                scheduleWake(t->settlesAtMs);
        }
    }

    void onClockAdvanced()
    {
        if (nextWakeMs != 0 && now() >= nextWakeMs)
            wake();
    }

    // --- notifications -------------------------------------------------------
    bool queueNotification(const Trade& t, TradeStatus status, const QString& returnCode,
                           const QString& notificationId)
    {
        qint64 id = 0;
        if (!take(notificationCounter, &id))
            return false;
        const bool ok = status == TradeStatus::Success;
        Xml raw;
        raw.add("return_code", kSuccess)
            .add("result_code", ok ? kSuccess : QStringLiteral("FAIL"))
            .add("err_code", ok ? QString() : returnCode)
            .add("out_trade_no", t.paymentNo)
            .add("transaction_id", t.tradeNo)
            .num("total_fee", t.amountFen)
            .add("fee_type", t.currency)
            .add("trade_state", ok ? kSuccess : returnCode)
            .add("time_end", ok ? wechat::formatTime(t.paidAtMs) : QString())
            .add("nonce_str", notificationId);
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
        bind(s, "raw", raw.text());
        bind(s, "created_at_ms", now());
        if (!db.execWrite(s))
            return false;
        // Only what is durable goes out: a notification for a trade the
        // sandbox then loses in a crash would be a lie.
        QPointer<SandboxAcquirer> guard(q);
        db.afterCommit([guard, id](bool committed) {
            if (!committed || !guard || !guard->d)
                return;
            Impl* d = guard->d;
            d->committedNotification = qMax(d->committedNotification, id);
            d->deliverPending();
        });
        return true;
    }

    bool notifyPaid(const Trade& t)
    {
        // NoResponseThenSuccess on a QR code: the notification is lost, the
        // merchant must poll to learn the result.
        if (t.behaviour == SandboxBehaviour::NoResponseThenSuccess)
            return true;
        const QString paidId = t.tradeNo + QStringLiteral("-SUCCESS");
        if (!queueNotification(t, TradeStatus::Success, kSuccess, paidId))
            return false;
        if (t.behaviour == SandboxBehaviour::DuplicateNotifications)
            return queueNotification(t, TradeStatus::Success, kSuccess, paidId);
        if (t.behaviour == SandboxBehaviour::ContradictingNotification)
            return queueNotification(t, TradeStatus::Failed, kClosed,
                                     t.tradeNo + QStringLiteral("-CLOSED"));
        return true;
    }

    void deliverPending()
    {
        if (!sink || !db.isOpen() || db.hasFailed())
            return;
        // A sink or a mid-call group commit may bring us back here; the
        // outer loop picks up whatever arrived meanwhile.
        if (delivering) {
            deliverAgain = true;
            return;
        }
        delivering = true;
        do {
            deliverAgain = false;
            QSqlQuery& s = db.prepared(QStringLiteral(
                "SELECT n.id, n.notification_id, n.channel, n.payment_no, n.trade_no, n.status,"
                " n.return_code, n.amount_fen, n.currency, n.raw, n.created_at_ms,"
                " t.protocol, t.url, t.account, t.sign_type"
                " FROM sandbox_notifications n"
                " LEFT JOIN sandbox_notify_targets t ON t.payment_no = n.payment_no"
                " WHERE n.delivered = 0 AND n.id <= :committed ORDER BY n.id"));
            bind(s, "committed", committedNotification);
            if (!read(s))
                break;
            struct Pending
            {
                QString channel;
                ChannelNotification n;
                NotifyTarget to;
            };
            std::vector<Pending> batch;
            std::vector<qint64> ids;
            while (s.next()) {
                Pending p;
                p.channel = str(s, 2);
                p.n.notificationId = str(s, 1);
                p.n.paymentNo = str(s, 3);
                p.n.channelTradeNo = str(s, 4);
                p.n.status = TradeStatus(s.value(5).toInt());
                p.n.returnCode = str(s, 6);
                p.n.amount = Money::fromFen(s.value(7).toLongLong(), str(s, 8));
                p.n.raw = str(s, 9);
                // Queued when the trade was paid (or closed), so its time.
                p.n.paidAtMs = s.value(10).toLongLong();
                p.to = NotifyTarget{str(s, 11), str(s, 12), str(s, 13), str(s, 14)};
                ids.push_back(s.value(0).toLongLong());
                batch.push_back(std::move(p));
            }
            s.finish();
            // Marked before they go out: a crash before the mark commits
            // sends them again (at least once), as a real acquirer does.
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
                if (sink)
                    sink(p.channel, p.n, p.to);
            }
        } while (deliverAgain);
        delivering = false;
    }

    // --- answers -----------------------------------------------------------
    ChannelResult storageError(const QString& requestNo) const
    {
        ChannelResult r;
        r.status = TradeStatus::Unknown;
        r.requestNo = requestNo;
        r.returnCode = QStringLiteral("SANDBOX_STORAGE_ERROR");
        r.message =
            QStringLiteral("the sandbox could not store the trade: ") +
            (db.lastError().isEmpty() ? QStringLiteral("database not open") : db.lastError());
        r.rawResponse = responseXml(r, false).text();
        return r;
    }

    // Who is answered, and how (see SandboxAcquirer::Prepare).
    struct Reply
    {
        Answer answer;
        Prepare prepare;
        Reply(Answer a, Prepare p = {}) : answer(std::move(a)), prepare(std::move(p)) {}
    };

    // Answers only once the sandbox's own write is durable, as a real
    // acquirer answers after its own commit.
    void respond(const ChannelResult& r, bool dropped, Reply reply)
    {
        if (!reply.answer)
            return;
        if (!db.isOpen()) {
            ChannelResult e = storageError(r.requestNo);
            e.rawRequest = r.rawRequest;
            QTimer::singleShot(0, q, [e, answer = std::move(reply.answer)] { answer(e, false); });
            return;
        }
        QPointer<SandboxAcquirer> guard(q);
        auto send = std::make_shared<std::function<void()>>();
        if (reply.prepare)
            db.whenCommitted(
                [guard, r, dropped, send, prepare = std::move(reply.prepare)](bool ok) {
                    if (ok && guard && guard->d)
                        *send = prepare(r, dropped);
                });
        db.afterCommit([guard, r, dropped, send, answer = std::move(reply.answer)](bool ok) {
            if (!guard || !guard->d)
                return;
            if (ok && *send)
                return (*send)();
            if (ok)
                return answer(r, dropped);
            ChannelResult e;
            e.status = TradeStatus::Unknown;
            e.requestNo = r.requestNo;
            e.rawRequest = r.rawRequest;
            e.returnCode = QStringLiteral("SANDBOX_STORAGE_ERROR");
            e.message = QStringLiteral("the sandbox could not store the trade: ") +
                        guard->d->db.lastError();
            e.rawResponse = responseXml(e, false).text();
            answer(e, false);
        });
    }

    void respondStorageError(const ChannelResult& request, Reply reply)
    {
        ChannelResult e = storageError(request.requestNo);
        e.rawRequest = request.rawRequest;
        respond(e, false, std::move(reply));
    }

    // What a repeated pay with a known payment number answers: the trade as
    // it stands (idempotent, like WeChat).
    ChannelResult payAnswerFor(ChannelResult r, const Trade& t) const
    {
        if (t.tombstone)
            return failed(r, TradeStatus::Failed, QStringLiteral("ORDERREVERSED"),
                          QStringLiteral("this payment number was revoked before it was paid: "
                                         "use a new payment number"));
        r.channelTradeNo = t.tradeNo;
        if (isPaidState(t.state)) {
            r.status = TradeStatus::Success;
            r.returnCode = kSuccess;
            r.message = QStringLiteral("paid");
            r.paidFen = t.amountFen;
            r.paidAtMs = t.paidAtMs;
            r.rawResponse = responseXml(r, true)
                                .add("out_trade_no", t.paymentNo)
                                .add("transaction_id", t.tradeNo)
                                .num("total_fee", t.amountFen)
                                .add("fee_type", t.currency)
                                .add("time_end", wechat::formatTime(t.paidAtMs))
                                .text();
            return r;
        }
        if (t.state == kUserPaying || t.state == kNotPay)
            return failed(r, TradeStatus::Processing, kUserPaying,
                          QStringLiteral("user is entering the password"));
        if (t.state == kPayError)
            return failed(r, TradeStatus::Failed, t.errorCode.isEmpty() ? kPayError : t.errorCode,
                          failureText(t.errorCode));
        if (t.state == kRevoked)
            return failed(r, TradeStatus::Failed, QStringLiteral("ORDERREVERSED"),
                          QStringLiteral("this payment was revoked: use a new payment number"));
        return failed(r, TradeStatus::Failed, QStringLiteral("ORDERCLOSED"),
                      QStringLiteral("this payment is closed: use a new payment number"));
    }

    static QString failureText(const QString& code)
    {
        if (code == QLatin1String("NOTENOUGH"))
            return QStringLiteral("insufficient balance: ask the customer to pay with another "
                                  "card or wallet");
        if (code == QLatin1String("AUTHCODEEXPIRE"))
            return QStringLiteral("the payment code has expired: ask the customer to refresh it");
        if (code == QLatin1String("USERCANCELLED"))
            return QStringLiteral("the customer cancelled the payment");
        if (code == QLatin1String("NOAUTH"))
            return QStringLiteral("this acquirer has not enabled the merchant for code payments");
        return QStringLiteral("the payment failed");
    }
};

const Clock& SandboxAcquirer::clock() const
{
    return d->clock;
}

SandboxAcquirer::SandboxAcquirer(const Clock& clock, QObject* parent)
    : QObject(parent), d(new Impl(this, clock))
{
    connect(&d->wakeTimer, &QTimer::timeout, this, [this] { d->wake(); });
    // A manual clock jumps: QR payments due in the jump must finish (and
    // notify) without waiting for someone to look at them. Registering a
    // listener does not change the time, hence the const_cast: the header
    // hands us the clock read-only.
    QPointer<SandboxAcquirer> guard(this);
    const_cast<Clock&>(clock).onAdvance([guard] {
        if (guard && guard->d)
            guard->d->onClockAdvanced();
    });
}

SandboxAcquirer::~SandboxAcquirer()
{
    // Closing the database commits what is staged, which runs the pending
    // callbacks: with d gone they drop their answers and notifications (the
    // owner may be half torn down). Answers are allowed to be lost; stored
    // notifications go out on the next start.
    Impl* impl = d;
    d = nullptr;
    delete impl;
}

QStringList SandboxAcquirer::migrations()
{
    // Tables carry a sandbox_ prefix so the sandbox may share a file or a
    // PostgreSQL database with the engine without clashing.
    return {
        QStringLiteral(
            "CREATE TABLE sandbox_trades ("
            " payment_no TEXT PRIMARY KEY,"
            " channel TEXT,"
            " kind TEXT NOT NULL,"
            " behaviour INTEGER NOT NULL,"
            " parameter INTEGER NOT NULL,"
            " amount_fen BIGINT NOT NULL,"
            " currency TEXT NOT NULL,"
            " state TEXT NOT NULL,"
            " created_at_ms BIGINT NOT NULL,"
            " paid_at_ms BIGINT NOT NULL DEFAULT 0,"
            " trade_no TEXT,"
            " revoke_failures_left INTEGER NOT NULL DEFAULT 0,"
            " refunded_fen BIGINT NOT NULL DEFAULT 0,"
            " code_url TEXT,"
            " auth_code_masked TEXT,"
            " settles_at_ms BIGINT NOT NULL DEFAULT 0,"
            " expire_at_ms BIGINT NOT NULL DEFAULT 0,"
            " revoke_action TEXT,"
            " error_code TEXT,"
            " tombstone INTEGER NOT NULL DEFAULT 0);"
            "CREATE INDEX sandbox_trades_pending ON sandbox_trades (kind, state);"
            "CREATE TABLE sandbox_refunds ("
            " refund_no TEXT PRIMARY KEY,"
            " payment_no TEXT NOT NULL,"
            " amount_fen BIGINT NOT NULL,"
            " currency TEXT NOT NULL,"
            " state TEXT NOT NULL,"
            " refund_id TEXT NOT NULL,"
            " created_at_ms BIGINT NOT NULL);"
            "CREATE INDEX sandbox_refunds_payment ON sandbox_refunds (payment_no);"
            "CREATE TABLE sandbox_notifications ("
            " id BIGINT PRIMARY KEY,"
            " notification_id TEXT NOT NULL,"
            " channel TEXT,"
            " payment_no TEXT NOT NULL,"
            " trade_no TEXT,"
            " status INTEGER NOT NULL,"
            " return_code TEXT NOT NULL,"
            " amount_fen BIGINT NOT NULL,"
            " currency TEXT NOT NULL,"
            " raw TEXT NOT NULL,"
            " delivered INTEGER NOT NULL DEFAULT 0,"
            " created_at_ms BIGINT NOT NULL);"
            "CREATE INDEX sandbox_notifications_pending ON sandbox_notifications (delivered, id);"
            "CREATE TABLE sandbox_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);"
            "INSERT INTO sandbox_counters (name, value) VALUES ('trade', 0);"
            "INSERT INTO sandbox_counters (name, value) VALUES ('refund', 0);"
            "INSERT INTO sandbox_counters (name, value) VALUES ('notification', 0)"),
        // v2: when a revoke happened (bills show a reversed payment's refund
        // on that day), and the lookups bills make by day.
        QStringLiteral(
            "ALTER TABLE sandbox_trades ADD COLUMN revoked_at_ms BIGINT NOT NULL DEFAULT 0;"
            "CREATE INDEX sandbox_trades_paid_at ON sandbox_trades (paid_at_ms);"
            "CREATE INDEX sandbox_refunds_created_at ON sandbox_refunds (created_at_ms)"),
        // v3: where a QR trade's notifications go (the request's notify_url).
        QStringLiteral("CREATE TABLE sandbox_notify_targets ("
                       " payment_no TEXT PRIMARY KEY,"
                       " protocol TEXT NOT NULL,"
                       " url TEXT NOT NULL,"
                       " account TEXT NOT NULL,"
                       " sign_type TEXT NOT NULL)"),
    };
}

QString SandboxAcquirer::open(const DatabaseConfig& config)
{
    const QString error = d->db.open(config, QStringLiteral("sandbox"), migrations());
    if (!error.isEmpty())
        return error;
    if (!d->loadCounters())
        return QStringLiteral("cannot read the sandbox counters: ") + d->db.lastError();
    d->wake();
    return QString();
}

void SandboxAcquirer::barcodePay(const QString& channel, const BarcodePayRequest& req,
                                 Answer answer, Prepare prepare)
{
    Impl::Reply reply(std::move(answer), std::move(prepare));
    const PaymentCodeCheck code = classifyPaymentCode(req.authCode);
    ChannelResult r;
    r.requestNo = req.paymentNo;
    // The whole code goes into the raw request on purpose: the engine masks
    // raw messages before storing them, and this proves it does.
    r.rawRequest = Xml()
                       .add("channel", channel)
                       .add("out_trade_no", req.paymentNo)
                       .add("auth_code", code.normalized)
                       .num("total_fee", req.amount.fen())
                       .add("fee_type", req.amount.currency())
                       .add("body", req.subject)
                       .add("store_id", req.storeId)
                       .add("device_info", req.terminalId)
                       .text();
    if (!d->db.isOpen())
        return d->respondStorageError(r, std::move(reply));
    if (req.paymentNo.isEmpty() || !req.amount.isPositive())
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("PARAM_ERROR"),
                                 req.paymentNo.isEmpty()
                                     ? QStringLiteral("out_trade_no is missing")
                                     : QStringLiteral("the amount must be positive")),
                          false, std::move(reply));
    if (!code.ok())
        return d->respond(
            failed(r, TradeStatus::Failed, QStringLiteral("AUTH_CODE_INVALID"), code.error), false,
            std::move(reply));

    // Insert first: a new number (the hot path) costs one counter update and
    // one insert. A known number wastes a trade number, a harmless gap.
    bool ok = false;
    std::optional<Trade> existing;
    {
        const SandboxCodeInfo info = sandboxBehaviourOf(code.normalized);
        Trade t;
        t.paymentNo = req.paymentNo;
        t.channel = channel;
        t.kind = kBarcode;
        t.behaviour = info.behaviour;
        t.parameter = info.parameter;
        t.amountFen = req.amount.fen();
        t.currency = req.amount.currency();
        t.createdAtMs = d->now();
        t.authCodeMasked = maskPaymentCode(code.normalized);
        t.expireAtMs = req.expireAtMs;
        t.state = kSuccess;
        switch (info.behaviour) {
        case SandboxBehaviour::UserPayingThenSuccess:
        case SandboxBehaviour::UserPayingThenCancelled:
            t.state = kUserPaying;
            t.settlesAtMs = t.createdAtMs + qint64(info.parameter) * 1000;
            break;
        case SandboxBehaviour::NeverFinal:
            t.state = kUserPaying;
            break;
        case SandboxBehaviour::RevokeFailsNTimes:
            t.state = kUserPaying;
            t.revokeFailuresLeft = info.parameter;
            break;
        case SandboxBehaviour::InsufficientFunds:
            t.state = kPayError;
            t.errorCode = QStringLiteral("NOTENOUGH");
            break;
        case SandboxBehaviour::AuthCodeExpired:
            t.state = kPayError;
            t.errorCode = QStringLiteral("AUTHCODEEXPIRE");
            break;
        case SandboxBehaviour::SlowToRecord:
            t.settlesAtMs = t.createdAtMs + qint64(info.parameter) * 1000;
            break;
        case SandboxBehaviour::AcquirerRefuses:
            if (channel == walletName(code.wallet)) {
                t.state = kPayError;
                t.errorCode = QStringLiteral("NOAUTH");
            }
            break;
        default:
            break;
        }
        if (t.state == kSuccess)
            t.paidAtMs = t.createdAtMs;
        qint64 number = 0;
        if (!d->take(d->tradeCounter, &number))
            return d->respondStorageError(r, std::move(reply));
        t.tradeNo = d->numberText(QStringLiteral("SBX"), number);
        const bool inserted = d->insertTrade(t, &ok);
        if (!ok)
            return d->respondStorageError(r, std::move(reply));
        if (inserted) {
            bool dropped = false;
            ChannelResult out = d->payAnswerFor(r, t);
            if (info.behaviour == SandboxBehaviour::SystemErrorThenSuccess) {
                out = failed(r, TradeStatus::Unknown, QStringLiteral("SYSTEMERROR"),
                             QStringLiteral("system error: query the trade to learn its result"));
            } else if (info.behaviour == SandboxBehaviour::NoResponseThenSuccess ||
                       info.behaviour == SandboxBehaviour::SlowToRecord) {
                dropped = true;
            }
            return d->respond(out, dropped, std::move(reply));
        }
        existing = d->load(req.paymentNo, &ok);
        if (!ok || !existing)
            return d->respondStorageError(r, std::move(reply));
    }

    Trade& t = *existing;
    if (!d->settle(t))
        return d->respondStorageError(r, std::move(reply));
    if (!t.tombstone && (t.amountFen != req.amount.fen() || t.currency != req.amount.currency()))
        return d->respond(failed(r, TradeStatus::Unknown, QStringLiteral("OUT_TRADE_NO_USED"),
                                 QStringLiteral("this payment number is used by a trade with "
                                                "another amount: query it")),
                          false, std::move(reply));
    d->respond(d->payAnswerFor(r, t), false, std::move(reply));
}

void SandboxAcquirer::precreate(const QString& channel, const PrecreateRequest& req, Answer answer,
                                const NotifyTarget& notifyTo)
{
    ChannelResult r;
    r.requestNo = req.paymentNo;
    r.rawRequest = Xml()
                       .add("channel", channel)
                       .add("trade_type", QStringLiteral("NATIVE"))
                       .add("out_trade_no", req.paymentNo)
                       .num("total_fee", req.amount.fen())
                       .add("fee_type", req.amount.currency())
                       .add("body", req.subject)
                       .add("store_id", req.storeId)
                       .add("device_info", req.terminalId)
                       .text();
    if (!d->db.isOpen())
        return d->respondStorageError(r, std::move(answer));
    if (req.paymentNo.isEmpty() || !req.amount.isPositive())
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("PARAM_ERROR"),
                                 req.paymentNo.isEmpty()
                                     ? QStringLiteral("out_trade_no is missing")
                                     : QStringLiteral("the amount must be positive")),
                          false, std::move(answer));

    auto created = [&](const Trade& t) {
        ChannelResult out = r;
        out.status = TradeStatus::Success;
        out.returnCode = kSuccess;
        out.message = QStringLiteral("QR code created: show it to the customer");
        out.codeUrl = t.codeUrl;
        out.rawResponse = responseXml(out, true)
                              .add("trade_type", QStringLiteral("NATIVE"))
                              .add("out_trade_no", t.paymentNo)
                              .add("code_url", t.codeUrl)
                              .text();
        return out;
    };

    bool ok = false;
    std::optional<Trade> existing;
    {
        Trade t;
        t.paymentNo = req.paymentNo;
        t.channel = channel;
        t.kind = kQr;
        t.amountFen = req.amount.fen();
        t.currency = req.amount.currency();
        t.state = kNotPay;
        t.createdAtMs = d->now();
        t.expireAtMs = req.expireAtMs;
        t.codeUrl = kQrPrefix + req.paymentNo;
        qint64 number = 0;
        if (!d->take(d->tradeCounter, &number))
            return d->respondStorageError(r, std::move(answer));
        t.tradeNo = d->numberText(QStringLiteral("SBX"), number);
        const bool inserted = d->insertTrade(t, &ok);
        if (!ok)
            return d->respondStorageError(r, std::move(answer));
        if (inserted && !notifyTo.url.isEmpty() && !d->insertNotifyTarget(t.paymentNo, notifyTo))
            return d->respondStorageError(r, std::move(answer));
        if (inserted)
            return d->respond(created(t), false, std::move(answer));
        existing = d->load(req.paymentNo, &ok);
        if (!ok || !existing)
            return d->respondStorageError(r, std::move(answer));
    }

    Trade& t = *existing;
    if (!d->settle(t))
        return d->respondStorageError(r, std::move(answer));
    ChannelResult out;
    if (t.tombstone || t.state == kClosed || t.state == kRevoked) {
        out = failed(r, TradeStatus::Failed, QStringLiteral("ORDERCLOSED"),
                     QStringLiteral("this payment number is closed: use a new one"));
    } else if (t.kind != kQr || t.amountFen != req.amount.fen() ||
               t.currency != req.amount.currency()) {
        // Not a failure of this payment: the number belongs to another trade
        // whose outcome only a query tells.
        out = failed(r, TradeStatus::Unknown, QStringLiteral("OUT_TRADE_NO_USED"),
                     QStringLiteral("this payment number is used by another trade: query it"));
    } else if (isPaidState(t.state)) {
        out = failed(r, TradeStatus::Unknown, QStringLiteral("ORDERPAID"),
                     QStringLiteral("this order is already paid: query it"));
    } else if (t.state == kPayError) {
        out = failed(r, TradeStatus::Failed, kPayError, Impl::failureText(t.errorCode));
    } else {
        out = created(t);
    }
    d->respond(out, false, std::move(answer));
}

void SandboxAcquirer::query(const QString& paymentNo, Answer answer)
{
    ChannelResult r;
    r.requestNo = paymentNo;
    r.rawRequest = Xml().add("out_trade_no", paymentNo).text();
    if (!d->db.isOpen())
        return d->respondStorageError(r, std::move(answer));
    bool ok = false;
    std::optional<Trade> t = d->load(paymentNo, &ok);
    if (!ok || (t && !d->settle(*t)))
        return d->respondStorageError(r, std::move(answer));
    if (!t || !d->visible(*t)) {
        r.tradeNotFound = true;
        return d->respond(failed(r, TradeStatus::Unknown, QStringLiteral("ORDERNOTEXIST"),
                                 QStringLiteral("no such trade")),
                          false, std::move(answer));
    }
    r.channelTradeNo = t->tradeNo;
    r.returnCode = t->state;
    if (isPaidState(t->state)) {
        r.status = TradeStatus::Success;
        r.message = t->state == kRefund ? QStringLiteral("paid, then refunded in part or in full")
                                        : QStringLiteral("paid");
    } else if (t->state == kUserPaying || t->state == kNotPay) {
        r.status = TradeStatus::Processing;
        r.message = t->state == kNotPay ? QStringLiteral("waiting for the customer to pay")
                                        : QStringLiteral("user is entering the password");
    } else {
        r.status = TradeStatus::Failed;
        if (t->state == kPayError)
            r.message = Impl::failureText(t->errorCode);
        else if (t->state == kRevoked)
            r.message = QStringLiteral("revoked");
        else
            r.message = QStringLiteral("closed");
    }
    Xml x = responseXml(r, true);
    x.add("out_trade_no", t->paymentNo)
        .add("transaction_id", t->tradeNo)
        .add("trade_type", t->kind == kQr ? QStringLiteral("NATIVE") : QStringLiteral("MICROPAY"))
        .add("trade_state", t->state)
        .add("trade_state_desc", r.message)
        .num("total_fee", t->amountFen)
        .add("fee_type", t->currency);
    if (t->paidAtMs > 0)
        x.add("time_end", wechat::formatTime(t->paidAtMs));
    if (t->refundedFen > 0)
        x.num("refund_fee", t->refundedFen);
    r.rawResponse = x.text();
    d->respond(r, false, std::move(answer));
}

void SandboxAcquirer::revoke(const QString& paymentNo, Answer answer)
{
    ChannelResult r;
    r.requestNo = paymentNo;
    r.rawRequest = Xml().add("out_trade_no", paymentNo).text();
    if (!d->db.isOpen())
        return d->respondStorageError(r, std::move(answer));
    if (paymentNo.isEmpty())
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("PARAM_ERROR"),
                                 QStringLiteral("out_trade_no is missing")),
                          false, std::move(answer));

    auto done = [&](const Trade& t, const QString& message) {
        ChannelResult out = r;
        out.status = TradeStatus::Success;
        out.returnCode = kSuccess;
        out.channelTradeNo = t.tradeNo;
        out.revokeAction = t.revokeAction.isEmpty() ? kActionClose : t.revokeAction;
        out.message = message;
        out.rawResponse = responseXml(out, true)
                              .add("out_trade_no", t.paymentNo)
                              .add("transaction_id", t.tradeNo)
                              .add("recall", QStringLiteral("N"))
                              .add("action", out.revokeAction)
                              .text();
        return out;
    };

    bool ok = false;
    std::optional<Trade> existing = d->load(paymentNo, &ok);
    if (!ok)
        return d->respondStorageError(r, std::move(answer));
    if (!existing) {
        // A revoke may overtake its pay (the pay timed out on the way).
        // Closing the number now means the late pay can never take money.
        Trade t;
        t.paymentNo = paymentNo;
        t.kind = kBarcode;
        t.state = kClosed;
        t.createdAtMs = d->now();
        t.currency = kCny;
        t.revokeAction = kActionClose;
        t.tombstone = true;
        t.revokedAtMs = t.createdAtMs;
        const bool inserted = d->insertTrade(t, &ok);
        if (!ok)
            return d->respondStorageError(r, std::move(answer));
        if (inserted)
            return d->respond(done(t, QStringLiteral("no such trade: the payment number is "
                                                     "closed and can never be paid")),
                              false, std::move(answer));
        existing = d->load(paymentNo, &ok);
        if (!ok || !existing)
            return d->respondStorageError(r, std::move(answer));
    }

    Trade& t = *existing;
    if (!d->settle(t))
        return d->respondStorageError(r, std::move(answer));
    if (t.state == kRevoked || t.state == kClosed)
        return d->respond(done(t, t.revokeAction == kActionRefund
                                      ? QStringLiteral("already revoked: the money was returned")
                                      : QStringLiteral("already revoked: nothing was paid")),
                          false, std::move(answer));
    if (t.refundedFen > 0 || t.state == kRefund) {
        ChannelResult out = failed(r, TradeStatus::Failed, QStringLiteral("TRADE_HAS_REFUND"),
                                   QStringLiteral("the trade has refunds: it cannot be revoked"));
        out.channelTradeNo = t.tradeNo;
        return d->respond(out, false, std::move(answer));
    }
    if (t.revokeFailuresLeft > 0) {
        if (t.revokeFailuresLeft != kRevokeFailsForever) {
            --t.revokeFailuresLeft;
            if (!d->updateTrade(t))
                return d->respondStorageError(r, std::move(answer));
        }
        ChannelResult out = r;
        out.status = TradeStatus::Unknown;
        out.returnCode = QStringLiteral("SYSTEMERROR");
        out.message = QStringLiteral("system error: call revoke again");
        out.retry = true;
        out.rawResponse = responseXml(out, false)
                              .add("out_trade_no", t.paymentNo)
                              .add("recall", QStringLiteral("Y"))
                              .text();
        return d->respond(out, false, std::move(answer));
    }
    QString message;
    t.revokedAtMs = d->now();
    if (t.state == kSuccess) {
        t.state = kRevoked;
        t.revokeAction = kActionRefund;
        message = QStringLiteral("revoked: the money was returned to the customer");
    } else {
        t.state = t.kind == kQr ? kClosed : kRevoked;
        t.revokeAction = kActionClose;
        message = QStringLiteral("revoked: the trade is closed, nothing was paid");
    }
    if (!d->updateTrade(t))
        return d->respondStorageError(r, std::move(answer));
    d->respond(done(t, message), false, std::move(answer));
}

void SandboxAcquirer::refund(const RefundRequest& req, Answer answer)
{
    ChannelResult r;
    r.requestNo = req.refundNo;
    r.rawRequest = Xml()
                       .add("out_trade_no", req.paymentNo)
                       .add("transaction_id", req.channelTradeNo)
                       .add("out_refund_no", req.refundNo)
                       .num("total_fee", req.paymentAmount.fen())
                       .num("refund_fee", req.refundAmount.fen())
                       .add("refund_fee_type", req.refundAmount.currency())
                       .add("refund_desc", req.reason)
                       .text();
    if (!d->db.isOpen())
        return d->respondStorageError(r, std::move(answer));
    if (req.refundNo.isEmpty() || !req.refundAmount.isPositive())
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("PARAM_ERROR"),
                                 req.refundNo.isEmpty()
                                     ? QStringLiteral("out_refund_no is missing")
                                     : QStringLiteral("the refund amount must be positive")),
                          false, std::move(answer));

    auto refunded = [&](const QString& paymentNo, const QString& tradeNo, const QString& refundId,
                        qint64 fen, const QString& message) {
        ChannelResult out = r;
        out.status = TradeStatus::Success;
        out.returnCode = kSuccess;
        out.channelTradeNo = refundId;
        out.message = message;
        out.rawResponse = responseXml(out, true)
                              .add("out_trade_no", paymentNo)
                              .add("transaction_id", tradeNo)
                              .add("out_refund_no", req.refundNo)
                              .add("refund_id", refundId)
                              .num("refund_fee", fen)
                              .text();
        return out;
    };

    // Same refund number again: the answer it got the first time.
    QSqlQuery& s = d->db.prepared(QStringLiteral(
        "SELECT payment_no, amount_fen, refund_id FROM sandbox_refunds WHERE refund_no = :r"));
    bind(s, "r", req.refundNo);
    if (!d->read(s))
        return d->respondStorageError(r, std::move(answer));
    if (s.next()) {
        const QString paymentNo = str(s, 0);
        const qint64 fen = s.value(1).toLongLong();
        const QString refundId = str(s, 2);
        s.finish();
        return d->respond(refunded(paymentNo, QString(), refundId, fen,
                                   QStringLiteral("refunded (repeated request)")),
                          false, std::move(answer));
    }
    s.finish();

    bool ok = false;
    std::optional<Trade> t = d->load(req.paymentNo, &ok);
    if (!ok || (t && !d->settle(*t)))
        return d->respondStorageError(r, std::move(answer));
    if (!t || t->tombstone)
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("ORDERNOTEXIST"),
                                 QStringLiteral("no such trade")),
                          false, std::move(answer));
    if (!isPaidState(t->state))
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("TRADE_STATE_ERROR"),
                                 QStringLiteral("the trade is %1: only a paid trade can be "
                                                "refunded")
                                     .arg(t->state)),
                          false, std::move(answer));
    if (req.refundAmount.currency() != t->currency)
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("PARAM_ERROR"),
                                 QStringLiteral("the refund currency differs from the trade's")),
                          false, std::move(answer));
    if (req.refundAmount.fen() > t->amountFen - t->refundedFen)
        return d->respond(failed(r, TradeStatus::Failed, QStringLiteral("REFUND_FEE_INVALID"),
                                 QStringLiteral("refunds would exceed the amount paid (%1 of %2 "
                                                "fen already refunded)")
                                     .arg(t->refundedFen)
                                     .arg(t->amountFen)),
                          false, std::move(answer));

    qint64 number = 0;
    if (!d->take(d->refundCounter, &number))
        return d->respondStorageError(r, std::move(answer));
    const QString refundId = d->numberText(QStringLiteral("SBXR"), number);
    QSqlQuery& ins = d->db.prepared(QStringLiteral(
        "INSERT INTO sandbox_refunds (refund_no, payment_no, amount_fen, currency, state,"
        " refund_id, created_at_ms) VALUES (:refund_no, :payment_no, :amount_fen, :currency,"
        " :state, :refund_id, :created_at_ms)"));
    bind(ins, "refund_no", req.refundNo);
    bind(ins, "payment_no", t->paymentNo);
    bind(ins, "amount_fen", req.refundAmount.fen());
    bind(ins, "currency", req.refundAmount.currency());
    bind(ins, "state", kSuccess);
    bind(ins, "refund_id", refundId);
    bind(ins, "created_at_ms", d->now());
    if (!d->db.execWrite(ins))
        return d->respondStorageError(r, std::move(answer));
    t->refundedFen += req.refundAmount.fen();
    t->state = kRefund;
    if (!d->updateTrade(*t))
        return d->respondStorageError(r, std::move(answer));
    d->respond(refunded(t->paymentNo, t->tradeNo, refundId, req.refundAmount.fen(),
                        QStringLiteral("refunded")),
               false, std::move(answer));
}

void SandboxAcquirer::refundQuery(const QString& refundNo, Answer answer)
{
    ChannelResult r;
    r.requestNo = refundNo;
    r.rawRequest = Xml().add("out_refund_no", refundNo).text();
    if (!d->db.isOpen())
        return d->respondStorageError(r, std::move(answer));
    QSqlQuery& s = d->db.prepared(
        QStringLiteral("SELECT payment_no, amount_fen, state, refund_id FROM sandbox_refunds"
                       " WHERE refund_no = :r"));
    bind(s, "r", refundNo);
    if (!d->read(s))
        return d->respondStorageError(r, std::move(answer));
    if (!s.next()) {
        s.finish();
        r.tradeNotFound = true;
        return d->respond(failed(r, TradeStatus::Unknown, QStringLiteral("REFUNDNOTEXIST"),
                                 QStringLiteral("no such refund")),
                          false, std::move(answer));
    }
    const QString paymentNo = str(s, 0);
    const qint64 fen = s.value(1).toLongLong();
    const QString state = str(s, 2);
    const QString refundId = str(s, 3);
    s.finish();
    r.channelTradeNo = refundId;
    r.returnCode = state;
    if (state == kSuccess) {
        r.status = TradeStatus::Success;
        r.message = QStringLiteral("refunded");
    } else {
        r.status = TradeStatus::Processing;
        r.message = QStringLiteral("refund in progress");
    }
    r.rawResponse = responseXml(r, true)
                        .add("out_trade_no", paymentNo)
                        .add("out_refund_no", refundNo)
                        .add("refund_id", refundId)
                        .num("refund_fee", fen)
                        .add("refund_status", state)
                        .text();
    d->respond(r, false, std::move(answer));
}

QString SandboxAcquirer::customerScan(const QString& codeUrl, const QString& customerCode)
{
    if (!d->db.isOpen())
        return QStringLiteral("the sandbox is not open");
    if (!codeUrl.startsWith(kQrPrefix))
        return QStringLiteral("this QR code is not a sandbox payment code URL");
    const QString paymentNo = codeUrl.mid(kQrPrefix.size());
    bool ok = false;
    std::optional<Trade> found = d->load(paymentNo, &ok);
    if (!ok)
        return QStringLiteral("the sandbox cannot read its trades: ") + d->db.lastError();
    if (!found || found->kind != kQr || found->tombstone)
        return QStringLiteral("unknown QR code");
    const PaymentCodeCheck code = classifyPaymentCode(customerCode);
    if (!code.ok())
        return code.error;
    Trade& t = *found;
    if (!d->settle(t))
        return QStringLiteral("the sandbox cannot store the trade: ") + d->db.lastError();
    if (t.state != kNotPay)
        return QStringLiteral("this QR code cannot be paid any more (the trade is %1)")
            .arg(t.state);
    if (t.expireAtMs > 0 && d->now() >= t.expireAtMs)
        return QStringLiteral("this QR code has expired");

    const SandboxCodeInfo info = sandboxBehaviourOf(code.normalized);
    t.behaviour = info.behaviour;
    t.parameter = info.parameter;
    t.authCodeMasked = maskPaymentCode(code.normalized);
    const qint64 now = d->now();
    switch (info.behaviour) {
    case SandboxBehaviour::UserPayingThenSuccess:
    case SandboxBehaviour::UserPayingThenCancelled:
        t.state = kUserPaying;
        t.settlesAtMs = now + qint64(info.parameter) * 1000;
        break;
    case SandboxBehaviour::NeverFinal:
        t.state = kUserPaying;
        break;
    case SandboxBehaviour::RevokeFailsNTimes:
        t.state = kUserPaying;
        t.revokeFailuresLeft = info.parameter;
        break;
    case SandboxBehaviour::InsufficientFunds:
        t.state = kPayError;
        t.errorCode = QStringLiteral("NOTENOUGH");
        break;
    case SandboxBehaviour::AuthCodeExpired:
        t.state = kPayError;
        t.errorCode = QStringLiteral("AUTHCODEEXPIRE");
        break;
    default:
        // Scripted answer losses and system errors have no synchronous
        // answer to spoil in a scan: the customer simply pays.
        t.state = kSuccess;
        t.paidAtMs = now;
        break;
    }
    if (!d->updateTrade(t))
        return QStringLiteral("the sandbox cannot store the trade: ") + d->db.lastError();
    if (t.state == kSuccess && !d->notifyPaid(t))
        return QStringLiteral("the sandbox cannot store the notification: ") + d->db.lastError();
    if (t.state == kUserPaying && t.settlesAtMs > 0)
        d->scheduleWake(t.settlesAtMs);
    return QString();
}

void SandboxAcquirer::setNotificationSink(NotificationSink sink)
{
    d->sink = std::move(sink);
    // Pending ones on disk are durable already; deliver on the next turn so
    // the caller finishes wiring first.
    QPointer<SandboxAcquirer> guard(this);
    QTimer::singleShot(0, this, [guard] {
        if (guard && guard->d)
            guard->d->deliverPending();
    });
}

std::optional<SandboxAcquirer::TradeView> SandboxAcquirer::trade(const QString& paymentNo)
{
    if (!d->db.isOpen())
        return std::nullopt;
    bool ok = false;
    std::optional<Trade> t = d->load(paymentNo, &ok);
    if (!ok || !t)
        return std::nullopt;
    d->settle(*t);
    TradeView v;
    v.paymentNo = t->paymentNo;
    v.channel = t->channel;
    v.state = t->state;
    v.amountFen = t->amountFen;
    v.refundedFen = t->refundedFen;
    v.tradeNo = t->tradeNo;
    v.paidAtMs = t->paidAtMs;
    return v;
}

QList<SandboxAcquirer::BillEntry> SandboxAcquirer::billEntries(const QString& channel,
                                                              qint64 fromMs, qint64 toMs,
                                                              QString* error)
{
    QList<BillEntry> out;
    if (!d->db.isOpen()) {
        *error = QStringLiteral("the sandbox is not open");
        return out;
    }
    // Payments by the time they were paid; a revoked one keeps its payment
    // line (the money moved) and gets its refund line on the revoke's day.
    QSqlQuery& t = d->db.prepared(
        QStringLiteral("SELECT %1 FROM sandbox_trades WHERE channel = :channel AND"
                       " ((paid_at_ms >= :from AND paid_at_ms < :to) OR"
                       " (revoked_at_ms >= :from AND revoked_at_ms < :to))"
                       " ORDER BY paid_at_ms, payment_no")
            .arg(kTradeCols));
    bind(t, "channel", channel);
    bind(t, "from", fromMs);
    bind(t, "to", toMs);
    if (!d->read(t)) {
        *error = d->db.lastError();
        return out;
    }
    std::vector<Trade> trades;
    while (t.next())
        trades.push_back(readTrade(t));
    t.finish();
    for (const Trade& tr : trades) {
        if (tr.paidAtMs <= 0)
            continue; // closed before anyone paid: never on a bill
        BillEntry e;
        e.paymentNo = tr.paymentNo;
        e.tradeNo = tr.tradeNo;
        e.kind = tr.kind == kQr ? BillEntry::Kind::QrPayment : BillEntry::Kind::BarcodePayment;
        e.tradeState = tr.state;
        e.amountFen = tr.amountFen;
        e.currency = tr.currency;
        e.createdAtMs = tr.createdAtMs;
        e.atMs = tr.paidAtMs;
        if (tr.paidAtMs >= fromMs && tr.paidAtMs < toMs)
            out << e;
        if (tr.state == kRevoked && tr.revokeAction == kActionRefund && tr.revokedAtMs >= fromMs &&
            tr.revokedAtMs < toMs) {
            BillEntry r = e;
            r.refund = true;
            r.revoke = true;
            r.refundFen = tr.amountFen;
            r.refundNo = tr.paymentNo;
            r.refundId = tr.tradeNo;
            r.atMs = tr.revokedAtMs;
            out << r;
        }
    }
    QSqlQuery& rq = d->db.prepared(QStringLiteral(
        "SELECT r.refund_no, r.payment_no, r.amount_fen, r.currency, r.state, r.refund_id,"
        " r.created_at_ms, t.trade_no, t.kind, t.amount_fen, t.state, t.created_at_ms"
        " FROM sandbox_refunds r JOIN sandbox_trades t ON t.payment_no = r.payment_no"
        " WHERE t.channel = :channel AND r.created_at_ms >= :from AND r.created_at_ms < :to"
        " ORDER BY r.created_at_ms, r.refund_no"));
    bind(rq, "channel", channel);
    bind(rq, "from", fromMs);
    bind(rq, "to", toMs);
    if (!d->read(rq)) {
        *error = d->db.lastError();
        return {};
    }
    while (rq.next()) {
        BillEntry r;
        r.refund = true;
        r.refundNo = str(rq, 0);
        r.paymentNo = str(rq, 1);
        r.refundFen = rq.value(2).toLongLong();
        r.currency = str(rq, 3);
        r.refundState = str(rq, 4);
        r.refundId = str(rq, 5);
        r.atMs = rq.value(6).toLongLong();
        r.tradeNo = str(rq, 7);
        r.kind = str(rq, 8) == kQr ? BillEntry::Kind::QrPayment : BillEntry::Kind::BarcodePayment;
        r.amountFen = rq.value(9).toLongLong();
        r.tradeState = str(rq, 10);
        r.createdAtMs = rq.value(11).toLongLong();
        out << r;
    }
    rq.finish();
    std::stable_sort(out.begin(), out.end(),
                     [](const BillEntry& a, const BillEntry& b) { return a.atMs < b.atMs; });
    return out;
}

} // namespace paydesk
