// Reconciliation as a user runs it: real paydesk-core processes on one data
// directory, the bill downloaded through the in-process sandbox channel or
// given as a file; bad arguments and bad files refused with nothing stored.
#include "testsupport/CoreProcess.h"
#include "testsupport/TempDir.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace paydesk::test;

class tst_ReconcileCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
    void dayWithoutBillAndNothingClearedIsNothingToDo();
    void downloadReconcileAndWorkADifference();
    void droppedSaleIsRecoveredByTwoPeople();
};

namespace {

QStringList data(const TempDataDir& dir, QStringList args)
{
    return QStringList{QStringLiteral("--data"), dir.path(), QStringLiteral("--no-fsync")} + args;
}

QString chinaToday()
{
    return QDateTime::currentDateTime()
        .toTimeZone(QTimeZone(8 * 3600))
        .date()
        .toString(Qt::ISODate);
}

} // namespace

void tst_ReconcileCli::badArgumentsAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no_channel") << QStringList{"reconcile", "--date", "2026-11-22"} << 2
                                << "--channel is required";
    QTest::newRow("unknown_channel")
        << QStringList{"reconcile", "--channel", "paypal", "--date", "2026-11-22"} << 2
        << "unknown channel 'paypal'";
    QTest::newRow("bad_date") << QStringList{"reconcile", "--channel", "wechat", "--date",
                                             "22/11/2026"}
                              << 2 << "--date YYYY-MM-DD";
    QTest::newRow("missing_file") << QStringList{"reconcile",
                                                 "--channel",
                                                 "wechat",
                                                 "--date",
                                                 "2026-11-22",
                                                 "--bill",
                                                 "/nonexistent/bill.csv"}
                                  << 1 << "cannot read the bill /nonexistent/bill.csv";
    QTest::newRow("confirm_no_bill_with_a_bill")
        << QStringList{"reconcile", "--channel",         "wechat",           "--date", "2001-01-01",
                       "--bill",    "/tmp/whatever.csv", "--confirm-no-bill"}
        << 2 << "cannot go with --bill";
    QTest::newRow("diff_show_without_id")
        << QStringList{"diff", "show"} << 2 << "needs the difference's id";
    QTest::newRow("diff_show_unknown")
        << QStringList{"diff", "show", "42"} << 1 << "no difference 42";
    QTest::newRow("diff_bad_state")
        << QStringList{"diff", "list", "--state", "lost"} << 2 << "--state must be";
    QTest::newRow("diff_unknown_sub")
        << QStringList{"diff", "erase", "1"} << 2 << "diff takes list";
}

void tst_ReconcileCli::badArgumentsAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    TempDataDir dir(kSandboxShop);
    const CoreRun r = runCore(data(dir, args));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2((r.err + r.out).contains(message), qPrintable(r.err + r.out));
    const CoreRun list = runCore(data(dir, {"--json", "diff", "list"}));
    QCOMPARE(list.exitCode, 0);
    QVERIFY(lastJson(list.out).value(QStringLiteral("differences")).toArray().isEmpty());
}

void tst_ReconcileCli::dayWithoutBillAndNothingClearedIsNothingToDo()
{
    TempDataDir dir(kSandboxShop);
    const CoreRun r =
        runCore(data(dir, {"reconcile", "--channel", "wechat", "--date", "2001-01-01"}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("nothing to reconcile: wechat has no bill for "
                                           "2001-01-01 and PayDesk cleared nothing that day")),
             qPrintable(r.err + r.out));
    const CoreRun list = runCore(data(dir, {"--json", "diff", "list"}));
    QVERIFY(lastJson(list.out).value(QStringLiteral("differences")).toArray().isEmpty());
}

void tst_ReconcileCli::downloadReconcileAndWorkADifference()
{
    TempDataDir dir(kSandboxShop);
    const QString today = chinaToday();
    QCOMPARE(
        runCore(data(dir, {"pay", "--amount", "12.34", "--code", "130000000000000001", "--wait"}))
            .exitCode,
        0);
    QCOMPARE(
        runCore(data(dir, {"pay", "--amount", "5.00", "--code", "280000000000000002", "--wait"}))
            .exitCode,
        0);

    // WeChat: downloaded through the channel; a clean day.
    const QString csv = dir.path() + QStringLiteral("/report.csv");
    const QString pdf = dir.path() + QStringLiteral("/report.pdf");
    const CoreRun w = runCore(data(dir, {"--json", "reconcile", "--channel", "wechat", "--date",
                                         today, "--by", "alice", "--csv", csv, "--pdf", pdf}));
    QVERIFY2(w.exitCode == 0, qPrintable(w.err + w.out));
    const QJsonObject report = lastJson(w.out).value(QStringLiteral("report")).toObject();
    QCOMPARE(report.value(QStringLiteral("matched")).toInt(), 1);
    QCOMPARE(
        report.value(QStringLiteral("bill")).toObject().value(QStringLiteral("paid")).toString(),
        QStringLiteral("12.34"));
    QCOMPARE(report.value(QStringLiteral("fundDifference")).toString(), QStringLiteral("0.00"));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QVERIFY(csvFile.readAll().contains("paid,12.34,12.34"));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(8) == "%PDF-1.4");

    // The kept Alipay bill, given back as a file after changing an amount:
    // first the real one, then the same file again (repeated).
    const CoreRun a = runCore(
        data(dir, {"--json", "reconcile", "--channel", "alipay", "--date", today, "--by", "bob"}));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err + a.out));
    const QString kept = lastJson(a.out)
                             .value(QStringLiteral("report"))
                             .toObject()
                             .value(QStringLiteral("rawPath"))
                             .toString();
    QVERIFY(QFile::exists(kept));
    const CoreRun again = runCore(
        data(dir, {"--json", "reconcile", "--channel", "alipay", "--date", today, "--bill", kept}));
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(lastJson(again.out).value(QStringLiteral("status")).toString(),
             QStringLiteral("repeated"));

    // A bill of another merchant is refused and changes nothing.
    QFile wechatKept(QDir(dir.path() + QStringLiteral("/bills/wechat"))
                         .entryInfoList(QDir::Files)
                         .first()
                         .filePath());
    QVERIFY(wechatKept.open(QIODevice::ReadOnly));
    QByteArray other = wechatKept.readAll();
    other.replace("`1230000109", "`1900000001");
    const QString otherPath = dir.path() + QStringLiteral("/other.csv");
    QFile o(otherPath);
    QVERIFY(o.open(QIODevice::WriteOnly));
    o.write(other);
    o.close();
    const CoreRun refused = runCore(
        data(dir, {"reconcile", "--channel", "wechat", "--date", today, "--bill", otherPath}));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("1900000001")), qPrintable(refused.err));
    const CoreRun list = runCore(data(dir, {"--json", "diff", "list"}));
    QVERIFY(lastJson(list.out).value(QStringLiteral("differences")).toArray().isEmpty());
    const CoreRun check = runCore(data(dir, {"check", "internal"}));
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    const CoreRun bank = runCore(data(dir, {"--json", "ledger", "balance", "asset:bank"}));
    // What the channels settled: 12.34 − 0.07 fee + 5.00 − 0.03 fee.
    QVERIFY2(bank.out.contains(QStringLiteral("17.24")), qPrintable(bank.out));
}

