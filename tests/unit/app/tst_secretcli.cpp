// paydesk-core secret new-key|seal|unseal as an operator runs them, and a
// shop whose configuration points at sealed files: the server's TLS key
// and a gateway's API key, read unsealed by the real process.
#include "sandbox/SandboxCertificates.h"
#include "testsupport/CoreProcess.h"
#include "testsupport/TempDir.h"

#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace paydesk;
using namespace paydesk::test;

namespace {

constexpr char kKeyFileVariable[] = "PAYDESK_SEAL_KEY_FILE";
constexpr char kKeyVariable[] = "PAYDESK_SEAL_KEY";
// The sandbox merchant's WeChat API key (README's example).
constexpr char kApiKey[] = "192006250b4c09247ec02edce69f6a2d";

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The processes started from here inherit the key variables set here.
void setKeyFile(const QString& path)
{
    qputenv(kKeyFileVariable, QFile::encodeName(path));
}

CoreRun secret(const QStringList& args)
{
    return runCore(QStringList{QStringLiteral("secret")} + args, 20'000);
}

// Starts a paydesk-core that prints `ready` once it serves; null if it
// did not within 10 s (its output in *said).
std::unique_ptr<QProcess> startUntil(const QStringList& args, const QByteArray& ready,
                                     QByteArray* said)
{
    auto p = startCore(args);
    QByteArray err;
    for (int i = 0; i < 100; ++i) {
        p->waitForReadyRead(100);
        err += p->readAllStandardError();
        *said = p->peek(8192) + err;
        if (said->contains(ready))
            return p;
        if (p->state() == QProcess::NotRunning)
            break;
    }
    p->kill();
    p->waitForFinished();
    return nullptr;
}

void stop(QProcess& p)
{
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(10'000)) {
        p.kill();
        p.waitForFinished();
    }
}

} // namespace

class tst_SecretCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void newKeySealAndUnseal();
    void refusals_data();
    void refusals();
    void sealedTlsKeyServesHttps();
    void sealedGatewayKeyTakesAPayment();
};

void tst_SecretCli::init()
{
    qunsetenv(kKeyFileVariable);
    qunsetenv(kKeyVariable);
}

void tst_SecretCli::cleanup()
{
    init();
}

