// Users, logins and sessions in the core (access/UserDirectory): who may
// manage users, lockouts that grow, sessions that end when unused, and no
// password or token kept as text.
#include "access/UserDirectory.h"
#include "common/PasswordHash.h"
#include "testsupport/EngineHarness.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

namespace {

const QString kAdminPassword = QStringLiteral("admin-pass-1");

struct Users
{
    EngineHarness h;
    UserAccess& access() { return h.api().userAccess(); }

    BackOfficeOutcome add(const QString& token, const QString& name, const QString& password,
                          const QList<Role>& roles)
    {
        return wait<BackOfficeOutcome>(
            [&](auto reply) { access().addUser(token, name, password, roles, reply); });
    }
    LoginResult login(const QString& name, const QString& password)
    {
        return wait<LoginResult>([&](auto reply) {
            access().login(name, password, QStringLiteral("0001/0001"), reply);
        });
    }
    // The first admin, logged in: the token.
    QString admin()
    {
        const BackOfficeOutcome added =
            add(QString(), QStringLiteral("admin"), kAdminPassword, {Role::Admin});
        if (!added.ok())
            qFatal("cannot add the first admin: %s", qPrintable(added.message));
        return login(QStringLiteral("admin"), kAdminPassword).token;
    }
    UserRecord user(const QString& name)
    {
        const auto all = wait<QList<UserRecord>>([&](auto reply) { access().users(reply); });
        for (const UserRecord& u : all)
            if (u.name == name)
                return u;
        return {};
    }
    template <typename T, typename Call> T wait(Call call) { return h.replyOf<T>(call); }
};

} // namespace

class tst_UserDirectory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passwordsAreSlowSaltedHashes();
    void firstUserMustBeAnAdmin();
    void onlyAnAdminManagesUsers_data();
    void onlyAnAdminManagesUsers();
    void badInputIsRefusedAndChangesNothing_data();
    void badInputIsRefusedAndChangesNothing();
    void loginGivesASessionWithTheUsersRoles();
    void wrongPasswordsLockForAGrowingTime();
    void resetPasswordLiftsTheLockAndEndsSessions();
    void sessionEndsAfterIdleTimeUnlessUsed();
    void disabledUserCannotLogInAndLosesSessions();
    void lastAdminStaysAnAdmin();
    void noPasswordOrTokenIsStoredAsText();
};

void tst_UserDirectory::passwordsAreSlowSaltedHashes()
{
    const QString a = hashPassword(QStringLiteral("same words"), ScryptCost{10, 8, 1});
    const QString b = hashPassword(QStringLiteral("same words"), ScryptCost{10, 8, 1});
    QVERIFY(a.startsWith(QLatin1String("scrypt$10$8$1$")));
    QVERIFY(a != b); // each has its own salt
    QVERIFY(verifyPassword(QStringLiteral("same words"), a));
    QVERIFY(verifyPassword(QStringLiteral("same words"), b));
    QVERIFY(!verifyPassword(QStringLiteral("same word"), a));
    QVERIFY(!verifyPassword(QString(), a));
    // Production's cost is the default.
    QVERIFY(hashPassword(QStringLiteral("x")).startsWith(QLatin1String("scrypt$15$8$1$")));
    // Malformed or hostile hashes verify nothing (no huge allocation).
    for (const QString& bad :
         {QString(), QStringLiteral("scrypt$10$8$1$$"), QStringLiteral("scrypt$40$8$1$AAAA$AAAA"),
          QStringLiteral("md5$x"), a.left(a.size() - 4)})
        QVERIFY2(!verifyPassword(QStringLiteral("same words"), bad), qPrintable(bad));
}

void tst_UserDirectory::firstUserMustBeAnAdmin()
{
    Users u;
    const BackOfficeOutcome cashier =
        u.add(QString(), QStringLiteral("li"), QStringLiteral("password1"), {Role::Cashier});
    QCOMPARE(cashier.status, BackOfficeStatus::InvalidState);
    QVERIFY(cashier.message.contains(QLatin1String("first user must be an admin")));
    QVERIFY(u.user(QStringLiteral("li")).name.isEmpty());
    const QString token = u.admin();
    QVERIFY(!token.isEmpty());
    // Once there is a user, nobody adds one without a session.
    const BackOfficeOutcome anonymous =
        u.add(QString(), QStringLiteral("li"), QStringLiteral("password1"), {Role::Admin});
    QCOMPARE(anonymous.status, BackOfficeStatus::Unauthenticated);
}

