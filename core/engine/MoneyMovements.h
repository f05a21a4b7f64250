#pragma once

#include "domain/Records.h"

#include <QDate>
#include <QString>

namespace paydesk {

// Told of every movement of money the engine records, inside the same
// storage batch as the state change that causes it: the posting commits with
// the change or not at all, so there is no "paid but not posted" window.
// Each call is idempotent (a repeat posts nothing).
class MoneyMovements
{
public:
    struct Outcome
    {
        bool ok = true;
        QString note; // for the order's timeline; empty when nothing new was posted
    };

    virtual ~MoneyMovements() = default;
    // The channel took the customer's money. `clearingDay`: the day it clears
    // on; invalid means the day it is posted (it differs only for a payment
    // recovered from an earlier day's bill).
    virtual Outcome paymentCaptured(const PaymentRecord& p, const QDate& clearingDay) = 0;
    // A paid payment was revoked: the channel gave the money back.
    virtual Outcome paymentReversed(const PaymentRecord& p) = 0;
    virtual Outcome refundSucceeded(const RefundRecord& r, const QString& channel) = 0;
};

} // namespace paydesk
