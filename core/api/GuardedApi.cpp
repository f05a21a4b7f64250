#include "api/GuardedApi.h"

#include "api/EmbeddedApi.h"
#include "money/Money.h"

namespace paydesk {

namespace {

CommandStatus commandStatusOf(BackOfficeStatus s)
{
    return s == BackOfficeStatus::Unauthenticated ? CommandStatus::Unauthenticated
                                                  : CommandStatus::Forbidden;
}

CommandOutcome commandRefusal(const BackOfficeOutcome& refusal)
{
    return CommandOutcome::error(commandStatusOf(refusal.status), refusal.message);
}

BackOfficeOutcome refusal(BackOfficeStatus status, const QString& message)
{
    BackOfficeOutcome o;
    o.status = status;
    o.message = message;
    return o;
}

// Who acts: the session's person, or nobody while access control is off.
struct ActingPerson
{
    BackOfficeOutcome outcome; // Ok, or the refusal
    bool open = false;         // no user exists yet: everything is allowed
    QString user;
    QList<Role> roles;
};

ActingPerson resolve(EmbeddedApi& core, const QString& token)
{
    ActingPerson c;
    const std::optional<bool> any = core.userAccess().anyUser();
    if (!any) {
        c.outcome = refusal(BackOfficeStatus::StorageError,
                            QStringLiteral("cannot read the users: nothing is allowed until "
                                           "they can be read"));
        return c;
    }
    if (!*any) {
        c.open = true;
        return c;
    }
    QString why;
    const std::optional<Session> s = core.userAccess().session(token, &why);
    if (!s) {
        c.outcome =
            refusal(BackOfficeStatus::Unauthenticated, why + QStringLiteral(": log in first"));
        return c;
    }
    c.user = s->user;
    c.roles = s->roles;
    return c;
}

BackOfficeOutcome check(const ActingPerson& c, UseCase useCase)
{
    if (!c.outcome.ok() || c.open || allows(c.roles, useCase))
        return c.outcome;
    return refusal(BackOfficeStatus::Forbidden, refusalText(c.user, c.roles, useCase));
}

// The name a change is made in: the logged-in person's, or the typed one
// while access control is off.
QString actor(const ActingPerson& c, const QString& typed)
{
    return c.open ? typed : c.user;
}

} // namespace

// The back office's use cases, each checked, each change in the caller's name.
class GuardedApi::Books final : public BackOfficeApi
{
public:
    Books(GuardedApi& g) : m_g(g), m_inner(g.m_core.accounting()) {}

