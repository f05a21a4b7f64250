#include "engine/PaymentEngine.h"

#include "engine/EventTexts.h"

#include "common/Fingerprint.h"

#include "common/Masking.h"
#include "domain/PaymentCode.h"

#include <QMetaMethod>
#include <QRegularExpression>

namespace paydesk {

namespace {

// Another process moved the record between our read and our write: look
// again once its commit is visible, soon but not in a busy loop.
constexpr qint64 kLostRaceRetryMs = 1000;
// The network-error alert counts errors per channel in a sliding minute
// (networkErrorsPerMinute).
constexpr qint64 kNetworkErrorWindowMs = 60'000;
// At most one network-errors alert per channel in this time: a channel that
// stays down pages once a minute, not once per failed call.
constexpr qint64 kNetworkAlertEveryMs = 60'000;

const QString kEngine = QStringLiteral("engine");
const QString kCashier = QStringLiteral("cashier");
const QString kScheduler = QStringLiteral("scheduler");

// The timeline's English for each call trackCall names (the same words as
// before calls had codes, so older steps and new ones read alike).
QString englishCallName(const QString& call)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("pay"), QStringLiteral("pay")},
        {QStringLiteral("late_pay"), QStringLiteral("late pay answer")},
        {QStringLiteral("query"), QStringLiteral("query")},
        {QStringLiteral("late_query"), QStringLiteral("late query")},
        {QStringLiteral("revoke"), QStringLiteral("revoke attempt")},
        {QStringLiteral("late_revoke"), QStringLiteral("late revoke attempt")},
        {QStringLiteral("refund"), QStringLiteral("refund")},
        {QStringLiteral("late_refund"), QStringLiteral("late refund answer")},
        {QStringLiteral("refund_query"), QStringLiteral("refund query")},
        {QStringLiteral("notification"), QStringLiteral("notification")},
        {QStringLiteral("precreate"), QStringLiteral("precreate")},
    };
    Q_ASSERT_X(names.contains(call), "englishCallName", qPrintable(call));
    return names.value(call, call);
}

QString channelSource(const QString& channel)
{
    return QStringLiteral("channel:") + channel;
}

QString checkRequestNo(const QString& requestNo)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.:-]{1,64}$"));
    if (requestNo.isEmpty())
        return QStringLiteral("a request number is required (any unique text, e.g. the "
                              "terminal's sale number)");
    if (!valid.match(requestNo).hasMatch())
        return QStringLiteral("request number '%1' must be 1-64 letters, digits or _ . : -")
            .arg(requestNo.left(80));
    return QString();
}

qint64 delayAt(const QList<qint64>& delays, int index)
{
    Q_ASSERT(!delays.isEmpty());
    return delays.at(qBound(0, index, int(delays.size()) - 1));
}

// A final payment state and a final channel answer agree when both say
// "money taken" or both say "no money taken (any more)".
bool agrees(PaymentState state, TradeStatus status)
{
    if (status == TradeStatus::Success)
        return state == PaymentState::Success || state == PaymentState::Reversed;
    if (status == TradeStatus::Failed)
        return state == PaymentState::Failed || state == PaymentState::Closed ||
               state == PaymentState::Reversed;
    return true;
}

} // namespace

struct PaymentEngine::Call
{
    QString id;
    QString key; // the payment or refund it is about
    QString channel;
    bool settled = false;
    std::function<void(const ChannelResult&, bool)> done;
};

PaymentEngine::PaymentEngine(Clock& clock, Store& store, IdGenerator& ids, Scheduler& scheduler,
                             EngineConfig config, QObject* parent)
    : QObject(parent), m_clock(clock), m_store(store), m_ids(ids), m_scheduler(scheduler),
      m_config(std::move(config))
{
    Q_ASSERT(m_config.leaseMs >= 3);
    m_scheduler.setHandler(
        [this](Scheduler::Kind kind, const QString& key) { onSchedulerItem(kind, key); });
    m_leaseHolder = m_config.leaseHolder.isEmpty() ? newLeaseHolder() : m_config.leaseHolder;
    m_scheduler.schedule(Scheduler::Kind::LeaseTick, {}, m_clock.nowMs() + m_config.leaseMs / 3);
}

PaymentEngine::~PaymentEngine()
{
    m_scheduler.cancel(Scheduler::Kind::LeaseTick, {});
    m_scheduler.setHandler({});
    for (Channel* c : std::as_const(m_channels))
        c->setNotificationSink({});
}

void PaymentEngine::addChannel(Channel* channel)
{
    Q_ASSERT(channel);
    m_channels.insert(channel->name(), channel);
    const QString name = channel->name();
    channel->setNotificationSink(
        [this, name](const ChannelNotification& n) { onNotification(name, n); });
}

Channel* PaymentEngine::channelFor(const QString& name) const
{
    return m_channels.value(name, nullptr);
}

void PaymentEngine::noteReachability(const QString& channel, const ChannelResult& r)
{
    const Reachability now = r.noAnswer ? Reachability::Down : Reachability::Up;
    ChannelState& s = m_reachability[channel];
    const QString detail = r.noAnswer ? r.message : QString();
    if (s.state == now && s.detail == detail)
        return;
    if (s.state != now)
        s.sinceMs = m_clock.nowMs();
    s.state = now;
    s.detail = detail;
    Q_EMIT reachabilityChanged();
}

QList<WalletReachability> PaymentEngine::reachability() const
{
    QList<WalletReachability> out;
    for (const Wallet w : {Wallet::WeChat, Wallet::Alipay, Wallet::UnionPay}) {
        const QString channel = routeFor(w);
        if (channel.isEmpty() || !channelFor(channel))
            continue;
        const ChannelState s = m_reachability.value(channel);
        out.append({w, channel, s.state, s.detail, s.sinceMs});
    }
    return out;
}

QString PaymentEngine::routeFor(Wallet wallet) const
{
    return m_config.routes.value(wallet);
}

// ---------------------------------------------------------------- commands

namespace {
QString heldElsewhere(const QString& orderNo)
{
    return QStringLiteral("order %1 is being worked on by another PayDesk process or server "
                          "(it holds the order's lease): try again in a few seconds")
        .arg(orderNo);
}

// Refused before anything is created: no order, no request number used.
CommandOutcome noChannel(Wallet wallet, const QString& channel)
{
    const QString name = channel.isEmpty() ? walletName(wallet) : channel;
    return CommandOutcome::error(
        CommandStatus::NoChannel,
        QStringLiteral("no payment gateway is set up for %1 codes, so nothing was charged: add "
                       "\"gateways\": {\"%2\": {...}} with the merchant's keys to the "
                       "configuration (README: Configuration), or take another payment method")
            .arg(walletName(wallet), name));
}
} // namespace

namespace {

// The parts of each command's fingerprint, in order (see pay(), payByQr(),
// refund()), and the one that is free text.
QStringList fingerprintFields(const QString& kind)
{
    if (kind == QLatin1String("pay"))
        return {QStringLiteral("command"), QStringLiteral("amount"),  QStringLiteral("currency"),
                QStringLiteral("code"),    QStringLiteral("subject"), QStringLiteral("order")};
    if (kind == QLatin1String("qr"))
        return {QStringLiteral("command"), QStringLiteral("amount"), QStringLiteral("currency"),
                QStringLiteral("wallet"), QStringLiteral("subject")};
    return {QStringLiteral("command"), QStringLiteral("order"), QStringLiteral("amount"),
            QStringLiteral("reason")};
}

QString freeTextField(const QString& kind)
{
    return kind == QLatin1String("refund") ? QStringLiteral("reason") : QStringLiteral("subject");
}

} // namespace

int PaymentEngine::claimRequest(const QString& requestNo, const QString& kind,
                                const QString& fingerprint, const QString& targetNo,
                                const Reply& reply)
{
    const int rc = m_store.insertCommand(
        CommandRecord{requestNo, kind, fingerprint, targetNo, m_clock.nowMs()});
    if (rc < 0) {
        replyAfterCommit(reply, CommandOutcome::error(CommandStatus::StorageError,
                                                      m_store.lastError()));
        return -1;
    }
    if (rc == 1)
        return 1;
    // The unique index said "seen before": answer with the first result.
    const auto first = m_store.command(requestNo);
    Q_ASSERT(first.has_value());
    if (first->kind != kind || first->fingerprint != fingerprint) {
        CommandOutcome o = CommandOutcome::error(CommandStatus::RequestMismatch, QString());
        o.field = first->kind != kind
                      ? QStringLiteral("command")
                      : differingField(first->fingerprint, fingerprint, fingerprintFields(kind),
                                       freeTextField(kind));
        o.message = QStringLiteral("request number %1 was already used for a different %2 (%3):"
                                   " its %4 differs; nothing was done. Use a new request number"
                                   " for a new sale.")
                        .arg(requestNo, first->kind, first->targetNo, o.field);
        replyAfterCommit(reply, o);
        return -1;
    }
    CommandOutcome out;
    out.repeated = true;
    out.message = QStringLiteral("request %1 was already received: returning its result")
                      .arg(requestNo);
    if (kind == QLatin1String("refund")) {
        const auto r = m_store.refund(first->targetNo);
        out.refundNo = first->targetNo;
        out.orderNo = r ? r->orderNo : QString();
    } else {
        out.orderNo = first->targetNo;
        if (kind == QLatin1String("qr")) {
            for (const auto& p : m_store.paymentsOfOrder(out.orderNo))
                if (!p.codeUrl.isEmpty())
                    out.codeUrl = p.codeUrl;
        }
    }
    replyAfterCommit(reply, out);
    return 0;
}

