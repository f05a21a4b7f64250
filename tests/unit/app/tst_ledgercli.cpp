// The accounting commands as a user runs them, and a process killed with
// SIGKILL at random moments while taking payments: afterwards every paid
// payment has its ledger entry and the internal check passes.
#include "sandbox/SandboxBehaviour.h"
#include "testsupport/CoreProcess.h"
#include "testsupport/TempDir.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace paydesk;
using namespace paydesk::test;

class tst_LedgerCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandsFailClearlyAndChangeNothing_data();
    void commandsFailClearlyAndChangeNothing();
    void paymentShowsInTrialBalanceAndCheck();
    void walletAndApprovalsAcrossProcesses();
    void walletWithdrawalAcrossProcesses_data();
    void walletWithdrawalAcrossProcesses();
    void killedWhilePayingLeavesNoUnpostedPayment();
    void backfillPostsAPaymentTheLedgerLacks();
};

namespace {
QStringList data(const TempDataDir& dir, QStringList args)
{
    return QStringList{QStringLiteral("--data"), dir.path(), QStringLiteral("--no-fsync")} + args;
}
} // namespace

void tst_LedgerCli::commandsFailClearlyAndChangeNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown_account") << QStringList{"ledger", "balance", "asset:piggy:x"} << 2 << "unknown kind 'piggy'";
    QTest::newRow("ledger_without_sub") << QStringList{"ledger"} << 2 << "ledger needs accounts";
    QTest::newRow("settle_without_date") << QStringList{"settle"} << 2 << "--date YYYY-MM-DD";
    QTest::newRow("settle_today_not_due") << QStringList{"settle", "--date", "2999-01-01"} << 1 << "(T+1)";
    QTest::newRow("payout_without_by") << QStringList{"payout", "request", "--amount", "1.00"} << 2 << "--by NAME";
    QTest::newRow("payout_nothing_available") << QStringList{"payout", "request", "--amount", "1.00", "--by", "ann"} << 1 << "only 0.00 is available";
    QTest::newRow("payout_bad_amount") << QStringList{"payout", "request", "--amount", "1.001", "--by", "ann"} << 2 << "decimals";
    QTest::newRow("approve_unknown")
        << QStringList{"payout", "approve", "PO000099", "--by", "bob"} << 1 << "no payout PO000099";
    QTest::newRow("wallet_pay_without_sale") << QStringList{"wallet", "pay", "m1", "--amount", "1.00"} << 2 << "--sale REF";
    QTest::newRow("wallet_pay_empty_wallet") << QStringList{"wallet", "pay", "m1", "--amount", "1.00", "--sale", "S"} << 1 << "top up or pay another way";
    QTest::newRow("wallet_bad_member") << QStringList{"wallet", "topup", "bad member!", "--amount", "1.00"} << 1 << "member id";
    QTest::newRow("wallet_show_unknown") << QStringList{"wallet", "show", "ghost"} << 1 << "no wallet for member ghost";
    QTest::newRow("withdraw_without_by")
        << QStringList{"wallet", "withdraw", "m1", "--amount", "1.00"} << 2 << "--by NAME";
    QTest::newRow("withdraw_unknown_member")
        << QStringList{"wallet", "withdraw", "--member", "ghost", "--amount", "1.00", "--by", "ann"}
        << 1 << "no wallet for member ghost";
    QTest::newRow("withdrawal_without_number")
        << QStringList{"wallet", "withdrawal", "approve", "--by", "bob"} << 2
        << "the number (WD...)";
    QTest::newRow("withdrawal_unknown")
        << QStringList{"wallet", "withdrawal", "approve", "WD000099", "--by", "bob"} << 1
        << "no withdrawal WD000099";
    QTest::newRow("withdrawal_is_not_a_payout")
        << QStringList{"wallet", "withdrawal", "reject", "PO000001", "--by", "bob", "--reason", "r"}
        << 1 << "no withdrawal PO000001";
    QTest::newRow("dashboard_bad_days")
        << QStringList{"dashboard", "--days", "0"} << 2 << "--days must be a whole number";
    QTest::newRow("dashboard_bad_date")
        << QStringList{"dashboard", "--date", "2026-02-30"} << 2 << "--date must be a day";
    QTest::newRow("dashboard_too_long")
        << QStringList{"dashboard", "--days", "400"} << 2 << "from 1 to 366";
    QTest::newRow("shift_close_without_by")
        << QStringList{"shift", "close"} << 2 << "say who closes the shift";
    QTest::newRow("shift_bad_limit")
        << QStringList{"shift", "list", "--limit", "0"} << 2 << "--limit must be";
    QTest::newRow("shift_without_sub") << QStringList{"shift"} << 2 << "usage: shift close";
    QTest::newRow("adjust_bad_account") << QStringList{"adjust", "propose", "--account", "x", "--amount", "1", "--reason", "r", "--by", "a"} << 1 << "is not an account";
}