    void balances(qint64 atMs, Reply<BackOfficeRead<QList<AccountBalance>>> reply) override
    {
        if (allowed(UseCase::ReadLedger, reply))
            m_inner.balances(atMs, std::move(reply));
    }
    void balance(const QString& account, qint64 atMs,
                 Reply<BackOfficeRead<AccountBalance>> reply) override
    {
        if (allowed(UseCase::ReadLedger, reply))
            m_inner.balance(account, atMs, std::move(reply));
    }
    void journal(const JournalFilter& filter, Reply<QList<JournalEntry>> reply) override
    {
        if (permittedRead(UseCase::ReadLedger, reply))
            m_inner.journal(filter, std::move(reply));
    }
    void check(Reply<InternalCheckReport> reply) override
    {
        const ActingPerson c = resolve(m_g.m_core, m_g.m_token);
        if (const BackOfficeOutcome o = paydesk::check(c, UseCase::ReadLedger); !o.ok()) {
            InternalCheckReport r;
            r.error = o.message;
            return reply(r);
        }
        m_inner.check(std::move(reply));
    }
    void backfill(Reply<BackfillReport> reply) override
    {
        const ActingPerson c = resolve(m_g.m_core, m_g.m_token);
        if (const BackOfficeOutcome o = paydesk::check(c, UseCase::Backfill); !o.ok()) {
            BackfillReport r;
            r.error = o.message;
            return reply(r);
        }
        m_inner.backfill(std::move(reply));
    }
    void settle(const QDate& day, const QString& by, const QString& merchantId,
                Reply<SettlementReport> reply) override
    {
        if (auto c = allowed(UseCase::Settle, reply))
            m_inner.settle(day, actor(*c, by), merchantId, std::move(reply));
    }
    void settlements(const QString& merchantId, Reply<QList<SettlementRow>> reply) override
    {
        if (permittedRead(UseCase::ReadSettlements, reply))
            m_inner.settlements(merchantId, std::move(reply));
    }
    void approvals(const QString& kind, Reply<QList<ApprovalRecord>> reply) override
    {
        if (permittedRead(UseCase::ReadApprovals, reply))
            m_inner.approvals(kind, std::move(reply));
    }
    void requestPayout(const Money& amount, const QString& by, const QString& note,
                       const QString& requestNo, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::ProposePayment, reply))
            m_inner.requestPayout(amount, actor(*c, by), note, requestNo, std::move(reply));
    }
    void proposeAdjustment(const QString& account, const Money& amount,
                           const QString& counterAccount, const QString& reason, const QString& by,
                           OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::ProposePayment, reply))
            m_inner.proposeAdjustment(account, amount, counterAccount, reason, actor(*c, by),
                                      std::move(reply));
    }
    void decideApproval(const QString& kind, const QString& number, bool approve, const QString& by,
                        const QString& note, OutcomeReply reply) override
    {
        // A withdrawal is decided through decideWithdrawal's rule, whatever
        // the route.
        const UseCase uc =
            kind == approvalkind::withdrawal ? UseCase::DecideWithdrawal : UseCase::DecideApproval;
        if (auto c = allowed(uc, reply))
            m_inner.decideApproval(kind, number, approve, actor(*c, by), note, std::move(reply));
    }
    void topUpCash(const QString& memberId, const Money& amount, const QString& requestNo,
                   const QString& by, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WalletCounter, reply))
            m_inner.topUpCash(memberId, amount, requestNo, actor(*c, by), std::move(reply));
    }
    void topUpFromOrder(const QString& memberId, const QString& orderNo, const QString& requestNo,
                        const QString& by, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WalletCounter, reply))
            m_inner.topUpFromOrder(memberId, orderNo, requestNo, actor(*c, by), std::move(reply));
    }
    void walletPay(const QString& memberId, const Money& amount, const QString& saleRef,
                   const QString& requestNo, const QString& by, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WalletCounter, reply))
            m_inner.walletPay(memberId, amount, saleRef, requestNo, actor(*c, by),
                              std::move(reply));
    }
    void walletRefund(const QString& payOpNumber, const Money& amount, const QString& reason,
                      const QString& requestNo, const QString& by, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WalletCounter, reply))
            m_inner.walletRefund(payOpNumber, amount, reason, requestNo, actor(*c, by),
                                 std::move(reply));
    }
    void wallet(const QString& memberId, Reply<BackOfficeRead<WalletView>> reply) override
    {
        if (allowed(UseCase::ReadWallets, reply))
            m_inner.wallet(memberId, std::move(reply));
    }
    void requestWithdrawal(const QString& memberId, const Money& amount, const QString& requestNo,
                           const QString& by, const QString& note, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::RequestWithdrawal, reply))
            m_inner.requestWithdrawal(memberId, amount, requestNo, actor(*c, by), note,
                                      std::move(reply));
    }
    void decideWithdrawal(const QString& number, bool approve, const QString& by,
                          const QString& note, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::DecideWithdrawal, reply))
            m_inner.decideWithdrawal(number, approve, actor(*c, by), note, std::move(reply));
    }
    void withdrawals(const QString& memberId, Reply<QList<ApprovalRecord>> reply) override
    {
        if (permittedRead(UseCase::ReadApprovals, reply))
            m_inner.withdrawals(memberId, std::move(reply));
    }

private:
    // The caller when allowed; otherwise answers the refusal in the reply's
    // own shape and returns nullopt.
    template <typename T>
    std::optional<ActingPerson> allowed(UseCase useCase, const Reply<T>& reply)
    {
        ActingPerson c = resolve(m_g.m_core, m_g.m_token);
        const BackOfficeOutcome o = paydesk::check(c, useCase);
        if (o.ok())
            return c;
        T refused{};
        if constexpr (std::is_same_v<T, BackOfficeOutcome>)
            refused = o;
        else
            refused.outcome = o;
        reply(refused);
        return std::nullopt;
    }
    template <typename T> bool permittedRead(UseCase useCase, const Reply<QList<T>>& reply)
    {
        if (m_g.permit(useCase).ok())
            return true;
        reply({});
        return false;
    }

    GuardedApi& m_g;
    BackOfficeApi& m_inner;
};

