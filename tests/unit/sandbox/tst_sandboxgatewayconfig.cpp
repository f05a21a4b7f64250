// The sandbox gateway's configuration file (`paydesk-core sandbox --config
// FILE`): what a good file gives, and a clear error that changes nothing for
// each kind of bad file.
#include "SandboxGateway.h"
#include "channels/alipay/AlipaySign.h"
#include "sandbox/SandboxGatewayConfig.h"
#include "testsupport/TempDir.h"

#include <QtTest>

using namespace paydesk;

using Files = QMap<QString, QByteArray>; // name in the config's directory -> content
Q_DECLARE_METATYPE(Files)

class tst_SandboxGatewayConfig : public QObject
{
    Q_OBJECT

private:
    static void write(const test::TempDataDir& dir, const Files& files)
    {
        for (auto it = files.begin(); it != files.end(); ++it) {
            QFile f(dir.file(it.key()));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(it.value());
            // As an operator keeps them: keys are refused if others may read them.
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        }
    }

private slots:
    void aGoodFileGivesEveryAccount()
    {
        test::TempDataDir dir;
        QByteArray privatePem, publicPem;
        QVERIFY(alipay::RsaKey::generate(2048, &privatePem, &publicPem));
        write(dir, {{QStringLiteral("key.txt"), "  192006250b4c09247ec02edce69f6a2d\n"},
                    {QStringLiteral("app.pem"), publicPem},
                    {QStringLiteral("sandbox.json"),
                     R"({"dataDir": "trades",
                         "wechat": [{"appId": "wxd930ea5d5a258f4f", "mchId": "10000100",
                                     "apiKeyFile": "key.txt"}],
                         "alipay": [{"appId": "2021000000000001", "appPublicKeyFile": "app.pem"}],
                         "billDifferences": {"drop": ["P1"]},
                         "notifyRetryDelaysMs": [10, 20]})"}});
        SandboxGatewayConfig c;
        QCOMPARE(loadSandboxGatewayConfig(dir.file(QStringLiteral("sandbox.json")), c), QString());
        QCOMPARE(c.dataDir, dir.file(QStringLiteral("trades"))); // relative to the file
        QCOMPARE(c.wechat.size(), 1);
        QCOMPARE(c.wechat.at(0).appId, QStringLiteral("wxd930ea5d5a258f4f"));
        QCOMPARE(c.wechat.at(0).mchId, QStringLiteral("10000100"));
        QCOMPARE(c.wechat.at(0).apiKey, QByteArray("192006250b4c09247ec02edce69f6a2d"));
        QCOMPARE(c.alipayAppKeys.keys(), QStringList({QStringLiteral("2021000000000001")}));
        QVERIFY(!c.alipayAppKeys.value(QStringLiteral("2021000000000001")).isNull());
        QCOMPARE(c.billDifferences.dropPayments, QStringList({QStringLiteral("P1")}));
        QCOMPARE(c.notify.retryDelaysMs, QList<qint64>({10, 20}));
    }

    void aBadFileIsRefusedAndChangesNothing_data()
    {
        // %1 in `error` is the configuration file's path, %2 its directory; a
        // trailing … stands for OpenSSL's own words, which vary by version.
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("error");
        const QByteArray wechatKey = R"("wechat": [{"appId": "wx1", "mchId": "m1", "apiKeyFile": "key.txt"}])";
        QTest::newRow("not-json") << QByteArray("{\"dataDir\": ") << Files()
                                  << QStringLiteral(
                                         "%1 is not valid JSON at offset 12: unterminated object");
        QTest::newRow("larger-than-a-configuration-file")
            << (QByteArray("{\"dataDir\": \"d\"}") + QByteArray(1024 * 1024, ' ')) << Files()
            << QStringLiteral("%1 is larger than 1024 KiB: not a configuration file");
        QTest::newRow("a-list-not-an-object")
            << QByteArray("[]") << Files() << QStringLiteral("%1 must hold a JSON object ({...})");
        QTest::newRow("unknown-key")
            << QByteArray(R"({"dataDir": "d", "wechatt": []})") << Files()
            << QStringLiteral("%1: unknown key 'wechatt' (known: dataDir, wechat, alipay, "
                              "billDifferences, notifyRetryDelaysMs)");
        QTest::newRow("no-data-dir")
            << QByteArray("{}") << Files()
            << QStringLiteral("%1: dataDir is required (where the sandbox keeps its trades)");
        QTest::newRow("wechat-not-a-list")
            << QByteArray(R"({"dataDir": "d", "wechat": {"appId": "wx1"}})") << Files()
            << QStringLiteral("%1: wechat must be a list of accounts");
        QTest::newRow("alipay-not-a-list")
            << QByteArray(R"({"dataDir": "d", "alipay": "2021"})") << Files()
            << QStringLiteral("%1: alipay must be a list of accounts");
        QTest::newRow("wechat-without-mch-id")
            << QByteArray(R"({"dataDir": "d", "wechat": [{"appId": "wx1", "apiKeyFile": "k"}]})")
            << Files() << QStringLiteral("%1: wechat[0] needs appId, mchId and apiKeyFile");
        QTest::newRow("wechat-key-file-missing")
            << QByteArray("{\"dataDir\": \"d\", " + wechatKey + "}") << Files()
            << QStringLiteral("%1: wechat[0]: cannot read %2/key.txt: No such file or directory");
        QTest::newRow("wechat-key-file-empty")
            << QByteArray("{\"dataDir\": \"d\", " + wechatKey + "}")
            << Files{{QStringLiteral("key.txt"), " \n"}}
            << QStringLiteral("%1: wechat[0]: %2/key.txt is empty");
        QTest::newRow("alipay-without-key-file")
            << QByteArray(R"({"dataDir": "d", "alipay": [{"appId": "2021"}]})") << Files()
            << QStringLiteral("%1: alipay[0] needs appId and appPublicKeyFile");
        QTest::newRow("alipay-key-file-missing")
            << QByteArray(
                   R"({"dataDir": "d", "alipay": [{"appId": "2021", "appPublicKeyFile": "app.pem"}]})")
            << Files()
            << QStringLiteral("%1: alipay[0]: cannot read %2/app.pem: No such file or directory");
        QTest::newRow("alipay-key-not-a-key")
            << QByteArray(
                   R"({"dataDir": "d", "alipay": [{"appId": "2021", "appPublicKeyFile": "app.pem"}]})")
            << Files{{QStringLiteral("app.pem"), "not a key"}}
            << QStringLiteral("%1: alipay[0]: %2/app.pem: cannot read the RSA public key: …");
        QTest::newRow("bill-differences-not-an-object")
            << QByteArray(R"({"dataDir": "d", "billDifferences": ["P1"]})") << Files()
            << QStringLiteral("%1: billDifferences must be an object, e.g. {\"drop\": [\"P1\"]}");
        QTest::newRow("bill-differences-unknown-key")
            << QByteArray(R"({"dataDir": "d", "billDifferences": {"lose": ["P1"]}})") << Files()
            << QStringLiteral("%1: billDifferences: unknown key 'lose' (known: drop, amounts, "
                              "states, extra)");
        QTest::newRow("notify-delays-not-a-list")
            << QByteArray(R"({"dataDir": "d", "notifyRetryDelaysMs": 1000})") << Files()
            << QStringLiteral("%1: notifyRetryDelaysMs must be a list, e.g. [1000, 5000]");
        QTest::newRow("notify-delay-negative")
            << QByteArray(R"({"dataDir": "d", "notifyRetryDelaysMs": [1000, -5]})") << Files()
            << QStringLiteral("%1: notifyRetryDelaysMs must be a list of whole milliseconds, "
                              "e.g. [1000, 5000, 30000]");
    }
    void aBadFileIsRefusedAndChangesNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(Files, files);
        QFETCH(QString, error);
        test::TempDataDir dir;
        Files all = files;
        all.insert(QStringLiteral("sandbox.json"), json);
        write(dir, all);
        const QString path = dir.file(QStringLiteral("sandbox.json"));
        SandboxGatewayConfig c;
        c.notify.retryDelaysMs = {7};
        error.replace(QLatin1String("%1"), path).replace(QLatin1String("%2"), dir.path());
        const QString got = loadSandboxGatewayConfig(path, c);
        if (error.endsWith(QChar(u'…')))
            QVERIFY2(got.startsWith(error.chopped(1)), qPrintable(got));
        else
            QCOMPARE(got, error);
        QCOMPARE(c.notify.retryDelaysMs, QList<qint64>({7}));
        QVERIFY(c.dataDir.isEmpty());
        QVERIFY(c.wechat.isEmpty());
        QVERIFY(c.alipayAppKeys.isEmpty());
    }

    void aMissingFileIsNamed()
    {
        test::TempDataDir dir;
        const QString path = dir.file(QStringLiteral("nowhere.json"));
        SandboxGatewayConfig c;
        QCOMPARE(loadSandboxGatewayConfig(path, c),
                 QStringLiteral("cannot read %1: No such file or directory").arg(path));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxGatewayConfig)
#include "tst_sandboxgatewayconfig.moc"
