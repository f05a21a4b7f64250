// SandboxAcquirer's refunds: a refund of a paid trade, and its query.
#include "sandbox/acquirer/AcquirerImpl.h"

namespace paydesk {

using namespace sandbox;

void SandboxAcquirer::refund(const RefundRequest& req, Answer answer)
{
    ChannelResult r;
    r.requestNo = req.refundNo;
    r.rawRequest = RawXml()
                       .add("out_trade_no", req.paymentNo)
                       .add("transaction_id", req.channelTradeNo)
                       .add("out_refund_no", req.refundNo)
                       .num("total_fee", req.paymentAmount.fen())
                       .num("refund_fee", req.refundAmount.fen())
                       .add("refund_fee_type", req.refundAmount.currency())
                       .add("refund_desc", req.reason)
                       .text();
    if (!d->store.isOpen())
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
    bool ok = false;
    const std::optional<RefundRow> earlier = d->store.loadRefund(req.refundNo, &ok);
    if (!ok)
        return d->respondStorageError(r, std::move(answer));
    if (earlier)
        return d->respond(refunded(earlier->paymentNo, QString(), earlier->refundId,
                                   earlier->amountFen,
                                   QStringLiteral("refunded (repeated request)")),
                          false, std::move(answer));

    std::optional<Trade> t = d->store.load(req.paymentNo, &ok);
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

    RefundRow row;
    row.refundNo = req.refundNo;
    row.paymentNo = t->paymentNo;
    row.amountFen = req.refundAmount.fen();
    row.currency = req.refundAmount.currency();
    row.state = kSuccess;
    row.createdAtMs = d->now();
    if (!d->store.nextRefundId(d->now(), &row.refundId) || !d->store.insertRefund(row))
        return d->respondStorageError(r, std::move(answer));
    t->refundedFen += row.amountFen;
    t->state = kRefund;
    if (!d->store.update(*t))
        return d->respondStorageError(r, std::move(answer));
    d->respond(
        refunded(t->paymentNo, t->tradeNo, row.refundId, row.amountFen, QStringLiteral("refunded")),
        false, std::move(answer));
}

void SandboxAcquirer::refundQuery(const QString& refundNo, Answer answer)
{
    ChannelResult r;
    r.requestNo = refundNo;
    r.rawRequest = RawXml().add("out_refund_no", refundNo).text();
    if (!d->store.isOpen())
        return d->respondStorageError(r, std::move(answer));
    bool ok = false;
    const std::optional<RefundRow> found = d->store.loadRefund(refundNo, &ok);
    if (!ok)
        return d->respondStorageError(r, std::move(answer));
    if (!found) {
        r.tradeNotFound = true;
        return d->respond(failed(r, TradeStatus::Unknown, QStringLiteral("REFUNDNOTEXIST"),
                                 QStringLiteral("no such refund")),
                          false, std::move(answer));
    }
    r.channelTradeNo = found->refundId;
    r.returnCode = found->state;
    if (found->state == kSuccess) {
        r.status = TradeStatus::Success;
        r.message = QStringLiteral("refunded");
    } else {
        r.status = TradeStatus::Processing;
        r.message = QStringLiteral("refund in progress");
    }
    r.rawResponse = responseXml(r, true)
                        .add("out_trade_no", found->paymentNo)
                        .add("out_refund_no", refundNo)
                        .add("refund_id", found->refundId)
                        .num("refund_fee", found->amountFen)
                        .add("refund_status", found->state)
                        .text();
    d->respond(r, false, std::move(answer));
}

} // namespace paydesk
