#pragma once

#include <QString>

namespace paydesk {

// Values the acquirer's parts share with its callers. SandboxAcquirer names
// them NotifyTarget and BillEntry; they live here so the store, the
// notification queue and the bills need not include the acquirer.

// Trade and refund numbers are reserved in blocks this large: the counter
// row is written once per block, not once per trade. A restart leaves the
// rest of a block unused (a gap, as a repeated number does).
inline constexpr qint64 kSandboxNumberBlock = 1000;

// Where a QR trade's result is to be posted, as the merchant asked in its
// request (notify_url), and who signs it.
struct SandboxNotifyTarget
{
    QString protocol; // "wechat" or "alipay": the shape of the message
    QString url;
    QString account;  // WeChat mch_id, Alipay app_id
    QString signType; // WeChat: the order's sign_type
};

// One line of a bill: a payment (by the time it was paid) or a refund (by
// the time it was made). A revoke that reversed a paid payment is a refund
// line too (revoke = true, refundNo = the payment number), on the revoke's
// day, as the wallets bill it.
struct SandboxBillEntry
{
    enum class Kind
    {
        BarcodePayment,
        QrPayment
    };
    Kind kind = Kind::BarcodePayment;
    QString paymentNo;
    QString tradeNo;
    QString tradeState; // the trade's state now (SUCCESS, REFUND, REVOKED)
    qint64 amountFen = 0;
    QString currency;
    qint64 createdAtMs = 0;
    qint64 atMs = 0; // paid, refunded or revoked
    bool refund = false;
    bool revoke = false;
    QString refundNo;
    QString refundId;
    qint64 refundFen = 0;
    QString refundState;
};

} // namespace paydesk
