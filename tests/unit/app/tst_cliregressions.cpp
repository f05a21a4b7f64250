// Regression tests for the money and safety defects an outside test found at
// the command line (issue "Money and safety defects found by an outside
// test"): each test is named for the defect it pins and runs real
// paydesk-core processes on real SQLite files, several at once where the
// defect needed that.
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/CoreProcess.h"
#include "testsupport/TempDir.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <sys/resource.h>

using namespace paydesk;
using paydesk::test::CoreRun;
using paydesk::test::finishCore;
using paydesk::test::lastJson;
using paydesk::test::runCore;
using paydesk::test::startCore;

namespace {

QStringList on(const test::TempDataDir& dir, const QStringList& args)
{
    return QStringList{QStringLiteral("--data"), dir.path(), QStringLiteral("--no-fsync")} + args;
}

void writeConfig(const test::TempDataDir& dir, const QByteArray& json)
{
    QFile f(dir.file(QStringLiteral("paydesk.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(json), json.size());
}

QJsonObject orderJson(const test::TempDataDir& dir, const QString& orderNo)
{
    const CoreRun show = runCore(on(
        dir, {QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("show"), orderNo}));
    return lastJson(show.out);
}

int orderCount(const test::TempDataDir& dir)
{
    const CoreRun list = runCore(
        on(dir, {QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("list")}));
    return int(list.out.count(QStringLiteral("\"orderNo\"")));
}

} // namespace

class tst_CliRegressions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realCodeWithoutGatewayIsRefusedNotPaid();
    void wrongTypeInConfigurationIsRefused_data();
    void wrongTypeInConfigurationIsRefused();
    void sandboxShopSaysSoOnStderr();
    void paidSaleIsKeptWhenResumedPastItsDeadline();
    void ledgerCannotBeOverflowedByAHugeAmount_data();
    void ledgerCannotBeOverflowedByAHugeAmount();
    void orderNumbersDoNotCollideBetweenProcesses();
    void firstOpenOfANewDirectoryDoesNotRace();
    void waitEndsWhenAnotherProcessDrivesTheOrder();
    void storageFailureWhileWaitingExits4WithTheStoredState();
    void fullRefundExitsZero();
    void invalidCodeIsMaskedInTheError();
    void nonPositiveAmountIsABadArgument_data();
    void nonPositiveAmountIsABadArgument();
};

// #2: outside the demo, a wallet without a gateway was served by the
// in-process sandbox, and a real code ended "Paid".
void tst_CliRegressions::realCodeWithoutGatewayIsRefusedNotPaid()
{
    test::TempDataDir dir;
    const CoreRun pay =
        runCore(on(dir, {QStringLiteral("pay"), QStringLiteral("--amount"),
                         QStringLiteral("268.00"), QStringLiteral("--code"),
                         QStringLiteral("134567890123456789"), QStringLiteral("--wait")}));
    QCOMPARE(pay.exitCode, 1);
    QVERIFY2(pay.err.contains(QStringLiteral("no payment gateway is set up for wechat codes")),
             qPrintable(pay.err));
    QVERIFY2(pay.err.contains(QStringLiteral("\"gateways\"")), qPrintable(pay.err));
    QVERIFY2(!pay.out.contains(QStringLiteral("PAID")), qPrintable(pay.out));
    QVERIFY2(!pay.err.contains(QStringLiteral("SANDBOX")), qPrintable(pay.err));
    QCOMPARE(orderCount(dir), 0); // refused before anything was created
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("sandbox.db"))));
}

