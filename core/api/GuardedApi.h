#pragma once

#include "api/PayDeskApi.h"
#include "api/types/Audit.h"
#include "api/types/Dashboard.h"
#include "api/types/RoleMatrix.h"
#include "api/types/Shifts.h"

#include <memory>

namespace paydesk {

class EmbeddedApi;

// The facade as one logged-in person may use it: every use case is checked
// against the role matrix (roleMatrix()) with the session the token names,
// and every change is made in that person's name (a typed "by" is
// replaced), so maker-checker compares real users. A refused change answers
// Forbidden (naming the role it needs) or Unauthenticated; a refused read
// answers nothing (an empty list) and permit() says why.
//
// Until the first user exists the core runs open, as before users: every
// use case is allowed and changes carry the names typed. Adding the first
// admin turns logins on for good (the last admin cannot be disabled).
//
// Engine-wide calls (resumeAll, isIdle, the signals) pass through: they are
// the process's, not a person's.
class GuardedApi final : public PayDeskApi
{
    Q_OBJECT
public:
    explicit GuardedApi(EmbeddedApi& core, QObject* parent = nullptr);
    ~GuardedApi() override;

    // The session this facade acts for (the shift's cashier, or whoever is
    // logged in on the CLI); a GUI switches it at shift change.
    void setSessionToken(const QString& token);
    QString sessionToken() const { return m_token; }
    // Runs `call` with another person's session (a supervisor approving at
    // a cashier's counter): the person is resolved when each use case is
    // called, so only the calls made inside act for them.
    void actAs(const QString& token, const std::function<void()>& call);

    // Whether logins are required: some user exists. nullopt: the users
    // cannot be read (everything is refused meanwhile).
    std::optional<bool> accessControlOn();
    // Ok with the person's name in `user` ('' while access control is off),
    // or Unauthenticated / Forbidden with the text to show.
    BackOfficeOutcome permit(UseCase useCase, QString* user = nullptr);

    void pay(const PayCommand& cmd, Reply reply) override;
    void createQr(const QrCommand& cmd, Reply reply) override;
    void refund(const RefundCommand& cmd, Reply reply) override;
    void revoke(const RevokeCommand& cmd, Reply reply) override;
    void query(const QString& orderNo, Reply reply) override;
    void orderDetails(const QString& orderNo, DetailsReply reply) override;
    void orders(const OrderFilter& filter, OrdersReply reply) override;
    void alerts(bool openOnly, int limit, AlertsReply reply) override;
    void acknowledgeAlert(qint64 alertId, const QString& who, Reply reply) override;
    void reportPinLockout(const PinLockout& lockout, Reply reply) override;
    BackOfficeApi& accounting() override;
    ReconApi& reconciliation() override;
    int resumeAll() override;
    bool isIdle() const override;
    int workHeldElsewhere() const override;
    QList<WalletReachability> reachability() const override;
    CounterLimits counterLimits() const override;

    // The audit log, as this person may read it (supervisor, support, admin).
    AuditAccess& audit();
    // This counter's shifts: closed by a cashier or supervisor in their own
    // name, read by whoever may read orders.
    ShiftAccess& shifts();
    // The dashboard's figures, for the roles that read the books.
    DashboardAccess& dashboard() override;

private:
    class Books;
    class Recon;
    class Audit;
    class Shifts;
    class Dashboard;
    // Who acts: the session's person, or nobody while access control is off.
    struct Person
    {
        BackOfficeOutcome outcome; // Ok, or the refusal
        bool open = false;         // no user exists yet: everything is allowed
        QString user;
        QList<Role> roles;
    };
    Person person();
    BackOfficeOutcome check(const Person& p, UseCase useCase) const;
    // The name a change is made in: the person's, or the typed one while
    // access control is off.
    static QString actor(const Person& p, const QString& typed);
    // A change: when allowed, its audit row is staged now (committing with
    // the change's own writes) and `reply` is wrapped to record the outcome;
    // when refused, the attempt is recorded and `reply` answers the refusal.
    template <typename T>
    std::optional<Person> change(UseCase useCase, const QString& subject, const QString& detail,
                                 std::function<void(const T&)>& reply);

    // A cashier's command on an order is checked against the order first
    // (`refusalFor` answers a refusal or nullopt); a supervisor's, or any
    // while logins are off, goes straight to `proceed`.
    void checkOrderForCashier(
        const Person& p, const QString& orderNo,
        const std::function<std::optional<CommandOutcome>(const OrderDetails&)>& refusalFor,
        std::function<void(Reply)> proceed, Reply reply);

    EmbeddedApi& m_core;
    QString m_token;
    bool m_accessControlOn = false; // seen on once: users are never deleted
    std::unique_ptr<Books> m_books;
    std::unique_ptr<Recon> m_recon;
    std::unique_ptr<Audit> m_audit;
    std::unique_ptr<Shifts> m_shifts;
    std::unique_ptr<Dashboard> m_dashboard;
};

} // namespace paydesk
