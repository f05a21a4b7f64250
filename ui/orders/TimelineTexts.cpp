#include "orders/TimelineTexts.h"

#include "cashier/SaleView.h"
#include "common/CodeTexts.h"
#include "orders/AlertTexts.h"

#include <QCoreApplication>

namespace paydesk::ui {

namespace {

// A code the table does not know is shown as recorded.
template <size_t N> QString lookUp(const CodeText (&table)[N], const QString& code)
{
    return codeText("TimelineTexts", table, code).value_or(code);
}

// The kinds of step the core records (PaymentEngine, Ledger, reconciliation).
constexpr CodeText kSteps[] = {
    {"created", QT_TRANSLATE_NOOP("TimelineTexts", "created")},
    {"transition", QT_TRANSLATE_NOOP("TimelineTexts", "state change")},
    {"call", QT_TRANSLATE_NOOP("TimelineTexts", "channel call")},
    {"refused", QT_TRANSLATE_NOOP("TimelineTexts", "refused")},
    {"conflict", QT_TRANSLATE_NOOP("TimelineTexts", "conflicting result")},
    {"duplicate", QT_TRANSLATE_NOOP("TimelineTexts", "duplicate payment")},
    {"alert", QT_TRANSLATE_NOOP("TimelineTexts", "alert")},
    {"deadline", QT_TRANSLATE_NOOP("TimelineTexts", "deadline passed")},
    {"rerouted", QT_TRANSLATE_NOOP("TimelineTexts", "sent to another acquirer")},
    {"resume", QT_TRANSLATE_NOOP("TimelineTexts", "picked up after a restart")},
    {"refund", QT_TRANSLATE_NOOP("TimelineTexts", "refund requested")},
    {"revoke", QT_TRANSLATE_NOOP("TimelineTexts", "revoke requested")},
    {"posted", QT_TRANSLATE_NOOP("TimelineTexts", "posted to the ledger")},
    {"posting_failed", QT_TRANSLATE_NOOP("TimelineTexts", "ledger posting failed")},
    {"reconciliation", QT_TRANSLATE_NOOP("TimelineTexts", "reconciliation")},
};

constexpr CodeText kSources[] = {
    {"engine", QT_TRANSLATE_NOOP("TimelineTexts", "PayDesk")},
    {"cashier", QT_TRANSLATE_NOOP("TimelineTexts", "counter")},
    {"ledger", QT_TRANSLATE_NOOP("TimelineTexts", "ledger")},
    {"reconciliation", QT_TRANSLATE_NOOP("TimelineTexts", "reconciliation")},
    {"scheduler", QT_TRANSLATE_NOOP("TimelineTexts", "PayDesk (scheduled check)")},
};

// State names of orders, payments, refunds and revokes (domain/States).
constexpr CodeText kStates[] = {
    {"PENDING", QT_TRANSLATE_NOOP("TimelineTexts", "pending")},
    {"CREATED", QT_TRANSLATE_NOOP("TimelineTexts", "created")},
    {"PROCESSING", QT_TRANSLATE_NOOP("TimelineTexts", "processing")},
    {"REQUESTED", QT_TRANSLATE_NOOP("TimelineTexts", "requested")},
    {"RETRYING", QT_TRANSLATE_NOOP("TimelineTexts", "retrying")},
    {"PAID", QT_TRANSLATE_NOOP("TimelineTexts", "paid")},
    {"SUCCESS", QT_TRANSLATE_NOOP("TimelineTexts", "succeeded")},
    {"DONE", QT_TRANSLATE_NOOP("TimelineTexts", "done")},
    {"FAILED", QT_TRANSLATE_NOOP("TimelineTexts", "failed")},
    {"CLOSED", QT_TRANSLATE_NOOP("TimelineTexts", "closed")},
    {"REVERSED", QT_TRANSLATE_NOOP("TimelineTexts", "reversed")},
    {"ATTENTION", QT_TRANSLATE_NOOP("TimelineTexts", "needs attention")},
    {"MANUAL", QT_TRANSLATE_NOOP("TimelineTexts", "left to a person")},
    {"PARTIALLY_REFUNDED", QT_TRANSLATE_NOOP("TimelineTexts", "partly refunded")},
    {"REFUNDED", QT_TRANSLATE_NOOP("TimelineTexts", "refunded")},
    {"UNKNOWN", QT_TRANSLATE_NOOP("TimelineTexts", "unknown")},
};

// The core's step codes (engine/EventTexts) with the same %-arguments.
constexpr CodeText kMessages[] = {
    {"sale_created", QT_TRANSLATE_NOOP("TimelineTexts", "sale of %1 created (request %2)")},
    {"qr_sale_created", QT_TRANSLATE_NOOP("TimelineTexts", "QR sale of %1 created (request %2)")},
    {"payment_created",
     QT_TRANSLATE_NOOP("TimelineTexts", "payment by %1 code %2 via %3, revoke deadline in %4 s")},
    {"refund_requested", QT_TRANSLATE_NOOP("TimelineTexts", "refund of %1 requested: %2")},
    {"revoke_requested", QT_TRANSLATE_NOOP("TimelineTexts", "revoke of payment %1 requested: %2")},
    {"deadline_passed",
     QT_TRANSLATE_NOOP("TimelineTexts", "deadline passed: asking %1 once more before revoking")},
    {"notification_confirming",
     QT_TRANSLATE_NOOP("TimelineTexts", "notified %1: asking the channel before believing it")},
    {"rerouted_refused",
     QT_TRANSLATE_NOOP("TimelineTexts",
                       "%1 refused payment %2 (%3): the code goes to %4 as payment %5")},
    {"rerouted_unreachable",
     QT_TRANSLATE_NOOP("TimelineTexts", "%1 could not be reached for payment %2 (%3): the code "
                                        "goes to %4 as payment %5")},
    {"cancelled_no_payment",
     QT_TRANSLATE_NOOP("TimelineTexts", "cancelled with no payment in flight")},
    {"unreachable_not_charged",
     QT_TRANSLATE_NOOP("TimelineTexts",
                       "the payment service could not be reached; nothing was charged (%1)")},
    {"unreachable_no_qr",
     QT_TRANSLATE_NOOP("TimelineTexts",
                       "the payment service could not be reached; no QR code was issued (%1)")},
    {"qr_issued",
     QT_TRANSLATE_NOOP("TimelineTexts", "QR code issued; waiting for the customer to scan")},
    {"qr_refused", QT_TRANSLATE_NOOP("TimelineTexts", "QR code refused: %1")},
    {"qr_outcome_unknown", QT_TRANSLATE_NOOP("TimelineTexts", "QR request outcome unknown")},
    {"payment_paid", QT_TRANSLATE_NOOP("TimelineTexts", "paid (%1)")},
    {"payment_failed", QT_TRANSLATE_NOOP("TimelineTexts", "failed: %1 (%2)")},
    {"payment_no_answer",
     QT_TRANSLATE_NOOP("TimelineTexts", "no answer in time: outcome unknown, will query")},
    {"payment_waiting", QT_TRANSLATE_NOOP("TimelineTexts", "%1: %2")},
    {"order_paid", QT_TRANSLATE_NOOP("TimelineTexts", "paid %1 by %2")},
    {"order_not_paid", QT_TRANSLATE_NOOP("TimelineTexts", "not paid: %1")},
    {"revoke_money_returned", QT_TRANSLATE_NOOP("TimelineTexts", "the channel returned the money")},
    {"revoke_trade_closed",
     QT_TRANSLATE_NOOP("TimelineTexts", "the channel closed the unpaid trade")},
    {"payment_revoked_after_paid",
     QT_TRANSLATE_NOOP("TimelineTexts", "revoked after it was paid: money returned")},
    {"payment_revoked_before_paid",
     QT_TRANSLATE_NOOP("TimelineTexts", "revoked before it was paid")},
    {"order_revoked_returned",
     QT_TRANSLATE_NOOP("TimelineTexts", "the payment was revoked and returned")},
    {"revoke_retrying", QT_TRANSLATE_NOOP("TimelineTexts", "retrying: %1")},
    {"order_needs_attention",
     QT_TRANSLATE_NOOP("TimelineTexts", "revoke failed: a person must check this payment")},
    {"refund_succeeded", QT_TRANSLATE_NOOP("TimelineTexts", "money returned to the customer")},
    {"refund_refused", QT_TRANSLATE_NOOP("TimelineTexts", "refund refused: %1 (%2)")},
    {"order_refunded", QT_TRANSLATE_NOOP("TimelineTexts", "refunded %1 of %2")},
    {"refund_unknown", QT_TRANSLATE_NOOP("TimelineTexts", "refund outcome not known yet (%1)")},
    {"refund_resent",
     QT_TRANSLATE_NOOP("TimelineTexts", "%1 has no such refund (its request was lost): sent "
                                        "again under the same number")},
    {"payment_resumed",
     QT_TRANSLATE_NOOP("TimelineTexts", "resumed after restart in state %1: asking the channel")},
    {"revoke_resumed", QT_TRANSLATE_NOOP("TimelineTexts", "revoke resumed after restart")},
    {"refund_resumed", QT_TRANSLATE_NOOP("TimelineTexts", "refund resumed after restart")},
    {"work_taken_over",
     QT_TRANSLATE_NOOP("TimelineTexts", "taken over from %1, whose lease ran out")},
    {"channel_call", QT_TRANSLATE_NOOP("TimelineTexts", "%1: %2")},
    {"alert_raised", QT_TRANSLATE_NOOP("TimelineTexts", "alert (%1): %2")},
    {"ledger_posted", QT_TRANSLATE_NOOP("TimelineTexts", "recorded in the ledger: %1")},
    {"ledger_posting_failed",
     QT_TRANSLATE_NOOP("TimelineTexts", "could not be recorded in the ledger: %1")},
};

// The channel calls a step can name (trackCall).
constexpr CodeText kCalls[] = {
    {"pay", QT_TRANSLATE_NOOP("TimelineTexts", "pay")},
    {"late_pay", QT_TRANSLATE_NOOP("TimelineTexts", "late answer to pay")},
    {"query", QT_TRANSLATE_NOOP("TimelineTexts", "query")},
    {"late_query", QT_TRANSLATE_NOOP("TimelineTexts", "late answer to query")},
    {"revoke", QT_TRANSLATE_NOOP("TimelineTexts", "revoke")},
    {"late_revoke", QT_TRANSLATE_NOOP("TimelineTexts", "late answer to revoke")},
    {"refund", QT_TRANSLATE_NOOP("TimelineTexts", "refund")},
    {"late_refund", QT_TRANSLATE_NOOP("TimelineTexts", "late answer to refund")},
    {"refund_query", QT_TRANSLATE_NOOP("TimelineTexts", "refund query")},
    {"notification", QT_TRANSLATE_NOOP("TimelineTexts", "notification")},
    {"precreate", QT_TRANSLATE_NOOP("TimelineTexts", "QR code request")},
};

// The channel's answer as PayDesk read it (tradeStatusName).
constexpr CodeText kTradeStatuses[] = {
    {"SUCCESS", QT_TRANSLATE_NOOP("TimelineTexts", "paid")},
    {"FAILED", QT_TRANSLATE_NOOP("TimelineTexts", "not paid")},
    {"PROCESSING", QT_TRANSLATE_NOOP("TimelineTexts", "in progress")},
    {"UNKNOWN", QT_TRANSLATE_NOOP("TimelineTexts", "no clear answer")},
};

QString walletArg(const QString& name)
{
    const Wallet w = walletFromName(name);
    return w == Wallet::Unknown ? name : SaleText::walletLabel(w);
}

QString tr(const char* text)
{
    return QCoreApplication::translate("TimelineTexts", text);
}

QString arg(const QStringList& args, int i)
{
    return i < args.size() ? args.at(i) : QString();
}

// "pay (attempt 2): in progress (USERPAYING) user is entering the password"
QString channelCallText(const QStringList& a)
{
    QString call = lookUp(kCalls, arg(a, 0));
    if (const int attempt = arg(a, 1).toInt(); attempt > 0)
        call = tr("%1 (attempt %2)").arg(call).arg(attempt);
    QString answer = lookUp(kTradeStatuses, arg(a, 2));
    if (!arg(a, 3).isEmpty())
        answer += QStringLiteral(" (%1)").arg(arg(a, 3));
    if (!arg(a, 4).isEmpty())
        answer += QLatin1Char(' ') + arg(a, 4); // the channel's own words
    if (!arg(a, 5).isEmpty())
        answer += QLatin1Char(' ') + tr("no answer before the timeout");
    if (!arg(a, 6).isEmpty())
        answer += QLatin1Char(' ') + tr("[trade not found yet]");
    if (!arg(a, 7).isEmpty())
        answer += QLatin1Char(' ') + tr("[the channel asks to retry]");
    if (!arg(a, 8).isEmpty())
        answer += QStringLiteral(" [action=%1]").arg(arg(a, 8));
    return fillEventTemplate(tr("%1: %2"), {call, answer});
}

constexpr CodeText kLevels[] = {
    {"watch", QT_TRANSLATE_NOOP("TimelineTexts", "watch")},
    {"page", QT_TRANSLATE_NOOP("TimelineTexts", "urgent")},
};

} // namespace

QString timelineStepLabel(const QString& kind)
{
    return lookUp(kSteps, kind);
}

QString timelineSourceLabel(const QString& source)
{
    // A channel's calls and notifications name the channel: "channel:wechat".
    if (source.startsWith(QLatin1String("channel:")))
        return QCoreApplication::translate("TimelineTexts", "channel %1").arg(source.mid(8));
    if (source.startsWith(QLatin1String("notify:")))
        return QCoreApplication::translate("TimelineTexts", "notification from %1")
            .arg(source.mid(7));
    return lookUp(kSources, source);
}

QString timelineStateLabel(const QString& stateName)
{
    return lookUp(kStates, stateName);
}

QString alertLevelLabel(const QString& levelName)
{
    return lookUp(kLevels, levelName);
}

QString timelineMessage(const TrackEvent& e)
{
    if (e.code.isEmpty())
        return e.message;
    const QStringList& a = e.args;
    if (e.code == QLatin1String("channel_call"))
        return channelCallText(a);
    if (e.code == QLatin1String("alert_raised"))
        return fillEventTemplate(tr("alert (%1): %2"),
                                 {alertLevelLabel(arg(a, 0)), alertSummary(arg(a, 1))});
    const std::optional<QString> tpl = codeText("TimelineTexts", kMessages, e.code);
    if (!tpl)
        return e.message; // a code newer than this front end
    QStringList shown = a;
    // Machine names among the arguments, in the user's words too.
    if (e.code == QLatin1String("payment_created") && !shown.isEmpty()) {
        shown[0] = walletArg(shown[0]);
    } else if (e.code == QLatin1String("order_paid") && shown.size() > 1) {
        shown[1] = walletArg(shown[1]);
    } else if ((e.code == QLatin1String("order_not_paid") ||
                e.code == QLatin1String("payment_resumed")) &&
               !shown.isEmpty()) {
        shown[0] = timelineStateLabel(shown[0]);
    }
    return fillEventTemplate(*tpl, shown);
}

QStringList timelineMessageCodes()
{
    QStringList out;
    for (const CodeText& t : kMessages)
        out << QString::fromLatin1(t.code);
    return out;
}

} // namespace paydesk::ui
