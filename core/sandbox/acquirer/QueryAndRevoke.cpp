// SandboxAcquirer's calls on an existing payment: query and revoke.
#include "sandbox/acquirer/AcquirerImpl.h"

#include "channels/wechat/WeChatV2Message.h"

namespace paydesk {

using namespace sandbox;

void SandboxAcquirer::query(const QString& paymentNo, Answer answer)
{
    ChannelResult r;
    r.requestNo = paymentNo;
    r.rawRequest = RawXml().add("out_trade_no", paymentNo).text();
    if (!d->store.isOpen())
        return d->respondStorageError(r, std::move(answer));
    bool ok = false;
    std::optional<Trade> t = d->store.load(paymentNo, &ok);
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
            r.message = failureText(t->errorCode);
        else if (t->state == kRevoked)
            r.message = QStringLiteral("revoked");
        else
            r.message = QStringLiteral("closed");
    }
    RawXml x = responseXml(r, true);
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
    r.rawRequest = RawXml().add("out_trade_no", paymentNo).text();
    if (!d->store.isOpen())
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
    std::optional<Trade> existing = d->store.load(paymentNo, &ok);
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
        const bool inserted = d->store.insert(t, &ok);
        if (!ok)
            return d->respondStorageError(r, std::move(answer));
        if (inserted)
            return d->respond(done(t, QStringLiteral("no such trade: the payment number is "
                                                     "closed and can never be paid")),
                              false, std::move(answer));
        existing = d->store.load(paymentNo, &ok);
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
            if (!d->store.update(t))
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
    if (!d->store.update(t))
        return d->respondStorageError(r, std::move(answer));
    d->respond(done(t, message), false, std::move(answer));
}

} // namespace paydesk
