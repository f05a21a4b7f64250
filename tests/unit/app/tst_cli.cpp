// The paydesk-core command line as a user runs it: real processes, real
// SQLite files, exit codes and messages; and a process killed with SIGKILL in
// the middle of polling that resumes to the truth.
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/CoreProcess.h"
#include "testsupport/TempDir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace paydesk;

using paydesk::test::coreBin;
using paydesk::test::lastJson;
using paydesk::test::runCore;
using Run = paydesk::test::CoreRun;

class tst_Cli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badArgumentsFailClearlyAndChangeNothing_data();
    void badArgumentsFailClearlyAndChangeNothing();
    void payWaitRefundAndShow();
    void sameRequestNoAcrossProcesses();
    void killedDuringPollingResumesToFinal_data();
    void killedDuringPollingResumesToFinal();
    void liveProcessKeepsItsSaleFromAnother();
    void badConfigIsRefused_data();
    void badConfigIsRefused();
    void routeListReroutesAnAcquirersRefusal();
    void demoRunsThroughTheRealAdapters();
};

// The demo takes its sale through the sandbox's HTTPS gateway and the real
// WeChat adapter; afterwards the data directory works with plain commands
// (the in-process sandbox reads the same sandbox.db).
void tst_Cli::demoRunsThroughTheRealAdapters()
{
    test::TempDataDir dir(test::kSandboxShop);
    const Run demo = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--no-fsync"),
                              QStringLiteral("demo")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.out + demo.err));
    QVERIFY2(demo.out.contains(QStringLiteral("https://127.0.0.1:")), qPrintable(demo.out));
    QVERIFY2(demo.out.contains(QStringLiteral("is PAID")), qPrintable(demo.out));
    QVERIFY(QFile::exists(dir.file(QStringLiteral("tls/ca.pem"))));
    QVERIFY(QFile::exists(dir.file(QStringLiteral("demo/wechat-api-key.txt"))));
    const Run list = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"),
                              QStringLiteral("order"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("PAID")), qPrintable(list.out));
    const QString orderNo =
        QJsonDocument::fromJson(list.out.split(QLatin1Char('\n')).first().toUtf8())
            .object()
            .value(QStringLiteral("orderNo"))
            .toString();
    const Run query = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"),
                               QStringLiteral("query"), orderNo});
    QVERIFY2(query.exitCode == 0, qPrintable(query.out + query.err));
}

void tst_Cli::badArgumentsFailClearlyAndChangeNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("messagePart");
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
    QTest::newRow("no_command") << QStringList{} << QStringLiteral("no command");
    QTest::newRow("unknown_command") << QStringList{QStringLiteral("payy")} << QStringLiteral("unknown command");
    QTest::newRow("unknown_option") << QStringList{QStringLiteral("pay"), QStringLiteral("--amout"), QStringLiteral("1")} << QStringLiteral("amout");
    QTest::newRow("three_decimals") << QStringList{QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("12.345"), QStringLiteral("--code"), code} << QStringLiteral("two decimals");
    QTest::newRow("missing_code") << QStringList{QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("1.00")} << QStringLiteral("--code");
    QTest::newRow("letters_as_amount") << QStringList{QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("ten"), QStringLiteral("--code"), code} << QStringLiteral("not a number");
    QTest::newRow("bad_order_number") << QStringList{QStringLiteral("order"), QStringLiteral("show"), QStringLiteral("PO123")} << QStringLiteral("32 characters");
    QTest::newRow("bad_status") << QStringList{QStringLiteral("order"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("DONE")} << QStringLiteral("--status");
    QTest::newRow("refund_without_reason") << QStringList{QStringLiteral("refund"), QStringLiteral("PO100010001202611231200000000000"), QStringLiteral("--amount"), QStringLiteral("1")} << QStringLiteral("--reason");
}

void tst_Cli::badArgumentsFailClearlyAndChangeNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, messagePart);
    test::TempDataDir dir(test::kSandboxShop);
    const Run r = runCore(QStringList{QStringLiteral("--data"), dir.path()} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(messagePart), qPrintable(r.err));
    const Run list = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("order"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("0 order(s)")), qPrintable(list.out));
}