void tst_LedgerCli::commandsFailClearlyAndChangeNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    TempDataDir dir(kSandboxShop);
    const CoreRun r = runCore(data(dir, args));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    const CoreRun journal = runCore(data(dir, {"--json", "ledger", "journal"}));
    QCOMPARE(journal.exitCode, 0);
    QCOMPARE(journal.out, QString());
}

void tst_LedgerCli::paymentShowsInTrialBalanceAndCheck()
{
    TempDataDir dir(kSandboxShop);
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 0);
    QCOMPARE(runCore(data(dir, {"pay", "--amount", "66.60", "--code", code, "--wait"})).exitCode, 0);
    const CoreRun tb = runCore(data(dir, {"--json", "ledger", "trial-balance"}));
    QCOMPARE(tb.exitCode, 0);
    const QJsonObject total = lastJson(tb.out).value(QStringLiteral("trialBalance")).toObject();
    QCOMPARE(total.value(QStringLiteral("balanced")).toBool(), true);
    QCOMPARE(total.value(QStringLiteral("debits")).toObject().value(QStringLiteral("fen")).toString(), QStringLiteral("6660"));
    const CoreRun bal = runCore(data(dir, {"--json", "ledger", "balance", "asset:channel-receivable:wechat"}));
    QCOMPARE(lastJson(bal.out).value(QStringLiteral("balance")).toObject().value(QStringLiteral("amount")).toString(),
             QStringLiteral("66.60"));
    const CoreRun check = runCore(data(dir, {"--json", "check", "internal"}));
    QCOMPARE(check.exitCode, 0);
    QCOMPARE(lastJson(check.out).value(QStringLiteral("ok")).toBool(), true);

    // The dashboard of today, as a person and as a script reads it.
    const CoreRun dash = runCore(data(dir, {"dashboard"}));
    QCOMPARE(dash.exitCode, 0);
    QVERIFY2(dash.out.contains(QStringLiteral("wechat    sales 1 / 66.60")), qPrintable(dash.out));
    QVERIFY2(dash.out.contains(QStringLiteral("success 100.0 % (1 paid, 0 not paid, 0 paying)")),
             qPrintable(dash.out));
    const CoreRun dashJson = runCore(data(dir, {"--json", "dashboard", "--days", "7"}));
    QCOMPARE(dashJson.exitCode, 0);
    const QJsonObject figures =
        lastJson(dashJson.out).value(QStringLiteral("dashboard")).toObject();
    QCOMPARE(figures.value(QStringLiteral("total"))
                 .toObject()
                 .value(QStringLiteral("net"))
                 .toObject()
                 .value(QStringLiteral("fen"))
                 .toString(),
             QStringLiteral("6660"));
    QCOMPARE(
        figures.value(QStringLiteral("overall")).toObject().value(QStringLiteral("paid")).toInt(),
        1);

    // The counter's shift closed from the command line, then listed.
    const CoreRun shift = runCore(data(dir, {"shift", "close", "--by", "li"}));
    QCOMPARE(shift.exitCode, 0);
    QVERIFY2(shift.out.contains(QStringLiteral("shift SH000001")) &&
                 shift.out.contains(QStringLiteral("closed by li")) &&
                 shift.out.contains(QStringLiteral("wechat  sales 1 / 66.60")),
             qPrintable(shift.out));
    const CoreRun shifts = runCore(data(dir, {"--json", "shift", "list"}));
    QCOMPARE(shifts.exitCode, 0);
    const QJsonObject kept = lastJson(shifts.out);
    QCOMPARE(kept.value(QStringLiteral("number")).toString(), QStringLiteral("SH000001"));
    QCOMPARE(kept.value(QStringLiteral("total"))
                 .toObject()
                 .value(QStringLiteral("net"))
                 .toObject()
                 .value(QStringLiteral("fen"))
                 .toString(),
             QStringLiteral("6660"));
}

