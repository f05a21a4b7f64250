// The sandbox's behaviour script as pure functions: what each test payment
// code makes of a trade at a given time, on each path (a pay at the counter,
// a QR scan), whether queries see it, what the pay answers and which
// notifications a paid QR trade sends. The table here is the README's
// behaviour table in executable form.
#include "sandbox/acquirer/Trade.h"
#include "sandbox/acquirer/TradeScript.h"

#include <QtTest>

using namespace paydesk;
using namespace paydesk::sandbox;

Q_DECLARE_METATYPE(paydesk::SandboxBehaviour)
Q_DECLARE_METATYPE(paydesk::sandbox::ScriptPath)
Q_DECLARE_METATYPE(paydesk::sandbox::PayAnswer)
Q_DECLARE_METATYPE(paydesk::sandbox::ScriptedNotification)

namespace {

constexpr qint64 kStart = 1'767'232'800'000; // 2026-01-01 10:00 China time
constexpr qint64 kNever = -1;                // an expected time of 0 ("never")
constexpr int kSeconds = 5;                  // the N of the timed rows

qint64 at(qint64 offsetMs)
{
    return offsetMs == kNever ? 0 : kStart + offsetMs;
}

} // namespace

class tst_SandboxScript : public QObject
{
    Q_OBJECT
private slots:
    void stateAtTime_data();
    void stateAtTime();
    void everyBehaviourHasAState_data();
    void everyBehaviourHasAState();
    void visibility_data();
    void visibility();
    void payAnswer_data();
    void payAnswer();
    void notifications_data();
    void notifications();
};

void tst_SandboxScript::stateAtTime_data()
{
    QTest::addColumn<SandboxBehaviour>("behaviour");
    QTest::addColumn<int>("parameter");
    QTest::addColumn<ScriptPath>("path");
    QTest::addColumn<bool>("walletsOwnAcquirer");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<qint64>("paidAfterMs");    // kNever: not paid
    QTest::addColumn<qint64>("settlesAfterMs"); // kNever: no scripted phase
    QTest::addColumn<int>("revokeFailures");

    using B = SandboxBehaviour;
    const auto counter = ScriptPath::CounterPay;
    const auto scan = ScriptPath::QrScan;
    const qint64 n = kSeconds * kMsPerSecond;
    const QString none;

    // name, behaviour, N, path, own acquirer, elapsed -> state, error, paid, settles, revoke
    // failures
    QTest::newRow("instant-success/counter/at-once")
        << B::InstantSuccess << 0 << counter << false << qint64(0) << kSuccess << none << qint64(0)
        << kNever << 0;
    QTest::newRow("instant-success/scan/at-once")
        << B::InstantSuccess << 0 << scan << false << qint64(0) << kSuccess << none << qint64(0)
        << kNever << 0;
    QTest::newRow("user-paying-then-success/counter/at-once")
        << B::UserPayingThenSuccess << kSeconds << counter << false << qint64(0) << kUserPaying
        << none << kNever << n << 0;
    QTest::newRow("user-paying-then-success/counter/1ms-before-the-end")
        << B::UserPayingThenSuccess << kSeconds << counter << false << n - 1 << kUserPaying << none
        << kNever << n << 0;
    QTest::newRow("user-paying-then-success/counter/at-the-end")
        << B::UserPayingThenSuccess << kSeconds << counter << false << n << kSuccess << none << n
        << n << 0;
    QTest::newRow("user-paying-then-success/counter/long-after-paid-at-the-end")
        << B::UserPayingThenSuccess << kSeconds << counter << false << 100 * n << kSuccess << none
        << n << n << 0;
    QTest::newRow("user-paying-then-success/scan/at-the-end")
        << B::UserPayingThenSuccess << kSeconds << scan << false << n << kSuccess << none << n << n
        << 0;
    QTest::newRow("user-paying-then-cancelled/counter/before-the-end")
        << B::UserPayingThenCancelled << kSeconds << counter << false << n - 1 << kUserPaying
        << none << kNever << n << 0;
    QTest::newRow("user-paying-then-cancelled/counter/at-the-end")
        << B::UserPayingThenCancelled << kSeconds << counter << false << n << kPayError
        << QStringLiteral("USERCANCELLED") << kNever << n << 0;
    QTest::newRow("user-paying-then-cancelled/scan/after-the-end")
        << B::UserPayingThenCancelled << kSeconds << scan << false << n + 1 << kPayError
        << QStringLiteral("USERCANCELLED") << kNever << n << 0;
    QTest::newRow("insufficient-funds/counter/at-once")
        << B::InsufficientFunds << 0 << counter << false << qint64(0) << kPayError
        << QStringLiteral("NOTENOUGH") << kNever << kNever << 0;
    QTest::newRow("insufficient-funds/scan/at-once")
        << B::InsufficientFunds << 0 << scan << false << qint64(0) << kPayError
        << QStringLiteral("NOTENOUGH") << kNever << kNever << 0;
    QTest::newRow("system-error-then-success/counter/paid-at-once")
        << B::SystemErrorThenSuccess << 0 << counter << false << qint64(0) << kSuccess << none
        << qint64(0) << kNever << 0;
    QTest::newRow("no-response-then-success/counter/paid-at-once")
        << B::NoResponseThenSuccess << 0 << counter << false << qint64(0) << kSuccess << none
        << qint64(0) << kNever << 0;
    QTest::newRow("no-response-then-success/scan/paid-at-once")
        << B::NoResponseThenSuccess << 0 << scan << false << qint64(0) << kSuccess << none
        << qint64(0) << kNever << 0;
    QTest::newRow("never-final/counter/an-hour-later")
        << B::NeverFinal << 0 << counter << false << qint64(3600) * kMsPerSecond << kUserPaying
        << none << kNever << kNever << 0;
    QTest::newRow("revoke-fails-3-times/counter/user-paying")
        << B::RevokeFailsNTimes << 3 << counter << false << qint64(0) << kUserPaying << none
        << kNever << kNever << 3;
    QTest::newRow("revoke-fails-forever/scan/user-paying")
        << B::RevokeFailsNTimes << kRevokeFailsForever << scan << false << qint64(0) << kUserPaying
        << none << kNever << kNever << kRevokeFailsForever;
    QTest::newRow("duplicate-notifications/scan/paid-at-once")
        << B::DuplicateNotifications << 0 << scan << false << qint64(0) << kSuccess << none
        << qint64(0) << kNever << 0;
    QTest::newRow("contradicting-notification/scan/paid-at-once")
        << B::ContradictingNotification << 0 << scan << false << qint64(0) << kSuccess << none
        << qint64(0) << kNever << 0;
    QTest::newRow("auth-code-expired/counter/at-once")
        << B::AuthCodeExpired << 0 << counter << false << qint64(0) << kPayError
        << QStringLiteral("AUTHCODEEXPIRE") << kNever << kNever << 0;
    QTest::newRow("auth-code-expired/scan/at-once")
        << B::AuthCodeExpired << 0 << scan << false << qint64(0) << kPayError
        << QStringLiteral("AUTHCODEEXPIRE") << kNever << kNever << 0;
    QTest::newRow("slow-to-record/counter/paid-at-once-hidden-until-the-end")
        << B::SlowToRecord << kSeconds << counter << false << qint64(0) << kSuccess << none
        << qint64(0) << n << 0;
    QTest::newRow("slow-to-record/scan/paid-at-once-no-phase")
        << B::SlowToRecord << kSeconds << scan << false << qint64(0) << kSuccess << none
        << qint64(0) << kNever << 0;
    QTest::newRow("acquirer-refuses/counter/own-acquirer-refuses")
        << B::AcquirerRefuses << 0 << counter << true << qint64(0) << kPayError
        << QStringLiteral("NOAUTH") << kNever << kNever << 0;
    QTest::newRow("acquirer-refuses/counter/other-acquirer-pays")
        << B::AcquirerRefuses << 0 << counter << false << qint64(0) << kSuccess << none << qint64(0)
        << kNever << 0;
    QTest::newRow("acquirer-refuses/scan/the-customer-pays")
        << B::AcquirerRefuses << 0 << scan << true << qint64(0) << kSuccess << none << qint64(0)
        << kNever << 0;
}

