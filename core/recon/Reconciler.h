#pragma once

#include "domain/Records.h"
#include "ledger/BackOfficeResult.h"
#include "recon/ReconStore.h"
#include "recon/ReconTypes.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace paydesk {

class Clock;
class Database;
class Ledger;
class LedgerTransaction;

enum class BillFormat
{
    WeChat,
    Alipay
};

// One bill to reconcile: a file a user dropped, or bytes just downloaded.
struct BillInput
{
    QString channel; // "wechat", "alipay", ...
    BillFormat format = BillFormat::WeChat;
    QDate day;                // China date the bill covers
    QString path;             // a file to import ...
    QByteArray content;       // ... or downloaded bytes (when path is empty)
    QString expectedMerchant; // the bill must be this merchant's ('' = any)
    QString by;               // who runs it
    // The channel answered that it has no bill for the day (WeChat "No Bill
    // Exist", Alipay isp.bill_not_exist): the day is reconciled against an
    // empty bill, so whatever we cleared that day is missing at the channel.
    // Needs expectedMerchant; path and content stay empty. A channel also
    // says so before it has made the day's bill (WeChat: after 10:00 the
    // next day), so when we cleared anything that day the run is refused
    // (NotDue) unless a person confirms the channel really has none.
    bool channelHasNoBill = false;
    bool noBillConfirmed = false;
};

// What a no-bill run keeps as its bill's hash: a second such run is repeated.
inline QString noBillSha256()
{
    return QStringLiteral("none: the channel has no bill for the day");
}

// Information flow: every bill line against our cleared money movements,
// with a hash join keyed by the merchant's numbers (the bill is streamed,
// only our day's items are held). Fund flow: the channel's net for the day
// against what the ledger put into the channel receivable, the difference
// posted to suspense. Differences are stored with a state and worked by
// people; the ones near the day cut-off wait for the next day's bill.
class Reconciler
{
public:
    // orderNo may be '' (a difference not tied to one of our orders). A
    // level other than None asks a person to act (an alert).
    using TimelineSink =
        std::function<void(const QString& orderNo, const QString& message, AlertLevel level)>;
    // Alerts one run raises one by one; the rest are summed up in one.
    static constexpr int kAlertsPerRun = 20;

    Reconciler(Database& db, Clock& clock, Ledger& ledger, ReconConfig config);
    QString open();
    void setTimelineSink(TimelineSink sink) { m_timeline = std::move(sink); }

    // Imports and reconciles a bill; all or nothing. The same bill again
    // answers Repeated with the first report; another bill for a day
    // already reconciled is refused.
    BackOfficeOutcome reconcile(const BillInput& input, ReconReport* report);
    std::optional<ReconReport> report(const QString& channel, const QString& merchant,
                                      const QDate& day);

    QList<ReconDifference> differences(const DiffFilter& f) { return m_store.differences(f); }
    std::optional<qint64> needingActionCount() { return m_store.needingActionCount(); }
    std::optional<ReconDifference> difference(qint64 id) { return m_store.difference(id); }
    // A person explains an open difference.
    BackOfficeOutcome resolve(qint64 id, const QString& by, const QString& reason);
    BackOfficeOutcome assign(qint64 id, const QString& owner, const QString& by);
    // Maker-checker write-off: one proposes, another approves or rejects.
    // Approving a fund difference moves its amount out of suspense.
    BackOfficeOutcome proposeWriteOff(qint64 id, const QString& by, const QString& reason);
    // Maker-checker recovery of a payment the bill shows paid that we lack or
    // still think in progress: approving it has the engine complete or create
    // the order with its postings, and moves the money from suspense to the
    // receivable, shrinking the day's fund difference.
    BackOfficeOutcome proposeRecovery(qint64 id, const QString& by, const QString& reason);
    // Approves or rejects whatever a difference waits for (write-off or recovery).
    BackOfficeOutcome decide(qint64 id, const QString& by, bool approve);

    // What completes our side of a recovered payment (the payment engine).
    // `approval` says who agreed; the sink writes in the current batch and
    // writes nothing when it refuses.
    using RecoverySink =
        std::function<RecoveryOutcome(const ReconDifference& d, const QString& approval)>;
    void setRecoverySink(RecoverySink sink) { m_recovery = std::move(sink); }
    // Our payments and refunds, as the engine holds them (the embedded core
    // asks its store): a bill line we lack is a status mismatch when we hold
    // it in another state, else missing locally.
    void setLocalRecords(LocalRecords records) { m_localRecords = std::move(records); }

    ReconStore& store() { return m_store; }

private:
    BackOfficeOutcome writeFailed();
    std::optional<ReconDifference> lockDifference(qint64 id, BackOfficeOutcome* failure);
    // Moves an open difference to a proposal (write-off or recovery) by `by`.
    std::optional<ReconDifference> propose(qint64 id, const QString& by, const QString& reason,
                                           DiffState to, BackOfficeOutcome* failure);
    // Why the difference cannot be recovered; empty when it can.
    QString recoveryRefusal(const ReconDifference& d) const;
    BackOfficeOutcome applyWriteOff(ReconDifference& d);
    BackOfficeOutcome applyRecovery(ReconDifference& d);
    bool explainFundDifference(const ReconDifference& recovered, const QString& entryKey);
    // nullopt when posted (or already posted), else the failure.
    std::optional<BackOfficeOutcome> commitEntry(LedgerTransaction& t,
                                                 const QString& number = QString());

    Database& m_db;
    Clock& m_clock;
    Ledger& m_ledger;
    ReconConfig m_config;
    ReconStore m_store;
    TimelineSink m_timeline;
    RecoverySink m_recovery;
    LocalRecords m_localRecords;
};

QJsonObject reconReportObject(const ReconReport& r);
QByteArray reconReportJson(const ReconReport& r); // reconReportObject, compact
bool readReconReportJson(const QByteArray& json, ReconReport* out);
// The report an earlier run stored, if any.
std::optional<ReconReport> storedReconReport(ReconStore& store, const QString& channel,
                                             const QString& merchant, const QDate& day);

} // namespace paydesk