// #2 and #5: wrong types were read as empty objects (and a sandbox took the
// codes); large integers wrapped (4294967295 days became -1).
void tst_CliRegressions::wrongTypeInConfigurationIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("gateways_a_list") << QByteArray(R"({"gateways":[{"protocol":"wechat-v2"}]})")
                                     << QStringLiteral("gateways must be an object");
    QTest::newRow("routes_a_list")
        << QByteArray(R"({"routes":["wechat"]})") << QStringLiteral("routes must be an object");
    QTest::newRow("defaults_a_string")
        << QByteArray(R"({"defaults":"fast"})") << QStringLiteral("defaults must be an object");
    QTest::newRow("channels_a_number")
        << QByteArray(R"({"channels":5})") << QStringLiteral("channels must be an object");
    QTest::newRow("channel_policy_a_list") << QByteArray(R"({"channels":{"wechat":[]}})")
                                           << QStringLiteral("channels.wechat must be an object");
    QTest::newRow("recon_a_list") << QByteArray(R"({"recon":[]})")
                                  << QStringLiteral("recon must be an object");
    QTest::newRow("fee_rates_a_string") << QByteArray(R"({"ledger":{"feeRates":"0.6%"}})")
                                        << QStringLiteral("feeRates must be an object");
    QTest::newRow("sandbox_a_string")
        << QByteArray(R"({"sandbox":"yes"})") << QStringLiteral("sandbox must be true or false");
    QTest::newRow("settlement_delay_wraps")
        << QByteArray(R"({"ledger":{"settlementDelayDays":4294967295}})")
        << QStringLiteral("settlementDelayDays must be a whole number of days from 0 to 60");
    QTest::newRow("postgres_port_wraps")
        << QByteArray(R"({"database":{"postgres":{"name":"p","user":"u","port":4294972296}}})")
        << QStringLiteral("port must be from 1 to 65535");
    QTest::newRow("max_polls_wraps") << QByteArray(R"({"defaults":{"maxPolls":4294967297}})")
                                     << QStringLiteral("defaults.maxPolls must be a whole number");
    QTest::newRow("deadline_beyond_a_day")
        << QByteArray(R"({"defaults":{"barcodeDeadlineMs":1e300}})")
        << QStringLiteral("defaults.barcodeDeadlineMs must be a whole number of milliseconds");
    QTest::newRow("poll_delay_fraction") << QByteArray(R"({"defaults":{"pollDelaysMs":[1.5]}})")
                                         << QStringLiteral("pollDelaysMs must contain whole");
    // Found by tests/fuzz (fuzz_config): a refused policy named its key but
    // not the file, unlike every other refusal of the configuration.
    QTest::newRow("regression: policy refusal names the file (defaults)")
        << QByteArray(R"({"defaults":{"pollDelaysMs":[1.5]}})")
        << QStringLiteral("paydesk.json: defaults.pollDelaysMs must contain whole");
    QTest::newRow("regression: policy refusal names the file (channels)")
        << QByteArray(R"({"channels":{"wechat":{"maxPolls":0}}})")
        << QStringLiteral("paydesk.json: channels.wechat.maxPolls must be a whole number");
    QTest::newRow("errors_per_minute_negative")
        << QByteArray(R"({"networkErrorsPerMinute":-1})")
        << QStringLiteral("networkErrorsPerMinute must be a whole number");
    QTest::newRow("cashier_refund_limit_negative")
        << QByteArray(R"({"cashierRefundLimit":"-1.00"})")
        << QStringLiteral("paydesk.json: cashierRefundLimit must be an amount like \"500.00\"");
    QTest::newRow("cashier_refund_limit_not_an_amount")
        << QByteArray(R"({"cashierRefundLimit":"lots"})")
        << QStringLiteral("paydesk.json: cashierRefundLimit must be an amount like \"500.00\"");
    QTest::newRow("max_amount_above_ceiling")
        << QByteArray(R"({"maxAmount":"92233720368547758.07"})") << QStringLiteral("ceiling");
}

void tst_CliRegressions::wrongTypeInConfigurationIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    test::TempDataDir dir(json);
    const CoreRun pay =
        runCore(on(dir, {QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("88.00"),
                         QStringLiteral("--code"), QStringLiteral("134567890123456789"),
                         QStringLiteral("--wait")}));
    QCOMPARE(pay.exitCode, 2);
    QVERIFY2(pay.err.contains(error), qPrintable(pay.err));
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("paydesk.db"))));
}

// #2: wherever the sandbox serves, the output says so.
void tst_CliRegressions::sandboxShopSaysSoOnStderr()
{
    test::TempDataDir dir(test::kSandboxShop);
    const CoreRun pay = runCore(
        on(dir, {QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                 QStringLiteral("1.00"), QStringLiteral("--code"),
                 sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                 QStringLiteral("--wait")}));
    QCOMPARE(pay.exitCode, 0);
    QVERIFY2(pay.err.contains(QStringLiteral("SANDBOX / 测试环境")), qPrintable(pay.err));
    QVERIFY2(!pay.out.contains(QStringLiteral("SANDBOX")), "stdout stays machine-readable");
}

