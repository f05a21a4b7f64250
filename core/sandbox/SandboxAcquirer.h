#pragma once

#include "channels/Channel.h"
#include "common/Clock.h"
#include "sandbox/SandboxAcquirerTypes.h"
#include "store/Database.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace paydesk {

// A stand-in acquirer that keeps its own trades durably in its own database,
// as a real one would: a PayDesk killed mid-payment finds the truth here after
// restart. Its behaviour comes from the test payment code (SandboxBehaviour)
// and the injected clock; it knows nothing of transports. The in-process
// channel (SandboxChannel) and, later, the HTTP protocol front ends call it.
//
// Answers use the unified ChannelResult with WeChat-style return codes
// (SUCCESS, USERPAYING, SYSTEMERROR, NOTENOUGH, AUTHCODEEXPIRE, ORDERNOTEXIST,
// ORDERPAID, ORDERREVERSED, TRADE_STATE...). Every answer is given only after
// the sandbox's own write is durable (callback from the group commit).
class SandboxAcquirer : public QObject
{
    Q_OBJECT
public:
    SandboxAcquirer(const Clock& clock, QObject* parent = nullptr);
    ~SandboxAcquirer() override;
    const Clock& clock() const;

    // Opens (and migrates) the sandbox's database. Empty string on success.
    QString open(const DatabaseConfig& config);
    // The sandbox schema, one entry per version (Database::open runs them).
    static QStringList migrations();
    // Trade and refund numbers are reserved in blocks this large (see
    // kSandboxNumberBlock).
    static constexpr qint64 kNumberBlock = kSandboxNumberBlock;

    // `answer` receives the result; when `dropped` is true the acquirer did
    // the work but the answer is lost on the way back (the caller must time
    // out). Callbacks run asynchronously, after the sandbox commit.
    using Answer = std::function<void(const ChannelResult& result, bool dropped)>;

    // A pay's answer in two steps, so that a gateway builds and signs its
    // wire answer while the sandbox's write is fsynced (a real acquirer signs
    // while its log syncs): `prepare` gets the result once it is committed,
    // before it is durable, and returns what sends it; that runs once the
    // write is durable. If the store fails instead, `answer` gets the storage
    // error and the prepared sender is dropped unrun.
    using Prepare = std::function<std::function<void()>(const ChannelResult& result, bool dropped)>;

    void barcodePay(const QString& channel, const BarcodePayRequest& req, Answer answer,
                    Prepare prepare = {});
    // Where a QR trade's result is to be posted, as the merchant asked in
    // its request (notify_url), and who signs it.
    using NotifyTarget = SandboxNotifyTarget;

    void precreate(const QString& channel, const PrecreateRequest& req, Answer answer,
                   const NotifyTarget& notifyTo = {});
    void query(const QString& paymentNo, Answer answer);
    void revoke(const QString& paymentNo, Answer answer);
    void refund(const RefundRequest& req, Answer answer);
    void refundQuery(const QString& refundNo, Answer answer);

    // The customer scans a QR code URL with a wallet app and pays (or not)
    // following the behaviour of `customerCode` (a sandbox payment code).
    // Returns an error text or empty.
    QString customerScan(const QString& codeUrl, const QString& customerCode);

    // Delivers pending notifications (QR results) to the sink; called when a
    // sink attaches and after every scan. Undelivered ones stay stored.
    // `to` is empty when the trade named no notify_url (in-process trades).
    using NotificationSink = std::function<void(
        const QString& channel, const ChannelNotification& n, const NotifyTarget& to)>;
    void setNotificationSink(NotificationSink sink);

    struct TradeView
    {
        QString paymentNo;
        QString channel;
        QString state; // NOTPAY, USERPAYING, SUCCESS, PAYERROR, CLOSED, REVOKED, REFUND
        qint64 amountFen = 0;
        qint64 refundedFen = 0;
        QString tradeNo;
        qint64 paidAtMs = 0; // 0: never paid
    };
    std::optional<TradeView> trade(const QString& paymentNo);

    // One line of a bill (see SandboxBillEntry).
    using BillEntry = SandboxBillEntry;
    // Every bill line of `channel` in [fromMs, toMs), in time order. Read
    // only. Empty and `error` set when the store cannot be read.
    QList<BillEntry> billEntries(const QString& channel, qint64 fromMs, qint64 toMs,
                                 QString* error);

private:
    struct Impl;
    Impl* d;
};

} // namespace paydesk
