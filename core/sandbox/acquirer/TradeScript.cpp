#include "sandbox/acquirer/TradeScript.h"

#include "sandbox/acquirer/Trade.h"

namespace paydesk::sandbox {

namespace {

ScriptedState failedWith(const QString& errorCode)
{
    ScriptedState s;
    s.state = kPayError;
    s.errorCode = errorCode;
    return s;
}

ScriptedState paidAt(qint64 atMs)
{
    ScriptedState s;
    s.state = kSuccess;
    s.paidAtMs = atMs;
    return s;
}

} // namespace

ScriptedState scriptedState(const ScriptInput& in, qint64 nowMs)
{
    const qint64 phaseEndMs = in.startedAtMs + qint64(in.parameter) * kMsPerSecond;
    switch (in.behaviour) {
    case SandboxBehaviour::UserPayingThenSuccess:
    case SandboxBehaviour::UserPayingThenCancelled: {
        ScriptedState s;
        if (nowMs < phaseEndMs)
            s.state = kUserPaying;
        else if (in.behaviour == SandboxBehaviour::UserPayingThenSuccess)
            s = paidAt(phaseEndMs);
        else
            s = failedWith(QStringLiteral("USERCANCELLED"));
        s.settlesAtMs = phaseEndMs;
        return s;
    }
    case SandboxBehaviour::NeverFinal: {
        ScriptedState s;
        s.state = kUserPaying;
        return s;
    }
    case SandboxBehaviour::RevokeFailsNTimes: {
        ScriptedState s;
        s.state = kUserPaying;
        s.revokeFailures = in.parameter;
        return s;
    }
    case SandboxBehaviour::InsufficientFunds:
        return failedWith(QStringLiteral("NOTENOUGH"));
    case SandboxBehaviour::AuthCodeExpired:
        return failedWith(QStringLiteral("AUTHCODEEXPIRE"));
    case SandboxBehaviour::SlowToRecord:
        // Paid at once; only queries are kept waiting. A scan has no pay
        // answer to lose, so there the customer simply pays.
        if (in.path == ScriptPath::CounterPay) {
            ScriptedState s = paidAt(in.startedAtMs);
            s.settlesAtMs = phaseEndMs;
            return s;
        }
        return paidAt(in.startedAtMs);
    case SandboxBehaviour::AcquirerRefuses:
        if (in.path == ScriptPath::CounterPay && in.walletsOwnAcquirer)
            return failedWith(QStringLiteral("NOAUTH"));
        return paidAt(in.startedAtMs);
    case SandboxBehaviour::InstantSuccess:
    case SandboxBehaviour::SystemErrorThenSuccess:
    case SandboxBehaviour::NoResponseThenSuccess:
    case SandboxBehaviour::DuplicateNotifications:
    case SandboxBehaviour::ContradictingNotification:
        break;
    }
    // Scripted answer losses, system errors and notification tricks spoil
    // messages, not the trade: it is paid.
    return paidAt(in.startedAtMs);
}

bool scriptedVisible(const ScriptInput& in, qint64 nowMs)
{
    return !(in.path == ScriptPath::CounterPay && in.behaviour == SandboxBehaviour::SlowToRecord &&
             nowMs < in.startedAtMs + qint64(in.parameter) * kMsPerSecond);
}

PayAnswer scriptedPayAnswer(SandboxBehaviour behaviour)
{
    switch (behaviour) {
    case SandboxBehaviour::SystemErrorThenSuccess:
        return PayAnswer::SystemError;
    case SandboxBehaviour::NoResponseThenSuccess:
    case SandboxBehaviour::SlowToRecord:
        return PayAnswer::Lost;
    default:
        return PayAnswer::TheTrade;
    }
}

QList<ScriptedNotification> scriptedNotifications(SandboxBehaviour behaviour)
{
    const ScriptedNotification paid{TradeStatus::Success, kSuccess, QStringLiteral("-SUCCESS")};
    switch (behaviour) {
    case SandboxBehaviour::NoResponseThenSuccess:
        // The notification is lost too: the merchant must poll.
        return {};
    case SandboxBehaviour::DuplicateNotifications:
        return {paid, paid};
    case SandboxBehaviour::ContradictingNotification:
        return {paid, {TradeStatus::Failed, kClosed, QStringLiteral("-CLOSED")}};
    default:
        return {paid};
    }
}

} // namespace paydesk::sandbox