void tst_Cli::payWaitRefundAndShow()
{
    test::TempDataDir dir(test::kSandboxShop);
    const QString code = sandboxCode(Wallet::Alipay, SandboxBehaviour::UserPayingThenSuccess, 2);
    const Run pay = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"), QStringLiteral("pay"),
                             QStringLiteral("--amount"), QStringLiteral("12.34"), QStringLiteral("--code"), code,
                             QStringLiteral("--request-no"), QStringLiteral("till-1-0001"), QStringLiteral("--wait")});
    QCOMPARE(pay.exitCode, 0);
    const QJsonObject order = lastJson(pay.out);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    QCOMPARE(order.value(QStringLiteral("amount")).toObject().value(QStringLiteral("fen")).toString(), QStringLiteral("1234"));
    const QString orderNo = order.value(QStringLiteral("orderNo")).toString();
    QVERIFY(!pay.out.contains(code)); // the payment code never appears whole

    const Run refund = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"), QStringLiteral("refund"),
                                orderNo, QStringLiteral("--amount"), QStringLiteral("2.34"), QStringLiteral("--reason"),
                                QStringLiteral("one coffee returned")});
    QCOMPARE(refund.exitCode, 0);
    QCOMPARE(lastJson(refund.out).value(QStringLiteral("state")).toString(), QStringLiteral("PARTIALLY_REFUNDED"));

    const Run over = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("refund"), orderNo,
                              QStringLiteral("--amount"), QStringLiteral("10.01"), QStringLiteral("--reason"), QStringLiteral("x")});
    QCOMPARE(over.exitCode, 1);
    QVERIFY2(over.err.contains(QStringLiteral("more than what is left")), qPrintable(over.err));

    const Run show = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("order"), QStringLiteral("show"), orderNo});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains(QStringLiteral("PARTIALLY_REFUNDED")));
    QVERIFY(show.out.contains(QStringLiteral("Refunded  ¥2.34")));
    QVERIFY(show.out.contains(QStringLiteral("query 1")));

    const Run search = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("order"), QStringLiteral("list"),
                                QStringLiteral("--search"), code.right(4)});
    QVERIFY2(search.out.contains(orderNo), qPrintable(search.out));
}

void tst_Cli::sameRequestNoAcrossProcesses()
{
    test::TempDataDir dir(test::kSandboxShop);
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
    const QStringList args{QStringLiteral("--data"), dir.path(), QStringLiteral("--json"), QStringLiteral("pay"),
                           QStringLiteral("--amount"), QStringLiteral("5.00"), QStringLiteral("--code"), code,
                           QStringLiteral("--request-no"), QStringLiteral("same")};
    const Run a = runCore(args);
    const Run b = runCore(args);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(b.exitCode, 0);
    QCOMPARE(lastJson(b.out).value(QStringLiteral("repeated")).toBool(), true);
    QCOMPARE(lastJson(a.out).value(QStringLiteral("orderNo")), lastJson(b.out).value(QStringLiteral("orderNo")));
    QStringList other = args;
    other[5] = QStringLiteral("6.00");
    const Run c = runCore(other);
    QCOMPARE(c.exitCode, 1);
    QCOMPARE(lastJson(c.out).value(QStringLiteral("status")).toString(), QStringLiteral("request_mismatch"));
}

void tst_Cli::killedDuringPollingResumesToFinal_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<int>("param");
    QTest::addColumn<QString>("killAfter"); // a line of live output
    QTest::addColumn<QString>("finalState");
    QTest::newRow("user_paying_killed_after_first_query")
        << int(SandboxBehaviour::UserPayingThenSuccess) << 5 << QStringLiteral("query 1") << QStringLiteral("PAID");
    QTest::newRow("answer_lost_killed_before_timeout")
        << int(SandboxBehaviour::NoResponseThenSuccess) << 0 << QStringLiteral("asking wechat") << QStringLiteral("PAID");
    QTest::newRow("never_final_killed_while_polling")
        << int(SandboxBehaviour::NeverFinal) << 0 << QStringLiteral("query 1") << QStringLiteral("CLOSED");
}

