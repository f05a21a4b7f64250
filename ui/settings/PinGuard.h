#pragma once

#include "api/PayDeskApi.h"
#include "api/types/Clock.h"

#include <QObject>

namespace paydesk::ui {

class AppSettings;

// Checks the supervisor PIN for refunds and for changing the PIN. Five
// wrong tries lock it for a time that doubles with each lockout in a row
// (1 min, 2, 4, ... up to 1 h); every lockout is reported to the core as an
// alert, so guessing is slow and never silent. A good PIN starts afresh.
class PinGuard : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTriesBeforeLockout = 5;
    static constexpr qint64 kFirstLockoutMs = 60'000;
    static constexpr qint64 kLongestLockoutMs = 3'600'000;

    enum class Verdict
    {
        NoPinSet, // anyone may refund
        Accepted,
        Wrong,     // triesLeft before the lockout
        LockedOut, // lockedForMs still to wait; the PIN was not even compared
    };
    struct Check
    {
        Verdict verdict = Verdict::Wrong;
        int triesLeft = 0;
        qint64 lockedForMs = 0;
    };

    PinGuard(AppSettings& settings, const Clock& clock, PayDeskApi& api, QObject* parent = nullptr);

    bool pinRequired() const;
    // Once people log in, their own roles and the core's refund limit
    // replace the shared PIN: it is no longer asked.
    void setPeopleLogIn(std::function<bool()> peopleLogIn)
    {
        m_peopleLogIn = std::move(peopleLogIn);
    }
    Check check(const QString& pin);
    // What is left of the current lockout; 0 when none.
    qint64 lockedForMs() const;
    // "3 min" / "45 s", in the user's language.
    static QString durationText(qint64 ms);

Q_SIGNALS:
    void lockedOut(qint64 lockedForMs);

private:
    AppSettings& m_settings;
    const Clock& m_clock;
    PayDeskApi& m_api;
    std::function<bool()> m_peopleLogIn;
};

} // namespace paydesk::ui
