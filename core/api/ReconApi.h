#pragma once

#include "api/types/BackOffice.h"
#include "api/types/Reconciliation.h"

#include <QDate>
#include <QString>

#include <functional>
#include <optional>

namespace paydesk {

// One day of one channel to reconcile.
struct ReconcileRequest
{
    QString channel; // "wechat", "alipay", ...: a channel a route or gateway names
    QDate day;       // the bill's day, China time
    // A bill file a person dropped (WeChat CSV, Alipay ZIP); empty: download
    // the day's bill through the channel's adapter.
    QString billPath;
    // The channel has no bill for the day and a person confirms it: what we
    // cleared that day becomes missing at the channel. Not with billPath.
    bool confirmNoBill = false;
    QString by;
    // Where to export the run's report once it is recorded (optional).
    QString csvPath;
    QString pdfPath;
};

struct ReconcileResult
{
    // Ok, Repeated (the same bill again: nothing changed), or why not:
    // NotFound (no such channel), InvalidArgument (a bad combination, an
    // unreadable bill), NotDue, Unavailable (the download failed), ...
    BackOfficeOutcome outcome;
    ReconReport report; // billSha256 empty: nothing ran
};

// Reconciliation's use cases, for accounting staff: reconcile a day
// (downloading the bill through the channel's adapter or taking a dropped
// file), then work its differences (explain, write off or recover by
// maker-checker, assign). Changes are durable before their reply runs.
class ReconApi
{
public:
    template <typename T> using Reply = std::function<void(const T&)>;
    using OutcomeReply = Reply<BackOfficeOutcome>;

    virtual ~ReconApi() = default;

    virtual void reconcile(const ReconcileRequest& request, Reply<ReconcileResult> reply) = 0;
    virtual void differences(const DiffFilter& filter, Reply<QList<ReconDifference>> reply) = 0;
    virtual void difference(qint64 id, Reply<std::optional<ReconDifference>> reply) = 0;
    virtual void resolveDifference(qint64 id, const QString& by, const QString& reason,
                                   OutcomeReply reply) = 0;
    virtual void proposeWriteOff(qint64 id, const QString& by, const QString& reason,
                                 OutcomeReply reply) = 0;
    virtual void proposeRecovery(qint64 id, const QString& by, const QString& reason,
                                 OutcomeReply reply) = 0;
    virtual void decideDifference(qint64 id, const QString& by, bool approve,
                                  OutcomeReply reply) = 0;
    virtual void assignDifference(qint64 id, const QString& owner, const QString& by,
                                  OutcomeReply reply) = 0;
};

} // namespace paydesk