// #3: a payment resumed after its deadline was revoked without asking the
// channel, and a sale the customer had paid ended REVERSED/CLOSED.
void tst_CliRegressions::paidSaleIsKeptWhenResumedPastItsDeadline()
{
    test::TempDataDir dir(R"({"sandbox":true,"defaults":{"barcodeDeadlineMs":3000}})");
    const CoreRun pay = runCore(
        on(dir, {QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                 QStringLiteral("1.00"), QStringLiteral("--code"),
                 sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 1)}));
    QCOMPARE(pay.exitCode, 0);
    const QString orderNo = lastJson(pay.out).value(QStringLiteral("orderNo")).toString();
    QVERIFY2(!orderNo.isEmpty(), qPrintable(pay.out));
    QTest::qWait(4000); // past the deadline; the customer paid after 1 s
    const CoreRun resume =
        runCore(on(dir, {QStringLiteral("run"), QStringLiteral("--until-idle")}));
    QCOMPARE(resume.exitCode, 0);
    QVERIFY2(resume.out.contains(QStringLiteral("asking wechat once more")),
             qPrintable(resume.out));
    const QJsonObject order = orderJson(dir, orderNo);
    QCOMPARE(order.value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    QCOMPARE(order.value(QStringLiteral("revokes")).toArray().size(), 0);
}

// #4: an amount near int64's limit went into the ledger; the next one
// overflowed every balance and the trial balance.
void tst_CliRegressions::ledgerCannotBeOverflowedByAHugeAmount_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("wallet_topup") << QStringList{QStringLiteral("wallet"),
                                                 QStringLiteral("topup"),
                                                 QStringLiteral("m1"),
                                                 QStringLiteral("--amount"),
                                                 QStringLiteral("92233720368547758.07"),
                                                 QStringLiteral("--by"),
                                                 QStringLiteral("a")};
    QTest::newRow("adjustment") << QStringList{
        QStringLiteral("adjust"),    QStringLiteral("propose"),
        QStringLiteral("--account"), QStringLiteral("merchant:M0001:available"),
        QStringLiteral("--amount"),  QStringLiteral("1000000000.01"),
        QStringLiteral("--reason"),  QStringLiteral("x"),
        QStringLiteral("--by"),      QStringLiteral("a")};
    QTest::newRow("pay") << QStringList{
        QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("92233720368547758.07"),
        QStringLiteral("--code"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)};
}

void tst_CliRegressions::ledgerCannotBeOverflowedByAHugeAmount()
{
    QFETCH(QStringList, args);
    test::TempDataDir dir(test::kSandboxShop);
    const CoreRun huge = runCore(on(dir, args));
    QCOMPARE(huge.exitCode, 2);
    QVERIFY2(huge.err.contains(QStringLiteral("ceiling")), qPrintable(huge.err));
    const CoreRun small =
        runCore(on(dir, {QStringLiteral("wallet"), QStringLiteral("topup"), QStringLiteral("m1"),
                         QStringLiteral("--amount"), QStringLiteral("0.01"), QStringLiteral("--by"),
                         QStringLiteral("a")}));
    QCOMPARE(small.exitCode, 0);
    const CoreRun trial =
        runCore(on(dir, {QStringLiteral("ledger"), QStringLiteral("trial-balance")}));
    QVERIFY2(trial.exitCode == 0, qPrintable(trial.out + trial.err));
    const CoreRun check = runCore(on(dir, {QStringLiteral("check"), QStringLiteral("internal")}));
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    const CoreRun show = runCore(on(dir, {QStringLiteral("--json"), QStringLiteral("wallet"),
                                          QStringLiteral("show"), QStringLiteral("m1")}));
    QVERIFY2(show.out.contains(QStringLiteral("\"fen\":\"1\"")), qPrintable(show.out));
    QVERIFY2(!show.out.contains(QStringLiteral("\"-")), qPrintable(show.out));
}

// #6: each process read the number lease once: 16 concurrent pays on one
// directory collided on orders.order_no about a quarter of the time.
void tst_CliRegressions::orderNumbersDoNotCollideBetweenProcesses()
{
    test::TempDataDir dir(test::kSandboxShop);
    QCOMPARE(runCore(on(dir, {QStringLiteral("order"), QStringLiteral("list")})).exitCode, 0);
    std::vector<std::unique_ptr<QProcess>> running;
    for (int i = 0; i < 16; ++i)
        running.push_back(startCore(
            on(dir, {QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                     QStringLiteral("%1.00").arg(i + 1), QStringLiteral("--code"),
                     sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)})));
    QSet<QString> orderNos;
    for (auto& p : running) {
        const CoreRun r = finishCore(*p);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        orderNos.insert(lastJson(r.out).value(QStringLiteral("orderNo")).toString());
    }
    QCOMPARE(orderNos.size(), 16);
    QCOMPARE(orderCount(dir), 16);
    // And the numbers stay near the clock: none more than a few seconds ahead.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString& n : orderNos) {
        const QDateTime at =
            QDateTime::fromString(n.mid(11, 17), QStringLiteral("yyyyMMddHHmmsszzz"));
        QDateTime china(at.date(), at.time(), QTimeZone(8 * 3600));
        QVERIFY2(china.toMSecsSinceEpoch() <= now + 2000, qPrintable(n));
    }
}

