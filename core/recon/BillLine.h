#pragma once

#include <QString>

namespace paydesk {

// One line of a channel's trade bill, the same shape for every channel.
// Amounts are positive fen; what the line does is in `kind`.
struct BillLine
{
    enum class Kind : int
    {
        Payment = 1, // money in: a payment (its state may say it was later revoked)
        Refund = 2,  // money back through the refund API
        Revoke = 3,  // money back because a paid payment was revoked (cancelled):
                     // WeChat marks the refund line REVOKED; on Alipay the
                     // refund's batch number equals the Alipay trade number
    };
    Kind kind = Kind::Payment;
    QString paymentNo;       // the merchant's payment number (out_trade_no)
    QString tradeNo;         // the channel's trade number
    QString refundNo;        // refunds: the merchant's refund number / batch number
    QString channelRefundNo; // refunds: the channel's refund number ('' on Alipay)
    QString state;           // the channel's state text as billed (WeChat 交易状态:
                             // SUCCESS, REFUND, REVOKED; Alipay: SUCCESS / REFUND)
    QString currency;        // "CNY"
    qint64 amountFen = 0;    // > 0: paid (payments) or returned (refunds, revokes)
    // What the channel charges for the line, in fen: positive on payments,
    // negative on refunds and revokes (the fee handed back). WeChat bills
    // fees with five decimals; they are rounded half away from zero here.
    qint64 feeFen = 0;
    qint64 atMs = 0;         // when it completed (the bill's China time)
    qint64 lineNo = 0;       // 1-based line in the (decoded) bill file
};

// What a bill says about itself, checked against its lines before a
// parser reports success.
struct BillTotals
{
    qint64 lines = 0;
    qint64 payments = 0;     // payment lines
    qint64 refunds = 0;      // refund + revoke lines
    qint64 paidFen = 0;      // Σ payment amounts
    qint64 refundedFen = 0;  // Σ refund + revoke amounts (positive)
    qint64 feeFen = 0;       // Σ line fees (payments − fees returned)
};

} // namespace paydesk
