#pragma once

#include "access/UserStore.h"
#include "api/types/Users.h"
#include "common/PasswordHash.h"

#include <functional>

namespace paydesk {

class AuditLog;
class Clock;
class Database;

struct UserPolicy
{
    ScryptCost cost;
    qint64 sessionIdleMs = 15 * 60 * 1000; // a session unused this long ends
    int failuresBeforeLock = 5;
    qint64 firstLockMs = 30'000; // doubles with every lock, up to maxLockMs
    qint64 maxLockMs = 3'600'000;
    int minPasswordLength = 8;
};

// Users, their logins and sessions, on the core's database.
class UserDirectory final : public UserAccess
{
public:
    // `raiseAlert(kind, message)`: a watch alert (an account locked).
    UserDirectory(Database& db, const Clock& clock, UserPolicy policy,
                  std::function<void(const QString&, const QString&)> raiseAlert);
    // Migrates. Error text, empty on success.
    QString open();
    // Where changes to users and logins are recorded, and this core's
    // counter for the entries (optional: tests of the directory alone).
    void setAuditLog(AuditLog* log, const QString& terminal);

    void addUser(const QString& adminToken, const QString& name, const QString& password,
                 const QList<Role>& roles, Reply<BackOfficeOutcome> reply) override;
    void users(Reply<QList<UserRecord>> reply) override;
    void disableUser(const QString& adminToken, const QString& name,
                     Reply<BackOfficeOutcome> reply) override;
    void resetPassword(const QString& adminToken, const QString& name, const QString& password,
                       Reply<BackOfficeOutcome> reply) override;
    void setRoles(const QString& adminToken, const QString& name, const QList<Role>& roles,
                  Reply<BackOfficeOutcome> reply) override;
    void login(const QString& name, const QString& password, const QString& terminal,
               Reply<LoginResult> reply) override;
    void logout(const QString& token, Reply<BackOfficeOutcome> reply) override;
    std::optional<Session> session(const QString& token, QString* why = nullptr) override;
    std::optional<bool> anyUser() override;

private:
    // The acting admin's refusal, if any (empty status Ok: go on).
    BackOfficeOutcome checkAdmin(const QString& adminToken);
    // A change to an existing user by an admin: loads the row, lets `change`
    // edit it (or refuse), stores it and answers after the commit.
    void changeUser(const QString& adminToken, const QString& name,
                    const std::function<BackOfficeOutcome(UserStore::Row&)>& change,
                    const QString& done, Reply<BackOfficeOutcome> reply);
    // Whether another enabled admin than `name` exists.
    std::optional<bool> anotherAdmin(const QString& name);
    void answerAfterCommit(BackOfficeOutcome outcome, Reply<BackOfficeOutcome> reply);
    // Stages the audit row of a change the session `actorToken` asks for
    // and returns `reply` wrapped to record its outcome.
    Reply<BackOfficeOutcome> audited(const QString& actorToken, const QString& action,
                                     const QString& subject, const QString& detail,
                                     Reply<BackOfficeOutcome> reply);
    BackOfficeOutcome storageError();

    Database& m_db;
    const Clock& m_clock;
    UserPolicy m_policy;
    std::function<void(const QString&, const QString&)> m_raiseAlert;
    UserStore m_store;
    QString m_dummyHash; // checked against for unknown names
    AuditLog* m_audit = nullptr;
    QString m_terminal;
};

} // namespace paydesk