void tst_SecretCli::newKeySealAndUnseal()
{
    TempDataDir dir;
    const QString key = dir.file(QStringLiteral("seal.key"));
    const CoreRun made = secret({QStringLiteral("--json"), QStringLiteral("new-key"), key});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err + made.out));
    const QString keyId = lastJson(made.out).value(QStringLiteral("keyId")).toString();
    QCOMPARE(keyId.size(), 8);
    QCOMPARE(fileMode(key), 0600);
    const QByteArray keyBytes = contents(key);
    QCOMPARE(QByteArray::fromBase64(keyBytes.trimmed()).size(), 32);
    // Never over an existing key: what it sealed would be lost.
    const CoreRun again = secret({QStringLiteral("new-key"), key});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("exists: a new sealing key never replaces")),
             qPrintable(again.err));
    QCOMPARE(contents(key), keyBytes);

    // Sealed in place, the key from the environment as the service finds it.
    const QString api = dir.file(QStringLiteral("wechat-api-key.txt"));
    const QByteArray plain = QByteArray(kApiKey) + '\n';
    writeFile(api, plain, 0640);
    setKeyFile(key);
    const CoreRun sealed = secret({QStringLiteral("seal"), api});
    QVERIFY2(sealed.exitCode == 0, qPrintable(sealed.err + sealed.out));
    QVERIFY2(sealed.out.contains(QStringLiteral("sealed with the key %1").arg(keyId)),
             qPrintable(sealed.out));
    const QByteArray onDisk = contents(api);
    QVERIFY(onDisk.startsWith("PAYDESK-SEALED-1 key " + keyId.toLatin1() + '\n'));
    QVERIFY(!onDisk.contains(kApiKey));
    QCOMPARE(fileMode(api), 0600);
    init();

    // Unsealed with --key-file: to stdout only when asked with "-" ...
    const CoreRun shown = secret({QStringLiteral("unseal"), api, QStringLiteral("--key-file"), key,
                                  QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
    QCOMPARE(shown.out.toUtf8(), plain);
    // ... into another file, leaving the sealed one ...
    const QString out = dir.file(QStringLiteral("plain.txt"));
    const CoreRun copied = secret({QStringLiteral("unseal"), api, QStringLiteral("--key-file"), key,
                                   QStringLiteral("--out"), out});
    QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
    QVERIFY2(copied.out.isEmpty() == false, "no word of what was done");
    QVERIFY2(!copied.out.contains(QLatin1String(kApiKey)), qPrintable(copied.out));
    QCOMPARE(contents(out), plain);
    QCOMPARE(fileMode(out), 0600);
    QCOMPARE(contents(api), onDisk);
    // ... or in place.
    qputenv(kKeyVariable, keyBytes.trimmed());
    const CoreRun back = secret({QStringLiteral("unseal"), api});
    QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    QCOMPARE(contents(api), plain);

    // Sealed into another file: the plain one stays.
    const QString copy = dir.file(QStringLiteral("sealed-copy.txt"));
    const CoreRun sealedCopy = secret(
        {QStringLiteral("--json"), QStringLiteral("seal"), api, QStringLiteral("--out"), copy});
    QVERIFY2(sealedCopy.exitCode == 0, qPrintable(sealedCopy.err + sealedCopy.out));
    QCOMPARE(lastJson(sealedCopy.out).value(QStringLiteral("out")).toString(), copy);
    QCOMPARE(contents(api), plain);
    QVERIFY(contents(copy).startsWith("PAYDESK-SEALED-1 "));
}

void tst_SecretCli::refusals_data()
{
    QTest::addColumn<QString>("file");     // what FILE holds: "plain", "sealed", "empty", "open"
    QTest::addColumn<QStringList>("args"); // FILE for the file, KEY for the key's file
    QTest::addColumn<bool>("keyInEnv");    // PAYDESK_SEAL_KEY_FILE names the key
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");

    const QString file = QStringLiteral("FILE");
    const QString key = QStringLiteral("KEY");
    const QString seal = QStringLiteral("seal");
    const QString unseal = QStringLiteral("unseal");
    QTest::newRow("seal a sealed file") << QStringLiteral("sealed") << QStringList{seal, file}
                                        << true << 1 << QStringLiteral("is already sealed (key ");
    QTest::newRow("unseal a plain file")
        << QStringLiteral("plain") << QStringList{unseal, file} << true << 1
        << QStringLiteral("is not sealed: nothing to unseal");
    QTest::newRow("seal an empty file") << QStringLiteral("empty") << QStringList{seal, file}
                                        << true << 1 << QStringLiteral("is empty: nothing to seal");
    QTest::newRow("no key") << QStringLiteral("plain") << QStringList{seal, file} << false << 2
                            << QStringLiteral("secret seal needs the sealing key: give "
                                              "--key-file KEYFILE or set PAYDESK_SEAL_KEY_FILE");
    QTest::newRow("wrong key") << QStringLiteral("sealed")
                               << QStringList{unseal, file, QStringLiteral("--key-file"),
                                              QStringLiteral("OTHER")}
                               << false << 1
                               << QStringLiteral("cannot be unsealed: it was sealed with the key ");
    QTest::newRow("key of the wrong length")
        << QStringLiteral("plain")
        << QStringList{seal, file, QStringLiteral("--key-file"), QStringLiteral("SHORT")} << false
        << 1 << QStringLiteral("is 16 bytes, not 32");
    QTest::newRow("secret readable by others")
        << QStringLiteral("open") << QStringList{seal, file} << true << 1
        << QStringLiteral("is readable by others, and it holds a secret: run chmod 600");
    QTest::newRow("stdout with --json") << QStringLiteral("sealed")
                                        << QStringList{QStringLiteral("--json"), unseal, file,
                                                       QStringLiteral("--out"), QStringLiteral("-")}
                                        << true << 2 << QStringLiteral("cannot go with --json");
    QTest::newRow("unknown subcommand")
        << QStringLiteral("plain") << QStringList{QStringLiteral("lock"), file} << true << 2
        << QStringLiteral("secret takes new-key, seal or unseal");
    QTest::newRow("new-key with --key-file")
        << QStringLiteral("plain")
        << QStringList{QStringLiteral("new-key"), QStringLiteral("NEW"),
                       QStringLiteral("--key-file"), key}
        << false << 2 << QStringLiteral("usage: secret new-key FILE");
}

// Each refusal says why and changes nothing.
void tst_SecretCli::refusals()
{
    QFETCH(QString, file);
    QFETCH(QStringList, args);
    QFETCH(bool, keyInEnv);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    TempDataDir dir;
    const QString key = dir.file(QStringLiteral("seal.key"));
    const QString other = dir.file(QStringLiteral("other.key"));
    QCOMPARE(secret({QStringLiteral("new-key"), key}).exitCode, 0);
    QCOMPARE(secret({QStringLiteral("new-key"), other}).exitCode, 0);
    const QString shortKey = dir.file(QStringLiteral("short.key"));
    writeFile(shortKey, QByteArray(16, 'k').toBase64());
    const QString path = dir.file(QStringLiteral("secret.txt"));
    writeFile(path, file == QLatin1String("empty") ? QByteArray() : QByteArray(kApiKey),
              file == QLatin1String("open") ? 0644 : 0600);
    if (file == QLatin1String("sealed"))
        QCOMPARE(secret({QStringLiteral("seal"), path, QStringLiteral("--key-file"), key}).exitCode,
                 0);
    const QByteArray before = contents(path);
    if (keyInEnv)
        setKeyFile(key);
    for (QString& a : args) {
        if (a == QLatin1String("FILE"))
            a = path;
        else if (a == QLatin1String("KEY"))
            a = key;
        else if (a == QLatin1String("OTHER"))
            a = other;
        else if (a == QLatin1String("SHORT"))
            a = shortKey;
        else if (a == QLatin1String("NEW"))
            a = dir.file(QStringLiteral("new.key"));
    }
    const CoreRun r = secret(args);
    QCOMPARE(r.exitCode, exitCode);
    const QString said = r.err + r.out; // --json puts the error on stdout
    QVERIFY2(said.contains(error), qPrintable(said));
    QVERIFY2(!said.contains(QLatin1String(kApiKey)), qPrintable(said));
    QCOMPARE(contents(path), before);
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("new.key"))));
}

