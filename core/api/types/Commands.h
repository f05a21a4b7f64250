#pragma once

#include "domain/PaymentCode.h"
#include "domain/Records.h"
#include "money/Money.h"

#include <QDate>
#include <QList>
#include <QString>

namespace paydesk {

// Outcome of a command. Stable values: they travel over the API and CLI
// exit codes are derived from them.
enum class CommandStatus : int
{
    Ok = 0,
    InvalidArgument = 1, // bad amount, empty request number, ...
    InvalidPaymentCode = 2,
    RequestMismatch = 3, // request number reused with different content
    NotFound = 4,
    InvalidState = 5,      // e.g. refund of an unpaid order
    AttemptInProgress = 6, // a payment of this order is not final yet
    RefundExceedsPaid = 7,
    StorageError = 8,
    NoChannel = 9, // no channel configured for this wallet
    // The channel could not be reached: nothing left this machine, so
    // nothing was charged (a QR code that was never issued).
    ChannelUnreachable = 10,
    // A remote core (paydesk-core serve) could not be reached: the command
    // never left this machine, so nothing was done.
    ServerUnreachable = 11,
    // The logged-in person's roles do not allow it (the message names the
    // role needed), or nobody is logged in while users exist.
    Forbidden = 12,
    Unauthenticated = 13,
};

QString commandStatusName(CommandStatus s);

// Which counter asks. Empty: this core's own (the configuration's storeId
// and terminalId). A server fills it from the signed caller; a request never
// carries it, so no counter can speak for another.
struct CounterId
{
    QString storeId;
    QString terminalId;
    bool isEmpty() const { return terminalId.isEmpty(); }
};

struct PayCommand
{
    QString requestNo;
    Money amount;
    QString paymentCode;
    QString subject;
    // Optional: charge an existing PENDING order again with another code.
    // Allowed only when every earlier attempt is known unpaid or is being
    // revoked (no re-routing on uncertainty).
    QString orderNo;
    CounterId counter;
};

struct QrCommand
{
    QString requestNo;
    Money amount;
    Wallet wallet = Wallet::WeChat;
    QString subject;
    CounterId counter;
};

struct RefundCommand
{
    QString requestNo;
    QString orderNo;
    Money amount;
    QString reason;
};

struct RevokeCommand
{
    QString requestNo; // may be empty: revoke is idempotent per payment anyway
    QString orderNo;
    QString reason;
};

// Reconciliation found money the channel took that we never recorded as
// taken; two people agreed to complete our side from the bill.
struct RecoverPaymentCommand
{
    QString paymentNo; // the merchant's number on the bill (out_trade_no)
    QString channel;
    QString channelTradeNo;
    Money amount;        // as billed
    qint64 paidAtMs = 0; // the bill's payment time
    QDate billDay;       // the bill it was found on: the money clears on that day
    QString approval;    // who proposed and approved it, and why (for the timeline)
};

struct CommandOutcome
{
    CommandStatus status = CommandStatus::Ok;
    QString message; // for people: what happened and what to do next
    QString orderNo;
    QString refundNo;
    QString codeUrl;       // QR only
    bool repeated = false; // the request number was seen before: first result returned
    // RequestMismatch: the request's field that differs from the first
    // request under that number ("amount", "code", "subject", "order",
    // "wallet", "reason", "currency", or "command" for another kind).
    QString field;
    // query: what the channel said, for front ends to word in their language
    // (returnCode is the channel's own code, verbatim).
    TradeStatus channelStatus = TradeStatus::Unknown;
    QString channel;
    QString returnCode;
    bool ok() const { return status == CommandStatus::Ok; }

    static CommandOutcome error(CommandStatus s, QString message)
    {
        CommandOutcome o;
        o.status = s;
        o.message = std::move(message);
        return o;
    }
};

// Whether a wallet's channel answers, as the core's own calls found it (no
// extra traffic): Unknown until its first call, Up after any answer (even an
// error), Down after a call that got none (not sent, timed out, broken).
// Stable values.
enum class Reachability : int
{
    Unknown = 0,
    Up = 1,
    Down = 2
};

struct WalletReachability
{
    Wallet wallet = Wallet::Unknown;
    QString channel; // the channel that takes the wallet's codes first
    Reachability state = Reachability::Unknown;
    QString detail;     // why it is down ('' otherwise)
    qint64 sinceMs = 0; // when the state last changed (0: never called)
};

// The counter's amount limits, from the configuration: above maxAmountFen
// a sale is refused; from largeAmountFen on, the counter asks the cashier to
// confirm before charging.
struct CounterLimits
{
    qint64 maxAmountFen = 0;
    qint64 largeAmountFen = 0;
    // With logins on, a cashier refunds an order up to this much in all;
    // more needs a supervisor.
    qint64 cashierRefundLimitFen = 0;
    // The shop's daily risk limits (China day) on payouts from the
    // merchant's available money and on withdrawals from one member's
    // wallet: how many and how much. The approving person works within them.
    int payoutsPerDay = 0;
    qint64 payoutFenPerDay = 0;
    int walletWithdrawalsPerDay = 0;
    qint64 walletWithdrawalFenPerDay = 0;
};

// A counter locked its refunds after too many wrong supervisor PINs: the
// core keeps it as an alert, so a supervisor sees every lockout.
struct PinLockout
{
    int failedTries = 0;
    qint64 lockedForMs = 0;
    CounterId counter;
};

// Everything known about one order, for detail views and the CLI.
struct OrderDetails
{
    OrderRecord order;
    QList<PaymentRecord> payments;
    QList<RefundRecord> refunds;
    QList<RevokeRecord> revokes;
    QList<TrackEvent> events;
};

} // namespace paydesk