void PaymentEngine::forgetRequest(const QString& requestNo)
{
    // Only called in the same open transaction that inserted the command, so
    // nobody else can have seen it: removing it keeps "bad input changes
    // nothing" true for checks that need the database.
    m_store.deleteCommand(requestNo);
}

OrderRecord PaymentEngine::newOrder(const QString& orderNo, const QString& requestNo,
                                    const Money& amount, const QString& subject,
                                    const CounterId& counter)
{
    OrderRecord o;
    o.orderNo = orderNo;
    o.requestNo = requestNo;
    o.amount = amount;
    o.subject = subject;
    o.storeId = counter.isEmpty() ? m_config.storeId : counter.storeId;
    o.terminalId = counter.isEmpty() ? m_config.terminalId : counter.terminalId;
    o.state = OrderState::Pending;
    o.version = 1;
    o.createdAtMs = o.updatedAtMs = m_clock.nowMs();
    // The process that creates the order acts on it until it stops.
    m_tookLeases = true;
    o.leaseHolder = m_leaseHolder;
    o.leaseUntilMs = o.createdAtMs + m_config.leaseMs;
    return o;
}

PaymentRecord PaymentEngine::newPayment(const QString& paymentNo, const OrderRecord& order,
                                        PaymentKind kind, Wallet wallet, const QString& channel,
                                        qint64 deadlineInMs, qint64 atMs) const
{
    PaymentRecord p;
    p.paymentNo = paymentNo;
    p.orderNo = order.orderNo;
    p.kind = kind;
    p.wallet = wallet;
    p.channel = channel;
    p.amount = order.amount;
    p.state = PaymentState::Created;
    p.version = 1;
    p.createdAtMs = p.updatedAtMs = atMs > 0 ? atMs : order.createdAtMs;
    p.deadlineAtMs = p.createdAtMs + deadlineInMs;
    return p;
}

void PaymentEngine::pay(const PayCommand& cmd, Reply reply)
{
    if (const QString e = checkRequestNo(cmd.requestNo); !e.isEmpty())
        return replyAfterCommit(reply, CommandOutcome::error(CommandStatus::InvalidArgument, e));
    if (!cmd.amount.isPositive() || cmd.amount.fen() > m_config.maxAmountFen)
        return replyAfterCommit(
            reply, CommandOutcome::error(
                       CommandStatus::InvalidArgument,
                       QStringLiteral("amount %1 is not allowed: it must be more than 0 and at "
                                      "most %2")
                           .arg(cmd.amount.toDisplayString(),
                                Money::fromFen(m_config.maxAmountFen).toDisplayString())));
    const PaymentCodeCheck code = classifyPaymentCode(cmd.paymentCode);
    if (!code.ok())
        return replyAfterCommit(reply,
                                CommandOutcome::error(CommandStatus::InvalidPaymentCode, code.error));
    const QString channel = routeFor(code.wallet);
    if (channel.isEmpty() || !channelFor(channel))
        return replyAfterCommit(reply, noChannel(code.wallet, channel));

    const QString masked = maskPaymentCode(code.normalized);
    const QString fingerprint = QStringLiteral("pay|%1|%2|%3|%4|%5")
                                    .arg(cmd.amount.fen())
                                    .arg(cmd.amount.currency(), masked, cmd.subject, cmd.orderNo);
    std::optional<OrderRecord> existing;
    if (!cmd.orderNo.isEmpty()) {
        existing = m_store.order(cmd.orderNo);
        if (!existing)
            return replyAfterCommit(reply, CommandOutcome::error(
                                               CommandStatus::NotFound,
                                               QStringLiteral("no order %1").arg(cmd.orderNo)));
    }
    const QString orderNo = existing ? existing->orderNo : m_ids.next(IdKind::Order);
    if (claimRequest(cmd.requestNo, QStringLiteral("pay"), fingerprint, orderNo, reply) != 1)
        return;
    if (existing) {
        QString refusal;
        CommandStatus status = CommandStatus::InvalidState;
        if (existing->state != OrderState::Pending) {
            refusal = QStringLiteral("order %1 is %2: it cannot take another payment")
                          .arg(orderNo, orderStateName(existing->state));
        } else if (existing->amount != cmd.amount) {
            status = CommandStatus::InvalidArgument;
            refusal = QStringLiteral("order %1 is for %2, not %3")
                          .arg(orderNo, existing->amount.toDisplayString(),
                               cmd.amount.toDisplayString());
        } else {
            for (const PaymentRecord& other : m_store.paymentsOfOrder(orderNo)) {
                if (isFinal(other.state) || m_store.revokeOfPayment(other.paymentNo))
                    continue;
                status = CommandStatus::AttemptInProgress;
                refusal = QStringLiteral("payment %1 of this order is still in progress on %2: "
                                         "wait for it or revoke it first. PayDesk never charges "
                                         "another code while an earlier outcome is unknown.")
                              .arg(other.paymentNo, other.channel);
                break;
            }
        }
        if (refusal.isEmpty() && !holdOrder(orderNo)) {
            status = CommandStatus::AttemptInProgress;
            refusal = heldElsewhere(orderNo);
        }
        if (!refusal.isEmpty()) {
            forgetRequest(cmd.requestNo);
            return replyAfterCommit(reply, CommandOutcome::error(status, refusal));
        }
    }

    const OrderRecord o = newOrder(orderNo, cmd.requestNo, cmd.amount, cmd.subject, cmd.counter);
    PaymentRecord p = newPayment(m_ids.next(IdKind::Payment), o, PaymentKind::Barcode, code.wallet,
                                 channel, m_config.policy(channel).barcodeDeadlineMs);
    p.codeMasked = masked;

    if ((!existing && !m_store.insertOrder(o)) || !m_store.insertPayment(p))
        return replyAfterCommit(
            reply, CommandOutcome::error(CommandStatus::StorageError, m_store.lastError()));
    if (!existing)
        track(orderNo, kCashier, QStringLiteral("created"), orderNo,
              events::text("sale_created", {cmd.amount.toDisplayString(), cmd.requestNo}), {}, {},
              orderStateName(o.state));
    track(orderNo, kEngine, QStringLiteral("created"), p.paymentNo,
          events::text("payment_created",
                       {walletName(code.wallet), masked, channel,
                        QString::number(m_config.policy(channel).barcodeDeadlineMs / 1000)}),
          {}, {}, paymentStateName(p.state));
    if (cmd.amount.fen() >= m_config.largeAmountFen)
        raiseAlert(AlertLevel::Watch, QStringLiteral("large_amount"), orderNo,
                   QStringLiteral("large amount %1 at terminal %2")
                       .arg(cmd.amount.toDisplayString(), o.terminalId));

    CommandOutcome out;
    out.orderNo = orderNo;
    out.message = QStringLiteral("order %1 created; asking %2").arg(orderNo, channel);
    const QString authCode = code.normalized;
    const QString subject = cmd.subject;
    // A further attempt at an existing order is that order's counter's.
    const CounterId counter = existing ? CounterId{existing->storeId, existing->terminalId}
                                       : CounterId{o.storeId, o.terminalId};
    // The channel is called only once the order is durable: a crash before
    // that leaves nothing at the channel; a crash after finds the order here.
    m_store.afterCommit([this, reply, out, p, authCode, subject, counter](bool ok) {
        if (!ok) {
            reply(CommandOutcome::error(CommandStatus::StorageError, m_store.lastError()));
            return;
        }
        reply(out);
        sendPay(p, authCode, subject, counter);
    });
}

void PaymentEngine::createQr(const QrCommand& cmd, Reply reply)
{
    if (const QString e = checkRequestNo(cmd.requestNo); !e.isEmpty())
        return replyAfterCommit(reply, CommandOutcome::error(CommandStatus::InvalidArgument, e));
    if (!cmd.amount.isPositive() || cmd.amount.fen() > m_config.maxAmountFen)
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::InvalidArgument,
                                           QStringLiteral("amount %1 is not allowed")
                                               .arg(cmd.amount.toDisplayString())));
    const QString channel = routeFor(cmd.wallet);
    if (channel.isEmpty() || !channelFor(channel))
        return replyAfterCommit(reply, noChannel(cmd.wallet, channel));
    const QString fingerprint = QStringLiteral("qr|%1|%2|%3|%4")
                                    .arg(cmd.amount.fen())
                                    .arg(cmd.amount.currency(), walletName(cmd.wallet), cmd.subject);
    const QString orderNo = m_ids.next(IdKind::Order);
    if (claimRequest(cmd.requestNo, QStringLiteral("qr"), fingerprint, orderNo, reply) != 1)
        return;
    const OrderRecord o = newOrder(orderNo, cmd.requestNo, cmd.amount, cmd.subject, cmd.counter);
    const PaymentRecord p = newPayment(m_ids.next(IdKind::Payment), o, PaymentKind::Qr, cmd.wallet,
                                       channel, m_config.policy(channel).qrDeadlineMs);
    if (!m_store.insertOrder(o) || !m_store.insertPayment(p))
        return replyAfterCommit(
            reply, CommandOutcome::error(CommandStatus::StorageError, m_store.lastError()));
    track(orderNo, kCashier, QStringLiteral("created"), orderNo,
          events::text("qr_sale_created", {cmd.amount.toDisplayString(), cmd.requestNo}), {}, {},
          orderStateName(o.state));
    const QString paymentNo = p.paymentNo;
    const QString subject = cmd.subject;
    m_store.afterCommit([this, reply, paymentNo, subject](bool ok) {
        if (!ok)
            return reply(CommandOutcome::error(CommandStatus::StorageError, m_store.lastError()));
        sendPrecreate(paymentNo, subject, reply);
    });
}