void tst_LedgerCli::walletAndApprovalsAcrossProcesses()
{
    TempDataDir dir(kSandboxShop);
    QCOMPARE(runCore(data(dir, {"wallet", "topup", "m1", "--amount", "100.00", "--by", "ann"})).exitCode, 0);
    const CoreRun pay = runCore(data(dir, {"--json", "wallet", "pay", "m1", "--amount", "30.00", "--sale", "S1", "--request-no", "p1"}));
    QCOMPARE(pay.exitCode, 0);
    const QString op = lastJson(pay.out).value(QStringLiteral("number")).toString();
    // The same sale pressed again from another process, with a new request number.
    const CoreRun again = runCore(data(dir, {"--json", "wallet", "pay", "m1", "--amount", "30.00", "--sale", "S1", "--request-no", "p2"}));
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(lastJson(again.out).value(QStringLiteral("status")).toString(), QStringLiteral("repeated"));
    QCOMPARE(lastJson(again.out).value(QStringLiteral("number")).toString(), op);
    const CoreRun show = runCore(data(dir, {"--json", "wallet", "show", "m1"}));
    QCOMPARE(lastJson(show.out).value(QStringLiteral("balance")).toObject().value(QStringLiteral("fen")).toString(),
             QStringLiteral("7000"));

    const CoreRun prop = runCore(data(dir, {"--json", "adjust", "propose", "--account", "liability:suspense", "--amount", "2.00",
                                            "--reason", "counted short", "--by", "ann"}));
    const QString ad = lastJson(prop.out).value(QStringLiteral("number")).toString();
    QVERIFY(ad.startsWith(QLatin1String("AD")));
    const CoreRun self = runCore(data(dir, {"adjust", "approve", ad, "--by", "ann"}));
    QCOMPARE(self.exitCode, 1);
    QVERIFY(self.err.contains(QLatin1String("cannot also decide it")));
    QCOMPARE(runCore(data(dir, {"adjust", "approve", ad, "--by", "bob"})).exitCode, 0);
    const CoreRun check = runCore(data(dir, {"check", "internal"}));
    QCOMPARE(check.exitCode, 0);
    QVERIFY(check.out.contains(QLatin1String("internal check passed")));
}

void tst_LedgerCli::walletWithdrawalAcrossProcesses_data()
{
    QTest::addColumn<QStringList>("decision");
    QTest::addColumn<QString>("balance");
    QTest::addColumn<QString>("withdrawn");
    QTest::addColumn<QString>("cash");
    QTest::addColumn<QString>("state");
    QTest::newRow("approved_by_another_user_pays_out_in_cash")
        << QStringList{"approve", "--by", "bob"} << "70.00"
        << "30.00"
        << "70.00"
        << "PAID";
    QTest::newRow("rejected_by_another_user_releases")
        << QStringList{"reject", "--by", "bob", "--note", "id not shown"} << "100.00"
        << "0.00"
        << "100.00"
        << "REJECTED";
}

