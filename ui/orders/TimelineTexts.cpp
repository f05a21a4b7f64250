#include "orders/TimelineTexts.h"

#include <QCoreApplication>

namespace paydesk::ui {

namespace {

struct CodeText
{
    const char* code;
    const char* text;
};

template <size_t N> QString lookUp(const CodeText (&table)[N], const QString& code)
{
    for (const CodeText& t : table)
        if (code == QLatin1String(t.code))
            return QCoreApplication::translate("TimelineTexts", t.text);
    return code;
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

} // namespace paydesk::ui