void PaymentEngine::refund(const RefundCommand& cmd, Reply reply)
{
    if (const QString e = checkRequestNo(cmd.requestNo); !e.isEmpty())
        return replyAfterCommit(reply, CommandOutcome::error(CommandStatus::InvalidArgument, e));
    if (!cmd.amount.isPositive())
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::InvalidArgument,
                                           QStringLiteral("refund amount must be more than 0")));
    if (cmd.reason.trimmed().isEmpty())
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::InvalidArgument,
                                           QStringLiteral("a refund needs a reason")));
    auto o = m_store.order(cmd.orderNo);
    if (!o)
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::NotFound,
                                           QStringLiteral("no order %1").arg(cmd.orderNo)));
    const QString fingerprint = QStringLiteral("refund|%1|%2|%3")
                                    .arg(cmd.orderNo)
                                    .arg(cmd.amount.fen())
                                    .arg(cmd.reason.trimmed());
    const QString refundNo = m_ids.next(IdKind::Refund);
    // Business checks come after the request is claimed so that a repeat of a
    // refund that already used up the balance still gets its first result.
    const int claim =
        claimRequest(cmd.requestNo, QStringLiteral("refund"), fingerprint, refundNo, reply);
    if (claim != 1)
        return;
    auto refuse = [&](CommandStatus s, const QString& msg) {
        replyAfterCommit(reply, CommandOutcome::error(s, msg));
    };
    if (!holdOrder(o->orderNo)) {
        forgetRequest(cmd.requestNo);
        return refuse(CommandStatus::AttemptInProgress, heldElsewhere(o->orderNo));
    }
    if (o->state != OrderState::Paid && o->state != OrderState::PartiallyRefunded) {
        forgetRequest(cmd.requestNo);
        return refuse(CommandStatus::InvalidState,
                      QStringLiteral("order %1 is %2: only a paid order can be refunded")
                          .arg(o->orderNo, orderStateName(o->state)));
    }
    if (cmd.amount.currency() != o->amount.currency() ||
        o->refundedFen + o->refundPendingFen + cmd.amount.fen() > o->amount.fen()) {
        forgetRequest(cmd.requestNo);
        const Money left =
            Money::fromFen(o->amount.fen() - o->refundedFen - o->refundPendingFen,
                           o->amount.currency());
        return refuse(CommandStatus::RefundExceedsPaid,
                      QStringLiteral("refund of %1 is more than what is left to refund on order "
                                     "%2 (%3)")
                          .arg(cmd.amount.toDisplayString(), o->orderNo, left.toDisplayString()));
    }
    const qint64 now = m_clock.nowMs();
    const int v = o->version;
    o->refundPendingFen += cmd.amount.fen();
    o->version = v + 1;
    o->updatedAtMs = now;
    if (!m_store.updateOrder(*o, v)) {
        forgetRequest(cmd.requestNo);
        return refuse(CommandStatus::InvalidState,
                      QStringLiteral("order %1 changed while refunding; try again").arg(o->orderNo));
    }
    RefundRecord r;
    r.refundNo = refundNo;
    r.orderNo = o->orderNo;
    r.paymentNo = o->paidPaymentNo;
    r.requestNo = cmd.requestNo;
    r.amount = cmd.amount;
    r.reason = cmd.reason.trimmed();
    r.version = 1;
    r.createdAtMs = r.updatedAtMs = now;
    if (!m_store.insertRefund(r))
        return replyAfterCommit(
            reply, CommandOutcome::error(CommandStatus::StorageError, m_store.lastError()));
    track(o->orderNo, kCashier, QStringLiteral("refund"), refundNo,
          events::text("refund_requested", {cmd.amount.toDisplayString(), r.reason}), {}, {},
          refundStateName(r.state));
    CommandOutcome out;
    out.orderNo = o->orderNo;
    out.refundNo = refundNo;
    out.message = QStringLiteral("refund %1 of %2 sent").arg(refundNo, cmd.amount.toDisplayString());
    m_store.afterCommit([this, reply, out, refundNo](bool ok) {
        if (!ok)
            return reply(CommandOutcome::error(CommandStatus::StorageError, m_store.lastError()));
        reply(out);
        sendRefund(refundNo);
    });
}

void PaymentEngine::revokeOrder(const RevokeCommand& cmd, Reply reply)
{
    auto o = m_store.order(cmd.orderNo);
    if (!o)
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::NotFound,
                                           QStringLiteral("no order %1").arg(cmd.orderNo)));
    if (!holdOrder(o->orderNo))
        return replyAfterCommit(reply, CommandOutcome::error(CommandStatus::AttemptInProgress,
                                                             heldElsewhere(o->orderNo)));
    CommandOutcome out;
    out.orderNo = o->orderNo;
    const QString reason =
        cmd.reason.isEmpty() ? QStringLiteral("revoked by the cashier") : cmd.reason;
    bool any = false;
    for (const PaymentRecord& p : m_store.paymentsOfOrder(o->orderNo)) {
        if (isFinal(p.state))
            continue;
        any = true;
        if (!startRevoke(p, reason, false)) {
            // A person asks for another round after a manual-queue alert.
            if (auto rv = m_store.revokeOfPayment(p.paymentNo);
                rv && rv->state == RevokeState::Manual)
                retryManualRevoke(*rv, kCashier, QStringLiteral("retry requested by the cashier"));
        }
    }
    if (!any) {
        if (o->state == OrderState::Paid || o->state == OrderState::PartiallyRefunded)
            return replyAfterCommit(
                reply, CommandOutcome::error(
                           CommandStatus::InvalidState,
                           QStringLiteral("order %1 is already paid: use refund to give the "
                                          "money back")
                               .arg(o->orderNo)));
        if (o->state == OrderState::Pending) {
            moveOrder(*o, OrderState::Closed, kCashier, events::text("cancelled_no_payment"));
        } else {
            return replyAfterCommit(reply, CommandOutcome::error(
                                               CommandStatus::InvalidState,
                                               QStringLiteral("order %1 is %2: nothing to revoke")
                                                   .arg(o->orderNo, orderStateName(o->state))));
        }
    }
    out.message = any ? QStringLiteral("revoking the payment of order %1").arg(o->orderNo)
                      : QStringLiteral("order %1 cancelled").arg(o->orderNo);
    replyAfterCommit(reply, out);
}

void PaymentEngine::queryOrder(const QString& orderNo, Reply reply)
{
    auto o = m_store.order(orderNo);
    if (!o)
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::NotFound,
                                           QStringLiteral("no order %1").arg(orderNo)));
    const auto payments = m_store.paymentsOfOrder(orderNo);
    if (payments.isEmpty())
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::InvalidState,
                                           QStringLiteral("order %1 has no payment").arg(orderNo)));
    const PaymentRecord p = payments.last();
    Channel* ch = channelFor(p.channel);
    if (!ch)
        return replyAfterCommit(reply, CommandOutcome::error(
                                           CommandStatus::NoChannel,
                                           QStringLiteral("channel %1 is not configured")
                                               .arg(p.channel)));
    if (!holdOrder(orderNo))
        return replyAfterCommit(
            reply, CommandOutcome::error(CommandStatus::AttemptInProgress, heldElsewhere(orderNo)));
    const QString paymentNo = p.paymentNo;
    callChannel(
        p.channel, CallType::Query, paymentNo,
        [ch, paymentNo](ResultCallback cb) { ch->query(paymentNo, cb); },
        [this, paymentNo, orderNo, reply, channel = p.channel](const ChannelResult& r, bool late) {
            if (late)
                return;
            trackCall(orderNo, kCashier, "query", 0, paymentNo, r);
            applyTradeResult(paymentNo, r, channelSource(channel));
            CommandOutcome out;
            out.orderNo = orderNo;
            out.message = QStringLiteral("%1 says %2 (%3)")
                              .arg(channel, tradeStatusName(r.status), r.returnCode);
            out.channel = channel;
            out.channelStatus = r.status;
            out.returnCode = r.returnCode;
            replyAfterCommit(reply, out);
        });
}

// ---------------------------------------------------------------- calls

void PaymentEngine::callChannel(const QString& channel, CallType type, const QString& key,
                                std::function<void(ResultCallback)> send,
                                std::function<void(const ChannelResult&, bool)> done)
{
    Q_UNUSED(type);
    auto call = std::make_shared<Call>();
    call->id = QString::number(++m_nextCallId);
    call->key = key;
    call->channel = channel;
    call->done = std::move(done);
    m_calls.insert(call->id, call);
    ++m_callsInFlight;
    m_scheduler.schedule(Scheduler::Kind::CallTimeout, call->id,
                         m_clock.nowMs() + m_config.policy(channel).callTimeoutMs);
    // The callback holds the call: an answer after the timeout is still the
    // truth and is applied as a late answer. A channel that never answers
    // drops the callback and, with it, the call.
    send([this, c = call](const ChannelResult& r) {
        m_scheduler.cancel(Scheduler::Kind::CallTimeout, c->id);
        m_calls.remove(c->id);
        const bool late = c->settled;
        if (!late) {
            c->settled = true;
            --m_callsInFlight;
        }
        if (r.status == TradeStatus::Unknown && !r.tradeNotFound)
            noteNetworkError(c->channel);
        noteReachability(c->channel, r);
        c->done(r, late);
        checkIdle();
    });
}

