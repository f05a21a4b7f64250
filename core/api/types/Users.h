#pragma once

#include "api/types/BackOffice.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The people who use PayDesk: their names, passwords (as hashes), roles and
// sessions. A person logs in once and acts through the session's token.
namespace paydesk {

// Stable values: stored and sent.
enum class Role : int
{
    Cashier = 1,
    Supervisor = 2,
    Accountant = 3,
    Support = 4,
    Admin = 5,
};
QString roleName(Role r); // "cashier", ...
std::optional<Role> roleFromName(const QString& name);
// "cashier,supervisor" → roles; nullopt naming the first unknown one in `bad`.
std::optional<QList<Role>> parseRoles(const QString& text, QString* bad = nullptr);
QString roleNames(const QList<Role>& roles);

struct UserRecord
{
    QString name;
    QList<Role> roles;
    bool disabled = false;
    qint64 createdAtMs = 0;
    qint64 lastLoginAtMs = 0;
    int failedLogins = 0;     // since the last good one
    qint64 lockedUntilMs = 0; // 0: not locked
    bool hasRole(Role r) const { return roles.contains(r); }
};

// A logged-in person, as a token names them.
struct Session
{
    QString user;
    QList<Role> roles;
    QString terminal; // where they logged in ('' = this machine)
    qint64 lastSeenMs = 0;
    qint64 expiresAtMs = 0; // unless used again before
};

struct LoginResult
{
    BackOfficeOutcome outcome;
    QString token; // shown once; kept only as a hash
    Session session;
};

// Users, logins and sessions. Every change is made by a session of an
// admin, except the first user, who must be an admin and can be made only
// while no user exists. Replies run once the change is durable.
class UserAccess
{
public:
    template <typename T> using Reply = std::function<void(const T&)>;
    virtual ~UserAccess() = default;

    virtual void addUser(const QString& adminToken, const QString& name, const QString& password,
                         const QList<Role>& roles, Reply<BackOfficeOutcome> reply) = 0;
    virtual void users(Reply<QList<UserRecord>> reply) = 0;
    virtual void disableUser(const QString& adminToken, const QString& name,
                             Reply<BackOfficeOutcome> reply) = 0;
    virtual void resetPassword(const QString& adminToken, const QString& name,
                               const QString& password, Reply<BackOfficeOutcome> reply) = 0;
    virtual void setRoles(const QString& adminToken, const QString& name, const QList<Role>& roles,
                          Reply<BackOfficeOutcome> reply) = 0;

    virtual void login(const QString& name, const QString& password, const QString& terminal,
                       Reply<LoginResult> reply) = 0;
    virtual void logout(const QString& token, Reply<BackOfficeOutcome> reply) = 0;
    // The session a token names, used now: nullopt when unknown, expired or
    // its user disabled (the reason in `why`).
    virtual std::optional<Session> session(const QString& token, QString* why = nullptr) = 0;
    // Whether any user exists (then logins are required); nullopt when the
    // users cannot be read.
    virtual std::optional<bool> anyUser() = 0;
};

} // namespace paydesk