// #7: twelve processes opening a fresh directory raced on its migrations
// ("migration 1 of ledger failed: database is locked").
void tst_CliRegressions::firstOpenOfANewDirectoryDoesNotRace()
{
    for (int round = 0; round < 3; ++round) {
        test::TempDataDir dir(test::kSandboxShop);
        std::vector<std::unique_ptr<QProcess>> running;
        for (int i = 0; i < 12; ++i)
            running.push_back(
                startCore(on(dir, {QStringLiteral("order"), QStringLiteral("list")})));
        for (auto& p : running) {
            const CoreRun r = finishCore(*p);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
    }
}

// #8: a second `pay --request-no r1 --wait` listened only to its own
// process, so it hung while (and after) another process finished the order.
void tst_CliRegressions::waitEndsWhenAnotherProcessDrivesTheOrder()
{
    test::TempDataDir dir(test::kSandboxShop);
    const QStringList pay =
        on(dir, {QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                 QStringLiteral("3.00"), QStringLiteral("--code"),
                 sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 3),
                 QStringLiteral("--request-no"), QStringLiteral("r1")});
    const CoreRun first = runCore(pay); // leaves the payment in progress
    QCOMPARE(first.exitCode, 0);
    // Nobody drives it: the waiting process must finish it itself.
    const CoreRun waitAlone = runCore(pay + QStringList{QStringLiteral("--wait")}, 60000);
    QVERIFY2(waitAlone.exitCode == 0, qPrintable(waitAlone.out + waitAlone.err));
    QCOMPARE(lastJson(waitAlone.out).value(QStringLiteral("state")).toString(),
             QStringLiteral("PAID"));

    // Another process drives a second order while three processes wait on it.
    QStringList pay2 = pay;
    pay2[pay2.indexOf(QStringLiteral("r1"))] = QStringLiteral("r2");
    pay2[pay2.indexOf(QStringLiteral("3.00"))] = QStringLiteral("4.00");
    QCOMPARE(runCore(pay2).exitCode, 0);
    auto driver = startCore(on(dir, {QStringLiteral("run"), QStringLiteral("--until-idle")}));
    std::vector<std::unique_ptr<QProcess>> waiting;
    for (int i = 0; i < 3; ++i)
        waiting.push_back(startCore(pay2 + QStringList{QStringLiteral("--wait")}));
    for (auto& p : waiting) {
        const CoreRun r = finishCore(*p, 60000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(lastJson(r.out).value(QStringLiteral("state")).toString(), QStringLiteral("PAID"));
    }
    QCOMPARE(finishCore(*driver).exitCode, 0);
    // An order already final: the wait ends at once.
    const CoreRun again = runCore(pay2 + QStringList{QStringLiteral("--wait")}, 20000);
    QCOMPARE(again.exitCode, 0);
}

// #9: a storage failure while `pay --wait` waited crashed the process (exit
// 139: callbacks of destroyed objects) and printed "PAID" for an order the
// disk held as PENDING. Here the file-size limit plays the full disk, at
// several sizes so the failure hits each of the sale's commits in turn.
void tst_CliRegressions::storageFailureWhileWaitingExits4WithTheStoredState()
{
    int failedAfterCreating = 0;
    for (const int limitKb : {48, 64, 72, 76, 80, 88, 96, 128}) {
        test::TempDataDir dir(test::kSandboxShop);
        QCOMPARE(runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("order"),
                          QStringLiteral("list")})
                     .exitCode,
                 0);
        QProcess p;
        // Writes past the limit fail (EFBIG) instead of killing the process.
        p.setChildProcessModifier([limitKb] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlim_t bytes = rlim_t(limitKb) * 1024;
            rlimit limit{bytes, bytes};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        p.start(test::coreBin(), {QStringLiteral("--data"), dir.path(), QStringLiteral("--json"),
                                  QStringLiteral("pay"), QStringLiteral("--amount"),
                                  QStringLiteral("5.00"), QStringLiteral("--code"),
                                  sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
                                  QStringLiteral("--wait")});
        const CoreRun r = finishCore(p, 60000);
        const QString context = QStringLiteral("limit %1 KiB, exit %2\n%3\n%4")
                                    .arg(limitKb)
                                    .arg(r.exitCode)
                                    .arg(r.out, r.err);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 4, qPrintable(context)); // never a crash
        const CoreRun list = runCore(
            on(dir, {QStringLiteral("--json"), QStringLiteral("order"), QStringLiteral("list")}));
        const QJsonObject stored = lastJson(list.out.section(QLatin1Char('\n'), 0, 0));
        const QJsonObject printed = lastJson(r.out);
        if (r.exitCode == 4 && !stored.isEmpty()) {
            ++failedAfterCreating;
            // What it printed last is what the disk holds, not what memory had.
            QVERIFY2(printed.value(QStringLiteral("state")) ==
                         stored.value(QStringLiteral("state")),
                     qPrintable(context + QStringLiteral("\nstored: ") + list.out));
        }
        // With room again, the sale resumes to its true end, paid once.
        const CoreRun resume =
            runCore(on(dir, {QStringLiteral("run"), QStringLiteral("--until-idle")}));
        QVERIFY2(resume.exitCode == 0, qPrintable(context + resume.out + resume.err));
        const CoreRun check =
            runCore(on(dir, {QStringLiteral("check"), QStringLiteral("internal")}));
        QVERIFY2(check.exitCode == 0, qPrintable(context + check.out + check.err));
    }
    QVERIFY2(failedAfterCreating > 0, "no limit made a commit after the order's fail");
}

