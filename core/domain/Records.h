#pragma once

#include "domain/PaymentCode.h"
#include "domain/States.h"
#include "money/Money.h"

#include <QString>
#include <QStringList>

namespace paydesk {

// Stable values: stored.
enum class PaymentKind : int { Barcode = 1, Qr = 2 };
enum class AlertLevel : int { None = 0, Watch = 1, Page = 2 };

QString paymentKindName(PaymentKind k);
QString alertLevelName(AlertLevel l);

// Plain rows as stored. The engine owns their meaning; the store only keeps them.
struct OrderRecord
{
    QString orderNo;
    QString requestNo;
    Money amount;
    QString subject;
    QString storeId;
    QString terminalId;
    OrderState state = OrderState::Pending;
    int version = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QString paidPaymentNo;     // the attempt whose money the order keeps
    qint64 refundedFen = 0;    // refunds that succeeded
    qint64 refundPendingFen = 0; // refunds sent or about to be sent: reserved
    // The work lease it is created with (see OrderLease): written by
    // insertOrder only; updateOrder and reads leave it alone.
    QString leaseHolder;
    qint64 leaseUntilMs = 0;
};

struct PaymentRecord
{
    QString paymentNo; // out_trade_no at the channel
    QString orderNo;
    PaymentKind kind = PaymentKind::Barcode;
    Wallet wallet = Wallet::Unknown;
    QString channel;
    Money amount;
    PaymentState state = PaymentState::Created;
    int version = 0;
    QString codeMasked;
    QString channelTradeNo;
    QString returnCode;
    QString message;
    QString codeUrl;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 deadlineAtMs = 0;
    int pollCount = 0;
    bool notFoundAlerted = false;
};

struct RefundRecord
{
    QString refundNo;
    QString orderNo;
    QString paymentNo;
    QString requestNo;
    Money amount;
    QString reason;
    RefundState state = RefundState::Created;
    int version = 0;
    QString channelRefundNo;
    QString returnCode;
    QString message;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    int pollCount = 0;
};

struct RevokeRecord
{
    QString revokeNo;
    QString paymentNo;
    QString orderNo;
    QString reason;
    bool automatic = true;
    RevokeState state = RevokeState::Requested;
    int version = 0;
    int attempts = 0;
    QString action; // close | refund, once done
    QString returnCode;
    QString message;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// One step on an order's timeline.
// What a timeline step says: a stable code with its parameters, which a
// front end renders in the user's language, and the same in English for
// logs, the CLI and any front end that does not know the code. An event
// without a code has only its English text.
struct EventText
{
    QString code;     // e.g. payment_paid; empty: English only
    QStringList args; // the template's %1, %2, ... in order, as text
    QString english;

    EventText() = default;
    EventText(const QString& englishOnly) : english(englishOnly) {} // NOLINT: implicit on purpose
    EventText(const char* englishOnly) : english(QString::fromUtf8(englishOnly)) {} // NOLINT
    EventText(QString c, QStringList a, QString e)
        : code(std::move(c)), args(std::move(a)), english(std::move(e))
    {}
};

// Fills %1..%9 of a step's template with its arguments in one pass, so an
// argument that itself contains "%1" is left as it is. A missing argument
// reads as empty.
QString fillEventTemplate(const QString& tpl, const QStringList& args);

struct TrackEvent
{
    qint64 id = 0;
    QString orderNo;
    qint64 atMs = 0;
    QString source;    // cashier, engine, channel:wechat, scheduler, notify, ...
    QString kind;      // created, request, response, poll, transition, revoke, refund, alert, ...
    QString entity;    // order / payment / refund / revoke number the event is about
    QString fromState; // transitions only
    QString toState;
    QString message;   // English
    QString code;      // EventText::code: the message's stable code, if it has one
    QStringList args;  // its parameters
    QString raw;       // masked raw message, if any
    AlertLevel alert = AlertLevel::None;
};

struct AlertRecord
{
    qint64 id = 0;
    qint64 atMs = 0;
    AlertLevel level = AlertLevel::Watch;
    QString kind; // stable machine name: conflicting_result, revoke_failed, ...
    QString orderNo;
    QString message;
    QString acknowledgedBy;
    qint64 acknowledgedAtMs = 0;
};

// An idempotent command: its client request number is unique.
struct CommandRecord
{
    QString requestNo;
    QString kind;        // pay, qr, refund, revoke
    QString fingerprint; // the command's content; a repeat must match it
    QString targetNo;    // the order or refund it created
    qint64 createdAtMs = 0;
};

// One movement of money the engine recorded: what the ledger posts for it.
struct RecordedMovement
{
    enum class Kind
    {
        Capture,  // the channel took the customer's money
        Reversal, // a paid payment was revoked: the money went back
        Refund
    };
    Kind kind = Kind::Capture;
    QString refNo; // the payment number (capture, reversal) or the refund number
    QString orderNo;
    QString channel;
    Money amount;
    qint64 atMs = 0; // when the money moved
};

} // namespace paydesk
