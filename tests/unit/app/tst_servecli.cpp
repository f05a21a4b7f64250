// paydesk-core serve as a shop runs it: a real server process, a counter
// enrolled with the CLI, sales through --remote, and a graceful SIGTERM.
#include "sandbox/SandboxCertificates.h"
#include "testsupport/CoreProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace paydesk;
using namespace paydesk::test;

namespace {

struct Shop
{
    QTemporaryDir dir;
    QString config;
    QString data;
    QString key;
    QString url;
    std::unique_ptr<QProcess> server;

    Shop()
    {
        config = dir.filePath(QStringLiteral("shop.json"));
        QFile f(config);
        f.open(QIODevice::WriteOnly);
        f.write(R"({"sandbox": true})");
        f.close();
        data = dir.filePath(QStringLiteral("data"));
        key = dir.filePath(QStringLiteral("counter/terminal.json"));
    }
    QStringList local(const QStringList& args) const
    {
        return QStringList{QStringLiteral("--data"), data, QStringLiteral("--config"), config,
                           QStringLiteral("--no-fsync")} +
               args;
    }
    QStringList remote(const QStringList& args) const
    {
        return QStringList{QStringLiteral("--remote"), url, QStringLiteral("--terminal-key"), key} +
               args;
    }
    bool start()
    {
        const quint16 port = freeLoopbackPort();
        url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        server = startCore(local({QStringLiteral("serve"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:%1").arg(port)}));
        return waitUntilServing(*server);
    }
};

} // namespace

class tst_ServeCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enrolPayAndStop();
    void aBadEnrolmentCodeIsRefusedAndNoKeyWritten();
    void localOnlyCommandsAreRefusedWithRemote();
    void backOfficeThroughTheRemoteCli();
    void terminalAddedOrDisabledWhileServing();
    void serverSettingsFromTheConfiguration();
    void demoServerAndCounterInTwoCommands();
};

// README's two commands: `serve --demo` makes a test shop and enrols a
// counter; the printed --remote command (here the CLI's) sells through it.
void tst_ServeCli::demoServerAndCounterInTwoCommands()
{
    const quint16 port = freeLoopbackPort();
    auto server = startCore({QStringLiteral("serve"), QStringLiteral("--demo"),
                             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QString out;
    const QRegularExpression keyLine(QStringLiteral("its key is (\\S+)\\."));
    for (int i = 0; i < 100 && !keyLine.match(out).hasMatch(); ++i) {
        server->waitForReadyRead(100);
        out += QString::fromUtf8(server->readAllStandardOutput());
    }
    const QRegularExpressionMatch m = keyLine.match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out + QString::fromUtf8(server->readAllStandardError())));
    const QString key = m.captured(1);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QVERIFY2(out.contains(QStringLiteral("paydesk --remote %1 --terminal-key %2").arg(url, key)),
             qPrintable(out));
    QCOMPARE(QFile(key).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    const CoreRun paid =
        runCore({QStringLiteral("--remote"), url, QStringLiteral("--terminal-key"), key,
                 QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                 QStringLiteral("5.00"), QStringLiteral("--code"),
                 QStringLiteral("130000000000000001"), QStringLiteral("--wait")});
    QVERIFY2(paid.exitCode == 0, qPrintable(paid.err + paid.out));
    QCOMPARE(lastJson(paid.out).value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    QCOMPARE(lastJson(paid.out).value(QStringLiteral("terminalId")).toString(),
             QStringLiteral("0002"));
    ::kill(server->processId(), SIGTERM);
    QVERIFY(server->waitForFinished(10'000));
    QCOMPARE(server->exitCode(), 0);
    // The demo makes its own shop: a real one is never touched by it.
    const CoreRun mixed = runCore({QStringLiteral("--data"), QStringLiteral("/tmp"),
                                   QStringLiteral("serve"), QStringLiteral("--demo")});
    QCOMPARE(mixed.exitCode, 2);
    QVERIFY2(mixed.err.contains(QLatin1String("leave out --data and --config")),
             qPrintable(mixed.err));
}

void tst_ServeCli::enrolPayAndStop()
{
    Shop shop;
    const CoreRun added = runCore(
        shop.local({QStringLiteral("--json"), QStringLiteral("terminal"), QStringLiteral("add"),
                    QStringLiteral("--store"), QStringLiteral("0001"), QStringLiteral("--terminal"),
                    QStringLiteral("0007")}));
    QCOMPARE(added.exitCode, 0);
    const QString code = lastJson(added.out).value(QStringLiteral("code")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$"))
                .match(code)
                .hasMatch());
    QVERIFY(shop.start());
    const CoreRun enrolled = runCore(shop.remote(
        {QStringLiteral("enrol"), QStringLiteral("--store"), QStringLiteral("0001"),
         QStringLiteral("--terminal"), QStringLiteral("0007"), QStringLiteral("--code"), code}));
    QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err + enrolled.out));
    QCOMPARE(QFile(shop.key).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    // A sale with the password step, followed live over the link.
    const CoreRun paid = runCore(
        shop.remote({QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                     QStringLiteral("9.00"), QStringLiteral("--code"),
                     QStringLiteral("130102000000000001"), QStringLiteral("--wait")}));
    QVERIFY2(paid.exitCode == 0, qPrintable(paid.err + paid.out));
    const QJsonObject order = lastJson(paid.out);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    QCOMPARE(
        order.value(QStringLiteral("amount")).toObject().value(QStringLiteral("fen")).toString(),
        QStringLiteral("900"));
    const QString orderNo = order.value(QStringLiteral("orderNo")).toString();
    // Refused input over the wire is refused, with the reason, and changes nothing.
    const CoreRun refund = runCore(shop.remote(
        {QStringLiteral("refund"), orderNo, QStringLiteral("--amount"), QStringLiteral("10.00"),
         QStringLiteral("--reason"), QStringLiteral("too much")}));
    QCOMPARE(refund.exitCode, 1);
    QVERIFY2(refund.out.contains(QLatin1String("refund_exceeds_paid")) ||
                 refund.err.contains(QLatin1String("more than")) ||
                 refund.out.contains(QLatin1String("more than")),
             qPrintable(refund.out + refund.err));
    // SIGTERM: a graceful stop, exit 0.
    ::kill(shop.server->processId(), SIGTERM);
    QVERIFY(shop.server->waitForFinished(10'000));
    QCOMPARE(shop.server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(shop.server->exitCode(), 0);
    QVERIFY(shop.server->readAll().contains("stopping"));
    // The sale is in the server's books.
    const CoreRun shown = runCore(shop.local(
        {QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("show"), orderNo}));
    QCOMPARE(lastJson(shown.out).value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    // With the server gone, a sale is refused at once: nothing was done.
    const CoreRun down = runCore(
        shop.remote({QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("1.00"),
                     QStringLiteral("--code"), QStringLiteral("130000000000000001")}));
    QCOMPARE(down.exitCode, 1);
    QVERIFY(down.err.contains(QLatin1String("nothing was done")) ||
            down.out.contains(QLatin1String("nothing was done")));
}

void tst_ServeCli::aBadEnrolmentCodeIsRefusedAndNoKeyWritten()
{
    Shop shop;
    QCOMPARE(runCore(shop.local({QStringLiteral("terminal"), QStringLiteral("add"),
                                 QStringLiteral("--store"), QStringLiteral("0001"),
                                 QStringLiteral("--terminal"), QStringLiteral("0008")}))
                 .exitCode,
             0);
    QVERIFY(shop.start());
    const CoreRun r = runCore(
        shop.remote({QStringLiteral("enrol"), QStringLiteral("--store"), QStringLiteral("0001"),
                     QStringLiteral("--terminal"), QStringLiteral("0008"), QStringLiteral("--code"),
                     QStringLiteral("AAAA-AAAA-AAAA-AAAA")}));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("not terminal 0001/0008's enrolment code")),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(shop.key));
    const CoreRun noKey = runCore(shop.remote({QStringLiteral("order"), QStringLiteral("list")}));
    QCOMPARE(noKey.exitCode, 2);
    QVERIFY(noKey.err.contains(QLatin1String("enrol first")));
    ::kill(shop.server->processId(), SIGTERM);
    QVERIFY(shop.server->waitForFinished(10'000));
}

void tst_ServeCli::localOnlyCommandsAreRefusedWithRemote()
{
    Shop shop;
    shop.url = QStringLiteral("http://127.0.0.1:9");
    const CoreRun r = runCore(shop.remote({QStringLiteral("run")}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("runs on the server's machine")));
    const CoreRun bad = runCore({QStringLiteral("--remote"), QStringLiteral("ftp://x"),
                                 QStringLiteral("order"), QStringLiteral("list")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QLatin1String("--remote takes the server's URL")));
}

// A wallet top-up and the ledger's accounts through --remote against a
// real server: done once under its request number, in the server's books.
void tst_ServeCli::backOfficeThroughTheRemoteCli()
{
    Shop shop;
    const CoreRun added = runCore(
        shop.local({QStringLiteral("--json"), QStringLiteral("terminal"), QStringLiteral("add"),
                    QStringLiteral("--store"), QStringLiteral("0001"), QStringLiteral("--terminal"),
                    QStringLiteral("0005")}));
    QCOMPARE(added.exitCode, 0);
    QVERIFY(shop.start());
    const CoreRun enrolled = runCore(
        shop.remote({QStringLiteral("enrol"), QStringLiteral("--store"), QStringLiteral("0001"),
                     QStringLiteral("--terminal"), QStringLiteral("0005"), QStringLiteral("--code"),
                     lastJson(added.out).value(QStringLiteral("code")).toString()}));
    QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err + enrolled.out));
    const QStringList topUp = {QStringLiteral("--json"),       QStringLiteral("wallet"),
                               QStringLiteral("topup"),        QStringLiteral("m1"),
                               QStringLiteral("--amount"),     QStringLiteral("20.00"),
                               QStringLiteral("--request-no"), QStringLiteral("desk-1"),
                               QStringLiteral("--by"),         QStringLiteral("alice")};
    const CoreRun first = runCore(shop.remote(topUp));
    QVERIFY2(first.exitCode == 0, qPrintable(first.err + first.out));
    QCOMPARE(lastJson(first.out).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const CoreRun again = runCore(shop.remote(topUp));
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
    QCOMPARE(lastJson(again.out).value(QStringLiteral("status")).toString(),
             QStringLiteral("repeated"));
    const CoreRun accounts = runCore(shop.remote(
        {QStringLiteral("--json"), QStringLiteral("ledger"), QStringLiteral("accounts")}));
    QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.err + accounts.out));
    bool found = false;
    for (const QString& line : accounts.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject b = QJsonDocument::fromJson(line.toUtf8()).object();
        if (b.value(QStringLiteral("account")).toString() != QLatin1String("liability:wallet:m1"))
            continue;
        found = true;
        QCOMPARE(
            b.value(QStringLiteral("balance")).toObject().value(QStringLiteral("fen")).toString(),
            QStringLiteral("2000")); // once, not twice
    }
    QVERIFY2(found, qPrintable(accounts.out));
    // A bill file names the server's disk: refused there, nothing done.
    const CoreRun bill = runCore(shop.remote(
        {QStringLiteral("reconcile"), QStringLiteral("--channel"), QStringLiteral("wechat"),
         QStringLiteral("--date"), QStringLiteral("2026-11-23"), QStringLiteral("--bill"),
         shop.config, QStringLiteral("--by"), QStringLiteral("alice")}));
    QVERIFY(bill.exitCode != 0);
    QVERIFY2((bill.out + bill.err).contains(QLatin1String("billPath")),
             qPrintable(bill.out + bill.err));
    ::kill(shop.server->processId(), SIGTERM);
    QVERIFY(shop.server->waitForFinished(10'000));
    // In the server's own books too.
    const CoreRun shown = runCore(shop.local({QStringLiteral("--json"), QStringLiteral("wallet"),
                                              QStringLiteral("show"), QStringLiteral("m1")}));
    QVERIFY2(shown.out.contains(QLatin1String("\"fen\":\"2000\"")), qPrintable(shown.out));
}

void tst_ServeCli::terminalAddedOrDisabledWhileServing()
{
    Shop shop;
    QVERIFY(shop.start());
    // The admin enrols a new counter without restarting the server.
    const CoreRun added = runCore(
        shop.local({QStringLiteral("--json"), QStringLiteral("terminal"), QStringLiteral("add"),
                    QStringLiteral("--store"), QStringLiteral("0001"), QStringLiteral("--terminal"),
                    QStringLiteral("0011")}));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const CoreRun enrolled = runCore(
        shop.remote({QStringLiteral("enrol"), QStringLiteral("--store"), QStringLiteral("0001"),
                     QStringLiteral("--terminal"), QStringLiteral("0011"), QStringLiteral("--code"),
                     lastJson(added.out).value(QStringLiteral("code")).toString()}));
    QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err + enrolled.out));
    QCOMPARE(runCore(shop.remote({QStringLiteral("order"), QStringLiteral("list")})).exitCode, 0);
    // Disabled from another process: refused within the server's re-read (10 s).
    QCOMPARE(runCore(shop.local({QStringLiteral("terminal"), QStringLiteral("disable"),
                                 QStringLiteral("--store"), QStringLiteral("0001"),
                                 QStringLiteral("--terminal"), QStringLiteral("0011")}))
                 .exitCode,
             0);
    QElapsedTimer waited;
    waited.start();
    CoreRun refused;
    do {
        QTest::qWait(500);
        refused = runCore(
            shop.remote({QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("1.00"),
                         QStringLiteral("--code"), QStringLiteral("130000000000000001")}));
    } while (refused.exitCode == 0 && waited.elapsed() < 15'000);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("terminal_disabled")) ||
                 refused.out.contains(QLatin1String("terminal_disabled")),
             qPrintable(refused.err + refused.out));
    ::kill(shop.server->processId(), SIGTERM);
    QVERIFY(shop.server->waitForFinished(10'000));
}

// A shop's own configuration: where to listen and HTTPS from its "server"
// section; a world-readable private key is refused with the fix.
void tst_ServeCli::serverSettingsFromTheConfiguration()
{
    Shop shop;
    const quint16 port = freeLoopbackPort();
    QFile::remove(shop.config);
    QFile f(shop.config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        QStringLiteral(
            R"({"sandbox": true, "server": {"listen": "127.0.0.1:%1", "certFile": "tls/server.pem",
                           "keyFile": "tls/server-key.pem", "requestsPerSecond": 5}})")
            .arg(port)
            .toUtf8());
    f.close();
    // The sandbox's PKI makes a server certificate for 127.0.0.1.
    SandboxCertificateFiles files;
    QCOMPARE(ensureSandboxCertificates(shop.dir.filePath(QStringLiteral("tls")), &files),
             QString());
    QCOMPARE(files.serverCertificate, shop.dir.filePath(QStringLiteral("tls/server.pem")));
    QFile key(shop.dir.filePath(QStringLiteral("tls/server-key.pem")));
    QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const CoreRun refused = runCore(shop.local({QStringLiteral("serve")}), 10'000);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("chmod 600")), qPrintable(refused.err));
    QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    shop.server = startCore(shop.local({QStringLiteral("serve")}));
    bool serving = false;
    for (int i = 0; i < 100 && !serving; ++i) {
        shop.server->waitForReadyRead(100);
        serving = shop.server->peek(4096).contains("serving https://127.0.0.1:" +
                                                   QByteArray::number(port));
    }
    QVERIFY2(serving, shop.server->peek(4096).constData());
    ::kill(shop.server->processId(), SIGTERM);
    QVERIFY(shop.server->waitForFinished(10'000));
    QCOMPARE(shop.server->exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_ServeCli)
#include "tst_servecli.moc"