void tst_UserDirectory::onlyAnAdminManagesUsers_data()
{
    QTest::addColumn<int>("role");
    QTest::newRow("cashier") << int(Role::Cashier);
    QTest::newRow("supervisor") << int(Role::Supervisor);
    QTest::newRow("accountant") << int(Role::Accountant);
    QTest::newRow("support") << int(Role::Support);
}

void tst_UserDirectory::onlyAnAdminManagesUsers()
{
    QFETCH(int, role);
    Users u;
    const QString admin = u.admin();
    QVERIFY(u.add(admin, QStringLiteral("wang"), QStringLiteral("password2"), {Role(role)}).ok());
    const QString token = u.login(QStringLiteral("wang"), QStringLiteral("password2")).token;
    QVERIFY(!token.isEmpty());
    const BackOfficeOutcome added =
        u.add(token, QStringLiteral("zhao"), QStringLiteral("password3"), {Role::Cashier});
    QCOMPARE(added.status, BackOfficeStatus::Forbidden);
    QVERIFY2(added.message.contains(QLatin1String("admin role")), qPrintable(added.message));
    QVERIFY(u.user(QStringLiteral("zhao")).name.isEmpty());
    const auto disabled = u.wait<BackOfficeOutcome>(
        [&](auto reply) { u.access().disableUser(token, QStringLiteral("admin"), reply); });
    QCOMPARE(disabled.status, BackOfficeStatus::Forbidden);
    const auto roles = u.wait<BackOfficeOutcome>([&](auto reply) {
        u.access().setRoles(token, QStringLiteral("wang"), {Role::Admin}, reply);
    });
    QCOMPARE(roles.status, BackOfficeStatus::Forbidden);
    QCOMPARE(u.user(QStringLiteral("wang")).roles, QList<Role>{Role(role)});
}

void tst_UserDirectory::badInputIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("status");
    QTest::newRow("empty name") << QString() << QStringLiteral("password1")
                                << int(BackOfficeStatus::InvalidArgument);
    QTest::newRow("space in name") << QStringLiteral("li si") << QStringLiteral("password1")
                                   << int(BackOfficeStatus::InvalidArgument);
    QTest::newRow("name of 33") << QString(33, QLatin1Char('a')) << QStringLiteral("password1")
                                << int(BackOfficeStatus::InvalidArgument);
    QTest::newRow("short password") << QStringLiteral("li") << QStringLiteral("1234567")
                                    << int(BackOfficeStatus::InvalidArgument);
    QTest::newRow("taken name") << QStringLiteral("admin") << QStringLiteral("password1")
                                << int(BackOfficeStatus::InvalidState);
}

void tst_UserDirectory::badInputIsRefusedAndChangesNothing()
{
    QFETCH(QString, name);
    QFETCH(QString, password);
    QFETCH(int, status);
    Users u;
    const QString admin = u.admin();
    const BackOfficeOutcome o = u.add(admin, name, password, {Role::Cashier});
    QCOMPARE(int(o.status), status);
    QVERIFY(!o.message.isEmpty());
    const auto all = u.wait<QList<UserRecord>>([&](auto reply) { u.access().users(reply); });
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().roles, QList<Role>{Role::Admin}); // not overwritten
    // Chinese names are names.
    QVERIFY(
        u.add(admin, QStringLiteral("王芳"), QStringLiteral("password1"), {Role::Cashier}).ok());
}