void tst_Cli::killedDuringPollingResumesToFinal()
{
    QFETCH(int, behaviour);
    QFETCH(int, param);
    QFETCH(QString, killAfter);
    QFETCH(QString, finalState);
    test::TempDataDir dir(test::kSandboxShop);
    // Short deadlines so the never-final row finishes quickly with real time.
    QFile cfg(dir.file(QStringLiteral("paydesk.json")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(
        R"({"sandbox":true,"leaseSeconds":3,"defaults":{"barcodeDeadlineMs":8000,"callTimeoutMs":3000,"pollDelaysMs":[1000,1000,2000]}})");
    cfg.close();
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour(behaviour), param);
    QProcess p;
    p.start(coreBin(), {QStringLiteral("--data"), dir.path(), QStringLiteral("pay"), QStringLiteral("--amount"),
                        QStringLiteral("7.00"), QStringLiteral("--code"), code, QStringLiteral("--wait")});
    QString seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += QString::fromUtf8(p.readAllStandardOutput())).contains(killAfter), 20000);
    ::kill(p.processId(), SIGKILL);
    p.waitForFinished(5000);
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);

    const Run resume = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("run"), QStringLiteral("--until-idle")});
    QCOMPARE(resume.exitCode, 0);
    // The killed process's lease runs out before anyone else touches its
    // order; then the order is taken over and finished.
    QVERIFY2(resume.out.contains(QStringLiteral("resumed 0 unfinished item(s); 1 order(s) held by "
                                                "another process")),
             qPrintable(resume.out));
    QVERIFY2(resume.out.contains(QStringLiteral("taken over from")), qPrintable(resume.out));
    const Run list = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("list")});
    const QJsonObject order = QJsonDocument::fromJson(list.out.split(QLatin1Char('\n')).first().toUtf8()).object();
    QCOMPARE(order.value(QStringLiteral("state")).toString(), finalState);
    const Run show = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"), QStringLiteral("order"),
                              QStringLiteral("show"), order.value(QStringLiteral("orderNo")).toString()});
    QCOMPARE(lastJson(show.out).value(QStringLiteral("payments")).toArray().size(), 1); // charged once
}

// Two live processes on one directory: the one that started the sale keeps
// renewing its lease through the customer's 8 s of typing (longer than the
// 3 s lease), the other waits and never polls or takes it over, and a
// cashier's revoke from a third is refused while the sale is in progress.
void tst_Cli::liveProcessKeepsItsSaleFromAnother()
{
    test::TempDataDir dir(R"({"sandbox":true,"leaseSeconds":3})");
    const QStringList data{QStringLiteral("--data"), dir.path()};
    auto sale = test::startCore(
        data + QStringList{QStringLiteral("pay"), QStringLiteral("--amount"),
                           QStringLiteral("6.00"), QStringLiteral("--code"),
                           sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 8),
                           QStringLiteral("--wait")});
    QString seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += QString::fromUtf8(sale->readAllStandardOutput()))
                                 .contains(QLatin1String("USERPAYING")),
                             20000);
    auto other =
        test::startCore(data + QStringList{QStringLiteral("run"), QStringLiteral("--until-idle")});
    const Run list = runCore(data + QStringList{QStringLiteral("--json"), QStringLiteral("order"),
                                                QStringLiteral("list")});
    const QString orderNo =
        QJsonDocument::fromJson(list.out.split(QLatin1Char('\n')).first().toUtf8())
            .object()
            .value(QStringLiteral("orderNo"))
            .toString();
    QVERIFY2(!orderNo.isEmpty(), qPrintable(list.out));
    const Run revoke = runCore(data + QStringList{QStringLiteral("revoke"), orderNo});
    QVERIFY(revoke.exitCode != 0);
    QVERIFY2((revoke.out + revoke.err).contains(QLatin1String("another PayDesk process or server")),
             qPrintable(revoke.out + revoke.err));

    const Run paid = test::finishCore(*sale);
    QVERIFY2(paid.exitCode == 0, qPrintable(seen + paid.out + paid.err));
    const Run waited = test::finishCore(*other);
    QCOMPARE(waited.exitCode, 0);
    QVERIFY2(waited.out.contains(QLatin1String("1 order(s) held by another process")),
             qPrintable(waited.out));
    QVERIFY2(!waited.out.contains(QLatin1String("taken over")), qPrintable(waited.out));
    const Run show = runCore(data + QStringList{QStringLiteral("--json"), QStringLiteral("order"),
                                                QStringLiteral("show"), orderNo});
    const QJsonObject order = lastJson(show.out);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    QCOMPARE(order.value(QStringLiteral("payments")).toArray().size(), 1);
    for (const QJsonValue e : order.value(QStringLiteral("timeline")).toArray())
        QVERIFY(e.toObject().value(QStringLiteral("code")).toString() !=
                QLatin1String("work_taken_over"));
}