// serve --cert/--key from the configuration, the key sealed: refused with
// the fix when no key is set, served over HTTPS (a TLS handshake with the
// unsealed private key) when it is.
void tst_SecretCli::sealedTlsKeyServesHttps()
{
    TempDataDir dir(kSandboxShop);
    SandboxCertificateFiles tls;
    QCOMPARE(ensureSandboxCertificates(dir.file(QStringLiteral("tls")), &tls), QString());
    const QString key = dir.file(QStringLiteral("seal.key"));
    QCOMPARE(secret({QStringLiteral("new-key"), key}).exitCode, 0);
    const CoreRun sealed =
        secret({QStringLiteral("seal"), tls.serverKey, QStringLiteral("--key-file"), key});
    QVERIFY2(sealed.exitCode == 0, qPrintable(sealed.err));
    QVERIFY(contents(tls.serverKey).startsWith("PAYDESK-SEALED-1 "));
    const quint16 port = freeLoopbackPort();
    writeFile(dir.file(QStringLiteral("paydesk.json")),
              QStringLiteral(R"({"sandbox": true, "server": {"listen": "127.0.0.1:%1",
                                 "certFile": "%2", "keyFile": "%3"}})")
                  .arg(port)
                  .arg(tls.serverCertificate, tls.serverKey)
                  .toUtf8(),
              0644);
    const QStringList serve = {QStringLiteral("--data"), dir.path(), QStringLiteral("--no-fsync"),
                               QStringLiteral("serve")};

    const CoreRun refused = runCore(serve, 10'000);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("the server's private key: %1 is sealed: set "
                                                 "PAYDESK_SEAL_KEY_FILE")
                                      .arg(tls.serverKey)),
             qPrintable(refused.err));

    setKeyFile(key);
    QByteArray said;
    const auto server =
        startUntil(serve, "serving https://127.0.0.1:" + QByteArray::number(port), &said);
    QVERIFY2(server, said.constData());
    QSslSocket socket;
    QSslConfiguration c = socket.sslConfiguration();
    c.setCaCertificates(QSslCertificate::fromPath(tls.caCertificate));
    socket.setSslConfiguration(c);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    const bool encrypted = socket.waitForEncrypted(10'000);
    QVERIFY2(encrypted, qPrintable(socket.errorString()));
    socket.disconnectFromHost();
    stop(*server);
    QCOMPARE(server->exitCode(), 0);
}