void tst_SandboxScript::stateAtTime()
{
    QFETCH(SandboxBehaviour, behaviour);
    QFETCH(int, parameter);
    QFETCH(ScriptPath, path);
    QFETCH(bool, walletsOwnAcquirer);
    QFETCH(qint64, elapsedMs);
    QFETCH(QString, state);
    QFETCH(QString, errorCode);
    QFETCH(qint64, paidAfterMs);
    QFETCH(qint64, settlesAfterMs);
    QFETCH(int, revokeFailures);

    const ScriptInput in{behaviour, parameter, path, kStart, walletsOwnAcquirer};
    const ScriptedState s = scriptedState(in, kStart + elapsedMs);
    QCOMPARE(s.state, state);
    QCOMPARE(s.errorCode, errorCode);
    QCOMPARE(s.paidAtMs, at(paidAfterMs));
    QCOMPARE(s.settlesAtMs, at(settlesAfterMs));
    QCOMPARE(s.revokeFailures, revokeFailures);
}

void tst_SandboxScript::everyBehaviourHasAState_data()
{
    QTest::addColumn<SandboxBehaviour>("behaviour");
    QTest::addColumn<ScriptPath>("path");
    for (const SandboxCodeRow& row : sandboxCodeTable()) {
        const QByteArray name = QByteArray::number(int(row.behaviour));
        QTest::newRow(name + "/counter") << row.behaviour << ScriptPath::CounterPay;
        QTest::newRow(name + "/scan") << row.behaviour << ScriptPath::QrScan;
    }
}

