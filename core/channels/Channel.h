#pragma once

#include "channels/ChannelResult.h"
#include "domain/PaymentCode.h"
#include "money/Money.h"

#include <QString>

#include <functional>

namespace paydesk {

struct BarcodePayRequest
{
    QString paymentNo; // out_trade_no at the channel
    QString authCode;  // the customer's payment code, whole (never stored)
    Money amount;
    QString subject;
    QString storeId;
    QString terminalId;
    qint64 expireAtMs = 0; // channel-side time_expire
};

struct PrecreateRequest
{
    QString paymentNo;
    Money amount;
    QString subject;
    QString storeId;
    QString terminalId;
    qint64 expireAtMs = 0;
};

struct RefundRequest
{
    QString refundNo; // out_refund_no / out_request_no
    QString paymentNo;
    QString channelTradeNo;
    Money refundAmount;
    Money paymentAmount;
    QString reason;
};

// What arrives asynchronously from a channel about a trade (a QR payment's
// result). The adapter has already verified its signature.
struct ChannelNotification
{
    QString paymentNo;
    QString channelTradeNo;
    TradeStatus status = TradeStatus::Unknown;
    QString returnCode;
    Money amount;
    QString raw;
    QString notificationId;
};

using ResultCallback = std::function<void(const ChannelResult&)>;

// One acquiring channel. Calls are asynchronous: the callback runs later on
// the caller's thread, at most once. A channel that never answers is allowed
// (the engine times the call out and treats it as Processing), so callbacks
// must be safe to drop.
class Channel
{
public:
    virtual ~Channel() = default;
    virtual QString name() const = 0; // "wechat", "alipay", ...

    virtual void barcodePay(const BarcodePayRequest& req, ResultCallback done) = 0;
    virtual void precreate(const PrecreateRequest& req, ResultCallback done) = 0;
    virtual void query(const QString& paymentNo, ResultCallback done) = 0;
    virtual void revoke(const QString& paymentNo, ResultCallback done) = 0;
    virtual void refund(const RefundRequest& req, ResultCallback done) = 0;
    virtual void refundQuery(const QString& refundNo, const QString& paymentNo,
                             ResultCallback done) = 0;

    // Where the channel delivers notifications; set by the engine.
    void setNotificationSink(std::function<void(const ChannelNotification&)> sink)
    {
        m_sink = std::move(sink);
    }

protected:
    void deliver(const ChannelNotification& n) const
    {
        if (m_sink)
            m_sink(n);
    }

private:
    std::function<void(const ChannelNotification&)> m_sink;
};

} // namespace paydesk
