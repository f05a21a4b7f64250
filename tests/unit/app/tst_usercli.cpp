// paydesk-core user|login|logout as a shop's admin uses them: passwords on
// standard input or in a file, never on the command line; the session in
// an owner-only file; refusals that say what to do.
#include "testsupport/CoreProcess.h"
#include "testsupport/TempDir.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace paydesk::test;

class tst_UserCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void adminSetsUpStaffEndToEnd();
    void badArgumentsAreUsageErrors_data();
    void badArgumentsAreUsageErrors();
    void lockoutIsReportedAndAlerted();
    void commandsRunAsTheLoggedInPerson();
};

namespace {

struct Shop
{
    TempDataDir dir{kSandboxShop};
    QStringList base() const
    {
        return {QStringLiteral("--data"), dir.path(), QStringLiteral("--no-fsync")};
    }
    CoreRun run(const QStringList& args, const QByteArray& input = {})
    {
        return runCoreWithInput(base() + args, input, 30'000);
    }
};

} // namespace

void tst_UserCli::adminSetsUpStaffEndToEnd()
{
    Shop s;
    CoreRun r = s.run({QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("no users")), qPrintable(r.out));

    r = s.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"),
               QStringLiteral("--role"), QStringLiteral("admin")},
              "boss-password\n");
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("user boss added (admin)")), qPrintable(r.out));

    // Without a session nobody adds the next one.
    r = s.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li"),
               QStringLiteral("--role"), QStringLiteral("cashier")},
              "li-password\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("paydesk-core login --user")), qPrintable(r.err));

    r = s.run({QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("boss")},
              "boss-password\n");
    QCOMPARE(r.exitCode, 0);
    const QString session = s.dir.file(QStringLiteral("session"));
    QCOMPARE(fileMode(session), 0600);

    const QString passwordFile = s.dir.file(QStringLiteral("li.txt"));
    writeFile(passwordFile, "li-password\n");
    r = s.run({QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("add"),
               QStringLiteral("li"), QStringLiteral("--role"), QStringLiteral("cashier,supervisor"),
               QStringLiteral("--password-file"), passwordFile});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lastJson(r.out).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));

    // li logs in with a session file of her own and may not manage users.
    const QString liSession = s.dir.file(QStringLiteral("li.session"));
    r = s.run({QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("li"),
               QStringLiteral("--session-file"), liSession},
              "li-password\n");
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("li logged in (cashier,supervisor)")), qPrintable(r.out));
    r = s.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("boss"),
               QStringLiteral("--session-file"), liSession});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("needs the admin role")), qPrintable(r.err));

    r = s.run({QStringLiteral("--json"), QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("\"roles\":\"cashier,supervisor\"")), qPrintable(r.out));
    // No password in the listing, the session file or the database's text.
    QVERIFY(!r.out.contains(QLatin1String("li-password")));

    r = s.run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("li")});
    QCOMPARE(r.exitCode, 0);
    r = s.run({QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("li"),
               QStringLiteral("--session-file"), liSession},
              "li-password\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("disabled")), qPrintable(r.err));

    r = s.run({QStringLiteral("logout")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!QFile::exists(session));
    r = s.run({QStringLiteral("logout")});
    QCOMPARE(r.exitCode, 2);
}

void tst_UserCli::badArgumentsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown sub-command")
        << QStringList{QStringLiteral("user"), QStringLiteral("delete"), QStringLiteral("x")}
        << QByteArray() << QStringLiteral("user takes add, list");
    QTest::newRow("add without a name")
        << QStringList{QStringLiteral("user"), QStringLiteral("add")} << QByteArray()
        << QStringLiteral("needs the user's name");
    QTest::newRow("add without a role")
        << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x")}
        << QByteArray("password1\n") << QStringLiteral("needs --role");
    QTest::newRow("unknown role") << QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                                 QStringLiteral("x"), QStringLiteral("--role"),
                                                 QStringLiteral("manager")}
                                  << QByteArray("password1\n")
                                  << QStringLiteral("unknown role 'manager'");
    QTest::newRow("no password") << QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                                QStringLiteral("x"), QStringLiteral("--role"),
                                                QStringLiteral("admin")}
                                 << QByteArray() << QStringLiteral("no password given");
    QTest::newRow("login without a user") << QStringList{QStringLiteral("login")} << QByteArray()
                                          << QStringLiteral("login needs --user");
}

void tst_UserCli::badArgumentsAreUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, says);
    Shop s;
    const CoreRun r = s.run(args, input);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    // Nothing was made.
    const CoreRun list = s.run({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(QLatin1String("no users")), qPrintable(list.out));
}