// Reconciliation's use cases, each checked, each change in the caller's name.
class GuardedApi::Recon final : public ReconApi
{
public:
    Recon(GuardedApi& g) : m_g(g), m_inner(g.m_core.reconciliation()) {}

    void reconcile(const ReconcileRequest& request, Reply<ReconcileResult> reply) override
    {
        const ActingPerson c = resolve(m_g.m_core, m_g.m_token);
        if (const BackOfficeOutcome o = paydesk::check(c, UseCase::Reconcile); !o.ok()) {
            ReconcileResult r;
            r.outcome = o;
            return reply(r);
        }
        ReconcileRequest named = request;
        named.by = actor(c, request.by);
        m_inner.reconcile(named, std::move(reply));
    }
    void differences(const DiffFilter& filter, Reply<QList<ReconDifference>> reply) override
    {
        if (!m_g.permit(UseCase::ReadDifferences).ok())
            return reply({});
        m_inner.differences(filter, std::move(reply));
    }
    void difference(qint64 id, Reply<std::optional<ReconDifference>> reply) override
    {
        if (!m_g.permit(UseCase::ReadDifferences).ok())
            return reply(std::nullopt);
        m_inner.difference(id, std::move(reply));
    }
    void resolveDifference(qint64 id, const QString& by, const QString& reason,
                           OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WorkDifference, reply))
            m_inner.resolveDifference(id, actor(*c, by), reason, std::move(reply));
    }
    void proposeWriteOff(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WorkDifference, reply))
            m_inner.proposeWriteOff(id, actor(*c, by), reason, std::move(reply));
    }
    void proposeRecovery(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WorkDifference, reply))
            m_inner.proposeRecovery(id, actor(*c, by), reason, std::move(reply));
    }
    void decideDifference(qint64 id, const QString& by, bool approve, OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::DecideDifference, reply))
            m_inner.decideDifference(id, actor(*c, by), approve, std::move(reply));
    }
    void assignDifference(qint64 id, const QString& owner, const QString& by,
                          OutcomeReply reply) override
    {
        if (auto c = allowed(UseCase::WorkDifference, reply))
            m_inner.assignDifference(id, owner, actor(*c, by), std::move(reply));
    }

private:
    std::optional<ActingPerson> allowed(UseCase useCase, const OutcomeReply& reply)
    {
        ActingPerson c = resolve(m_g.m_core, m_g.m_token);
        if (const BackOfficeOutcome o = paydesk::check(c, useCase); !o.ok()) {
            reply(o);
            return std::nullopt;
        }
        return c;
    }

    GuardedApi& m_g;
    ReconApi& m_inner;
};

GuardedApi::GuardedApi(EmbeddedApi& core, QObject* parent)
    : PayDeskApi(parent), m_core(core), m_books(std::make_unique<Books>(*this)),
      m_recon(std::make_unique<Recon>(*this))
{
    connect(&core, &PayDeskApi::orderChanged, this, &PayDeskApi::orderChanged);
    connect(&core, &PayDeskApi::paymentChanged, this, &PayDeskApi::paymentChanged);
    connect(&core, &PayDeskApi::eventRecorded, this, &PayDeskApi::eventRecorded);
    connect(&core, &PayDeskApi::alertRaised, this, &PayDeskApi::alertRaised);
    connect(&core, &PayDeskApi::idle, this, &PayDeskApi::idle);
    connect(&core, &PayDeskApi::reachabilityChanged, this, &PayDeskApi::reachabilityChanged);
    connect(&core, &PayDeskApi::linkChanged, this, &PayDeskApi::linkChanged);
    connect(&core, &PayDeskApi::fatalError, this, &PayDeskApi::fatalError);
}

GuardedApi::~GuardedApi() = default;

void GuardedApi::setSessionToken(const QString& token)
{
    m_token = token;
}

std::optional<bool> GuardedApi::accessControlOn()
{
    return m_core.userAccess().anyUser();
}

BackOfficeOutcome GuardedApi::permit(UseCase useCase, QString* user)
{
    const ActingPerson c = resolve(m_core, m_token);
    if (user)
        *user = c.user;
    return check(c, useCase);
}

bool GuardedApi::commandPermitted(UseCase useCase, const Reply& reply, QString* user)
{
    const BackOfficeOutcome o = permit(useCase, user);
    if (o.ok())
        return true;
    reply(commandRefusal(o));
    return false;
}

