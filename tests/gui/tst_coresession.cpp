// The app's core session: built as the app builds it (its own system clock,
// no injected one) and torn down as the app quits.
#include "CoreFactory.h"
#include "testsupport/TempDir.h"

#include <QTest>

using namespace paydesk;

class tst_CoreSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The session's engine outlived the clock the session owned: the
    // scheduler's destructor called into the freed clock and the app
    // crashed on quit (found by bench_gui, which builds the core this way).
    void regression_engineOutlivedItsClockOnQuit()
    {
        for (int i = 0; i < 3; ++i) {
            test::TempDataDir dir;
            app::CoreOptions o;
            o.dataDir = dir.path();
            o.durable = false;
            QString error;
            std::unique_ptr<ui::CoreSession> core = app::createCore(o, &error);
            QVERIFY2(core, qPrintable(error));
            QVERIFY(core->ownedClock);
            QVERIFY(core->api->isIdle());
            core.reset(); // must not crash
        }
    }
};

QTEST_MAIN(tst_CoreSession)
#include "tst_coresession.moc"