void tst_Cli::badConfigIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("misspelt_key") << QByteArray(R"({"defaults":{"pollDelayMs":[1000]}})")
                                  << QStringLiteral("unknown key 'pollDelayMs'");
    QTest::newRow("route_listed_twice")
        << QByteArray(R"({"routes":{"wechat":["wechat","wechat"]}})")
        << QStringLiteral("routes.wechat must name a channel, or list distinct channels");
    QTest::newRow("empty_route_list") << QByteArray(R"({"routes":{"alipay":[]}})")
                                      << QStringLiteral("routes.alipay must name a channel");
    QTest::newRow("database_not_postgres")
        << QByteArray(R"({"database":{"mysql":{}}})") << QStringLiteral("unknown key 'mysql'");
    QTest::newRow("database_without_user")
        << QByteArray(R"({"database":{"postgres":{"name":"paydesk"}}})")
        << QStringLiteral("database.postgres needs name and user");
    QTest::newRow("database_port_out_of_range")
        << QByteArray(R"({"database":{"postgres":{"name":"p","user":"u","port":70000}}})")
        << QStringLiteral("database.postgres.port must be from 1 to 65535");
    QTest::newRow("database_password_file_missing")
        << QByteArray(
               R"({"database":{"postgres":{"name":"p","user":"u","passwordFile":"nope.txt"}}})")
        << QStringLiteral("database.postgres.passwordFile: cannot read");
    QTest::newRow("server_misspelt_key") << QByteArray(R"({"server":{"listenOn":"0.0.0.0:8443"}})")
                                         << QStringLiteral("server: unknown key 'listenOn'");
    QTest::newRow("server_listen_without_port")
        << QByteArray(R"({"server":{"listen":"0.0.0.0"}})")
        << QStringLiteral("server: listen must be ADDRESS:PORT");
    QTest::newRow("server_cert_without_key")
        << QByteArray(R"({"server":{"certFile":"server.pem"}})")
        << QStringLiteral("server: HTTPS needs both certFile and keyFile");
    QTest::newRow("server_body_limit_zero")
        << QByteArray(R"({"server":{"maxBodyKiB":0}})") << QStringLiteral("maxBodyKiB");
}

void tst_Cli::badConfigIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    test::TempDataDir dir(test::kSandboxShop);
    QFile cfg(dir.file(QStringLiteral("bad.json")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(json);
    cfg.close();
    const Run r = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--config"), cfg.fileName(),
                           QStringLiteral("order"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(error), qPrintable(r.err));
}

// A second acquirer for WeChat codes takes a payment the first refused as
// not enabled for this merchant (the sandbox's "acquirer refuses" code).
void tst_Cli::routeListReroutesAnAcquirersRefusal()
{
    test::TempDataDir dir(test::kSandboxShop);
    QFile cfg(dir.file(QStringLiteral("paydesk.json")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(R"({"sandbox":true,"routes":{"wechat":["wechat","wechat-b"]}})");
    cfg.close();
    const Run pay = runCore(
        {QStringLiteral("--data"), dir.path(), QStringLiteral("--json"), QStringLiteral("pay"),
         QStringLiteral("--amount"), QStringLiteral("3.30"), QStringLiteral("--code"),
         sandboxCode(Wallet::WeChat, SandboxBehaviour::AcquirerRefuses), QStringLiteral("--wait")});
    QCOMPARE(pay.exitCode, 0);
    const QString orderNo = lastJson(pay.out).value(QStringLiteral("orderNo")).toString();
    QVERIFY2(!orderNo.isEmpty(), qPrintable(pay.out));
    const Run show = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"),
                              QStringLiteral("order"), QStringLiteral("show"), orderNo});
    const QJsonArray payments = lastJson(show.out).value(QStringLiteral("payments")).toArray();
    QCOMPARE(payments.size(), 2);
    QCOMPARE(payments.at(0).toObject().value(QStringLiteral("channel")).toString(),
             QStringLiteral("wechat"));
    QCOMPARE(payments.at(0).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("FAILED"));
    QCOMPARE(payments.at(1).toObject().value(QStringLiteral("channel")).toString(),
             QStringLiteral("wechat-b"));
    QCOMPARE(payments.at(1).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("SUCCESS"));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
