#include "sandbox/SandboxBehaviour.h"

namespace paydesk {

namespace {

constexpr int kDefaultSeconds = 5;
constexpr int kLastBehaviour = int(SandboxBehaviour::AcquirerRefuses);

// Behaviours whose N means something; the others ignore it.
bool usesParameter(SandboxBehaviour b)
{
    switch (b) {
    case SandboxBehaviour::UserPayingThenSuccess:
    case SandboxBehaviour::UserPayingThenCancelled:
    case SandboxBehaviour::RevokeFailsNTimes:
    case SandboxBehaviour::SlowToRecord:
        return true;
    default:
        return false;
    }
}

QString describe(SandboxBehaviour b, int n)
{
    switch (b) {
    case SandboxBehaviour::InstantSuccess:
        return QStringLiteral("paid at once");
    case SandboxBehaviour::UserPayingThenSuccess:
        return QStringLiteral("user paying (password) for %1 s, then paid").arg(n);
    case SandboxBehaviour::UserPayingThenCancelled:
        return QStringLiteral("user paying (password) for %1 s, then the customer cancels").arg(n);
    case SandboxBehaviour::InsufficientFunds:
        return QStringLiteral("fails at once: insufficient funds (NOTENOUGH)");
    case SandboxBehaviour::SystemErrorThenSuccess:
        return QStringLiteral("pay answers SYSTEMERROR but the trade is paid");
    case SandboxBehaviour::NoResponseThenSuccess:
        return QStringLiteral("pay answer is lost (timeout) but the trade is paid");
    case SandboxBehaviour::NeverFinal:
        return QStringLiteral("user paying forever: the deadline forces a revoke");
    case SandboxBehaviour::RevokeFailsNTimes:
        return n == 99
                   ? QStringLiteral("user paying forever; every revoke asks to retry")
                   : QStringLiteral("user paying forever; revoke asks to retry %1 times").arg(n);
    case SandboxBehaviour::DuplicateNotifications:
        return QStringLiteral("paid; every notification is sent twice");
    case SandboxBehaviour::ContradictingNotification:
        return QStringLiteral("paid; a second notification then says closed");
    case SandboxBehaviour::AuthCodeExpired:
        return QStringLiteral("fails at once: payment code expired (AUTHCODEEXPIRE)");
    case SandboxBehaviour::AcquirerRefuses:
        return QStringLiteral("the acquirer named after the wallet refuses it (NOAUTH: merchant "
                              "not enabled there); another acquirer the code is re-routed to "
                              "takes it");
    case SandboxBehaviour::SlowToRecord:
        return QStringLiteral("pay answer is lost and queries find no trade for %1 s; it is paid")
            .arg(n);
    }
    return QString();
}

int twoDigits(const QString& code, int at)
{
    if (code.size() < at + 2)
        return -1;
    bool ok = false;
    const int v = QStringView(code).mid(at, 2).toInt(&ok);
    return ok ? v : -1;
}

} // namespace

SandboxCodeInfo sandboxBehaviourOf(const QString& paymentCode)
{
    SandboxCodeInfo info;
    const int behaviour = twoDigits(paymentCode, 2);
    const int n = twoDigits(paymentCode, 4);
    if (behaviour >= 0 && behaviour <= kLastBehaviour)
        info.behaviour = SandboxBehaviour(behaviour);
    info.parameter = n < 0 ? 0 : n;
    // A code without N must still be scriptable: 00 means the default.
    if (info.parameter == 0 && usesParameter(info.behaviour))
        info.parameter = kDefaultSeconds;
    info.description = describe(info.behaviour, info.parameter);
    return info;
}

QString sandboxCode(Wallet wallet, SandboxBehaviour behaviour, int parameter)
{
    QString prefix;
    int length = 0;
    switch (wallet) {
    case Wallet::WeChat:
        prefix = QStringLiteral("13");
        length = 18;
        break;
    case Wallet::Alipay:
        prefix = QStringLiteral("28");
        length = 18;
        break;
    case Wallet::UnionPay:
        prefix = QStringLiteral("62");
        length = 19;
        break;
    case Wallet::Unknown:
        return QString();
    }
    const int n = qBound(0, parameter, 99);
    QString code = prefix + QStringLiteral("%1").arg(int(behaviour), 2, 10, QLatin1Char('0')) +
                   QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
    // A trailing 1 keeps the code from looking like an all-zero placeholder.
    code += QString(length - code.size() - 1, QLatin1Char('0'));
    code += QLatin1Char('1');
    return code;
}

QList<SandboxCodeRow> sandboxCodeTable()
{
    QList<SandboxCodeRow> rows;
    for (int b = 0; b <= kLastBehaviour; ++b) {
        const auto behaviour = SandboxBehaviour(b);
        int n = 0;
        if (behaviour == SandboxBehaviour::RevokeFailsNTimes)
            n = 3;
        else if (usesParameter(behaviour))
            n = 5;
        rows.append({behaviour, sandboxCode(Wallet::WeChat, behaviour, n),
                     sandboxCode(Wallet::Alipay, behaviour, n),
                     sandboxCode(Wallet::UnionPay, behaviour, n), describe(behaviour, n)});
    }
    return rows;
}

} // namespace paydesk