// Whether the item has a next step here: scheduled, or a call out.
bool PaymentEngine::stepPending(Scheduler::Kind kind, const QString& key) const
{
    if (m_scheduler.isScheduled(kind, key))
        return true;
    for (const auto& call : m_calls)
        if (call->key == key && !call->settled)
            return true;
    return false;
}

void PaymentEngine::onSchedulerItem(Scheduler::Kind kind, const QString& key)
{
    switch (kind) {
    case Scheduler::Kind::CallTimeout: {
        auto call = m_calls.value(key);
        if (!call || call->settled)
            break;
        call->settled = true;
        --m_callsInFlight;
        noteNetworkError(call->channel);
        m_calls.remove(key);
        call->done(ChannelResult::timeout(QString()), false);
        break;
    }
    case Scheduler::Kind::PaymentPoll:
        pollPayment(key);
        break;
    case Scheduler::Kind::RevokeAttempt:
        attemptRevoke(key);
        break;
    case Scheduler::Kind::RefundPoll:
        pollRefund(key);
        break;
    case Scheduler::Kind::LeaseTick:
        leaseTick();
        return; // not an item's step: idleness is the tick's to report
    }
    checkIdle();
}

void PaymentEngine::checkIdle()
{
    if (isIdle())
        m_store.afterCommit([this](bool) {
            if (isIdle())
                Q_EMIT idle();
        });
}

// ---------------------------------------------------------------- payments

// `p` is the payment as just committed: nothing else knows it yet, so it
// need not be read back.
void PaymentEngine::sendPay(const PaymentRecord& p, const QString& authCode, const QString& subject,
                            const CounterId& counter)
{
    Channel* ch = channelFor(p.channel);
    Q_ASSERT(ch);
    BarcodePayRequest req;
    req.paymentNo = p.paymentNo;
    req.authCode = authCode;
    req.amount = p.amount;
    req.subject = subject;
    req.storeId = counter.storeId;
    req.terminalId = counter.terminalId;
    req.expireAtMs = p.deadlineAtMs;
    const QString paymentNo = p.paymentNo;
    const QString orderNo = p.orderNo;
    const QString channel = p.channel;
    callChannel(
        channel, CallType::Pay, paymentNo,
        [ch, req](ResultCallback cb) { ch->barcodePay(req, cb); },
        [this, paymentNo, orderNo, channel, authCode, subject](const ChannelResult& r, bool late) {
            trackCall(orderNo, channelSource(channel), late ? "late_pay" : "pay", 0, paymentNo, r);
            // The next attempt is stored before this one fails, so the order
            // stays open for it. Only a first answer re-routes: the code is
            // in memory only while the cashier's sale is live.
            if (!late)
                rerouteRefusedPay(paymentNo, r, authCode, subject);
            if (!late && r.notSent && endUnsentPay(paymentNo, r, channelSource(channel)))
                return;
            applyTradeResult(paymentNo, r, channelSource(channel));
        });
}

// The payment's only call never left this machine: the channel cannot have
// taken money for it, so it ends now as not charged instead of blocking the
// counter while polls and a revoke run into the same unreachable gateway.
// Only while nothing else was heard for it: once a call may have been seen,
// the careful path (poll, revoke) decides.
bool PaymentEngine::endUnsentPay(const QString& paymentNo, const ChannelResult& r,
                                 const QString& source)
{
    auto p = m_store.payment(paymentNo);
    Q_ASSERT_X(p.has_value(), "endUnsentPay", "answer for a payment that was never stored");
    if (p->state != PaymentState::Created)
        return false;
    p->returnCode = r.returnCode;
    p->message = r.message;
    if (movePayment(*p, PaymentState::Failed, source,
                    events::text("unreachable_not_charged", {r.message})))
        onPaymentEndedUnpaid(*p);
    return true;
}

QString PaymentEngine::nextRoute(Wallet wallet, const QString& channel) const
{
    const QStringList chain = m_config.routeChain(wallet);
    const qsizetype at = chain.indexOf(channel);
    for (qsizetype i = at + 1; at >= 0 && i < chain.size(); ++i)
        if (channelFor(chain.at(i)))
            return chain.at(i);
    return QString();
}

// An acquirer refused the payment for a reason of its own, in an answer it
// signed, or the pay call never left this machine (the acquirer cannot be
// reached): nothing was taken either way, so the same code may go to the
// wallet's next acquirer as a new payment of the same order.
bool PaymentEngine::rerouteRefusedPay(const QString& paymentNo, const ChannelResult& r,
                                      const QString& authCode, const QString& subject)
{
    const bool ownRefusal =
        r.status == TradeStatus::Failed && m_config.rerouteCodes.contains(r.returnCode);
    if (!ownRefusal && !r.notSent)
        return false;
    const auto p = m_store.payment(paymentNo);
    if (!p || isFinal(p->state) || m_store.revokeOfPayment(paymentNo))
        return false; // decided already, or the cashier is revoking it
    // Unsent counts only while nothing was ever heard for this attempt (see
    // endUnsentPay): once a call may have been seen, only the careful path.
    if (!ownRefusal && p->state != PaymentState::Created)
        return false;
    const QString next = nextRoute(p->wallet, p->channel);
    if (next.isEmpty())
        return false;
    const auto o = m_store.order(p->orderNo);
    if (!o || o->state != OrderState::Pending)
        return false;
    PaymentRecord np = newPayment(m_ids.next(IdKind::Payment), *o, PaymentKind::Barcode, p->wallet,
                                  next, m_config.policy(next).barcodeDeadlineMs, m_clock.nowMs());
    np.codeMasked = p->codeMasked;
    if (!m_store.insertPayment(np))
        return false;
    track(o->orderNo, kEngine, QStringLiteral("rerouted"), np.paymentNo,
          events::text(ownRefusal ? "rerouted_refused" : "rerouted_unreachable",
                       {p->channel, paymentNo, r.returnCode, next, np.paymentNo}),
          {}, {}, paymentStateName(np.state));
    const CounterId counter{o->storeId, o->terminalId};
    m_store.afterCommit([this, np, authCode, subject, counter](bool ok) {
        if (ok)
            sendPay(np, authCode, subject, counter);
    });
    return true;
}

void PaymentEngine::sendPrecreate(const QString& paymentNo, const QString& subject, Reply reply)
{
    auto p = m_store.payment(paymentNo);
    Q_ASSERT(p.has_value());
    Channel* ch = channelFor(p->channel);
    PrecreateRequest req;
    req.paymentNo = paymentNo;
    req.amount = p->amount;
    req.subject = subject;
    if (const auto o = m_store.order(p->orderNo)) {
        req.storeId = o->storeId;
        req.terminalId = o->terminalId;
    }
    req.expireAtMs = p->deadlineAtMs;
    const QString orderNo = p->orderNo;
    const QString channel = p->channel;
    callChannel(
        channel, CallType::Precreate, paymentNo,
        [ch, req](ResultCallback cb) { ch->precreate(req, cb); },
        [this, paymentNo, orderNo, channel, reply](const ChannelResult& r, bool late) {
            trackCall(orderNo, channelSource(channel), "precreate", 0, paymentNo, r);
            if (late)
                return;
            auto p = m_store.payment(paymentNo);
            CommandOutcome out;
            out.orderNo = orderNo;
            if (r.status == TradeStatus::Success && !r.codeUrl.isEmpty()) {
                p->codeUrl = r.codeUrl;
                movePayment(*p, PaymentState::Processing, channelSource(channel),
                            events::text("qr_issued"));
                schedulePoll(*p);
                out.codeUrl = r.codeUrl;
                out.message = QStringLiteral("show the QR code to the customer");
            } else if (r.notSent) {
                // Never reached the channel: no code exists that could be paid.
                if (movePayment(*p, PaymentState::Failed, channelSource(channel),
                                events::text("unreachable_no_qr", {r.message})))
                    onPaymentEndedUnpaid(*p);
                out = CommandOutcome::error(
                    CommandStatus::ChannelUnreachable,
                    QStringLiteral("%1 could not be reached; no QR code was issued and nothing "
                                   "was charged: %2")
                        .arg(channel, r.message));
                out.orderNo = orderNo;
            } else if (r.status == TradeStatus::Failed) {
                if (movePayment(*p, PaymentState::Failed, channelSource(channel),
                                events::text("qr_refused", {r.message})))
                    onPaymentEndedUnpaid(*p);
                out = CommandOutcome::error(CommandStatus::InvalidState,
                                            QStringLiteral("%1 refused the QR code: %2 (%3)")
                                                .arg(channel, r.message, r.returnCode));
                out.orderNo = orderNo;
            } else {
                // Unknown: the code may exist at the channel; poll, then close
                // it at the deadline so it can never be paid unseen.
                movePayment(*p, PaymentState::Processing, channelSource(channel),
                            events::text("qr_outcome_unknown"));
                schedulePoll(*p);
                out = CommandOutcome::error(CommandStatus::InvalidState,
                                            QStringLiteral("%1 did not return a QR code (%2); the "
                                                           "order will be closed at its deadline")
                                                .arg(channel, r.returnCode));
                out.orderNo = orderNo;
            }
            replyAfterCommit(reply, out);
        });
}

