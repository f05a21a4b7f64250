#include "orders/AlertTexts.h"

#include "common/CodeTexts.h"

namespace paydesk::ui {

namespace {

// The kinds the core raises (PaymentEngine, Ledger, EmbeddedApi).
constexpr CodeText kTexts[] = {
    {"large_amount",
     QT_TRANSLATE_NOOP("AlertTexts", "An unusually large amount was charged: check the sale with "
                                     "the customer.")},
    {"trade_not_found",
     QT_TRANSLATE_NOOP("AlertTexts", "The channel does not know this payment yet; PayDesk keeps "
                                     "asking. Open the order to follow it.")},
    {"not_final_after_deadline",
     QT_TRANSLATE_NOOP("AlertTexts", "A payment is still not final after its deadline and is being "
                                     "revoked. Do not charge the customer again until it ends.")},
    {"channel_missing",
     QT_TRANSLATE_NOOP("AlertTexts", "A payment's channel is not configured on this counter: check "
                                     "the channel settings.")},
    {"duplicate_payment",
     QT_TRANSLATE_NOOP("AlertTexts", "A payment arrived for an order already paid or closed; it is "
                                     "being returned automatically.")},
    {"revoke_failed",
     QT_TRANSLATE_NOOP("AlertTexts", "A revoke failed after every retry: the customer's money may "
                                     "have been taken. Call the channel and check the order.")},
    {"refund_not_final",
     QT_TRANSLATE_NOOP("AlertTexts",
                       "A refund is still not final: check it with the channel before "
                       "refunding again.")},
    {"unknown_notification",
     QT_TRANSLATE_NOOP("AlertTexts", "A payment notification named an order PayDesk does not know; "
                                     "nothing was changed.")},
    {"notification_wrong_channel",
     QT_TRANSLATE_NOOP("AlertTexts", "A payment notification came from another channel than the "
                                     "payment's and was not applied. Check the order.")},
    {"notification_amount_mismatch",
     QT_TRANSLATE_NOOP("AlertTexts", "A payment notification carried another amount than the "
                                     "order's and was not applied. Check the order.")},
    {"conflicting_result",
     QT_TRANSLATE_NOOP("AlertTexts", "The channel reported a result that contradicts the one "
                                     "recorded; the first one stays. Check the order with the "
                                     "channel.")},
    {"network_errors",
     QT_TRANSLATE_NOOP("AlertTexts", "Calls to a payment channel keep failing: check the network "
                                     "and the channel's status.")},
    {"notification_refused",
     QT_TRANSLATE_NOOP("AlertTexts", "A channel's notification was refused (signature or merchant "
                                     "do not match); results now come by polling. Check the "
                                     "channel settings.")},
    {"ledger_posting_failed",
     QT_TRANSLATE_NOOP("AlertTexts", "A payment could not be recorded in the ledger: tell the "
                                     "accounting staff.")},
    {"ledger_unbalanced",
     QT_TRANSLATE_NOOP("AlertTexts", "The ledger refused an unbalanced entry (a program error): "
                                     "tell support.")},
    {"ledger_backfill",
     QT_TRANSLATE_NOOP("AlertTexts", "Payments made before the ledger existed are now recorded in "
                                     "it; nothing is due. For the accounting staff.")},
    {"pin_lockout",
     QT_TRANSLATE_NOOP("AlertTexts", "Refunds were locked at a counter after too many wrong "
                                     "supervisor PINs: find out who tried.")},
    {"reconciliation",
     QT_TRANSLATE_NOOP("AlertTexts", "Reconciliation found a difference with the channel's bill: "
                                     "the accounting staff should look at it.")},
};

} // namespace

QString alertSummary(const QString& kind)
{
    return codeText("AlertTexts", kTexts, kind).value_or(kind);
}

} // namespace paydesk::ui
