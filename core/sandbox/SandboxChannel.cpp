#include "sandbox/SandboxChannel.h"

#include "sandbox/bills/AlipayBill.h"
#include "sandbox/bills/BillDifferences.h"
#include "sandbox/bills/WeChatBill.h"

#include <QTimer>

namespace paydesk {

namespace {

SandboxAcquirer::Answer forward(ResultCallback done)
{
    return [done = std::move(done)](const ChannelResult& result, bool dropped) {
        if (!dropped && done)
            done(result);
    };
}

} // namespace

SandboxChannel::SandboxChannel(QString name, SandboxAcquirer& acquirer)
    : m_name(std::move(name)), m_acquirer(acquirer)
{}

void SandboxChannel::barcodePay(const BarcodePayRequest& req, ResultCallback done)
{
    m_acquirer.barcodePay(m_name, req, forward(std::move(done)));
}

void SandboxChannel::precreate(const PrecreateRequest& req, ResultCallback done)
{
    m_acquirer.precreate(m_name, req, forward(std::move(done)));
}

void SandboxChannel::query(const QString& paymentNo, ResultCallback done)
{
    m_acquirer.query(paymentNo, forward(std::move(done)));
}

void SandboxChannel::revoke(const QString& paymentNo, ResultCallback done)
{
    m_acquirer.revoke(paymentNo, forward(std::move(done)));
}

void SandboxChannel::refund(const RefundRequest& req, ResultCallback done)
{
    m_acquirer.refund(req, forward(std::move(done)));
}

void SandboxChannel::refundQuery(const QString& refundNo, const QString& paymentNo,
                                 ResultCallback done)
{
    // Refund numbers are unique across payments at the sandbox.
    Q_UNUSED(paymentNo);
    m_acquirer.refundQuery(refundNo, forward(std::move(done)));
}

namespace {
// The in-process sandbox's merchant accounts (fixed: one merchant per channel).
const char* const kWeChatAppId = "wxd678efh567hg6787";
const char* const kWeChatMchId = "1230000109";
const char* const kAlipayAccount = "2088102177846875";
} // namespace

QString SandboxChannel::billMerchant() const
{
    return QLatin1String(billsAreAlipay() ? kAlipayAccount : kWeChatMchId);
}

void SandboxChannel::downloadBill(const QDate& day, BillKind kind, BillCallback done)
{
    BillDownload b;
    QString error;
    const QList<SandboxAcquirer::BillEntry> lines =
        dayBillEntries(m_acquirer, m_name, day, m_differences, &error);
    if (!error.isEmpty()) {
        b.status = TradeStatus::Unknown;
        b.returnCode = QStringLiteral("SYSTEMERROR");
        b.message = error;
    } else if (billsAreAlipay()) {
        const AlipayBillFiles files =
            alipayBill(lines, day, billMerchant(), m_acquirer.clock().nowMs(), &error);
        b.status = files.zip.isEmpty() ? TradeStatus::Failed : TradeStatus::Success;
        b.message = error;
        b.content = files.zip;
        b.contentType = "application/zip";
    } else {
        const WeChatBillType type = kind == BillKind::Success  ? WeChatBillType::Success
                                    : kind == BillKind::Refund ? WeChatBillType::Refund
                                                               : WeChatBillType::All;
        b.content =
            wechatBill(lines, type, {QLatin1String(kWeChatAppId), QLatin1String(kWeChatMchId)});
        b.contentType = "text/csv; charset=utf-8";
        if (b.content.isEmpty()) {
            // What WeChat answers for a day without a line.
            b.status = TradeStatus::Failed;
            b.returnCode = QStringLiteral("FAIL");
            b.message = QStringLiteral("No Bill Exist");
        } else {
            b.status = TradeStatus::Success;
        }
    }
    QTimer::singleShot(0, [done = std::move(done), b] { done(b); });
}

} // namespace paydesk