void tst_LedgerCli::walletWithdrawalAcrossProcesses()
{
    QFETCH(QStringList, decision);
    QFETCH(QString, balance);
    QFETCH(QString, withdrawn);
    QFETCH(QString, cash);
    QFETCH(QString, state);
    TempDataDir dir(kSandboxShop);
    const auto amountOf = [](const QJsonObject& o, const char* key) {
        return o.value(QLatin1String(key)).toObject().value(QStringLiteral("amount")).toString();
    };
    QCOMPARE(
        runCore(data(dir, {"wallet", "topup", "m1", "--amount", "100.00", "--by", "ann"})).exitCode,
        0);
    const QStringList withdraw{"--json",   "wallet", "withdraw",   "--member", "m1",
                               "--amount", "30.00",  "--by",       "ann",      "--request",
                               "w1",       "--note", "moving away"};
    const CoreRun req = runCore(data(dir, withdraw));
    QCOMPARE(req.exitCode, 0);
    const QString wd = lastJson(req.out).value(QStringLiteral("number")).toString();
    QVERIFY2(wd.startsWith(QLatin1String("WD")), qPrintable(req.out));
    // The same request again from another process: the first answer, nothing frozen twice.
    const CoreRun again = runCore(data(dir, withdraw));
    QCOMPARE(lastJson(again.out).value(QStringLiteral("status")).toString(),
             QStringLiteral("repeated"));
    QCOMPARE(lastJson(again.out).value(QStringLiteral("number")).toString(), wd);
    const QJsonObject held = lastJson(runCore(data(dir, {"--json", "wallet", "show", "m1"})).out);
    QCOMPARE(amountOf(held, "balance"), QStringLiteral("70.00"));
    QCOMPARE(amountOf(held, "held"), QStringLiteral("30.00"));

    // The payout and adjustment commands never decide a withdrawal.
    for (const char* other : {"payout", "adjust"}) {
        const CoreRun wrongKind =
            runCore(data(dir, QStringList{QLatin1String(other), decision.first(), wd, "--by", "bob",
                                          "--reason", "r"}));
        QCOMPARE(wrongKind.exitCode, 1);
        QVERIFY2(wrongKind.err.contains(QStringLiteral("no ")) && wrongKind.err.contains(wd),
                 qPrintable(wrongKind.err));
    }
    const CoreRun self = runCore(data(dir, QStringList{"wallet", "withdrawal", decision.first(), wd,
                                                       "--by", "ann", "--reason", "r"}));
    QCOMPARE(self.exitCode, 1);
    QVERIFY2(self.err.contains(QLatin1String("cannot also decide it")), qPrintable(self.err));
    const CoreRun decided = runCore(
        data(dir, QStringList{"wallet", "withdrawal", decision.first(), wd} + decision.mid(1)));
    QVERIFY2(decided.exitCode == 0, qPrintable(decided.out + decided.err));
    QCOMPARE(runCore(data(dir, QStringList{"wallet", "withdrawal", decision.first(), wd} +
                                   decision.mid(1)))
                 .exitCode,
             1);

    const QJsonObject show = lastJson(runCore(data(dir, {"--json", "wallet", "show", "m1"})).out);
    QCOMPARE(amountOf(show, "balance"), balance);
    QCOMPARE(amountOf(show, "held"), QStringLiteral("0.00"));
    QCOMPARE(amountOf(show, "withdrawn"), withdrawn);
    const CoreRun drawer = runCore(data(dir, {"--json", "ledger", "balance", "asset:cash:0001"}));
    QCOMPARE(lastJson(drawer.out)
                 .value(QStringLiteral("balance"))
                 .toObject()
                 .value(QStringLiteral("amount"))
                 .toString(),
             cash);
    const CoreRun list = runCore(data(dir, {"--json", "wallet", "withdrawals", "--member", "m1"}));
    QCOMPARE(lastJson(list.out).value(QStringLiteral("state")).toString(), state);
    QCOMPARE(lastJson(list.out).value(QStringLiteral("memberId")).toString(), QStringLiteral("m1"));
    const CoreRun check = runCore(data(dir, {"check", "internal"}));
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    QVERIFY(check.out.contains(QLatin1String("ok   wallet withdrawals")));
}