void PaymentEngine::applyTradeResult(const QString& paymentNo, const ChannelResult& r,
                                     const QString& source)
{
    auto p = m_store.payment(paymentNo);
    Q_ASSERT_X(p.has_value(), "applyTradeResult", "result for a payment that was never stored");
    if (!r.channelTradeNo.isEmpty() && p->channelTradeNo.isEmpty())
        p->channelTradeNo = r.channelTradeNo;
    if (!r.returnCode.isEmpty()) {
        p->returnCode = r.returnCode;
        p->message = r.message;
    }

    if (isFinal(p->state)) {
        if (r.isFinal() && !agrees(p->state, r.status)) {
            // First final result wins; the contradiction goes to a person.
            refuseTransition(EntityKind::Payment, p->orderNo, paymentNo, int(p->state),
                             r.status == TradeStatus::Success ? int(PaymentState::Success)
                                                              : int(PaymentState::Failed),
                             source,
                             QStringLiteral("conflicting result: payment is %1 but %2 says %3 "
                                            "(%4)")
                                 .arg(paymentStateName(p->state), source,
                                      tradeStatusName(r.status), r.returnCode));
        } else if (r.isFinal()) {
            track(p->orderNo, source, QStringLiteral("duplicate"), paymentNo,
                  QStringLiteral("%1 again; payment already %2: ignored")
                      .arg(tradeStatusName(r.status), paymentStateName(p->state)));
        }
        return;
    }

    switch (r.status) {
    case TradeStatus::Success:
        if (movePayment(*p, PaymentState::Success, source,
                        events::text("payment_paid", {r.returnCode})))
            onPaymentSucceeded(*p);
        break;
    case TradeStatus::Failed:
        if (movePayment(*p, PaymentState::Failed, source,
                        events::text("payment_failed", {r.message, r.returnCode})))
            onPaymentEndedUnpaid(*p);
        break;
    case TradeStatus::Processing:
    case TradeStatus::Unknown:
        if (p->state == PaymentState::Created) {
            movePayment(*p, PaymentState::Processing, source,
                        r.timedOut ? events::text("payment_no_answer")
                                   : events::text("payment_waiting", {r.returnCode, r.message}));
        } else if (r.tradeNotFound && !p->notFoundAlerted) {
            // Right after a payment the channel may not have recorded it yet:
            // never a failure; keep polling, tell someone once.
            const int v = p->version;
            p->notFoundAlerted = true;
            p->version = v + 1;
            m_store.updatePayment(*p, v);
            raiseAlert(AlertLevel::Watch, QStringLiteral("trade_not_found"), p->orderNo,
                       QStringLiteral("%1 does not know payment %2 yet; still polling")
                           .arg(p->channel, paymentNo));
        }
        // A revoke in progress owns the outcome; results still teach us the
        // truth, but polling is its business then.
        if (!m_store.revokeOfPayment(paymentNo))
            schedulePoll(*p);
        break;
    }
}

void PaymentEngine::schedulePoll(const PaymentRecord& p)
{
    if (isFinal(p.state) || m_scheduler.isScheduled(Scheduler::Kind::PaymentPoll, p.paymentNo))
        return;
    const ChannelPolicy& pol = m_config.policy(p.channel);
    const qint64 due =
        qMin(m_clock.nowMs() + delayAt(pol.pollDelaysMs, p.pollCount), p.deadlineAtMs);
    m_store.afterCommit([this, no = p.paymentNo, due](bool ok) {
        if (ok)
            m_scheduler.schedule(Scheduler::Kind::PaymentPoll, no, due);
    });
}

void PaymentEngine::pollPayment(const QString& paymentNo)
{
    auto p = m_store.payment(paymentNo);
    if (!p || isFinal(p->state))
        return;
    if (m_store.revokeOfPayment(paymentNo))
        return; // the revoke decides now
    if (!holdOrder(p->orderNo))
        return; // another process took the order over: its step now
    const ChannelPolicy& pol = m_config.policy(p->channel);
    const bool pastDeadline = m_clock.nowMs() >= p->deadlineAtMs || p->pollCount >= pol.maxPolls;
    if (pastDeadline && !m_askedPastDeadline.contains(paymentNo)) {
        m_askedPastDeadline.insert(paymentNo);
        track(p->orderNo, kEngine, QStringLiteral("deadline"), paymentNo,
              events::text("deadline_passed", {p->channel}));
    } else if (pastDeadline) {
        m_askedPastDeadline.remove(paymentNo);
        raiseAlert(AlertLevel::Watch, QStringLiteral("not_final_after_deadline"), p->orderNo,
                   QStringLiteral("payment %1 not final after %2 queries: revoking")
                       .arg(paymentNo)
                       .arg(p->pollCount));
        startRevoke(*p, QStringLiteral("not final by its deadline"), true);
        return;
    }
    Channel* ch = channelFor(p->channel);
    if (!ch) {
        raiseAlert(AlertLevel::Page, QStringLiteral("channel_missing"), p->orderNo,
                   QStringLiteral("channel %1 of payment %2 is not configured").arg(p->channel, paymentNo));
        return;
    }
    const int v = p->version;
    p->pollCount += 1;
    p->version = v + 1;
    p->updatedAtMs = m_clock.nowMs();
    if (!m_store.updatePayment(*p, v)) {
        // Someone else (another process) moved it: look again shortly.
        m_scheduler.schedule(Scheduler::Kind::PaymentPoll, paymentNo,
                             m_clock.nowMs() + kLostRaceRetryMs);
        return;
    }
    const int attempt = p->pollCount;
    const QString orderNo = p->orderNo;
    const QString channel = p->channel;
    callChannel(
        channel, CallType::Query, paymentNo,
        [ch, paymentNo](ResultCallback cb) { ch->query(paymentNo, cb); },
        [this, paymentNo, orderNo, channel, attempt](const ChannelResult& r, bool late) {
            trackCall(orderNo, kScheduler, late ? "late_query" : "query", attempt, paymentNo, r);
            applyTradeResult(paymentNo, r, channelSource(channel));
        });
}

void PaymentEngine::onPaymentSucceeded(const PaymentRecord& p)
{
    m_askedPastDeadline.remove(p.paymentNo);
    m_scheduler.cancel(Scheduler::Kind::PaymentPoll, p.paymentNo);
    auto o = m_store.order(p.orderNo);
    Q_ASSERT(o.has_value());
    if ((o->state == OrderState::Pending || o->state == OrderState::Attention) &&
        o->paidPaymentNo.isEmpty()) {
        o->paidPaymentNo = p.paymentNo;
        moveOrder(*o, OrderState::Paid, channelSource(p.channel),
                  events::text("order_paid", {p.amount.toDisplayString(), walletName(p.wallet)}));
        // A revoke already asked for this payment will return the money; the
        // order then follows it (see onRevokeAnswer).
        return;
    }
    // Paid twice, or paid after the sale was closed: never keep the money.
    raiseAlert(AlertLevel::Watch, QStringLiteral("duplicate_payment"), p.orderNo,
               QStringLiteral("payment %1 of %2 succeeded but order %3 is %4: returning it "
                              "automatically")
                   .arg(p.paymentNo, p.amount.toDisplayString(), o->orderNo,
                        orderStateName(o->state)));
    startRevoke(p, QStringLiteral("duplicate or late payment of order %1").arg(o->orderNo), true);
}

void PaymentEngine::onPaymentEndedUnpaid(const PaymentRecord& p)
{
    m_askedPastDeadline.remove(p.paymentNo);
    m_scheduler.cancel(Scheduler::Kind::PaymentPoll, p.paymentNo);
    auto o = m_store.order(p.orderNo);
    Q_ASSERT(o.has_value());
    if (o->state != OrderState::Pending && o->state != OrderState::Attention)
        return;
    if (!o->paidPaymentNo.isEmpty())
        return;
    for (const PaymentRecord& other : m_store.paymentsOfOrder(o->orderNo))
        if (other.paymentNo != p.paymentNo && !isFinal(other.state))
            return; // another attempt still decides
    moveOrder(*o, OrderState::Closed, channelSource(p.channel),
              events::text("order_not_paid", {paymentStateName(p.state)}));
}

// ---------------------------------------------------------------- revoke

void PaymentEngine::retryManualRevoke(RevokeRecord& rv, const QString& source, const QString& why)
{
    Q_ASSERT(rv.state == RevokeState::Manual);
    rv.attempts = 0;
    if (moveRevoke(rv, RevokeState::Retrying, source, why))
        m_store.afterCommit([this, no = rv.paymentNo](bool ok) {
            if (ok)
                m_scheduler.schedule(Scheduler::Kind::RevokeAttempt, no, m_clock.nowMs());
        });
}