// A gateway's apiKeyFile sealed: the sandbox acquirer (with the plain key)
// takes the payment, so the signatures made with the unsealed key are
// right. Without the sealing key the configuration is refused, naming the
// file; nothing is charged.
void tst_SecretCli::sealedGatewayKeyTakesAPayment()
{
    TempDataDir dir;
    const quint16 port = freeLoopbackPort();
    writeFile(dir.file(QStringLiteral("acquirer-key.txt")), kApiKey);
    writeFile(dir.file(QStringLiteral("sandbox.json")),
              R"({"dataDir": "acquirer", "wechat": [{"appId": "wxd930ea5d5a258f4f",
                   "mchId": "10000100", "apiKeyFile": "acquirer-key.txt"}]})",
              0644);
    writeFile(dir.file(QStringLiteral("shop-key.txt")), kApiKey);
    const QString key = dir.file(QStringLiteral("seal.key"));
    QCOMPARE(secret({QStringLiteral("new-key"), key}).exitCode, 0);
    const CoreRun sealed = secret({QStringLiteral("seal"), dir.file(QStringLiteral("shop-key.txt")),
                                   QStringLiteral("--key-file"), key});
    QVERIFY2(sealed.exitCode == 0, qPrintable(sealed.err));
    const QString shop = dir.file(QStringLiteral("shop.json"));
    writeFile(shop,
              QStringLiteral(R"({"gateways": {"wechat": {"protocol": "wechat-v2",
                   "url": "http://127.0.0.1:%1/wechat/", "appId": "wxd930ea5d5a258f4f",
                   "mchId": "10000100", "apiKeyFile": "shop-key.txt"}}})")
                  .arg(port)
                  .toUtf8(),
              0644);

    QByteArray said;
    const auto acquirer =
        startUntil({QStringLiteral("--no-fsync"), QStringLiteral("sandbox"),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                    QStringLiteral("--config"), dir.file(QStringLiteral("sandbox.json"))},
                   "listening", &said);
    QVERIFY2(acquirer, said.constData());
    const QStringList pay = {QStringLiteral("--data"),
                             dir.file(QStringLiteral("shop")),
                             QStringLiteral("--config"),
                             shop,
                             QStringLiteral("--no-fsync"),
                             QStringLiteral("--json"),
                             QStringLiteral("pay"),
                             QStringLiteral("--amount"),
                             QStringLiteral("12.34"),
                             QStringLiteral("--code"),
                             QStringLiteral("130000000000000001"),
                             QStringLiteral("--wait")};

    const CoreRun refused = runCore(pay);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.out.contains(QStringLiteral("shop-key.txt is sealed: set "
                                                 "PAYDESK_SEAL_KEY_FILE")),
             qPrintable(refused.out + refused.err));

    setKeyFile(key);
    const CoreRun paid = runCore(pay);
    stop(*acquirer);
    QVERIFY2(paid.exitCode == 0, qPrintable(paid.err + paid.out));
    QCOMPARE(lastJson(paid.out).value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
}

QTEST_GUILESS_MAIN(tst_SecretCli)
#include "tst_secretcli.moc"
