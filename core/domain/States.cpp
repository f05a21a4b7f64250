#include "domain/States.h"

#include <iterator>

namespace paydesk {

namespace {

using O = OrderState;
using P = PaymentState;
using R = RefundState;
using V = RevokeState;

constexpr TransitionRow kOrderRows[] = {
    {int(O::Pending), int(O::Paid), "a payment attempt succeeded"},
    {int(O::Pending), int(O::Closed), "the attempt failed or was revoked unpaid"},
    {int(O::Pending), int(O::Refunded), "the attempt was revoked after it had been paid"},
    {int(O::Pending), int(O::Attention), "revoke exhausted its attempts: truth unknown"},
    {int(O::Attention), int(O::Paid), "a person or a late query found the payment succeeded"},
    {int(O::Attention), int(O::Closed), "a person or a late revoke closed it"},
    {int(O::Attention), int(O::Refunded), "a late revoke reversed a paid attempt"},
    {int(O::Paid), int(O::PartiallyRefunded), "part of the payment was refunded"},
    {int(O::Paid), int(O::Refunded), "the whole payment was refunded or reversed"},
    {int(O::PartiallyRefunded), int(O::Refunded), "the rest was refunded"},
};

constexpr TransitionRow kPaymentRows[] = {
    {int(P::Created), int(P::Processing), "sent; user paying, unknown or timed out"},
    {int(P::Created), int(P::Success), "the channel took the money"},
    {int(P::Created), int(P::Failed), "the channel refused it: nothing taken"},
    {int(P::Created), int(P::Closed), "revoked before it was paid"},
    {int(P::Created), int(P::Reversed), "revoked after it was paid"},
    {int(P::Processing), int(P::Success), "a query or notification says paid"},
    {int(P::Processing), int(P::Failed), "a query says it failed: nothing taken"},
    {int(P::Processing), int(P::Closed), "revoked before it was paid"},
    {int(P::Processing), int(P::Reversed), "revoked after it was paid"},
    {int(P::Success), int(P::Reversed), "a paid duplicate or late payment was revoked"},
};

constexpr TransitionRow kRefundRows[] = {
    {int(R::Created), int(R::Processing), "sent; outcome not yet known"},
    {int(R::Created), int(R::Success), "the channel returned the money"},
    {int(R::Created), int(R::Failed), "the channel refused the refund"},
    {int(R::Processing), int(R::Success), "a refund query says returned"},
    {int(R::Processing), int(R::Failed), "a refund query says refused"},
};

constexpr TransitionRow kRevokeRows[] = {
    {int(V::Requested), int(V::Retrying), "the channel asked to retry or did not answer"},
    {int(V::Requested), int(V::Done), "the channel closed or reversed the trade"},
    {int(V::Requested), int(V::Manual), "no attempt left"},
    {int(V::Retrying), int(V::Done), "a retry closed or reversed the trade"},
    {int(V::Retrying), int(V::Manual), "attempts exhausted: a person must act"},
    {int(V::Manual), int(V::Done), "a manual retry succeeded"},
    {int(V::Manual), int(V::Retrying), "a person asked to try again"},
};

} // namespace

const TransitionRow* transitionTable(EntityKind kind, int* count)
{
    switch (kind) {
    case EntityKind::Order:
        *count = int(std::size(kOrderRows));
        return kOrderRows;
    case EntityKind::Payment:
        *count = int(std::size(kPaymentRows));
        return kPaymentRows;
    case EntityKind::Refund:
        *count = int(std::size(kRefundRows));
        return kRefundRows;
    case EntityKind::Revoke:
        *count = int(std::size(kRevokeRows));
        return kRevokeRows;
    }
    *count = 0;
    return nullptr;
}

bool isAllowedTransition(EntityKind kind, int from, int to)
{
    int n = 0;
    const TransitionRow* rows = transitionTable(kind, &n);
    for (int i = 0; i < n; ++i)
        if (rows[i].from == from && rows[i].to == to)
            return true;
    return false;
}

QString orderStateName(OrderState s)
{
    switch (s) {
    case O::Pending: return QStringLiteral("PENDING");
    case O::Paid: return QStringLiteral("PAID");
    case O::Closed: return QStringLiteral("CLOSED");
    case O::Attention: return QStringLiteral("ATTENTION");
    case O::PartiallyRefunded: return QStringLiteral("PARTIALLY_REFUNDED");
    case O::Refunded: return QStringLiteral("REFUNDED");
    }
    return QStringLiteral("?");
}

int orderStateFromName(const QString& name)
{
    const QString n = name.trimmed().toUpper();
    for (int s = 1; s <= 6; ++s)
        if (orderStateName(OrderState(s)) == n)
            return s;
    return 0;
}

QString paymentStateName(PaymentState s)
{
    switch (s) {
    case P::Created: return QStringLiteral("CREATED");
    case P::Processing: return QStringLiteral("PROCESSING");
    case P::Success: return QStringLiteral("SUCCESS");
    case P::Failed: return QStringLiteral("FAILED");
    case P::Closed: return QStringLiteral("CLOSED");
    case P::Reversed: return QStringLiteral("REVERSED");
    }
    return QStringLiteral("?");
}

QString refundStateName(RefundState s)
{
    switch (s) {
    case R::Created: return QStringLiteral("CREATED");
    case R::Processing: return QStringLiteral("PROCESSING");
    case R::Success: return QStringLiteral("SUCCESS");
    case R::Failed: return QStringLiteral("FAILED");
    }
    return QStringLiteral("?");
}

QString revokeStateName(RevokeState s)
{
    switch (s) {
    case V::Requested: return QStringLiteral("REQUESTED");
    case V::Retrying: return QStringLiteral("RETRYING");
    case V::Done: return QStringLiteral("DONE");
    case V::Manual: return QStringLiteral("MANUAL");
    }
    return QStringLiteral("?");
}

QString tradeStatusName(TradeStatus s)
{
    switch (s) {
    case TradeStatus::Success: return QStringLiteral("SUCCESS");
    case TradeStatus::Failed: return QStringLiteral("FAILED");
    case TradeStatus::Processing: return QStringLiteral("PROCESSING");
    case TradeStatus::Unknown: return QStringLiteral("UNKNOWN");
    }
    return QStringLiteral("?");
}

QString entityKindName(EntityKind k)
{
    switch (k) {
    case EntityKind::Order: return QStringLiteral("order");
    case EntityKind::Payment: return QStringLiteral("payment");
    case EntityKind::Refund: return QStringLiteral("refund");
    case EntityKind::Revoke: return QStringLiteral("revoke");
    }
    return QStringLiteral("?");
}

QString stateName(EntityKind kind, int state)
{
    switch (kind) {
    case EntityKind::Order: return orderStateName(OrderState(state));
    case EntityKind::Payment: return paymentStateName(PaymentState(state));
    case EntityKind::Refund: return refundStateName(RefundState(state));
    case EntityKind::Revoke: return revokeStateName(RevokeState(state));
    }
    return QStringLiteral("?");
}

bool isFinal(OrderState s)
{
    return s == O::Closed || s == O::Refunded;
}
bool isFinal(PaymentState s)
{
    return s == P::Success || s == P::Failed || s == P::Closed || s == P::Reversed;
}
bool isFinal(RefundState s)
{
    return s == R::Success || s == R::Failed;
}
bool isFinal(RevokeState s)
{
    return s == V::Done;
}

} // namespace paydesk
