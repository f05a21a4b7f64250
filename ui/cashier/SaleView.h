#pragma once

#include "api/types/Commands.h"

#include <QCoreApplication>
#include <QString>

namespace paydesk::ui {

// Where the sale on the counter stands, as the core reports it.
enum class SalePhase
{
    Idle,
    Starting,           // the command is on its way to the core
    Refused,            // the core refused the command: nothing was created
    Sending,            // stored, sent to the channel, no answer yet
    WaitingForPassword, // the customer confirms on the phone (USERPAYING)
    WaitingForScan,     // a QR code is shown; the customer has not paid yet
    Checking,           // no final answer: the core queries the channel
    Revoking,           // a revoke is under way (close, or return the money)
    Paid,
    NotPaid,        // known failed: nothing was taken
    Revoked,        // revoked before it was paid: nothing was taken
    Returned,       // revoked or refunded after it was paid: money returned
    NeedsAttention, // the core gave up: a person must check with the channel
};

enum class SaleTone
{
    Neutral,
    Busy,
    Success,
    Failure,
    Warning
};

// Everything the in-progress panel shows. Built only from what the facade
// reports (orderDetails, command outcomes); no rule of the core is repeated.
struct SaleView
{
    SalePhase phase = SalePhase::Idle;
    SaleTone tone = SaleTone::Neutral;
    QString headline; // large text
    QString detail;   // what happened
    QString nextStep; // what the cashier does now
    QString lastStep; // the newest timeline entry (as the core wrote it)
    QString orderNo;
    qint64 amountFen = 0;
    qint64 deadlineAtMs = 0; // countdown target while not final; 0 none
    bool canRevoke = false;
    QString revokeLabel; // says what the revoke will do
    bool final = false;

    bool busy() const { return !final && phase != SalePhase::Idle; }
};

// Turns the core's records into words, in the cashier's language.
class SaleText
{
    Q_DECLARE_TR_FUNCTIONS(SaleText)
public:
    static SaleView idle();
    static SaleView starting(qint64 amountFen);
    static SaleView refused(const CommandOutcome& outcome, qint64 amountFen);
    static SaleView describe(const OrderDetails& details);
    // The sale as last seen, while the link to the PayDesk server is down:
    // its outcome is the server's, and shows once the link is back.
    static SaleView waitingForServer(const SaleView& last);
    static QString walletLabel(Wallet w);
    static QString orderStateLabel(OrderState s);
    // The order kept money a refund could return. The core decides what may
    // be refunded; buttons only avoid offering it for sales that took none.
    static bool tookMoney(OrderState s)
    {
        return s == OrderState::Paid || s == OrderState::PartiallyRefunded;
    }
    // Countdown text for the remaining milliseconds.
    static QString countdown(qint64 remainingMs);
};

} // namespace paydesk::ui