// #10: a successful full refund exited 5 ("sale ended unpaid").
void tst_CliRegressions::fullRefundExitsZero()
{
    test::TempDataDir dir(test::kSandboxShop);
    const CoreRun pay = runCore(
        on(dir, {QStringLiteral("--json"), QStringLiteral("pay"), QStringLiteral("--amount"),
                 QStringLiteral("9.90"), QStringLiteral("--code"),
                 sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess),
                 QStringLiteral("--wait")}));
    QCOMPARE(pay.exitCode, 0);
    const QString orderNo = lastJson(pay.out).value(QStringLiteral("orderNo")).toString();
    const CoreRun refund =
        runCore(on(dir, {QStringLiteral("--json"), QStringLiteral("refund"), orderNo,
                         QStringLiteral("--amount"), QStringLiteral("9.90"),
                         QStringLiteral("--reason"), QStringLiteral("returned")}));
    QVERIFY2(refund.exitCode == 0, qPrintable(refund.out + refund.err));
    QCOMPARE(lastJson(refund.out).value(QStringLiteral("state")).toString(),
             QStringLiteral("REFUNDED"));
}

// #15: an invalid code was echoed whole in the error.
void tst_CliRegressions::invalidCodeIsMaskedInTheError()
{
    test::TempDataDir dir(test::kSandboxShop);
    const QString code = QStringLiteral("13458765432109876X");
    const CoreRun pay = runCore(on(dir, {QStringLiteral("pay"), QStringLiteral("--amount"),
                                         QStringLiteral("1.00"), QStringLiteral("--code"), code}));
    QCOMPARE(pay.exitCode, 1);
    QVERIFY2(pay.err.contains(QStringLiteral("digits only")), qPrintable(pay.err));
    QVERIFY2(!pay.err.contains(QStringLiteral("58765432109")), qPrintable(pay.err));
    QVERIFY2(pay.err.contains(QStringLiteral("876X")), qPrintable(pay.err));
}

// #15: "-1" and "0" exited 1 (refused) where bad arguments exit 2.
void tst_CliRegressions::nonPositiveAmountIsABadArgument_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("amount");
    for (const char* command : {"pay", "qr"})
        for (const char* amount : {"-1", "0", "0.00", "-0.01"})
            QTest::addRow("%s_%s", command, amount)
                << QString::fromLatin1(command) << QString::fromLatin1(amount);
}

void tst_CliRegressions::nonPositiveAmountIsABadArgument()
{
    QFETCH(QString, command);
    QFETCH(QString, amount);
    test::TempDataDir dir(test::kSandboxShop);
    QStringList args{command, QStringLiteral("--amount"), amount};
    if (command == QLatin1String("pay"))
        args << QStringLiteral("--code")
             << sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
    const CoreRun r = runCore(on(dir, args));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("more than 0")), qPrintable(r.err));
    QCOMPARE(orderCount(dir), 0);
}

QTEST_GUILESS_MAIN(tst_CliRegressions)
#include "tst_cliregressions.moc"