void tst_ReconcileCli::droppedSaleIsRecoveredByTwoPeople()
{
    // Today's WeChat bill holds a 7.77 sale PayDesk never saw (the order was
    // dropped). Alice proposes to recover it, Bob approves: the order exists,
    // paid, and the ledger's suspense is empty again.
    TempDataDir dir(kSandboxShop);
    const QString today = chinaToday();
    const QString bill = dir.path() + QStringLiteral("/wechat.csv");
    QFile f(bill);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(
                "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,"
                "交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,"
                "商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
                "手续费,费率,订单金额,申请退款金额,费率备注\r\n"
                "`%1 10:00:05,`wx2421b1c4370ec43b,`1230000109,`0,`POS-01,"
                "`4200000001000000000000000077,`LOST-0001,`oUser0001,`MICROPAY,`SUCCESS,`OTHERS,"
                "`CNY,`7.77,`0.00,`0,`0,`0.00,`0.00,`,`,`咖啡,`,`0.04662,`0.60%,`7.77,`0.00,`\r\n"
                "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,"
                "申请退款总金额\r\n"
                "`1,`7.77,`0.00,`0.00,`0.04662,`7.77,`0.00\r\n")
                .arg(today)
                .toUtf8());
    f.close();
    const CoreRun r = runCore(data(
        dir, {"--json", "reconcile", "--channel", "wechat", "--date", today, "--bill", bill}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const CoreRun open = runCore(data(dir, {"--json", "diff", "list", "--state", "open"}));
    qint64 id = 0;
    for (const QJsonValue& v : lastJson(open.out).value(QStringLiteral("differences")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("missing_locally"))
            id = v.toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY2(id > 0, qPrintable(open.out));
    const QString idText = QString::number(id);

    const CoreRun noReason = runCore(data(dir, {"diff", "recover", idText, "--by", "alice"}));
    QVERIFY(noReason.exitCode != 0);
    QVERIFY2(noReason.err.contains(QStringLiteral("--reason")), qPrintable(noReason.err));
    const CoreRun proposed = runCore(data(
        dir, {"diff", "recover", idText, "--by", "alice", "--reason", "cashier kept the slip"}));
    QVERIFY2(proposed.exitCode == 0, qPrintable(proposed.err + proposed.out));
    QVERIFY2(proposed.out.contains(QStringLiteral("another person must approve")),
             qPrintable(proposed.out));
    const CoreRun self = runCore(data(dir, {"diff", "approve", idText, "--by", "alice"}));
    QVERIFY(self.exitCode != 0);
    const CoreRun approved =
        runCore(data(dir, {"--json", "diff", "approve", idText, "--by", "bob"}));
    QVERIFY2(approved.exitCode == 0, qPrintable(approved.err + approved.out));

    const CoreRun shown = runCore(data(dir, {"--json", "diff", "show", idText}));
    const QJsonObject d = lastJson(shown.out);
    QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("recovered"));
    const QString orderNo = d.value(QStringLiteral("orderNo")).toString();
    QVERIFY(!orderNo.isEmpty());
    const CoreRun order = runCore(data(dir, {"--json", "order", "show", orderNo}));
    QVERIFY2(order.out.contains(QStringLiteral("PAID")), qPrintable(order.out));
    QVERIFY2(order.out.contains(QStringLiteral("LOST-0001")), qPrintable(order.out));
    const CoreRun suspense = runCore(data(dir, {"--json", "ledger", "balance", "liability:suspense"}));
    QVERIFY2(suspense.exitCode == 0, qPrintable(suspense.err + suspense.out));
    QVERIFY2(suspense.out.contains(QStringLiteral("\"0.00\"")), qPrintable(suspense.out));
    const CoreRun check = runCore(data(dir, {"check", "internal"}));
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
}

QTEST_GUILESS_MAIN(tst_ReconcileCli)
#include "tst_reconcilecli.moc"
