// The supervisor PIN: five wrong tries lock it for a growing time, each
// lockout is an alert in the core, a restart keeps the lock, and changing or
// removing the PIN needs the current one.
#include "guisupport/GuiHarness.h"
#include "settings/PinGuard.h"
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

namespace {

const QString kPin = QStringLiteral("2468");
const QString kWrong = QStringLiteral("1111");

QList<AlertRecord> lockoutAlerts(GuiHarness& h)
{
    QList<AlertRecord> all;
    h.api().alerts(true, 100, [&](const QList<AlertRecord>& a) { all = a; });
    QList<AlertRecord> out;
    for (const AlertRecord& a : all)
        if (a.kind == QLatin1String("pin_lockout"))
            out << a;
    return out;
}

// Wrong tries until the guard locks; returns how long.
qint64 lockOut(PinGuard& guard)
{
    for (int i = 1; i < PinGuard::kTriesBeforeLockout; ++i) {
        const PinGuard::Check c = guard.check(kWrong);
        if (c.verdict != PinGuard::Verdict::Wrong ||
            c.triesLeft != PinGuard::kTriesBeforeLockout - i)
            return -1;
    }
    const PinGuard::Check c = guard.check(kWrong);
    return c.verdict == PinGuard::Verdict::LockedOut ? c.lockedForMs : -1;
}

} // namespace

class tst_PinGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lockoutGrowsWithEachLockoutInARow_data()
    {
        QTest::addColumn<int>("lockouts");
        QTest::addColumn<qint64>("lastLockMs");
        QTest::newRow("first") << 1 << qint64(60'000);
        QTest::newRow("second") << 2 << qint64(120'000);
        QTest::newRow("third") << 3 << qint64(240'000);
        QTest::newRow("seventhIsCappedAtOneHour") << 7 << qint64(3'600'000);
    }
    void lockoutGrowsWithEachLockoutInARow()
    {
        QFETCH(int, lockouts);
        QFETCH(qint64, lastLockMs);
        GuiHarness h;
        h.settings().setSupervisorPin(kPin);
        PinGuard& guard = h.window().pinGuard();
        qint64 lockMs = 0;
        for (int i = 0; i < lockouts; ++i) {
            lockMs = lockOut(guard);
            QVERIFY(lockMs > 0);
            // Locked: even the right PIN is not compared.
            QCOMPARE(guard.check(kPin).verdict, PinGuard::Verdict::LockedOut);
            h.advance(lockMs, lockMs);
        }
        QCOMPARE(lockMs, lastLockMs);
        h.drain();
        const QList<AlertRecord> alerts = lockoutAlerts(h);
        QCOMPARE(alerts.size(), lockouts);
        QVERIFY2(alerts.constFirst().message.contains(
                     QStringLiteral("refunds locked for %1 s").arg(lastLockMs / 1000)),
                 qPrintable(alerts.constFirst().message));
        // The right PIN after the lock starts afresh: the next lock is short again.
        QCOMPARE(guard.check(kPin).verdict, PinGuard::Verdict::Accepted);
        QCOMPARE(lockOut(guard), PinGuard::kFirstLockoutMs);
    }

    // Closing and starting the app again does not lift a lockout.
    void aRestartKeepsTheLock()
    {
        GuiHarness h;
        h.settings().setSupervisorPin(kPin);
        QCOMPARE(lockOut(h.window().pinGuard()), PinGuard::kFirstLockoutMs);
        h.advance(20'000, 20'000);
        AppSettings sameFile(h.settings().fileName());
        PinGuard again(sameFile, h.clock(), h.api());
        QCOMPARE(again.lockedForMs(), 40'000);
        QCOMPARE(again.check(kPin).verdict, PinGuard::Verdict::LockedOut);
    }

    void noPinMeansNoLock()
    {
        GuiHarness h;
        PinGuard& guard = h.window().pinGuard();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(guard.check(kWrong).verdict, PinGuard::Verdict::NoPinSet);
        QVERIFY(lockoutAlerts(h).isEmpty());
    }

    void changingOrRemovingThePinNeedsTheCurrentOne_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("newPin");
        QTest::addColumn<bool>("remove");
        QTest::addColumn<bool>("saved");
        QTest::newRow("changeWithTheRightPin") << kPin << QStringLiteral("1357") << false << true;
        QTest::newRow("changeWithAWrongPin") << kWrong << QStringLiteral("1357") << false << false;
        QTest::newRow("changeWithNoPin") << QString() << QStringLiteral("1357") << false << false;
        QTest::newRow("removeWithTheRightPin") << kPin << QString() << true << true;
        QTest::newRow("removeWithAWrongPin") << kWrong << QString() << true << false;
    }
    void changingOrRemovingThePinNeedsTheCurrentOne()
    {
        QFETCH(QString, current);
        QFETCH(QString, newPin);
        QFETCH(bool, remove);
        QFETCH(bool, saved);
        GuiHarness h;
        h.settings().setSupervisorPin(kPin);
        SettingsDialog d(h.settings(), h.window().pinGuard());
        d.findChild<QLineEdit*>(QStringLiteral("currentPin"))->setText(current);
        d.findChild<QLineEdit*>(QStringLiteral("newPin"))->setText(newPin);
        d.findChild<QLineEdit*>(QStringLiteral("newPinAgain"))->setText(newPin);
        d.findChild<QCheckBox*>(QStringLiteral("removePin"))->setChecked(remove);
        d.accept();
        QCOMPARE(d.result() == QDialog::Accepted, saved);
        if (!saved) {
            QVERIFY2(d.error().startsWith(QStringLiteral("The current PIN is wrong")),
                     qPrintable(d.error()));
            QVERIFY(h.settings().checkSupervisorPin(kPin));
            return;
        }
        QCOMPARE(h.settings().hasSupervisorPin(), !remove);
        if (!remove)
            QVERIFY(h.settings().checkSupervisorPin(newPin));
    }

    // Wrong tries in Settings count toward the same lockout as at a refund.
    void settingsTriesCountTowardTheLockout()
    {
        GuiHarness h;
        h.settings().setSupervisorPin(kPin);
        for (int i = 0; i < PinGuard::kTriesBeforeLockout; ++i) {
            SettingsDialog d(h.settings(), h.window().pinGuard());
            d.findChild<QLineEdit*>(QStringLiteral("currentPin"))->setText(kWrong);
            d.findChild<QCheckBox*>(QStringLiteral("removePin"))->setChecked(true);
            d.accept();
            QVERIFY(d.result() != QDialog::Accepted);
            if (i + 1 == PinGuard::kTriesBeforeLockout)
                QVERIFY2(d.error().startsWith(QStringLiteral("Too many wrong PINs")),
                         qPrintable(d.error()));
        }
        QCOMPARE(h.window().pinGuard().lockedForMs(), PinGuard::kFirstLockoutMs);
        QVERIFY(h.settings().hasSupervisorPin());
        h.drain();
        QCOMPARE(lockoutAlerts(h).size(), 1);
    }
};

QTEST_MAIN(tst_PinGuard)
#include "tst_pinguard.moc"
