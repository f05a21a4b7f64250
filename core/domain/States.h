#pragma once

#include <QString>

namespace paydesk {

// Every enum here has stable values: they are stored and travel over the API.

// What the customer's sale is.
enum class OrderState : int {
    Pending = 1,           // created; a payment attempt may be in flight
    Paid = 2,              // one payment succeeded
    Closed = 3,            // nothing was paid (failed, revoked unpaid, cancelled)
    Attention = 4,         // the truth is unknown and automation gave up: a person must act
    PartiallyRefunded = 5, // paid, some refunded
    Refunded = 6,          // paid, fully returned (refund or revoke of a paid payment)
};

// One call to a channel to take money for an order.
enum class PaymentState : int {
    Created = 1,    // stored; the channel may or may not have seen it
    Processing = 2, // sent; user paying, unknown, or timed out
    Success = 3,
    Failed = 4,     // known failed at the channel: nothing was taken
    Closed = 5,     // revoked before it was paid
    Reversed = 6,   // revoked after it was paid: the money went back
};

enum class RefundState : int { Created = 1, Processing = 2, Success = 3, Failed = 4 };

enum class RevokeState : int {
    Requested = 1, // to be sent
    Retrying = 2,  // the channel said retry, or the call's outcome is unknown
    Done = 3,      // the channel closed or reversed the trade
    Manual = 4,    // attempts exhausted: in the manual queue with an alert
};

// Unified channel status contract: only Success and Failed are final.
enum class TradeStatus : int { Success = 1, Failed = 2, Processing = 3, Unknown = 4 };

enum class EntityKind : int { Order = 1, Payment = 2, Refund = 3, Revoke = 4 };

QString orderStateName(OrderState s);
QString paymentStateName(PaymentState s);
QString refundStateName(RefundState s);
QString revokeStateName(RevokeState s);
QString tradeStatusName(TradeStatus s);
QString entityKindName(EntityKind k);
QString stateName(EntityKind kind, int state);
// Accepts the names above in any case; 0 when unknown.
int orderStateFromName(const QString& name);

bool isFinal(OrderState s);
bool isFinal(PaymentState s);
bool isFinal(RefundState s);
bool isFinal(RevokeState s);

// The whitelists. A transition that is not listed is refused: the engine
// records an alert instead of applying it. Same-state "transitions" are not
// transitions and are also refused so callers notice the no-op.
bool isAllowedTransition(EntityKind kind, int from, int to);

struct TransitionRow
{
    int from;
    int to;
    const char* why;
};
// The rows, for ARCHITECTURE.md and tests.
const TransitionRow* transitionTable(EntityKind kind, int* count);

} // namespace paydesk