void tst_UserDirectory::loginGivesASessionWithTheUsersRoles()
{
    Users u;
    const QString admin = u.admin();
    QVERIFY(u.add(admin, QStringLiteral("chen"), QStringLiteral("password4"),
                  {Role::Supervisor, Role::Cashier})
                .ok());
    const LoginResult r = u.login(QStringLiteral("chen"), QStringLiteral("password4"));
    QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.message));
    QCOMPARE(r.token.size(), 43); // 32 random bytes, base64url
    const std::optional<Session> s = u.access().session(r.token);
    QVERIFY(s);
    QCOMPARE(s->user, QStringLiteral("chen"));
    QCOMPARE(s->roles, (QList<Role>{Role::Cashier, Role::Supervisor}));
    QCOMPARE(s->terminal, QStringLiteral("0001/0001"));
    QVERIFY(u.user(QStringLiteral("chen")).lastLoginAtMs > 0);
    // A wrong name and a wrong password read the same.
    const LoginResult noUser = u.login(QStringLiteral("nobody"), QStringLiteral("password4"));
    const LoginResult wrong = u.login(QStringLiteral("chen"), QStringLiteral("password5"));
    QCOMPARE(noUser.outcome.status, BackOfficeStatus::Unauthenticated);
    QCOMPARE(noUser.outcome.message, wrong.outcome.message);
    QVERIFY(noUser.token.isEmpty() && wrong.token.isEmpty());
    // Logging out ends it.
    QVERIFY(u.wait<BackOfficeOutcome>([&](auto reply) { u.access().logout(r.token, reply); }).ok());
    QString why;
    QVERIFY(!u.access().session(r.token, &why));
    QVERIFY(why.contains(QLatin1String("not logged in")));
}

