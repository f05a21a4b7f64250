// Two paydesk-core serve processes on one PostgreSQL database share the
// work: a sale in "user paying" on server A, A killed -9, and server B
// takes the order over when A's lease runs out and finishes it; a request
// number repeated on the other server is the same sale.
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/CoreProcess.h"
#include "testsupport/PostgresCluster.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace paydesk;
using namespace paydesk::test;

namespace {

struct Server
{
    QString url;
    std::unique_ptr<QProcess> process;
};

} // namespace

class tst_ServeCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCOMPARE(m_cluster.start(), QString()); }
    void killedServersSaleIsFinishedByAnother();

private:
    QStringList local(const QStringList& args) const
    {
        return QStringList{QStringLiteral("--data"), m_dir.filePath(QStringLiteral("data")),
                           QStringLiteral("--no-fsync")} +
               args;
    }
    QStringList remote(const Server& s, const QStringList& args) const
    {
        return remoteTo(s.url, args);
    }
    QStringList remoteTo(const QString& urls, const QStringList& args) const
    {
        return QStringList{QStringLiteral("--remote"), urls, QStringLiteral("--terminal-key"),
                           m_dir.filePath(QStringLiteral("counter/terminal.json"))} +
               args;
    }
    bool start(Server& s)
    {
        const quint16 port = freeLoopbackPort();
        s.url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        s.process = startCore(local({QStringLiteral("serve"), QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:%1").arg(port)}));
        return waitUntilServing(*s.process);
    }

    PostgresCluster m_cluster;
    QTemporaryDir m_dir;
};

void tst_ServeCluster::killedServersSaleIsFinishedByAnother()
{
    QString error;
    const DatabaseConfig db = m_cluster.newDatabase(QStringLiteral("shared"), &error);
    QCOMPARE(error, QString());
    // One shop: both servers read the same configuration, database and
    // sandbox acquirer (sandbox.db in the shared data directory).
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
    QFile cfg(m_dir.filePath(QStringLiteral("data/paydesk.json")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(
        QStringLiteral(R"({"sandbox":true,"database":{"postgres":{"host":"127.0.0.1","port":%1,)"
                       R"("name":"shared","user":"postgres"}}})")
            .arg(db.port)
            .toUtf8());
    cfg.close();
    const CoreRun added =
        runCore(local({QStringLiteral("--json"), QStringLiteral("terminal"), QStringLiteral("add"),
                       QStringLiteral("--store"), QStringLiteral("0001"),
                       QStringLiteral("--terminal"), QStringLiteral("0007")}));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    Server a, b;
    QVERIFY(start(a));
    QVERIFY(start(b));
    const CoreRun enrolled = runCore(
        remote(a, {QStringLiteral("enrol"), QStringLiteral("--store"), QStringLiteral("0001"),
                   QStringLiteral("--terminal"), QStringLiteral("0007"), QStringLiteral("--code"),
                   lastJson(added.out).value(QStringLiteral("code")).toString()}));
    QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err + enrolled.out));

    // One request number, sent to A and again to B: one sale, one trade.
    const QStringList instant{QStringLiteral("--json"),
                              QStringLiteral("pay"),
                              QStringLiteral("--amount"),
                              QStringLiteral("3.00"),
                              QStringLiteral("--code"),
                              sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess),
                              QStringLiteral("--request-no"),
                              QStringLiteral("CLUSTER-REQ-1"),
                              QStringLiteral("--wait")};
    const CoreRun first = runCore(remote(a, instant));
    QVERIFY2(first.exitCode == 0, qPrintable(first.err + first.out));
    const CoreRun again = runCore(remote(b, instant));
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
    QCOMPARE(lastJson(again.out).value(QStringLiteral("orderNo")),
             lastJson(first.out).value(QStringLiteral("orderNo")));

    // A sale that waits for the customer's password, started on A; A dies.
    const CoreRun started = runCore(
        remote(a, {QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                   QStringLiteral("12.00"), QStringLiteral("--code"),
                   sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 3)}));
    QVERIFY2(started.exitCode >= 0, qPrintable(started.err + started.out));
    const QString orderNo = lastJson(started.out).value(QStringLiteral("orderNo")).toString();
    QVERIFY2(!orderNo.isEmpty(), qPrintable(started.out));
    const qint64 pidA = a.process->processId();
    ::kill(pidA, SIGKILL);
    QVERIFY(a.process->waitForFinished(5'000));
    QElapsedTimer sinceKill;
    sinceKill.start();

    // B finishes it within 10 s of A's death. The counter lists both
    // servers: A no longer answers, so each request goes on to B.
    const QString both = a.url + QLatin1Char(',') + b.url;
    QJsonObject shown;
    while (sinceKill.elapsed() < 15'000) {
        const CoreRun show =
            runCore(remoteTo(both, {QStringLiteral("--json"), QStringLiteral("order"),
                                    QStringLiteral("show"), orderNo}));
        shown = lastJson(show.out);
        if (shown.value(QStringLiteral("state")).toString() == QLatin1String("PAID"))
            break;
        QTest::qWait(200);
    }
    const qint64 tookMs = sinceKill.elapsed();
    QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    QVERIFY2(tookMs <= 10'000, qPrintable(QString::number(tookMs)));
    QCOMPARE(shown.value(QStringLiteral("payments")).toArray().size(), 1);
    // The timeline names the dead server as the one taken over from.
    int takeovers = 0;
    for (const QJsonValue v : shown.value(QStringLiteral("timeline")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("code")).toString() != QLatin1String("work_taken_over"))
            continue;
        ++takeovers;
        const QString holder = e.value(QStringLiteral("args")).toArray().first().toString();
        QVERIFY2(holder.contains(QStringLiteral("/%1/").arg(pidA)), qPrintable(holder));
    }
    QCOMPARE(takeovers, 1);
    // A new sale from the counter that lists the dead server first.
    const CoreRun later = runCore(
        remoteTo(both, {QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                        QStringLiteral("4.00"), QStringLiteral("--code"),
                        sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                        QStringLiteral("--wait")}));
    QVERIFY2(later.exitCode == 0, qPrintable(later.err + later.out));
    QCOMPARE(lastJson(later.out).value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));

    ::kill(b.process->processId(), SIGTERM);
    QVERIFY(b.process->waitForFinished(10'000));
    QCOMPARE(b.process->exitCode(), 0);
    // The books balance.
    const CoreRun check = runCore(local({QStringLiteral("check"), QStringLiteral("internal")}));
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
}

QTEST_GUILESS_MAIN(tst_ServeCluster)
#include "tst_servecluster.moc"
