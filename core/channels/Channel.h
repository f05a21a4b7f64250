#pragma once

#include "channels/ChannelResult.h"
#include "domain/PaymentCode.h"
#include "money/Money.h"

#include <QByteArray>
#include <QDate>
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
    qint64 paidAtMs = 0; // when the channel says the trade was paid; 0: not said
};

// The answer to a notification posted to PayDesk's notify_url: what goes
// back to the channel (its own acknowledgement shape), and whether the
// notification was taken. A refused one (bad signature, another merchant,
// malformed) changes nothing and says why in `error`; the channel will send
// it again, and the engine's polling learns the truth regardless.
struct NotificationReceipt
{
    bool accepted = false;
    QByteArray replyBody;
    QByteArray replyContentType;
    QString error;
};

using ResultCallback = std::function<void(const ChannelResult&)>;

// Which lines of a day's bill (WeChat's bill_type; Alipay has one kind).
enum class BillKind
{
    All,
    Success,
    Refund
};

// A downloaded bill, raw. Success: `content` is the bill as the channel
// sent it (WeChat: the CSV text; Alipay: the ZIP). Failed: the channel says
// there is no such bill (e.g. "No Bill Exist"). Unknown: anything else
// (transport, unexpected answer): try again later.
struct BillDownload
{
    TradeStatus status = TradeStatus::Unknown;
    QString returnCode;
    QString message;
    QByteArray content;
    QByteArray contentType; // "text/csv; charset=utf-8", "application/zip"
};
using BillCallback = std::function<void(const BillDownload&)>;

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
    // The bill of one China-time day. The default: not supported (Failed,
    // NOT_SUPPORTED), answered later like every call.
    virtual void downloadBill(const QDate& day, BillKind kind, BillCallback done);

    // A notification the channel's gateway posted to our notify_url, as it
    // arrived. Verified and, if good, handed to the sink before returning.
    // The default: this channel takes no notifications.
    virtual NotificationReceipt receiveNotification(const QByteArray& body);

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