void tst_UserDirectory::wrongPasswordsLockForAGrowingTime()
{
    Users u;
    const QString admin = u.admin();
    QVERIFY(
        u.add(admin, QStringLiteral("zhou"), QStringLiteral("password6"), {Role::Cashier}).ok());
    qint64 previousLockMs = 0;
    for (int round = 1; round <= 3; ++round) {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(u.login(QStringLiteral("zhou"), QStringLiteral("guess-guess")).outcome.status,
                     BackOfficeStatus::Unauthenticated);
        const qint64 lockedUntil = u.user(QStringLiteral("zhou")).lockedUntilMs;
        const qint64 lockMs = lockedUntil - u.h.clock().nowMs();
        QVERIFY2(lockMs >= 30'000 && lockMs > previousLockMs, qPrintable(QString::number(lockMs)));
        previousLockMs = lockMs;
        // Locked: even the right password is refused, and says until when.
        const LoginResult locked = u.login(QStringLiteral("zhou"), QStringLiteral("password6"));
        QCOMPARE(locked.outcome.status, BackOfficeStatus::Unauthenticated);
        QVERIFY2(locked.outcome.message.contains(QLatin1String("locked")),
                 qPrintable(locked.outcome.message));
        QVERIFY(locked.token.isEmpty());
        u.h.clock().advance(lockMs + 1);
    }
    QCOMPARE(previousLockMs, 120'000); // 30 s, 60 s, 120 s
    QCOMPARE(u.h.alertKinds().count(QStringLiteral("login_locked")), 3);
    // After the lock, the right password opens and forgets the count.
    QVERIFY(u.login(QStringLiteral("zhou"), QStringLiteral("password6")).outcome.ok());
    QCOMPARE(u.user(QStringLiteral("zhou")).failedLogins, 0);
    QCOMPARE(u.user(QStringLiteral("zhou")).lockedUntilMs, 0);
}

void tst_UserDirectory::resetPasswordLiftsTheLockAndEndsSessions()
{
    Users u;
    const QString admin = u.admin();
    QVERIFY(u.add(admin, QStringLiteral("sun"), QStringLiteral("password7"), {Role::Cashier}).ok());
    const QString old = u.login(QStringLiteral("sun"), QStringLiteral("password7")).token;
    for (int i = 0; i < 5; ++i)
        u.login(QStringLiteral("sun"), QStringLiteral("nope-nope"));
    QVERIFY(u.user(QStringLiteral("sun")).lockedUntilMs > u.h.clock().nowMs());
    const auto reset = u.wait<BackOfficeOutcome>([&](auto reply) {
        u.access().resetPassword(admin, QStringLiteral("sun"), QStringLiteral("password8"), reply);
    });
    QVERIFY2(reset.ok(), qPrintable(reset.message));
    QVERIFY(!u.access().session(old));
    QCOMPARE(u.login(QStringLiteral("sun"), QStringLiteral("password7")).outcome.status,
             BackOfficeStatus::Unauthenticated);
    QVERIFY(u.login(QStringLiteral("sun"), QStringLiteral("password8")).outcome.ok());
}

void tst_UserDirectory::sessionEndsAfterIdleTimeUnlessUsed()
{
    Users u; // 15 minutes by default
    const QString admin = u.admin();
    u.h.clock().advance(14 * 60'000);
    QVERIFY(u.access().session(admin)); // used: 15 more minutes from now
    u.h.drain();
    u.h.clock().advance(14 * 60'000);
    QVERIFY(u.access().session(admin));
    u.h.drain();
    u.h.clock().advance(15 * 60'000 + 1);
    QString why;
    QVERIFY(!u.access().session(admin, &why));
    QVERIFY2(why.contains(QLatin1String("15 minutes")), qPrintable(why));
    // Ended for good, not only this time.
    u.h.drain();
    QVERIFY(!u.access().session(admin));
}

void tst_UserDirectory::disabledUserCannotLogInAndLosesSessions()
{
    Users u;
    const QString admin = u.admin();
    QVERIFY(u.add(admin, QStringLiteral("wu"), QStringLiteral("password9"), {Role::Support}).ok());
    const QString token = u.login(QStringLiteral("wu"), QStringLiteral("password9")).token;
    QVERIFY(u.access().session(token));
    QVERIFY(u.wait<BackOfficeOutcome>([&](auto reply) {
                 u.access().disableUser(admin, QStringLiteral("wu"), reply);
             }).ok());
    QVERIFY(!u.access().session(token));
    const LoginResult again = u.login(QStringLiteral("wu"), QStringLiteral("password9"));
    QCOMPARE(again.outcome.status, BackOfficeStatus::Unauthenticated);
    QVERIFY(again.outcome.message.contains(QLatin1String("disabled")));
    QVERIFY(u.user(QStringLiteral("wu")).disabled);
}

void tst_UserDirectory::lastAdminStaysAnAdmin()
{
    Users u;
    const QString admin = u.admin();
    const auto demote = u.wait<BackOfficeOutcome>([&](auto reply) {
        u.access().setRoles(admin, QStringLiteral("admin"), {Role::Cashier}, reply);
    });
    QCOMPARE(demote.status, BackOfficeStatus::InvalidState);
    const auto disable = u.wait<BackOfficeOutcome>(
        [&](auto reply) { u.access().disableUser(admin, QStringLiteral("admin"), reply); });
    QCOMPARE(disable.status, BackOfficeStatus::InvalidState);
    // With a second admin, the first may step down.
    QVERIFY(
        u.add(admin, QStringLiteral("boss2"), QStringLiteral("password10"), {Role::Admin}).ok());
    QVERIFY(u.wait<BackOfficeOutcome>([&](auto reply) {
                 u.access().setRoles(admin, QStringLiteral("admin"), {Role::Cashier}, reply);
             }).ok());
    QCOMPARE(u.user(QStringLiteral("admin")).roles, QList<Role>{Role::Cashier});
    // Its own session now has a cashier's roles: no more user management.
    QCOMPARE(
        u.add(admin, QStringLiteral("li"), QStringLiteral("password1"), {Role::Cashier}).status,
        BackOfficeStatus::Forbidden);
}

void tst_UserDirectory::noPasswordOrTokenIsStoredAsText()
{
    Users u;
    const QString admin = u.admin();
    u.h.api().flush();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    db.setDatabaseName(u.h.dataDir() + QStringLiteral("/paydesk.db"));
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM users")) && q.next());
    QVERIFY(q.value(0).toString().startsWith(QLatin1String("scrypt$")));
    QVERIFY(!q.value(0).toString().contains(kAdminPassword));
    QVERIFY(q.exec(QStringLiteral("SELECT token_sha256 FROM user_sessions")) && q.next());
    QVERIFY(q.value(0).toString() != admin);
    QCOMPARE(q.value(0).toString().size(), 64);
    q = QSqlQuery();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    // Nor anywhere else in the files.
    for (const QString& name : {QStringLiteral("paydesk.db"), QStringLiteral("paydesk.db-wal")}) {
        QFile f(u.h.dataDir() + QLatin1Char('/') + name);
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains(kAdminPassword.toUtf8()));
            QVERIFY(!bytes.contains(admin.toLatin1()));
        }
    }
}

QTEST_GUILESS_MAIN(tst_UserDirectory)
#include "tst_userdirectory.moc"