bool PaymentEngine::startRevoke(const PaymentRecord& p, const QString& reason, bool automatic)
{
    const qint64 now = m_clock.nowMs();
    RevokeRecord rv;
    rv.revokeNo = m_ids.next(IdKind::Revoke);
    rv.paymentNo = p.paymentNo;
    rv.orderNo = p.orderNo;
    rv.reason = reason;
    rv.automatic = automatic;
    rv.version = 1;
    rv.createdAtMs = rv.updatedAtMs = now;
    const int rc = m_store.insertRevoke(rv);
    if (rc != 1)
        return false;
    m_scheduler.cancel(Scheduler::Kind::PaymentPoll, p.paymentNo);
    track(p.orderNo, automatic ? kEngine : kCashier, QStringLiteral("revoke"), rv.revokeNo,
          events::text("revoke_requested", {p.paymentNo, reason}), {}, {},
          revokeStateName(rv.state));
    m_store.afterCommit([this, no = p.paymentNo](bool ok) {
        if (ok)
            m_scheduler.schedule(Scheduler::Kind::RevokeAttempt, no, m_clock.nowMs());
    });
    return true;
}

void PaymentEngine::attemptRevoke(const QString& paymentNo)
{
    auto rv = m_store.revokeOfPayment(paymentNo);
    if (!rv || rv->state == RevokeState::Done || rv->state == RevokeState::Manual)
        return;
    if (!holdOrder(rv->orderNo))
        return; // its holder picks the revoke up at its next lease tick
    auto p = m_store.payment(paymentNo);
    Q_ASSERT(p.has_value());
    Channel* ch = channelFor(p->channel);
    if (!ch)
        return revokeExhausted(*rv, QStringLiteral("channel %1 is not configured").arg(p->channel));
    const int v = rv->version;
    rv->attempts += 1;
    rv->version = v + 1;
    rv->updatedAtMs = m_clock.nowMs();
    if (!m_store.updateRevoke(*rv, v)) {
        m_scheduler.schedule(Scheduler::Kind::RevokeAttempt, paymentNo,
                             m_clock.nowMs() + kLostRaceRetryMs);
        return;
    }
    const QString orderNo = p->orderNo;
    const int attempt = rv->attempts;
    const QString channel = p->channel;
    callChannel(
        channel, CallType::Revoke, paymentNo,
        [ch, paymentNo](ResultCallback cb) { ch->revoke(paymentNo, cb); },
        [this, paymentNo, orderNo, attempt, channel](const ChannelResult& r, bool late) {
            trackCall(orderNo, channelSource(channel), late ? "late_revoke" : "revoke", attempt,
                      paymentNo, r);
            onRevokeAnswer(paymentNo, r);
        });
}

void PaymentEngine::onRevokeAnswer(const QString& paymentNo, const ChannelResult& r)
{
    auto rv = m_store.revokeOfPayment(paymentNo);
    auto p = m_store.payment(paymentNo);
    Q_ASSERT(rv.has_value() && p.has_value());
    if (rv->state == RevokeState::Done)
        return;
    const QString source = channelSource(p->channel);
    if (r.status == TradeStatus::Success) {
        // WeChat's reverse does not say whether money had been taken (Alipay's
        // cancel does): then our own record decides, and reconciliation
        // catches a payment that succeeded unseen before its revoke.
        const bool reversed = r.revokeAction.isEmpty()
                                  ? p->state == PaymentState::Success
                                  : r.revokeAction == QLatin1String("refund");
        rv->action = reversed ? QStringLiteral("refund") : QStringLiteral("close");
        rv->returnCode = r.returnCode;
        rv->message = r.message;
        if (!moveRevoke(*rv, RevokeState::Done, source,
                        reversed ? events::text("revoke_money_returned")
                                 : events::text("revoke_trade_closed")))
            return;
        if (!isFinal(p->state) || p->state == PaymentState::Success) {
            const PaymentState to = reversed ? PaymentState::Reversed : PaymentState::Closed;
            if (movePayment(*p, to, source,
                            reversed ? events::text("payment_revoked_after_paid")
                                     : events::text("payment_revoked_before_paid"))) {
                auto o = m_store.order(p->orderNo);
                if (o && o->paidPaymentNo == p->paymentNo && reversed) {
                    // The order had taken this payment (it succeeded while the
                    // revoke was under way): it now holds no money.
                    o->refundedFen = o->amount.fen() - o->refundPendingFen;
                    moveOrder(*o, OrderState::Refunded, source,
                              events::text("order_revoked_returned"));
                } else {
                    onPaymentEndedUnpaid(*p);
                }
            }
        }
        return;
    }
    rv->returnCode = r.returnCode;
    rv->message = r.message;
    const ChannelPolicy& pol = m_config.policy(p->channel);
    const bool mayRetry = r.retry || r.status == TradeStatus::Processing ||
                          r.status == TradeStatus::Unknown;
    if (!mayRetry)
        return revokeExhausted(*rv, QStringLiteral("%1 refused the revoke: %2 (%3)")
                                        .arg(p->channel, r.message, r.returnCode));
    if (rv->attempts >= pol.maxRevokeAttempts)
        return revokeExhausted(*rv, QStringLiteral("revoke still not done after %1 attempts (last: "
                                                   "%2)")
                                        .arg(rv->attempts)
                                        .arg(r.returnCode));
    if (rv->state == RevokeState::Requested) {
        if (!moveRevoke(*rv, RevokeState::Retrying, source,
                        events::text("revoke_retrying", {r.returnCode})))
            return;
    } else {
        const int v = rv->version;
        rv->version = v + 1;
        rv->updatedAtMs = m_clock.nowMs();
        m_store.updateRevoke(*rv, v);
    }
    const qint64 due = m_clock.nowMs() + qMax<qint64>(1, delayAt(pol.revokeDelaysMs, rv->attempts));
    m_store.afterCommit([this, paymentNo, due](bool ok) {
        if (ok)
            m_scheduler.schedule(Scheduler::Kind::RevokeAttempt, paymentNo, due);
    });
}

void PaymentEngine::revokeExhausted(RevokeRecord rv, const QString& why)
{
    if (!moveRevoke(rv, RevokeState::Manual, kEngine, why))
        return;
    raiseAlert(AlertLevel::Page, QStringLiteral("revoke_failed"), rv.orderNo,
               QStringLiteral("payment %1 could not be revoked: %2. It is in the manual queue: "
                              "check with the channel, then revoke again or refund.")
                   .arg(rv.paymentNo, why));
    auto o = m_store.order(rv.orderNo);
    if (o && o->state == OrderState::Pending)
        moveOrder(*o, OrderState::Attention, kEngine, events::text("order_needs_attention"));
}

// ---------------------------------------------------------------- refunds

void PaymentEngine::sendRefund(const QString& refundNo)
{
    auto r = m_store.refund(refundNo);
    Q_ASSERT(r.has_value());
    auto p = m_store.payment(r->paymentNo);
    Q_ASSERT(p.has_value());
    Channel* ch = channelFor(p->channel);
    if (!ch) {
        raiseAlert(AlertLevel::Page, QStringLiteral("channel_missing"), r->orderNo,
                   QStringLiteral("refund %1: channel %2 is not configured").arg(refundNo, p->channel));
        return;
    }
    RefundRequest req;
    req.refundNo = refundNo;
    req.paymentNo = p->paymentNo;
    req.channelTradeNo = p->channelTradeNo;
    req.refundAmount = r->amount;
    req.paymentAmount = p->amount;
    req.reason = r->reason;
    const QString orderNo = r->orderNo;
    const QString channel = p->channel;
    callChannel(
        channel, CallType::Refund, refundNo, [ch, req](ResultCallback cb) { ch->refund(req, cb); },
        [this, refundNo, orderNo, channel](const ChannelResult& res, bool late) {
            trackCall(orderNo, channelSource(channel), late ? "late_refund" : "refund", 0, refundNo,
                      res);
            onRefundAnswer(refundNo, res, channelSource(channel));
        });
}

void PaymentEngine::pollRefund(const QString& refundNo)
{
    auto r = m_store.refund(refundNo);
    if (!r || isFinal(r->state))
        return;
    if (!holdOrder(r->orderNo))
        return; // another process took the order over: its step now
    auto p = m_store.payment(r->paymentNo);
    const ChannelPolicy& pol = m_config.policy(p->channel);
    if (refundGivenUp(*r, pol))
        return; // a person has it, with the alert raised when it was given up
    if (r->pollCount >= pol.maxRefundPolls) {
        // Given up: the count passes the limit in the same batch as the
        // alert, so neither a later poll nor a restart raises it again.
        const int v = r->version;
        r->pollCount = pol.maxRefundPolls + 1;
        r->version = v + 1;
        r->updatedAtMs = m_clock.nowMs();
        if (!m_store.updateRefund(*r, v))
            return;
        raiseAlert(AlertLevel::Page, QStringLiteral("refund_not_final"), r->orderNo,
                   QStringLiteral("refund %1 still not final after %2 queries: check with %3")
                       .arg(refundNo)
                       .arg(pol.maxRefundPolls)
                       .arg(p->channel));
        return;
    }
    Channel* ch = channelFor(p->channel);
    if (!ch)
        return;
    const int v = r->version;
    r->pollCount += 1;
    r->version = v + 1;
    r->updatedAtMs = m_clock.nowMs();
    if (!m_store.updateRefund(*r, v))
        return;
    const QString orderNo = r->orderNo;
    const QString paymentNo = r->paymentNo;
    const QString channel = p->channel;
    callChannel(
        channel, CallType::RefundQuery, refundNo,
        [ch, refundNo, paymentNo](ResultCallback cb) { ch->refundQuery(refundNo, paymentNo, cb); },
        [this, refundNo, orderNo, channel](const ChannelResult& res, bool late) {
            trackCall(orderNo, kScheduler, "refund_query", 0, refundNo, res);
            if (!late && res.tradeNotFound && resendLostRefund(refundNo, channel))
                return;
            onRefundAnswer(refundNo, res, channelSource(channel));
        });
}

