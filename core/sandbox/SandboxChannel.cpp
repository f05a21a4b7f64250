#include "sandbox/SandboxChannel.h"

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

} // namespace paydesk
