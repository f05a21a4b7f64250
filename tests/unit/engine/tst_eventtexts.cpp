// A timeline step's stable code and arguments: the English text made from
// them, and both kept by the store beside it.
#include "engine/EventTexts.h"
#include "store/Database.h"
#include "store/SqlStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace paydesk;

class tst_EventTexts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fillEventTemplate_data()
    {
        QTest::addColumn<QString>("tpl");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("inOrder") << QStringLiteral("paid %1 by %2")
                                 << QStringList{QStringLiteral("¥1.00"), QStringLiteral("wechat")}
                                 << QStringLiteral("paid ¥1.00 by wechat");
        QTest::newRow("outOfOrder") << QStringLiteral("%2 before %1")
                                    << QStringList{QStringLiteral("a"), QStringLiteral("b")}
                                    << QStringLiteral("b before a");
        // A channel's words that contain "%1" are shown as they are.
        QTest::newRow("argumentWithAPlaceholderIsLeftAlone")
            << QStringLiteral("failed: %1 (%2)")
            << QStringList{QStringLiteral("rate %1 exceeded"), QStringLiteral("E1")}
            << QStringLiteral("failed: rate %1 exceeded (E1)");
        QTest::newRow("missingArgumentReadsEmpty")
            << QStringLiteral("retrying: %1") << QStringList{} << QStringLiteral("retrying: ");
        QTest::newRow("percentSignAlone")
            << QStringLiteral("100% of %1") << QStringList{QStringLiteral("x")}
            << QStringLiteral("100% of x");
    }
    void fillEventTemplate()
    {
        QFETCH(QString, tpl);
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QCOMPARE(paydesk::fillEventTemplate(tpl, args), expected);
    }

    void textCarriesCodeArgumentsAndEnglish()
    {
        const EventText t =
            events::text("order_paid", {QStringLiteral("¥23.50"), QStringLiteral("alipay")});
        QCOMPARE(t.code, QStringLiteral("order_paid"));
        QCOMPARE(t.args, (QStringList{QStringLiteral("¥23.50"), QStringLiteral("alipay")}));
        QCOMPARE(t.english, QStringLiteral("paid ¥23.50 by alipay"));
    }

    void everyCodeHasAnEnglishTemplate()
    {
        QVERIFY(events::codes().size() > 20);
        for (const QString& code : events::codes())
            QVERIFY2(!events::englishTemplate(code).isEmpty(), qPrintable(code));
        QVERIFY(events::englishTemplate(QStringLiteral("no_such_code")).isEmpty());
    }

    // Code and arguments survive the store, empty ones included; a step
    // with English only reads back with no code.
    void storeKeepsCodeAndArguments_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("two") << QStringLiteral("order_paid")
                             << QStringList{QStringLiteral("¥1.00"), QStringLiteral("wechat")};
        QTest::newRow("emptyInTheMiddle")
            << QStringLiteral("channel_call")
            << QStringList{QStringLiteral("pay"), QString(), QStringLiteral("FAILED")};
        QTest::newRow("none") << QStringLiteral("qr_issued") << QStringList{};
        QTest::newRow("englishOnly") << QString() << QStringList{};
    }
    void storeKeepsCodeAndArguments()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        Database db;
        DatabaseConfig cfg;
        cfg.sqlitePath = dir.filePath(QStringLiteral("core.db"));
        QCOMPARE(db.open(cfg, SqlStore::schemaName(), SqlStore::migrations()), QString());
        SqlStore store(db);
        TrackEvent e;
        e.orderNo = QStringLiteral("PO1");
        e.atMs = 1;
        e.source = QStringLiteral("engine");
        e.kind = QStringLiteral("transition");
        e.message = QStringLiteral("the English");
        e.code = code;
        e.args = args;
        QVERIFY(store.appendEvent(e));
        const QList<TrackEvent> back = store.events(QStringLiteral("PO1"));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.at(0).code, code);
        QCOMPARE(back.at(0).args, args);
        QCOMPARE(back.at(0).message, QStringLiteral("the English"));
    }
};

QTEST_GUILESS_MAIN(tst_EventTexts)
#include "tst_eventtexts.moc"
