#pragma once

#include "domain/PaymentCode.h"

#include <QList>
#include <QString>

namespace paydesk {

// The sandbox acquirer's test payment codes, like card networks' test cards.
// A code is <wallet prefix 2><behaviour 2><parameter N 2><any digits>, with
// the wallet's length: WeChat 18 digits starting 13, Alipay 18 digits
// starting 28, UnionPay 19 digits starting 62. Behaviour numbers outside the
// table mean instant success. Stable values: documented in README.
enum class SandboxBehaviour : int
{
    InstantSuccess = 0,
    UserPayingThenSuccess = 1,     // USERPAYING for N s (default 5), then paid
    UserPayingThenCancelled = 2,   // USERPAYING for N s, then the customer cancels
    InsufficientFunds = 3,         // FAILED at once (NOTENOUGH)
    SystemErrorThenSuccess = 4,    // pay answers SYSTEMERROR, the trade is paid
    NoResponseThenSuccess = 5,     // pay answer is lost (timeout), the trade is paid
    NeverFinal = 6,                // USERPAYING forever: the deadline forces a revoke
    RevokeFailsNTimes = 7,         // USERPAYING forever; revoke answers retry N times (99: always)
    DuplicateNotifications = 8,    // paid; every notification is sent twice
    ContradictingNotification = 9, // paid; then a second notification says closed
    AuthCodeExpired = 10,          // FAILED at once (AUTHCODEEXPIRE)
    SlowToRecord = 11,             // pay answer lost, trade invisible to queries for N s, then paid
    AcquirerRefuses = 12, // the acquirer named after the wallet refuses (NOAUTH); others pay
};

struct SandboxCodeInfo
{
    SandboxBehaviour behaviour = SandboxBehaviour::InstantSuccess;
    int parameter = 0;
    QString description;
};

// Decodes a (normalized, valid) payment code.
SandboxCodeInfo sandboxBehaviourOf(const QString& paymentCode);

struct SandboxCodeRow
{
    SandboxBehaviour behaviour;
    QString wechatCode;
    QString alipayCode;
    QString unionpayCode;
    QString description;
};
// One example code per behaviour and wallet, for `sandbox-codes` and tests.
QList<SandboxCodeRow> sandboxCodeTable();
// Builds the code for a wallet, behaviour and parameter.
QString sandboxCode(Wallet wallet, SandboxBehaviour behaviour, int parameter = 0);

} // namespace paydesk
