#include "api/EmbeddedRecon.h"

#include "api/EmbeddedBackOffice.h"

#include "api/types/ReconReportExport.h"
#include "channels/Channel.h"
#include "common/SaveFile.h"
#include "ledger/BackOffice.h"
#include "recon/Reconciler.h"

namespace paydesk {

struct EmbeddedRecon::Run
{
    BillInput input;
    QString csvPath;
    QString pdfPath;
};

namespace {
ReconcileResult refused(BackOfficeStatus status, const QString& message)
{
    return ReconcileResult{BackOfficeOutcome::fail(status, message), {}};
}
} // namespace

BackOfficeOutcome EmbeddedRecon::durable(BackOfficeOutcome o)
{
    return durableOutcome(m_bo, std::move(o));
}

void EmbeddedRecon::reconcile(const ReconcileRequest& request, Reply<ReconcileResult> reply)
{
    if (request.channel.isEmpty())
        return reply(refused(BackOfficeStatus::InvalidArgument,
                             QStringLiteral("the channel is required (wechat, alipay, ...)")));
    if (!request.day.isValid())
        return reply(refused(BackOfficeStatus::InvalidArgument,
                             QStringLiteral("the bill's day is required (China time)")));
    const BillSource src = m_sources(request.channel);
    if (!src.channel)
        return reply(refused(BackOfficeStatus::NotFound,
                             QStringLiteral("unknown channel '%1': no route or gateway uses it")
                                 .arg(request.channel)));
    if (request.confirmNoBill && !request.billPath.isEmpty())
        return reply(refused(BackOfficeStatus::InvalidArgument,
                             QStringLiteral("--confirm-no-bill is for a day the channel has no "
                                            "bill for; it cannot go with --bill")));
    Run r;
    r.input.channel = request.channel;
    r.input.format = src.alipayFormat ? BillFormat::Alipay : BillFormat::WeChat;
    r.input.day = request.day;
    r.input.expectedMerchant = src.merchant;
    r.input.by = request.by;
    r.input.noBillConfirmed = request.confirmNoBill;
    r.input.path = request.billPath;
    r.csvPath = request.csvPath;
    r.pdfPath = request.pdfPath;
    if (!request.billPath.isEmpty())
        return run(r, reply);
    // The day's bill through the channel's adapter; the run follows its answer.
    src.channel->downloadBill(request.day, BillKind::All, [this, r, reply](const BillDownload& b) {
        Run got = r;
        // Failed is the channel's own "no bill for that day" (WeChat "No
        // Bill Exist", Alipay isp.bill_not_exist); the Reconciler decides
        // what that means for the day.
        if (b.status == TradeStatus::Failed) {
            got.input.channelHasNoBill = true;
        } else if (b.status != TradeStatus::Success || b.content.isEmpty()) {
            return reply(refused(BackOfficeStatus::Unavailable,
                                 QStringLiteral("the %1 bill for %2 could not be downloaded: %3 %4")
                                     .arg(r.input.channel, r.input.day.toString(Qt::ISODate),
                                          b.returnCode, b.message)
                                     .trimmed()));
        } else {
            got.input.content = b.content;
        }
        run(got, reply);
    });
}

void EmbeddedRecon::run(const Run& r, Reply<ReconcileResult> reply)
{
    ReconcileResult result;
    result.outcome = m_recon.reconcile(r.input, &result.report);
    if (!result.outcome.ok())
        return reply(result);
    // The exports describe a stored run: only once it is durable.
    if (!m_bo.commit())
        return reply(refused(BackOfficeStatus::StorageError,
                             QStringLiteral("storage failed; the run was not recorded: restart "
                                            "PayDesk")));
    QString error;
    if (!r.csvPath.isEmpty())
        error = saveFile(r.csvPath, reconReportCsv(result.report));
    if (error.isEmpty() && !r.pdfPath.isEmpty())
        error = saveFile(r.pdfPath, reconReportPdf(result.report));
    if (!error.isEmpty())
        result.outcome = BackOfficeOutcome::fail(
            BackOfficeStatus::StorageError,
            QStringLiteral("%1 is reconciled and recorded, but its report was not exported: %2")
                .arg(result.outcome.number, error));
    reply(result);
}

void EmbeddedRecon::differences(const DiffFilter& filter, Reply<QList<ReconDifference>> reply)
{
    reply(m_recon.differences(filter));
}

void EmbeddedRecon::difference(qint64 id, Reply<std::optional<ReconDifference>> reply)
{
    reply(m_recon.difference(id));
}

void EmbeddedRecon::resolveDifference(qint64 id, const QString& by, const QString& reason,
                                      OutcomeReply reply)
{
    reply(durable(m_recon.resolve(id, by, reason)));
}

void EmbeddedRecon::proposeWriteOff(qint64 id, const QString& by, const QString& reason,
                                    OutcomeReply reply)
{
    reply(durable(m_recon.proposeWriteOff(id, by, reason)));
}

void EmbeddedRecon::proposeRecovery(qint64 id, const QString& by, const QString& reason,
                                    OutcomeReply reply)
{
    reply(durable(m_recon.proposeRecovery(id, by, reason)));
}

void EmbeddedRecon::decideDifference(qint64 id, const QString& by, bool approve, OutcomeReply reply)
{
    reply(durable(m_recon.decide(id, by, approve)));
}

void EmbeddedRecon::assignDifference(qint64 id, const QString& owner, const QString& by,
                                     OutcomeReply reply)
{
    reply(durable(m_recon.assign(id, owner, by)));
}

} // namespace paydesk