void tst_UserCli::lockoutIsReportedAndAlerted()
{
    Shop s;
    const auto ok = [&](const QStringList& args, const char* input) {
        const CoreRun r = s.run(args, input);
        if (r.exitCode != 0)
            qFatal("%s failed: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.err));
    };
    ok({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"),
        QStringLiteral("--role"), QStringLiteral("admin")},
       "boss-password\n");
    ok({QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("boss")},
       "boss-password\n");
    ok({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li"),
        QStringLiteral("--role"), QStringLiteral("cashier")},
       "li-password\n");
    ok({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("sam"),
        QStringLiteral("--role"), QStringLiteral("support")},
       "sam-password\n");
    CoreRun r;
    for (int i = 0; i < 5; ++i)
        r = s.run({QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("li")},
                  "not-the-password\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("now locked until")), qPrintable(r.err));
    r = s.run({QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("li")},
              "li-password\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("an admin can reset the password")), qPrintable(r.err));
    // Support reads the alerts; the admin, who manages people, may not.
    r = s.run({QStringLiteral("alerts")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("boss (admin) may not read the alerts")),
             qPrintable(r.err));
    ok({QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("sam")},
       "sam-password\n");
    r = s.run({QStringLiteral("alerts")});
    QVERIFY2(r.out.contains(QLatin1String("login_locked")), qPrintable(r.out));
}

// Once users exist, every command a person runs needs a session and is
// refused when the role may not; changes are made in the session's name, so
// maker-checker needs a second real user.
void tst_UserCli::commandsRunAsTheLoggedInPerson()
{
    Shop s;
    const auto ok = [&](const QStringList& args, const char* input = "") {
        const CoreRun r = s.run(args, input);
        if (r.exitCode != 0)
            qFatal("%s failed: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.err));
        return r;
    };
    const auto login = [&](const char* name) {
        ok({QStringLiteral("login"), QStringLiteral("--user"), QString::fromLatin1(name)},
           "a-long-password\n");
    };
    // Before the first user the shop runs open, as before.
    ok({QStringLiteral("pay"), QStringLiteral("--amount"), QStringLiteral("10.00"),
        QStringLiteral("--code"), QStringLiteral("130000000000000001"), QStringLiteral("--wait")});
    ok({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"),
        QStringLiteral("--role"), QStringLiteral("admin")},
       "a-long-password\n");
    login("boss");
    for (const auto& [name, role] : {std::pair{"li", "cashier"}, std::pair{"wang", "accountant"},
                                     std::pair{"zhao", "accountant"}})
        ok({QStringLiteral("user"), QStringLiteral("add"), QString::fromLatin1(name),
            QStringLiteral("--role"), QString::fromLatin1(role)},
           "a-long-password\n");
    ok({QStringLiteral("logout")});

    const QStringList pay = {
        QStringLiteral("pay"),    QStringLiteral("--amount"),           QStringLiteral("10.00"),
        QStringLiteral("--code"), QStringLiteral("130000000000000002"), QStringLiteral("--wait")};
    CoreRun r = s.run(pay);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("unauthenticated")) &&
                 r.err.contains(QLatin1String("log in first")),
             qPrintable(r.err));

    login("li");
    ok(pay);
    r = s.run({QStringLiteral("settle"), QStringLiteral("--date"), QStringLiteral("2025-12-01")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String(
                 "li (cashier) may not run a day's settlement: that needs the accountant role")),
             qPrintable(r.err));
    r = s.run({QStringLiteral("ledger"), QStringLiteral("accounts")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("li (cashier) may not read the ledger")),
             qPrintable(r.err));

    login("wang");
    // --by may not name someone else.
    r = s.run({QStringLiteral("adjust"), QStringLiteral("propose"), QStringLiteral("--account"),
               QStringLiteral("liability:suspense"), QStringLiteral("--amount"),
               QStringLiteral("1.00"), QStringLiteral("--reason"), QStringLiteral("drawer"),
               QStringLiteral("--by"), QStringLiteral("zhao")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--by names zhao, but wang is logged in")),
             qPrintable(r.err));
    r = ok({QStringLiteral("--json"), QStringLiteral("adjust"), QStringLiteral("propose"),
            QStringLiteral("--account"), QStringLiteral("liability:suspense"),
            QStringLiteral("--amount"), QStringLiteral("1.00"), QStringLiteral("--reason"),
            QStringLiteral("drawer")});
    const QString number =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("number")).toString();
    QVERIFY2(!number.isEmpty(), qPrintable(r.out));
    r = s.run({QStringLiteral("adjust"), QStringLiteral("approve"), number});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("was proposed by wang, who cannot also decide it")),
             qPrintable(r.err));
    login("zhao");
    ok({QStringLiteral("adjust"), QStringLiteral("approve"), number});
    r = ok({QStringLiteral("adjust"), QStringLiteral("list")});
    QVERIFY2(r.out.contains(QLatin1String("wang")) && r.out.contains(QLatin1String("zhao")),
             qPrintable(r.out));

    // The audit log: an accountant may not read it; the admin reads and
    // exports who did what, refusals included.
    r = s.run({QStringLiteral("audit")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("zhao (accountant) may not read the audit log")),
             qPrintable(r.err));
    login("boss");
    r = ok({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("li")});
    QVERIFY2(r.out.contains(QLatin1String("li  0001/0001  settle  2025-12-01  -  forbidden: li "
                                          "(cashier) may not run a day's settlement")),
             qPrintable(r.out));
    const QString csvPath = s.dir.file(QStringLiteral("audit.csv"));
    ok({QStringLiteral("audit"), QStringLiteral("--action"),
        QStringLiteral("payout / adjust approve"), QStringLiteral("--csv"), csvPath});
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // the header, zhao's approval, wang's refused one
    QCOMPARE(lines.at(0),
             QStringLiteral("id,at,user,terminal,action,subject,detail,outcome,message"));
    QVERIFY2(lines.at(1).contains(QStringLiteral(",zhao,0001/0001,payout / adjust approve,")) &&
                 lines.at(1).contains(QStringLiteral(",ok,")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(QStringLiteral(",wang,")) &&
                 lines.at(2).contains(QStringLiteral(",same_user,")),
             qPrintable(lines.at(2)));
}

QTEST_GUILESS_MAIN(tst_UserCli)
#include "tst_usercli.moc"