void tst_LedgerCli::killedWhilePayingLeavesNoUnpostedPayment()
{
    TempDataDir dir(kSandboxShop);
    QRandomGenerator rng(20261123);
    int killed = 0;
    for (int i = 0; i < 24; ++i) {
        const QString code = sandboxCode(i % 2 ? Wallet::WeChat : Wallet::Alipay, SandboxBehaviour::InstantSuccess, i % 90);
        QProcess p;
        // Durable commits: the kill must find the real fsync path.
        p.start(coreBin(), {QStringLiteral("--data"), dir.path(), QStringLiteral("pay"), QStringLiteral("--amount"),
                            QStringLiteral("%1.00").arg(i + 1), QStringLiteral("--code"), code, QStringLiteral("--wait")});
        QVERIFY(p.waitForStarted());
        QTest::qSleep(int(rng.bounded(80)));
        ::kill(p.processId(), SIGKILL);
        p.waitForFinished(5000);
        killed += p.exitStatus() == QProcess::CrashExit ? 1 : 0;
    }
    QVERIFY2(killed > 0, "no process was killed mid-way");
    const CoreRun resume = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("run"), QStringLiteral("--until-idle")});
    QCOMPARE(resume.exitCode, 0);
    const CoreRun check = runCore({QStringLiteral("--data"), dir.path(), QStringLiteral("--json"), QStringLiteral("check"),
                                   QStringLiteral("internal")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    int paymentsChecked = 0;
    for (const QJsonValue& v : lastJson(check.out).value(QStringLiteral("checks")).toArray()) {
        const QJsonObject line = v.toObject();
        QVERIFY2(line.value(QStringLiteral("ok")).toBool(), qPrintable(line.value(QStringLiteral("rule")).toString()));
        paymentsChecked += line.value(QStringLiteral("subject")).toString() == QLatin1String("payments");
    }
    QCOMPARE(paymentsChecked, 1);
}

// A paid payment with no entry and no clearing item, as in a data directory
// from before the ledger: the check names the gap, `ledger backfill` closes
// it once, and its money (settled outside PayDesk then) is not due again.
void tst_LedgerCli::backfillPostsAPaymentTheLedgerLacks()
{
    TempDataDir dir(kSandboxShop);
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess, 0);
    QCOMPARE(runCore(data(dir, {"pay", "--amount", "12.34", "--code", code, "--wait"})).exitCode,
             0);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(dir.file(QStringLiteral("paydesk.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("DELETE FROM ledger_postings WHERE entry_id IN (SELECT id FROM "
                                  "ledger_entries WHERE idem_key LIKE 'pay:%')")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM ledger_entries WHERE idem_key LIKE 'pay:%'")));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM clearing WHERE ref_key LIKE 'pay:%'")));
        QCOMPARE(q.numRowsAffected(), 1);
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    const CoreRun gap = runCore(data(dir, {"check", "internal"}));
    QCOMPARE(gap.exitCode, 1);
    QVERIFY2(gap.out.contains(QLatin1String("paid payments without a ledger entry")),
             qPrintable(gap.out));

    const CoreRun fill = runCore(data(dir, {"--json", "ledger", "backfill"}));
    QVERIFY2(fill.exitCode == 0, qPrintable(fill.out + fill.err));
    const QJsonObject report = lastJson(fill.out).value(QStringLiteral("backfill")).toObject();
    QCOMPARE(report.value(QStringLiteral("payments")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("refunds")).toInt(), 0);
    const CoreRun trail =
        runCore(data(dir, {"ledger", "journal", "--account", "asset:channel-receivable:wechat"}));
    QVERIFY2(trail.out.contains(QLatin1String("pay:PA")) &&
                 trail.out.contains(QLatin1String("backfill-outside:")),
             qPrintable(trail.out));
    const CoreRun bal =
        runCore(data(dir, {"--json", "ledger", "balance", "liability:pending:M0001"}));
    QCOMPARE(lastJson(bal.out)
                 .value(QStringLiteral("balance"))
                 .toObject()
                 .value(QStringLiteral("amount"))
                 .toString(),
             QStringLiteral("0.00"));
    QCOMPARE(runCore(data(dir, {"check", "internal"})).exitCode, 0);

    const CoreRun again = runCore(data(dir, {"ledger", "backfill"}));
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(QLatin1String("nothing to post")), qPrintable(again.out));
}

QTEST_GUILESS_MAIN(tst_LedgerCli)
#include "tst_ledgercli.moc"
