#include "recon/Reconciler.h"

#include "money/Money.h"
#include "recon/ReconRun.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace paydesk {

Reconciler::Reconciler(Database& db, Clock& clock, Ledger& ledger, ReconConfig config)
    : m_db(db), m_clock(clock), m_ledger(ledger), m_config(std::move(config)), m_store(db)
{}

QString Reconciler::open()
{
    return m_db.migrate(ReconStore::schemaName(), ReconStore::migrations());
}

std::optional<ReconReport> Reconciler::report(const QString& channel, const QString& merchant,
                                              const QDate& day)
{
    return storedReconReport(m_store, channel, merchant, day);
}

BackOfficeOutcome Reconciler::reconcile(const BillInput& in, ReconReport* out)
{
    ReconRun run(m_db, m_clock, m_ledger, m_config, m_store, in);
    run.setLocalRecords(m_localRecords);
    // The steps in order (ReconRun says what each does); the first answer
    // ends the run. Keeping the bill runs on a thread beside loading our side.
    const auto stopped = [&]() -> ReconRun::Step {
        if (auto bad = ReconRun::checkInput(in))
            return bad;
        run.startKeepingBill();
        if (auto s = run.lockForWrite())
            return s;
        if (auto s = run.loadOurSide())
            return s;
        if (auto s = run.decideNoBillDay())
            return s;
        if (auto s = run.takeKeptBill())
            return s;
        run.matchBill();
        if (auto s = run.acceptBill())
            return s;
        run.matchHeldBillLines();
        run.classifyLeftovers();
        run.settleHeldItems();
        if (auto s = run.postFundFlow())
            return s;
        if (auto s = run.store())
            return s;
        run.tellTimelines(m_timeline);
        return std::nullopt;
    }();
    if (run.answer())
        *out = *run.answer();
    return stopped ? *stopped : run.outcome();
}

std::optional<ReconReport> storedReconReport(ReconStore& store, const QString& channel,
                                             const QString& merchant, const QDate& day)
{
    const auto json = store.runReport(channel, merchant, day);
    ReconReport r;
    if (!json || !readReconReportJson(*json, &r))
        return std::nullopt;
    return r;
}

QJsonObject reconReportObject(const ReconReport& r)
{
    auto side = [](const ReconSideTotals& s) {
        return QJsonObject{{QStringLiteral("payments"), s.payments},
                           {QStringLiteral("paid"), plainYuan(s.paidFen)},
                           {QStringLiteral("refunds"), s.refunds},
                           {QStringLiteral("refunded"), plainYuan(s.refundedFen)},
                           {QStringLiteral("fees"), plainYuan(s.feeFen)},
                           {QStringLiteral("net"), plainYuan(s.netFen())}};
    };
    QJsonObject kinds;
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k)
        kinds.insert(diffKindName(DiffKind(k)),
                     QJsonObject{{QStringLiteral("count"), r.byKind[k].count},
                                 {QStringLiteral("amount"), plainYuan(r.byKind[k].sumFen)}});
    const QJsonObject o{{QStringLiteral("channel"), r.channel},
                        {QStringLiteral("merchant"), r.merchant},
                        {QStringLiteral("date"), r.businessDate.toString(Qt::ISODate)},
                        {QStringLiteral("billSha256"), r.billSha256},
                        {QStringLiteral("rawPath"), r.rawPath},
                        {QStringLiteral("ours"), side(r.ours)},
                        {QStringLiteral("bill"), side(r.theirs)},
                        {QStringLiteral("matched"), r.matched},
                        {QStringLiteral("pendingNextDay"), r.pendingNextDay},
                        {QStringLiteral("resolvedFromPrevious"), r.resolvedFromPrevious},
                        {QStringLiteral("differences"), kinds},
                        {QStringLiteral("fundDifference"), plainYuan(r.fundDifferenceFen)},
                        {QStringLiteral("fundEntry"), r.fundEntryKey},
                        {QStringLiteral("runBy"), r.runBy},
                        {QStringLiteral("atMs"), r.atMs},
                        {QStringLiteral("elapsedMs"), r.elapsedMs}};
    return o;
}

QByteArray reconReportJson(const ReconReport& r)
{
    return QJsonDocument(reconReportObject(r)).toJson(QJsonDocument::Compact);
}

bool readReconReportJson(const QByteArray& json, ReconReport* out)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        return false;
    auto fen = [](const QJsonValue& v) {
        const auto m = Money::parse(v.toString(), kCny);
        return m ? m->fen() : 0;
    };
    auto side = [&](const QJsonObject& s, ReconSideTotals* t) {
        t->payments = s.value(QStringLiteral("payments")).toInteger();
        t->paidFen = fen(s.value(QStringLiteral("paid")));
        t->refunds = s.value(QStringLiteral("refunds")).toInteger();
        t->refundedFen = fen(s.value(QStringLiteral("refunded")));
        t->feeFen = fen(s.value(QStringLiteral("fees")));
    };
    ReconReport r;
    r.channel = o.value(QStringLiteral("channel")).toString();
    r.merchant = o.value(QStringLiteral("merchant")).toString();
    r.businessDate = QDate::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate);
    r.billSha256 = o.value(QStringLiteral("billSha256")).toString();
    r.rawPath = o.value(QStringLiteral("rawPath")).toString();
    side(o.value(QStringLiteral("ours")).toObject(), &r.ours);
    side(o.value(QStringLiteral("bill")).toObject(), &r.theirs);
    r.matched = o.value(QStringLiteral("matched")).toInteger();
    r.pendingNextDay = o.value(QStringLiteral("pendingNextDay")).toInteger();
    r.resolvedFromPrevious = o.value(QStringLiteral("resolvedFromPrevious")).toInteger();
    const QJsonObject kinds = o.value(QStringLiteral("differences")).toObject();
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k) {
        const QJsonObject ko = kinds.value(diffKindName(DiffKind(k))).toObject();
        r.byKind[k].count = ko.value(QStringLiteral("count")).toInteger();
        r.byKind[k].sumFen = fen(ko.value(QStringLiteral("amount")));
    }
    r.fundDifferenceFen = fen(o.value(QStringLiteral("fundDifference")));
    r.fundEntryKey = o.value(QStringLiteral("fundEntry")).toString();
    r.runBy = o.value(QStringLiteral("runBy")).toString();
    r.atMs = o.value(QStringLiteral("atMs")).toInteger();
    r.elapsedMs = o.value(QStringLiteral("elapsedMs")).toInteger();
    *out = r;
    return true;
}

} // namespace paydesk
