#pragma once

#include "channels/Channel.h"
#include "sandbox/SandboxAcquirer.h"

#include <QString>

namespace paydesk {

struct BillDifferences;

// The in-process channel onto the sandbox acquirer: no transport, no
// signing. One instance per channel name ("wechat", "alipay", "unionpay")
// share one acquirer. A dropped answer never reaches the callback, so the
// engine's own timeout is exercised exactly as with a lost network reply.
class SandboxChannel final : public Channel
{
public:
    SandboxChannel(QString name, SandboxAcquirer& acquirer);

    QString name() const override { return m_name; }

    void barcodePay(const BarcodePayRequest& req, ResultCallback done) override;
    void precreate(const PrecreateRequest& req, ResultCallback done) override;
    void query(const QString& paymentNo, ResultCallback done) override;
    void revoke(const QString& paymentNo, ResultCallback done) override;
    void refund(const RefundRequest& req, ResultCallback done) override;
    void refundQuery(const QString& refundNo, const QString& paymentNo,
                     ResultCallback done) override;

    // The day's bill in the format of the protocol the channel stands for
    // (Alipay's ZIP for "alipay", WeChat's CSV otherwise), with the
    // differences set by setBillDifferences written in on purpose.
    void downloadBill(const QDate& day, BillKind kind, BillCallback done) override;
    void setBillDifferences(const BillDifferences* differences) { m_differences = differences; }
    bool billsAreAlipay() const { return m_name == QLatin1String("alipay"); }
    // The merchant account the in-process sandbox's bills carry.
    QString billMerchant() const;

    // Whoever routes the acquirer's notifications (by channel name) hands
    // them to the channel they belong to.
    void deliverNotification(const ChannelNotification& n) { deliver(n); }

private:
    QString m_name;
    SandboxAcquirer& m_acquirer;
    const BillDifferences* m_differences = nullptr;
};

} // namespace paydesk