bool PaymentEngine::refundGivenUp(const RefundRecord& r, const ChannelPolicy& pol)
{
    return !isFinal(r.state) && r.pollCount > pol.maxRefundPolls;
}

// The channel has no such refund: its request was lost on the way (the
// gateway died with it in flight, say). Channels take a refund number once,
// so sending it again cannot refund twice; without this the refund would
// wait for a person although nothing was ever refunded.
bool PaymentEngine::resendLostRefund(const QString& refundNo, const QString& channel)
{
    const auto r = m_store.refund(refundNo);
    if (!r || isFinal(r->state))
        return false;
    track(r->orderNo, kEngine, QStringLiteral("refund"), refundNo,
          events::text("refund_resent", {channel}));
    m_store.afterCommit([this, refundNo](bool ok) {
        if (ok)
            sendRefund(refundNo);
    });
    return true;
}

void PaymentEngine::onRefundAnswer(const QString& refundNo, const ChannelResult& res,
                                   const QString& source)
{
    auto r = m_store.refund(refundNo);
    Q_ASSERT(r.has_value());
    if (isFinal(r->state)) {
        if (res.isFinal() && (res.status == TradeStatus::Success) != (r->state == RefundState::Success))
            refuseTransition(EntityKind::Refund, r->orderNo, refundNo, int(r->state),
                             res.status == TradeStatus::Success ? int(RefundState::Success)
                                                                : int(RefundState::Failed),
                             source, QStringLiteral("conflicting refund result"));
        return;
    }
    if (!res.channelTradeNo.isEmpty())
        r->channelRefundNo = res.channelTradeNo;
    r->returnCode = res.returnCode;
    r->message = res.message;
    if (res.status == TradeStatus::Success || res.status == TradeStatus::Failed) {
        const bool ok = res.status == TradeStatus::Success;
        if (!moveRefund(*r, ok ? RefundState::Success : RefundState::Failed, source,
                        ok ? events::text("refund_succeeded")
                           : events::text("refund_refused", {res.message, res.returnCode})))
            return;
        m_scheduler.cancel(Scheduler::Kind::RefundPoll, refundNo);
        auto o = m_store.order(r->orderNo);
        Q_ASSERT(o.has_value());
        const int v = o->version;
        o->refundPendingFen -= r->amount.fen();
        Q_ASSERT(o->refundPendingFen >= 0);
        if (ok)
            o->refundedFen += r->amount.fen();
        const OrderState to = !ok                                    ? o->state
                              : o->refundedFen == o->amount.fen() ? OrderState::Refunded
                                                                  : OrderState::PartiallyRefunded;
        if (to != o->state) {
            // moveOrder bumps the version and writes the amounts with the state.
            moveOrder(*o, to, source,
                      events::text(
                          "order_refunded",
                          {Money::fromFen(o->refundedFen, o->amount.currency()).toDisplayString(),
                           o->amount.toDisplayString()}));
        } else {
            o->version = v + 1;
            o->updatedAtMs = m_clock.nowMs();
            m_store.updateOrder(*o, v);
            notifyOrderChanged(*o);
        }
        return;
    }
    if (r->state == RefundState::Created)
        moveRefund(*r, RefundState::Processing, source,
                   events::text("refund_unknown", {res.returnCode}));
    const auto payment = m_store.payment(r->paymentNo);
    const ChannelPolicy& pol = m_config.policy(payment ? payment->channel : QString());
    const qint64 due = m_clock.nowMs() + delayAt(pol.refundPollDelaysMs, r->pollCount);
    m_store.afterCommit([this, refundNo, due](bool ok) {
        if (ok)
            m_scheduler.schedule(Scheduler::Kind::RefundPoll, refundNo, due);
    });
}

// ---------------------------------------------------------------- notifications

void PaymentEngine::onNotification(const QString& channel, const ChannelNotification& n)
{
    auto p = m_store.payment(n.paymentNo);
    if (!p) {
        raiseAlert(AlertLevel::Watch, QStringLiteral("unknown_notification"), QString(),
                   QStringLiteral("%1 notified about payment %2, which PayDesk does not know")
                       .arg(channel, n.paymentNo));
        return;
    }
    if (p->channel != channel) {
        raiseAlert(AlertLevel::Page, QStringLiteral("notification_wrong_channel"), p->orderNo,
                   QStringLiteral("%1 notified about payment %2, which belongs to %3: ignored")
                       .arg(channel, n.paymentNo, p->channel));
        return;
    }
    if (n.amount.fen() != 0 && n.amount != p->amount) {
        raiseAlert(AlertLevel::Page, QStringLiteral("notification_amount_mismatch"), p->orderNo,
                   QStringLiteral("%1 notified %2 for payment %3 of %4: not applied")
                       .arg(channel, n.amount.toDisplayString(), n.paymentNo,
                            p->amount.toDisplayString()));
        return;
    }
    ChannelResult r;
    r.status = n.status;
    r.requestNo = n.paymentNo;
    r.channelTradeNo = n.channelTradeNo;
    r.returnCode = n.returnCode;
    r.message = QStringLiteral("notification %1").arg(n.notificationId);
    r.rawResponse = n.raw;
    const QString source = QStringLiteral("notify:") + channel;
    trackCall(p->orderNo, source, "notification", 0, n.paymentNo, r);
    if (n.status != TradeStatus::Success && !isFinal(p->state)) {
        // Only a success is taken from a notification. One that says the
        // trade failed or closed may have overtaken the one that said paid
        // (notifications are retried, delayed and reordered on the way):
        // believed, it would close a sale the customer paid. The channel is
        // asked now, and its answer decides.
        track(p->orderNo, source, QStringLiteral("confirming"), n.paymentNo,
              events::text("notification_confirming", {tradeStatusName(n.status)}));
        m_store.afterCommit([this, no = n.paymentNo](bool ok) {
            if (ok)
                m_scheduler.schedule(Scheduler::Kind::PaymentPoll, no, m_clock.nowMs());
        });
        return;
    }
    applyTradeResult(n.paymentNo, r, source);
}

// ---------------------------------------------------------------- transitions

void PaymentEngine::refuseTransition(EntityKind kind, const QString& orderNo,
                                     const QString& entity, int from, int to,
                                     const QString& source, const QString& why)
{
    const QString msg = QStringLiteral("refused %1 %2 %3 -> %4: %5")
                            .arg(entityKindName(kind), entity, stateName(kind, from),
                                 stateName(kind, to), why);
    track(orderNo, source, QStringLiteral("refused"), entity, msg, {}, stateName(kind, from),
          stateName(kind, to), AlertLevel::Page);
    raiseAlert(AlertLevel::Page, QStringLiteral("conflicting_result"), orderNo, msg);
}

bool PaymentEngine::movePayment(PaymentRecord& p, PaymentState to, const QString& source,
                                const EventText& why, const QDate& clearingDay)
{
    if (!isAllowedTransition(EntityKind::Payment, int(p.state), int(to))) {
        refuseTransition(EntityKind::Payment, p.orderNo, p.paymentNo, int(p.state), int(to), source,
                         why.english);
        return false;
    }
    const PaymentState from = p.state;
    const int v = p.version;
    p.state = to;
    p.version = v + 1;
    p.updatedAtMs = m_clock.nowMs();
    if (!m_store.updatePayment(p, v)) {
        track(p.orderNo, source, QStringLiteral("conflict"), p.paymentNo,
              QStringLiteral("payment changed elsewhere; will look again"));
        m_scheduler.schedule(Scheduler::Kind::PaymentPoll, p.paymentNo,
                             m_clock.nowMs() + kLostRaceRetryMs);
        return false;
    }
    track(p.orderNo, source, QStringLiteral("transition"), p.paymentNo, why, {},
          paymentStateName(from), paymentStateName(to));
    if (m_money && (to == PaymentState::Success || to == PaymentState::Reversed)) {
        // A payment revoked after the channel took the money (it may never
        // have been Success here) moved money twice: in, then back.
        recordMovement(p.orderNo, p.paymentNo, m_money->paymentCaptured(p, clearingDay));
        if (to == PaymentState::Reversed)
            recordMovement(p.orderNo, p.paymentNo, m_money->paymentReversed(p));
    }
    m_store.afterCommit([this, orderNo = p.orderNo, paymentNo = p.paymentNo, st = int(to)](bool ok) {
        if (ok)
            Q_EMIT paymentChanged(orderNo, paymentNo, st);
    });
    return true;
}

bool PaymentEngine::moveOrder(OrderRecord& o, OrderState to, const QString& source,
                              const EventText& why)
{
    if (!isAllowedTransition(EntityKind::Order, int(o.state), int(to))) {
        refuseTransition(EntityKind::Order, o.orderNo, o.orderNo, int(o.state), int(to), source,
                         why.english);
        return false;
    }
    const OrderState from = o.state;
    const int v = o.version;
    o.state = to;
    o.version = v + 1;
    o.updatedAtMs = m_clock.nowMs();
    if (!m_store.updateOrder(o, v)) {
        track(o.orderNo, source, QStringLiteral("conflict"), o.orderNo,
              QStringLiteral("order changed elsewhere; not applied: %1").arg(why.english), {}, {},
              {}, AlertLevel::Watch);
        return false;
    }
    track(o.orderNo, source, QStringLiteral("transition"), o.orderNo, why, {},
          orderStateName(from), orderStateName(to));
    notifyOrderChanged(o);
    return true;
}