// A new behaviour must say what it makes of a trade: one the script does not
// know would otherwise pass silently as a plain payment.
void tst_SandboxScript::everyBehaviourHasAState()
{
    QFETCH(SandboxBehaviour, behaviour);
    QFETCH(ScriptPath, path);
    const ScriptInput in{behaviour, kSeconds, path, kStart, true};
    const ScriptedState s = scriptedState(in, kStart);
    QVERIFY(s.state == kSuccess || s.state == kUserPaying || s.state == kPayError);
    QCOMPARE(s.state == kPayError, !s.errorCode.isEmpty());
    QCOMPARE(s.state == kSuccess, s.paidAtMs == kStart);
    // The state at the start is the one the script keeps until its end.
    if (s.settlesAtMs > 0)
        QCOMPARE(scriptedState(in, s.settlesAtMs - 1).state, s.state);
}

void tst_SandboxScript::visibility_data()
{
    QTest::addColumn<SandboxBehaviour>("behaviour");
    QTest::addColumn<ScriptPath>("path");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<bool>("visible");
    const qint64 n = kSeconds * kMsPerSecond;
    QTest::newRow("slow-to-record/counter/at-once-hidden")
        << SandboxBehaviour::SlowToRecord << ScriptPath::CounterPay << qint64(0) << false;
    QTest::newRow("slow-to-record/counter/1ms-before-the-end-hidden")
        << SandboxBehaviour::SlowToRecord << ScriptPath::CounterPay << n - 1 << false;
    QTest::newRow("slow-to-record/counter/at-the-end-visible")
        << SandboxBehaviour::SlowToRecord << ScriptPath::CounterPay << n << true;
    QTest::newRow("slow-to-record/scan/at-once-visible")
        << SandboxBehaviour::SlowToRecord << ScriptPath::QrScan << qint64(0) << true;
    QTest::newRow("instant-success/counter/at-once-visible")
        << SandboxBehaviour::InstantSuccess << ScriptPath::CounterPay << qint64(0) << true;
    QTest::newRow("user-paying-then-success/counter/during-the-phase-visible")
        << SandboxBehaviour::UserPayingThenSuccess << ScriptPath::CounterPay << qint64(0) << true;
}

void tst_SandboxScript::visibility()
{
    QFETCH(SandboxBehaviour, behaviour);
    QFETCH(ScriptPath, path);
    QFETCH(qint64, elapsedMs);
    QFETCH(bool, visible);
    QCOMPARE(scriptedVisible({behaviour, kSeconds, path, kStart, false}, kStart + elapsedMs),
             visible);
}

void tst_SandboxScript::payAnswer_data()
{
    QTest::addColumn<SandboxBehaviour>("behaviour");
    QTest::addColumn<PayAnswer>("answer");
    QTest::newRow("instant-success/the-trade")
        << SandboxBehaviour::InstantSuccess << PayAnswer::TheTrade;
    QTest::newRow("user-paying-then-success/the-trade")
        << SandboxBehaviour::UserPayingThenSuccess << PayAnswer::TheTrade;
    QTest::newRow("insufficient-funds/the-trade")
        << SandboxBehaviour::InsufficientFunds << PayAnswer::TheTrade;
    QTest::newRow("system-error-then-success/system-error")
        << SandboxBehaviour::SystemErrorThenSuccess << PayAnswer::SystemError;
    QTest::newRow("no-response-then-success/lost")
        << SandboxBehaviour::NoResponseThenSuccess << PayAnswer::Lost;
    QTest::newRow("slow-to-record/lost") << SandboxBehaviour::SlowToRecord << PayAnswer::Lost;
    QTest::newRow("acquirer-refuses/the-trade")
        << SandboxBehaviour::AcquirerRefuses << PayAnswer::TheTrade;
}

void tst_SandboxScript::payAnswer()
{
    QFETCH(SandboxBehaviour, behaviour);
    QFETCH(PayAnswer, answer);
    QCOMPARE(scriptedPayAnswer(behaviour), answer);
}

void tst_SandboxScript::notifications_data()
{
    QTest::addColumn<SandboxBehaviour>("behaviour");
    QTest::addColumn<QList<ScriptedNotification>>("sent");
    const ScriptedNotification paid{TradeStatus::Success, kSuccess, QStringLiteral("-SUCCESS")};
    const ScriptedNotification closed{TradeStatus::Failed, kClosed, QStringLiteral("-CLOSED")};
    QTest::newRow("instant-success/one")
        << SandboxBehaviour::InstantSuccess << QList<ScriptedNotification>{paid};
    QTest::newRow("user-paying-then-success/one")
        << SandboxBehaviour::UserPayingThenSuccess << QList<ScriptedNotification>{paid};
    QTest::newRow("no-response-then-success/lost")
        << SandboxBehaviour::NoResponseThenSuccess << QList<ScriptedNotification>{};
    QTest::newRow("duplicate-notifications/the-same-twice")
        << SandboxBehaviour::DuplicateNotifications << QList<ScriptedNotification>{paid, paid};
    QTest::newRow("contradicting-notification/paid-then-closed")
        << SandboxBehaviour::ContradictingNotification << QList<ScriptedNotification>{paid, closed};
}

void tst_SandboxScript::notifications()
{
    QFETCH(SandboxBehaviour, behaviour);
    QFETCH(QList<ScriptedNotification>, sent);
    QCOMPARE(scriptedNotifications(behaviour), sent);
}

QTEST_GUILESS_MAIN(tst_SandboxScript)
#include "tst_sandboxscript.moc"
