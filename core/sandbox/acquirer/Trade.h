#pragma once

#include "sandbox/SandboxBehaviour.h"

#include <QString>

namespace paydesk::sandbox {

// Trade states, as WeChat's trade_state names them (stored as text).
inline const QString kNotPay = QStringLiteral("NOTPAY");
inline const QString kUserPaying = QStringLiteral("USERPAYING");
inline const QString kSuccess = QStringLiteral("SUCCESS");
inline const QString kPayError = QStringLiteral("PAYERROR");
inline const QString kClosed = QStringLiteral("CLOSED");
inline const QString kRevoked = QStringLiteral("REVOKED");
inline const QString kRefund = QStringLiteral("REFUND");

// How a trade was made (the `kind` column): the cashier scanned the
// customer's code, or the customer scans the merchant's QR code.
inline const QString kBarcode = QStringLiteral("barcode");
inline const QString kQr = QStringLiteral("qr");

// What a revoke did (WeChat's `action`): closed an unpaid trade, or
// returned the money of a paid one.
inline const QString kActionClose = QStringLiteral("close");
inline const QString kActionRefund = QStringLiteral("refund");

// A paid trade stays paid when refunded: refunds do not undo the payment.
inline bool isPaidState(const QString& state)
{
    return state == kSuccess || state == kRefund;
}

// One row of sandbox_trades.
struct Trade
{
    QString paymentNo;
    QString channel;
    QString kind;
    SandboxBehaviour behaviour = SandboxBehaviour::InstantSuccess;
    int parameter = 0;
    qint64 amountFen = 0;
    QString currency;
    QString state;
    qint64 createdAtMs = 0;
    qint64 paidAtMs = 0;
    QString tradeNo;
    int revokeFailuresLeft = 0;
    qint64 refundedFen = 0;
    QString codeUrl;
    QString authCodeMasked;
    // When the scripted phase ends: USERPAYING turns final, or (SlowToRecord)
    // the trade becomes visible to queries. 0: never.
    qint64 settlesAtMs = 0;
    qint64 expireAtMs = 0;
    QString revokeAction;
    QString errorCode; // why a PAYERROR trade failed (NOTENOUGH, ...)
    bool tombstone = false;
    qint64 revokedAtMs = 0; // when a revoke closed or reversed it
};

} // namespace paydesk::sandbox
