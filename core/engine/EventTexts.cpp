#include "engine/EventTexts.h"

namespace paydesk::events {

namespace {

struct Template
{
    const char* code;
    const char* english;
};

// Every code a step can carry, and what it says in English. Front ends
// translate the same codes; keep the %-numbers in step with theirs.
constexpr Template kTemplates[] = {
    {"sale_created", "sale of %1 created (request %2)"},
    {"qr_sale_created", "QR sale of %1 created (request %2)"},
    {"payment_created", "payment by %1 code %2 via %3, revoke deadline in %4 s"},
    {"refund_requested", "refund of %1 requested: %2"},
    {"revoke_requested", "revoke of payment %1 requested: %2"},
    {"rerouted_refused", "%1 refused payment %2 (%3): the code goes to %4 as payment %5"},
    {"rerouted_unreachable",
     "%1 could not be reached for payment %2 (%3): the code goes to %4 as payment %5"},
    {"deadline_passed", "deadline passed: asking %1 once more before revoking"},
    {"notification_confirming", "notified %1: asking the channel before believing it"},
    {"cancelled_no_payment", "cancelled with no payment in flight"},
    {"unreachable_not_charged",
     "the payment service could not be reached; nothing was charged (%1)"},
    {"unreachable_no_qr", "the payment service could not be reached; no QR code was issued (%1)"},
    {"qr_issued", "QR code issued; waiting for the customer to scan"},
    {"qr_refused", "QR code refused: %1"},
    {"qr_outcome_unknown", "QR request outcome unknown"},
    {"payment_paid", "paid (%1)"},
    {"payment_failed", "failed: %1 (%2)"},
    {"payment_no_answer", "no answer in time: outcome unknown, will query"},
    {"payment_waiting", "%1: %2"},
    {"order_paid", "paid %1 by %2"},
    {"order_not_paid", "not paid: %1"},
    {"revoke_money_returned", "the channel returned the money"},
    {"revoke_trade_closed", "the channel closed the unpaid trade"},
    {"payment_revoked_after_paid", "revoked after it was paid: money returned"},
    {"payment_revoked_before_paid", "revoked before it was paid"},
    {"order_revoked_returned", "the payment was revoked and returned"},
    {"revoke_retrying", "retrying: %1"},
    {"order_needs_attention", "revoke failed: a person must check this payment"},
    {"refund_succeeded", "money returned to the customer"},
    {"refund_refused", "refund refused: %1 (%2)"},
    {"order_refunded", "refunded %1 of %2"},
    {"refund_unknown", "refund outcome not known yet (%1)"},
    {"refund_resent",
     "%1 has no such refund (its request was lost): sent again under the same number"},
    {"payment_resumed", "resumed after restart in state %1: asking the channel"},
    {"revoke_resumed", "revoke resumed after restart"},
    {"refund_resumed", "refund resumed after restart"},
    {"work_taken_over", "taken over from %1, whose lease ran out"},
    // Built by PaymentEngine::trackCall, not from this template: %1 the call
    // (pay, query, revoke, refund, refund_query, notification, precreate;
    // late_ in front for an answer after its time), %2 attempt (0: none), %3
    // status, %4 return code, %5 the channel's words, %6 "timeout", %7
    // "not_found", %8 "retry" (each empty when not so), %9 revoke action.
    {"channel_call", "%1 %2: %3 (%4) %5"},
    {"alert_raised", "%1 alert %2: %3"},
    // %1: the ledger's own account of the entry (account codes and amounts).
    {"ledger_posted", "%1"},
    {"ledger_posting_failed", "%1"},
};

} // namespace

QString englishTemplate(const QString& code)
{
    for (const Template& t : kTemplates)
        if (code == QLatin1String(t.code))
            return QString::fromLatin1(t.english);
    return {};
}

QStringList codes()
{
    QStringList out;
    for (const Template& t : kTemplates)
        out << QString::fromLatin1(t.code);
    return out;
}

EventText text(const char* code, const QStringList& args)
{
    const QString tpl = englishTemplate(QLatin1String(code));
    Q_ASSERT_X(!tpl.isEmpty(), "events::text", code);
    return EventText(QString::fromLatin1(code), args, fillEventTemplate(tpl, args));
}

} // namespace paydesk::events
