#pragma once

#include "domain/Records.h"
#include "ledger/BackOfficeResult.h"
#include "recon/ReconStore.h"
#include "recon/ReconTypes.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <functional>

namespace paydesk {

class Clock;
class Database;
class Ledger;

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
};

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
    std::optional<ReconDifference> difference(qint64 id) { return m_store.difference(id); }
    // A person explains an open difference.
    BackOfficeOutcome resolve(qint64 id, const QString& by, const QString& reason);
    BackOfficeOutcome assign(qint64 id, const QString& owner, const QString& by);
    // Maker-checker write-off: one proposes, another approves or rejects.
    // Approving a fund difference moves its amount out of suspense.
    BackOfficeOutcome proposeWriteOff(qint64 id, const QString& by, const QString& reason);
    BackOfficeOutcome decide(qint64 id, const QString& by, bool approve);

    ReconStore& store() { return m_store; }

private:
    BackOfficeOutcome writeFailed();
    std::optional<ReconDifference> lockDifference(qint64 id, BackOfficeOutcome* failure);

    Database& m_db;
    Clock& m_clock;
    Ledger& m_ledger;
    ReconConfig m_config;
    ReconStore m_store;
    TimelineSink m_timeline;
};

QByteArray reconReportJson(const ReconReport& r);
bool readReconReportJson(const QByteArray& json, ReconReport* out);

} // namespace paydesk
