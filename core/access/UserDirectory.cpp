#include "access/UserDirectory.h"

#include "access/AuditLog.h"

#include "common/ChinaTime.h"
#include "common/Clock.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace paydesk {

namespace {

// Sessions unused this long are seen again only after a write of their
// last use: one write a minute per session, not one per request.
constexpr qint64 kTouchEveryMs = 60'000;

BackOfficeOutcome fail(BackOfficeStatus s, const QString& message)
{
    return BackOfficeOutcome::fail(s, message);
}

QByteArray tokenHash(const QString& token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QString freshToken()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(words), sizeof words)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool validName(const QString& name)
{
    // Letters of any script (staff names are often Chinese), digits, . _ -
    static const QRegularExpression re(QStringLiteral("^[\\p{L}\\p{N}._-]{1,32}$"));
    return re.match(name).hasMatch();
}

QString clockText(qint64 ms)
{
    return chinaTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

UserDirectory::UserDirectory(Database& db, const Clock& clock, UserPolicy policy,
                             std::function<void(const QString&, const QString&)> raiseAlert)
    : m_db(db), m_clock(clock), m_policy(policy), m_raiseAlert(std::move(raiseAlert)), m_store(db)
{}

QString UserDirectory::open()
{
    return m_db.migrate(UserStore::schemaName(), UserStore::migrations());
}

void UserDirectory::setAuditLog(AuditLog* log, const QString& terminal)
{
    m_audit = log;
    m_terminal = terminal;
}

UserAccess::Reply<BackOfficeOutcome>
UserDirectory::audited(const QString& actorToken, const QString& action, const QString& subject,
                       const QString& detail, Reply<BackOfficeOutcome> reply)
{
    if (!m_audit)
        return reply;
    AuditEntry e;
    if (!actorToken.isEmpty())
        if (const std::optional<Session> s = session(actorToken))
            e.user = s->user;
    e.terminal = m_terminal;
    e.action = action;
    e.subject = subject;
    e.detail = detail;
    const qint64 id = m_audit->begin(e);
    return [log = m_audit, id, reply = std::move(reply)](const BackOfficeOutcome& o) {
        log->finish(id, backOfficeStatusName(o.status), o.message);
        reply(o);
    };
}

BackOfficeOutcome UserDirectory::storageError()
{
    return fail(BackOfficeStatus::StorageError,
                QStringLiteral("cannot read or write the users: ") + m_store.lastError());
}

void UserDirectory::answerAfterCommit(BackOfficeOutcome outcome, Reply<BackOfficeOutcome> reply)
{
    m_db.afterCommit([outcome, reply](bool ok) {
        reply(ok ? outcome
                 : fail(BackOfficeStatus::StorageError,
                        QStringLiteral("the change to the users could not be stored")));
    });
}

BackOfficeOutcome UserDirectory::checkAdmin(const QString& adminToken)
{
    QString why;
    const std::optional<Session> s = session(adminToken, &why);
    if (!s)
        return fail(BackOfficeStatus::Unauthenticated,
                    why + QStringLiteral(": managing users needs an admin's session "
                                         "(paydesk-core login --user NAME)"));
    if (!s->roles.contains(Role::Admin))
        return fail(
            BackOfficeStatus::Forbidden,
            QStringLiteral("%1 may not manage users: that needs the admin role").arg(s->user));
    return BackOfficeOutcome{};
}

std::optional<bool> UserDirectory::anotherAdmin(const QString& name)
{
    const auto rows = m_store.users();
    if (!rows)
        return std::nullopt;
    for (const UserStore::Row& r : *rows)
        if (r.record.name != name && !r.record.disabled && r.record.hasRole(Role::Admin))
            return true;
    return false;
}

void UserDirectory::addUser(const QString& adminToken, const QString& name, const QString& password,
                            const QList<Role>& roles, Reply<BackOfficeOutcome> reply)
{
    reply =
        audited(adminToken, QStringLiteral("user add"), name, roleNames(roles), std::move(reply));
    if (!validName(name))
        return reply(fail(BackOfficeStatus::InvalidArgument,
                          QStringLiteral("a user name is 1 to 32 letters, digits, '.', '_' or "
                                         "'-'; got '%1'")
                              .arg(name)));
    if (password.size() < m_policy.minPasswordLength)
        return reply(fail(BackOfficeStatus::InvalidArgument,
                          QStringLiteral("the password must have at least %1 characters")
                              .arg(m_policy.minPasswordLength)));
    if (roles.isEmpty())
        return reply(fail(BackOfficeStatus::InvalidArgument,
                          QStringLiteral("give the user at least one role: cashier, supervisor, "
                                         "accountant, support or admin")));
    const std::optional<int> count = m_store.countUsers();
    if (!count)
        return reply(storageError());
    if (*count == 0) {
        // The very first user sets up the rest, so it must be an admin.
        if (!roles.contains(Role::Admin))
            return reply(fail(BackOfficeStatus::InvalidState,
                              QStringLiteral("the first user must be an admin (--role admin): "
                                             "only an admin can add the others")));
    } else if (BackOfficeOutcome refusal = checkAdmin(adminToken); !refusal.ok()) {
        return reply(refusal);
    }
    const auto existing = m_store.user(name);
    if (!existing)
        return reply(storageError());
    if (!existing->record.name.isEmpty())
        return reply(fail(BackOfficeStatus::InvalidState,
                          QStringLiteral("user %1 exists already").arg(name)));
    UserStore::Row row;
    row.record.name = name;
    row.record.roles = roles;
    std::sort(row.record.roles.begin(), row.record.roles.end());
    row.record.createdAtMs = m_clock.nowMs();
    row.passwordHash = hashPassword(password, m_policy.cost);
    if (row.passwordHash.isEmpty())
        return reply(fail(BackOfficeStatus::StorageError,
                          QStringLiteral("cannot hash the password (out of memory?)")));
    if (!m_store.putUser(row))
        return reply(storageError());
    BackOfficeOutcome done;
    done.message = QStringLiteral("user %1 added (%2)").arg(name, roleNames(row.record.roles));
    done.number = name;
    answerAfterCommit(done, reply);
}

void UserDirectory::users(Reply<QList<UserRecord>> reply)
{
    QList<UserRecord> out;
    if (const auto rows = m_store.users())
        for (const UserStore::Row& r : *rows)
            out << r.record;
    reply(out);
}

void UserDirectory::changeUser(const QString& adminToken, const QString& name,
                               const std::function<BackOfficeOutcome(UserStore::Row&)>& change,
                               const QString& done, Reply<BackOfficeOutcome> reply)
{
    if (BackOfficeOutcome refusal = checkAdmin(adminToken); !refusal.ok())
        return reply(refusal);
    auto row = m_store.user(name);
    if (!row)
        return reply(storageError());
    if (row->record.name.isEmpty())
        return reply(fail(BackOfficeStatus::NotFound, QStringLiteral("no user %1").arg(name)));
    if (BackOfficeOutcome refusal = change(*row); !refusal.ok())
        return reply(refusal);
    if (!m_store.putUser(*row))
        return reply(storageError());
    BackOfficeOutcome ok;
    ok.message = done;
    ok.number = name;
    answerAfterCommit(ok, reply);
}

void UserDirectory::disableUser(const QString& adminToken, const QString& name,
                                Reply<BackOfficeOutcome> reply)
{
    reply = audited(adminToken, QStringLiteral("user disable"), name, QString(), std::move(reply));
    changeUser(
        adminToken, name,
        [&](UserStore::Row& row) {
            if (row.record.disabled)
                return fail(BackOfficeStatus::InvalidState,
                            QStringLiteral("user %1 is disabled already").arg(name));
            if (row.record.hasRole(Role::Admin)) {
                const std::optional<bool> other = anotherAdmin(name);
                if (!other)
                    return storageError();
                if (!*other)
                    return fail(BackOfficeStatus::InvalidState,
                                QStringLiteral("%1 is the last admin: add another admin first, "
                                               "or nobody could manage users")
                                    .arg(name));
            }
            row.record.disabled = true;
            // Logged out everywhere at once.
            return m_store.deleteSessionsOf(name) ? BackOfficeOutcome{} : storageError();
        },
        QStringLiteral("user %1 disabled and logged out").arg(name), reply);
}

void UserDirectory::resetPassword(const QString& adminToken, const QString& name,
                                  const QString& password, Reply<BackOfficeOutcome> reply)
{
    reply = audited(adminToken, QStringLiteral("user reset-password"), name, QString(),
                    std::move(reply));
    if (password.size() < m_policy.minPasswordLength)
        return reply(fail(BackOfficeStatus::InvalidArgument,
                          QStringLiteral("the password must have at least %1 characters")
                              .arg(m_policy.minPasswordLength)));
    changeUser(
        adminToken, name,
        [&](UserStore::Row& row) {
            row.passwordHash = hashPassword(password, m_policy.cost);
            if (row.passwordHash.isEmpty())
                return fail(BackOfficeStatus::StorageError,
                            QStringLiteral("cannot hash the password (out of memory?)"));
            // A reset also lifts a lockout: that is what a person asks it for.
            row.record.failedLogins = 0;
            row.record.lockedUntilMs = 0;
            row.locks = 0;
            return m_store.deleteSessionsOf(name) ? BackOfficeOutcome{} : storageError();
        },
        QStringLiteral("password of %1 reset; their sessions ended").arg(name), reply);
}

void UserDirectory::setRoles(const QString& adminToken, const QString& name,
                             const QList<Role>& roles, Reply<BackOfficeOutcome> reply)
{
    reply =
        audited(adminToken, QStringLiteral("user roles"), name, roleNames(roles), std::move(reply));
    if (roles.isEmpty())
        return reply(fail(BackOfficeStatus::InvalidArgument,
                          QStringLiteral("give the user at least one role (disable the user "
                                         "instead)")));
    QList<Role> sorted = roles;
    std::sort(sorted.begin(), sorted.end());
    changeUser(
        adminToken, name,
        [&](UserStore::Row& row) {
            if (row.record.hasRole(Role::Admin) && !sorted.contains(Role::Admin) &&
                !row.record.disabled) {
                const std::optional<bool> other = anotherAdmin(name);
                if (!other)
                    return storageError();
                if (!*other)
                    return fail(
                        BackOfficeStatus::InvalidState,
                        QStringLiteral("%1 is the last admin: add another admin first").arg(name));
            }
            row.record.roles = sorted;
            return BackOfficeOutcome{};
        },
        QStringLiteral("%1 now has the roles %2").arg(name, roleNames(sorted)), reply);
}

void UserDirectory::login(const QString& name, const QString& password, const QString& terminal,
                          Reply<LoginResult> reply)
{
    if (m_audit) {
        // Logins, good and bad: who tried which name, from where.
        const qint64 id = m_audit->begin({0, 0, name, m_terminal, QStringLiteral("login"), name,
                                          terminal, QString(), QString()});
        reply = [log = m_audit, id, reply = std::move(reply)](const LoginResult& r) {
            log->finish(id, backOfficeStatusName(r.outcome.status), r.outcome.message);
            reply(r);
        };
    }
    LoginResult out;
    const qint64 now = m_clock.nowMs();
    auto row = m_store.user(name);
    if (!row) {
        out.outcome = storageError();
        return reply(out);
    }
    const QString wrong = QStringLiteral("wrong user name or password");
    if (row->record.name.isEmpty()) {
        // The same work as a real check, so timing tells no names.
        if (m_dummyHash.isEmpty())
            m_dummyHash = hashPassword(QStringLiteral("no such user"), m_policy.cost);
        verifyPassword(password, m_dummyHash);
        out.outcome = fail(BackOfficeStatus::Unauthenticated, wrong);
        return reply(out);
    }
    if (row->record.disabled) {
        out.outcome = fail(BackOfficeStatus::Unauthenticated,
                           QStringLiteral("user %1 is disabled: ask an admin").arg(name));
        return reply(out);
    }
    if (row->record.lockedUntilMs > now) {
        out.outcome = fail(BackOfficeStatus::Unauthenticated,
                           QStringLiteral("user %1 is locked after too many wrong passwords until "
                                          "%2 (China time); an admin can reset the password")
                               .arg(name, clockText(row->record.lockedUntilMs)));
        return reply(out);
    }
    if (!verifyPassword(password, row->passwordHash)) {
        ++row->record.failedLogins;
        out.outcome = fail(BackOfficeStatus::Unauthenticated, wrong);
        if (row->record.failedLogins >= m_policy.failuresBeforeLock) {
            ++row->locks;
            const qint64 lockMs =
                qMin(m_policy.maxLockMs, m_policy.firstLockMs << qMin(row->locks - 1, 20));
            row->record.lockedUntilMs = now + lockMs;
            row->record.failedLogins = 0;
            const QString message =
                QStringLiteral("user %1 locked for %2 s after %3 wrong passwords in a row%4")
                    .arg(name)
                    .arg(lockMs / 1000)
                    .arg(m_policy.failuresBeforeLock)
                    .arg(terminal.isEmpty() ? QString()
                                            : QStringLiteral(" (from %1)").arg(terminal));
            if (m_raiseAlert)
                m_raiseAlert(QStringLiteral("login_locked"), message);
            out.outcome.message = wrong + QStringLiteral("; the account is now locked until %1")
                                              .arg(clockText(row->record.lockedUntilMs));
        }
        if (!m_store.putUser(*row))
            out.outcome = storageError();
        m_db.afterCommit([out, reply](bool) { reply(out); });
        return;
    }
    row->record.failedLogins = 0;
    row->locks = 0;
    row->record.lockedUntilMs = 0;
    row->record.lastLoginAtMs = now;
    UserStore::SessionRow s;
    out.token = freshToken();
    s.tokenSha256 = tokenHash(out.token);
    s.session.user = name;
    s.session.roles = row->record.roles;
    s.session.terminal = terminal;
    s.session.lastSeenMs = now;
    s.session.expiresAtMs = now + m_policy.sessionIdleMs;
    if (!m_store.putUser(*row) || !m_store.putSession(s)) {
        out.outcome = storageError();
        out.token.clear();
        return reply(out);
    }
    out.session = s.session;
    out.outcome.message =
        QStringLiteral("%1 logged in (%2)").arg(name, roleNames(row->record.roles));
    m_db.afterCommit([out, reply](bool ok) mutable {
        if (!ok) {
            out = LoginResult{};
            out.outcome = fail(BackOfficeStatus::StorageError,
                               QStringLiteral("the login could not be stored"));
        }
        reply(out);
    });
}

void UserDirectory::logout(const QString& token, Reply<BackOfficeOutcome> reply)
{
    reply = audited(token, QStringLiteral("logout"), QString(), QString(), std::move(reply));
    if (!m_store.deleteSession(tokenHash(token)))
        return reply(storageError());
    BackOfficeOutcome done;
    done.message = QStringLiteral("logged out");
    answerAfterCommit(done, reply);
}

std::optional<bool> UserDirectory::anyUser()
{
    const std::optional<int> count = m_store.countUsers();
    if (!count)
        return std::nullopt;
    return *count > 0;
}

std::optional<Session> UserDirectory::session(const QString& token, QString* why)
{
    const auto say = [why](const QString& text) {
        if (why)
            *why = text;
        return std::nullopt;
    };
    if (token.isEmpty())
        return say(QStringLiteral("not logged in"));
    const QByteArray hash = tokenHash(token);
    const auto row = m_store.session(hash);
    if (!row)
        return say(QStringLiteral("cannot read the sessions: ") + m_store.lastError());
    if (row->session.user.isEmpty())
        return say(QStringLiteral("not logged in (the session is unknown or was ended)"));
    const qint64 now = m_clock.nowMs();
    if (now - row->session.lastSeenMs > m_policy.sessionIdleMs) {
        m_store.deleteSession(hash);
        return say(QStringLiteral("the session ended after %1 minutes without use: log in again")
                       .arg(m_policy.sessionIdleMs / 60'000));
    }
    const auto user = m_store.user(row->session.user);
    if (!user)
        return say(QStringLiteral("cannot read the users: ") + m_store.lastError());
    if (user->record.name.isEmpty() || user->record.disabled)
        return say(QStringLiteral("user %1 is disabled").arg(row->session.user));
    Session s = row->session;
    s.roles = user->record.roles;
    if (now - s.lastSeenMs >= kTouchEveryMs && m_store.touchSession(hash, now))
        s.lastSeenMs = now;
    s.expiresAtMs = s.lastSeenMs + m_policy.sessionIdleMs;
    return s;
}

} // namespace paydesk