bool PaymentEngine::moveRefund(RefundRecord& r, RefundState to, const QString& source,
                               const EventText& why)
{
    if (!isAllowedTransition(EntityKind::Refund, int(r.state), int(to))) {
        refuseTransition(EntityKind::Refund, r.orderNo, r.refundNo, int(r.state), int(to), source,
                         why.english);
        return false;
    }
    const RefundState from = r.state;
    const int v = r.version;
    r.state = to;
    r.version = v + 1;
    r.updatedAtMs = m_clock.nowMs();
    if (!m_store.updateRefund(r, v))
        return false;
    track(r.orderNo, source, QStringLiteral("transition"), r.refundNo, why, {},
          refundStateName(from), refundStateName(to));
    if (m_money && to == RefundState::Success) {
        const auto p = m_store.payment(r.paymentNo);
        Q_ASSERT_X(p.has_value(), "PaymentEngine::moveRefund", "a refund without its payment");
        recordMovement(r.orderNo, r.refundNo, m_money->refundSucceeded(r, p->channel));
    }
    return true;
}

bool PaymentEngine::moveRevoke(RevokeRecord& r, RevokeState to, const QString& source,
                               const EventText& why)
{
    if (!isAllowedTransition(EntityKind::Revoke, int(r.state), int(to))) {
        refuseTransition(EntityKind::Revoke, r.orderNo, r.revokeNo, int(r.state), int(to), source,
                         why.english);
        return false;
    }
    const RevokeState from = r.state;
    const int v = r.version;
    r.state = to;
    r.version = v + 1;
    r.updatedAtMs = m_clock.nowMs();
    if (!m_store.updateRevoke(r, v))
        return false;
    track(r.orderNo, source, QStringLiteral("transition"), r.revokeNo, why, {},
          revokeStateName(from), revokeStateName(to));
    return true;
}

// ---------------------------------------------------------------- track, alerts

void PaymentEngine::track(const QString& orderNo, const QString& source, const QString& kind,
                          const QString& entity, const EventText& message, const QString& raw,
                          const QString& from, const QString& to, AlertLevel alert)
{
    TrackEvent e;
    e.orderNo = orderNo;
    e.atMs = m_clock.nowMs();
    e.source = source;
    e.kind = kind;
    e.entity = entity;
    e.fromState = from;
    e.toState = to;
    e.message = message.english;
    e.code = message.code;
    e.args = message.args;
    e.raw = raw.isEmpty() ? QString() : maskRawMessage(raw);
    e.alert = alert;
    m_store.appendEvent(e);
    static const QMetaMethod signal = QMetaMethod::fromSignal(&PaymentEngine::eventRecorded);
    if (m_eventListeners ? m_eventListeners() : isSignalConnected(signal))
        m_store.afterCommit([this, e](bool ok) {
            if (ok)
                Q_EMIT eventRecorded(e);
        });
}

void PaymentEngine::trackCall(const QString& orderNo, const QString& source, const char* call,
                              int attempt, const QString& entity, const ChannelResult& r)
{
    QString raw;
    if (!r.rawRequest.isEmpty())
        raw += QStringLiteral(">> ") + r.rawRequest + QLatin1Char('\n');
    if (!r.rawResponse.isEmpty())
        raw += QStringLiteral("<< ") + r.rawResponse;
    const QString callName = QLatin1String(call);
    QString what = englishCallName(callName);
    if (attempt > 0)
        what += QStringLiteral(" %1").arg(attempt);
    const QString status = tradeStatusName(r.status);
    QString msg = QStringLiteral("%1: %2").arg(what, status);
    if (!r.returnCode.isEmpty())
        msg += QStringLiteral(" (%1)").arg(r.returnCode);
    const QString channelWords = r.timedOut ? QString() : r.message;
    if (!channelWords.isEmpty())
        msg += QStringLiteral(" %1").arg(channelWords);
    if (r.timedOut)
        msg += QStringLiteral(" no answer before the timeout");
    if (r.tradeNotFound)
        msg += QStringLiteral(" [trade not found yet]");
    if (r.retry)
        msg += QStringLiteral(" [channel asks to retry]");
    if (!r.revokeAction.isEmpty())
        msg += QStringLiteral(" [action=%1]").arg(r.revokeAction);
    // The parameters front ends render: see "channel_call" in EventTexts.
    const QStringList args = {callName,
                              QString::number(attempt),
                              status,
                              r.returnCode,
                              channelWords,
                              r.timedOut ? QStringLiteral("timeout") : QString(),
                              r.tradeNotFound ? QStringLiteral("not_found") : QString(),
                              r.retry ? QStringLiteral("retry") : QString(),
                              r.revokeAction};
    track(orderNo, source, QStringLiteral("call"), entity,
          EventText(QStringLiteral("channel_call"), args, msg), raw);
}

void PaymentEngine::reportPinLockout(const PinLockout& lockout, Reply reply)
{
    const QString message =
        QStringLiteral("%1 wrong supervisor PINs at store %2, terminal %3; refunds locked for %4 s")
            .arg(lockout.failedTries)
            .arg(lockout.counter.isEmpty() ? m_config.storeId : lockout.counter.storeId,
                 lockout.counter.isEmpty() ? m_config.terminalId : lockout.counter.terminalId)
            .arg(lockout.lockedForMs / 1000);
    raiseAlert(AlertLevel::Watch, QStringLiteral("pin_lockout"), QString(), message);
    CommandOutcome out;
    out.message = message;
    replyAfterCommit(reply, out);
}

void PaymentEngine::raiseAlert(AlertLevel level, const QString& kind, const QString& orderNo,
                               const QString& message)
{
    AlertRecord a;
    a.atMs = m_clock.nowMs();
    a.level = level;
    a.kind = kind;
    a.orderNo = orderNo;
    a.message = message;
    a.id = m_store.appendAlert(a);
    if (!orderNo.isEmpty())
        track(orderNo, kEngine, QStringLiteral("alert"), orderNo,
              events::text("alert_raised", {alertLevelName(level), kind, message}), {}, {}, {},
              level);
    m_store.afterCommit([this, a](bool ok) {
        if (ok)
            Q_EMIT alertRaised(a);
    });
}

void PaymentEngine::noteNetworkError(const QString& channel)
{
    const qint64 now = m_clock.nowMs();
    auto& window = m_networkErrors[channel];
    window.push_back(now);
    while (!window.empty() && window.front() < now - kNetworkErrorWindowMs)
        window.pop_front();
    if (int(window.size()) >= m_config.networkErrorsPerMinute &&
        (!m_networkAlertedAtMs.contains(channel) ||
         now - m_networkAlertedAtMs.value(channel) >= kNetworkAlertEveryMs)) {
        m_networkAlertedAtMs.insert(channel, now);
        raiseAlert(AlertLevel::Page, QStringLiteral("network_errors"), QString(),
                   QStringLiteral("%1: %2 timeouts or unknown answers in the last minute")
                       .arg(channel)
                       .arg(window.size()));
    }
}

void PaymentEngine::recordMovement(const QString& orderNo, const QString& entity,
                                   const MoneyMovements::Outcome& outcome)
{
    if (!outcome.ok) {
        // Storage errors have already abandoned the whole batch (the state
        // change with it); a refused entry is a bug that a person must see.
        track(orderNo, QStringLiteral("ledger"), QStringLiteral("posting_failed"), entity,
              events::text("ledger_posting_failed", {outcome.note}), {}, {}, {}, AlertLevel::Page);
        raiseAlert(AlertLevel::Page, QStringLiteral("ledger_posting_failed"), orderNo, outcome.note);
        return;
    }
    if (!outcome.note.isEmpty())
        track(orderNo, QStringLiteral("ledger"), QStringLiteral("posted"), entity,
              events::text("ledger_posted", {outcome.note}));
}

void PaymentEngine::notifyOrderChanged(const OrderRecord& o)
{
    m_store.afterCommit([this, no = o.orderNo, st = int(o.state)](bool ok) {
        if (ok)
            Q_EMIT orderChanged(no, st);
    });
}

void PaymentEngine::replyAfterCommit(Reply reply, CommandOutcome outcome)
{
    m_store.afterCommit([this, reply, outcome](bool ok) {
        if (!ok && outcome.ok())
            return reply(CommandOutcome::error(CommandStatus::StorageError, m_store.lastError()));
        reply(outcome);
    });
}

// ---------------------------------------------------------------- restart, reads

std::optional<OrderDetails> PaymentEngine::orderDetails(const QString& orderNo)
{
    auto o = m_store.order(orderNo);
    if (!o)
        return std::nullopt;
    OrderDetails d;
    d.order = *o;
    d.payments = m_store.paymentsOfOrder(orderNo);
    d.refunds = m_store.refundsOfOrder(orderNo);
    d.revokes = m_store.revokesOfOrder(orderNo);
    d.events = m_store.events(orderNo);
    return d;
}

bool PaymentEngine::acknowledgeAlert(qint64 id, const QString& who)
{
    const bool ok = m_store.acknowledgeAlert(id, who, m_clock.nowMs());
    m_store.flush();
    return ok;
}

} // namespace paydesk
