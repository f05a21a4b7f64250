#pragma once

#include "domain/States.h"
#include "sandbox/SandboxBehaviour.h"

#include <QList>
#include <QString>

namespace paydesk::sandbox {

// The behaviour script: the one place that says what a test payment code
// makes of a trade. Pure functions of the code's behaviour, its parameter
// and the time, so every path (a pay at the counter, a QR scan, a later
// look at a trade whose time has come) reads the same script, and tests
// can read it without a database or a clock.

constexpr qint64 kMsPerSecond = 1000;
// RevokeFailsNTimes with N = 99: every revoke asks to retry (README table).
constexpr int kRevokeFailsForever = 99;

// Where the customer's code meets the script.
enum class ScriptPath
{
    CounterPay, // the cashier scanned the customer's code (barcode pay)
    QrScan,     // the customer scanned the merchant's QR code with a wallet
};

struct ScriptInput
{
    SandboxBehaviour behaviour = SandboxBehaviour::InstantSuccess;
    int parameter = 0; // the code's N: seconds, or revoke failures
    ScriptPath path = ScriptPath::CounterPay;
    qint64 startedAtMs = 0; // when the code was presented
    // AcquirerRefuses: the code went to the acquirer named after its wallet.
    bool walletsOwnAcquirer = false;
};

// What the script makes of the trade at a given time.
struct ScriptedState
{
    QString state;       // USERPAYING, SUCCESS or PAYERROR
    QString errorCode;   // why PAYERROR: NOTENOUGH, AUTHCODEEXPIRE, USERCANCELLED, NOAUTH
    qint64 paidAtMs = 0; // SUCCESS: when the money moved
    // When the scripted phase ends: USERPAYING turns final, or (SlowToRecord)
    // the trade becomes visible to queries. 0: never.
    qint64 settlesAtMs = 0;
    int revokeFailures = 0; // revokes that ask to retry before one goes through

    friend bool operator==(const ScriptedState&, const ScriptedState&) = default;
};

// The trade's state at `nowMs` (not before `in.startedAtMs`).
ScriptedState scriptedState(const ScriptInput& in, qint64 nowMs);

// Whether queries find the trade at `nowMs` (SlowToRecord hides it for N s).
bool scriptedVisible(const ScriptInput& in, qint64 nowMs);

// What a new counter pay answers. A QR trade has no such answer to spoil:
// its customer simply pays.
enum class PayAnswer
{
    TheTrade,    // the trade as it stands
    SystemError, // SYSTEMERROR, though the trade goes on as scripted
    Lost,        // nothing reaches the merchant: it times out
};
PayAnswer scriptedPayAnswer(SandboxBehaviour behaviour);

// The notifications a paid QR trade sends, in order. The id is the trade
// number plus `idSuffix`: a repeated notification repeats its id.
struct ScriptedNotification
{
    TradeStatus status = TradeStatus::Success;
    QString returnCode; // SUCCESS, or the state the contradiction claims
    QString idSuffix;

    friend bool operator==(const ScriptedNotification&, const ScriptedNotification&) = default;
};
QList<ScriptedNotification> scriptedNotifications(SandboxBehaviour behaviour);

} // namespace paydesk::sandbox
