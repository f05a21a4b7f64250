#include "settings/PinGuard.h"

#include "settings/AppSettings.h"

namespace paydesk::ui {

PinGuard::PinGuard(AppSettings& settings, const Clock& clock, PayDeskApi& api, QObject* parent)
    : QObject(parent), m_settings(settings), m_clock(clock), m_api(api)
{}

bool PinGuard::pinRequired() const
{
    return m_settings.hasSupervisorPin() && !(m_peopleLogIn && m_peopleLogIn());
}

qint64 PinGuard::lockedForMs() const
{
    return qMax<qint64>(0, m_settings.pinAttempts().lockedUntilMs - m_clock.nowMs());
}

PinGuard::Check PinGuard::check(const QString& pin)
{
    if (m_peopleLogIn && m_peopleLogIn())
        return {Verdict::NoPinSet, 0, 0}; // the person's role decides, in the core
    if (const qint64 left = lockedForMs(); left > 0)
        return {Verdict::LockedOut, 0, left};
    if (!m_settings.hasSupervisorPin())
        return {Verdict::NoPinSet, 0, 0};
    AppSettings::PinAttempts a = m_settings.pinAttempts();
    if (m_settings.checkSupervisorPin(pin)) {
        m_settings.setPinAttempts({});
        return {Verdict::Accepted, 0, 0};
    }
    ++a.failures;
    if (a.failures < kTriesBeforeLockout) {
        m_settings.setPinAttempts(a);
        return {Verdict::Wrong, kTriesBeforeLockout - a.failures, 0};
    }
    const int doublings = qMin(a.lockouts, 6); // 2^6 min passes the longest
    const qint64 lockMs = qMin(kFirstLockoutMs << doublings, kLongestLockoutMs);
    const int tries = a.failures;
    a.failures = 0;
    ++a.lockouts;
    a.lockedUntilMs = m_clock.nowMs() + lockMs;
    m_settings.setPinAttempts(a);
    // The alert is the core's to keep; the lock holds whatever it answers.
    m_api.reportPinLockout(PinLockout{tries, lockMs}, [](const CommandOutcome&) {});
    Q_EMIT lockedOut(lockMs);
    return {Verdict::LockedOut, 0, lockMs};
}

QString PinGuard::durationText(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return tr("%n s", nullptr, int(seconds));
    return tr("%n min", nullptr, int((seconds + 59) / 60));
}

} // namespace paydesk::ui
