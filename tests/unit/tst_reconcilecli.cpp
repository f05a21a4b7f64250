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
    void downloadReconcileAndWorkADifference();
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
    QTest::newRow("no_bill_that_day")
        << QStringList{"reconcile", "--channel", "wechat", "--date", "2001-01-01"} << 1
        << "No Bill Exist";
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
    TempDataDir dir;
    const CoreRun r = runCore(data(dir, args));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2((r.err + r.out).contains(message), qPrintable(r.err + r.out));
    const CoreRun list = runCore(data(dir, {"--json", "diff", "list"}));
    QCOMPARE(list.exitCode, 0);
    QVERIFY(lastJson(list.out).value(QStringLiteral("differences")).toArray().isEmpty());
}

void tst_ReconcileCli::downloadReconcileAndWorkADifference()
{
    TempDataDir dir;
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

QTEST_GUILESS_MAIN(tst_ReconcileCli)
#include "tst_reconcilecli.moc"