void GuardedApi::pay(const PayCommand& cmd, Reply reply)
{
    if (commandPermitted(UseCase::Pay, reply))
        m_core.pay(cmd, std::move(reply));
}

void GuardedApi::createQr(const QrCommand& cmd, Reply reply)
{
    if (commandPermitted(UseCase::CreateQr, reply))
        m_core.createQr(cmd, std::move(reply));
}

void GuardedApi::refund(const RefundCommand& cmd, Reply reply)
{
    const ActingPerson c = resolve(m_core, m_token);
    if (const BackOfficeOutcome o = check(c, UseCase::Refund); !o.ok())
        return reply(commandRefusal(o));
    if (c.open || c.roles.contains(Role::Supervisor))
        return m_core.refund(cmd, std::move(reply));
    // A cashier's limit counts the order's refunds so far, so splitting a
    // big refund into small ones does not pass it; a request number already
    // taken is a repeat and answers its first result.
    const qint64 limitFen = m_core.counterLimits().cashierRefundLimitFen;
    m_core.orderDetails(cmd.orderNo, [this, cmd, c, limitFen, reply = std::move(reply)](
                                         const std::optional<OrderDetails>& details) mutable {
        if (details) {
            for (const RefundRecord& r : details->refunds)
                if (r.requestNo == cmd.requestNo)
                    return m_core.refund(cmd, std::move(reply));
            const qint64 afterFen =
                details->order.refundedFen + details->order.refundPendingFen + cmd.amount.fen();
            if (afterFen > limitFen)
                return reply(CommandOutcome::error(
                    CommandStatus::Forbidden,
                    QStringLiteral("%1 (cashier) may refund up to %2 of an order; this would "
                                   "make %3: a supervisor must do it")
                        .arg(c.user, Money::fromFen(limitFen).toDisplayString(),
                             Money::fromFen(afterFen).toDisplayString())));
        }
        m_core.refund(cmd, std::move(reply));
    });
}

void GuardedApi::revoke(const RevokeCommand& cmd, Reply reply)
{
    if (commandPermitted(UseCase::Revoke, reply))
        m_core.revoke(cmd, std::move(reply));
}

void GuardedApi::query(const QString& orderNo, Reply reply)
{
    if (commandPermitted(UseCase::QueryChannel, reply))
        m_core.query(orderNo, std::move(reply));
}

void GuardedApi::orderDetails(const QString& orderNo, DetailsReply reply)
{
    if (!permit(UseCase::ReadOrders).ok())
        return reply(std::nullopt);
    m_core.orderDetails(orderNo, std::move(reply));
}

void GuardedApi::orders(const OrderFilter& filter, OrdersReply reply)
{
    if (!permit(UseCase::ReadOrders).ok())
        return reply({});
    m_core.orders(filter, std::move(reply));
}

void GuardedApi::alerts(bool openOnly, int limit, AlertsReply reply)
{
    if (!permit(UseCase::ReadAlerts).ok())
        return reply({});
    m_core.alerts(openOnly, limit, std::move(reply));
}

void GuardedApi::acknowledgeAlert(qint64 alertId, const QString& who, Reply reply)
{
    QString user;
    if (!commandPermitted(UseCase::AcknowledgeAlert, reply, &user))
        return;
    m_core.acknowledgeAlert(alertId, user.isEmpty() ? who : user, std::move(reply));
}

void GuardedApi::reportPinLockout(const PinLockout& lockout, Reply reply)
{
    if (commandPermitted(UseCase::ReportPinLockout, reply))
        m_core.reportPinLockout(lockout, std::move(reply));
}

BackOfficeApi& GuardedApi::accounting()
{
    return *m_books;
}

ReconApi& GuardedApi::reconciliation()
{
    return *m_recon;
}

int GuardedApi::resumeAll()
{
    return m_core.resumeAll();
}

bool GuardedApi::isIdle() const
{
    return m_core.isIdle();
}

int GuardedApi::workHeldElsewhere() const
{
    return m_core.workHeldElsewhere();
}

QList<WalletReachability> GuardedApi::reachability() const
{
    return m_core.reachability();
}

CounterLimits GuardedApi::counterLimits() const
{
    return m_core.counterLimits();
}

} // namespace paydesk
