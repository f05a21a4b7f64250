#include "api/GuardedApi.h"

#include "access/AuditLog.h"
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

// A refusal in each reply's own shape, and each reply's outcome for the
// audit log.
template <typename T> T refusalAs(const BackOfficeOutcome& o);
template <> CommandOutcome refusalAs(const BackOfficeOutcome& o)
{
    return commandRefusal(o);
}
template <> BackOfficeOutcome refusalAs(const BackOfficeOutcome& o)
{
    return o;
}
template <> SettlementReport refusalAs(const BackOfficeOutcome& o)
{
    SettlementReport r;
    r.outcome = o;
    return r;
}
template <> ReconcileResult refusalAs(const BackOfficeOutcome& o)
{
    ReconcileResult r;
    r.outcome = o;
    return r;
}
template <> ShiftCloseResult refusalAs(const BackOfficeOutcome& o)
{
    ShiftCloseResult r;
    r.outcome = o;
    return r;
}
template <> BackfillReport refusalAs(const BackOfficeOutcome& o)
{
    BackfillReport r;
    r.error = o.message;
    return r;
}

std::pair<QString, QString> outcomeOf(const CommandOutcome& o)
{
    return {commandStatusName(o.status), o.message};
}
std::pair<QString, QString> outcomeOf(const BackOfficeOutcome& o)
{
    return {backOfficeStatusName(o.status), o.message};
}
std::pair<QString, QString> outcomeOf(const SettlementReport& r)
{
    return outcomeOf(r.outcome);
}
std::pair<QString, QString> outcomeOf(const ReconcileResult& r)
{
    return outcomeOf(r.outcome);
}
std::pair<QString, QString> outcomeOf(const ShiftCloseResult& r)
{
    return outcomeOf(r.outcome);
}
std::pair<QString, QString> outcomeOf(const BackfillReport& r)
{
    if (!r.error.isEmpty())
        return {QStringLiteral("error"), r.error};
    return {QStringLiteral("ok"), QStringLiteral("%1 entries posted").arg(r.posted())};
}

QString amountText(const Money& m)
{
    return m.toPlainString();
}

} // namespace

GuardedApi::Person GuardedApi::person()
{
    Person p;
    const std::optional<bool> any = accessControlOn();
    if (!any) {
        p.outcome = refusal(BackOfficeStatus::StorageError,
                            QStringLiteral("cannot read the users: nothing is allowed until "
                                           "they can be read"));
        return p;
    }
    if (!*any) {
        p.open = true;
        return p;
    }
    QString why;
    const std::optional<Session> s = m_core.userAccess().session(m_token, &why);
    if (!s) {
        p.outcome =
            refusal(BackOfficeStatus::Unauthenticated, why + QStringLiteral(": log in first"));
        return p;
    }
    p.user = s->user;
    p.roles = s->roles;
    return p;
}

BackOfficeOutcome GuardedApi::check(const Person& p, UseCase useCase) const
{
    if (!p.outcome.ok() || p.open || allows(p.roles, useCase))
        return p.outcome;
    return refusal(BackOfficeStatus::Forbidden, refusalText(p.user, p.roles, useCase));
}

QString GuardedApi::actor(const Person& p, const QString& typed)
{
    return p.open ? typed : p.user;
}

template <typename T>
std::optional<GuardedApi::Person> GuardedApi::change(UseCase useCase, const QString& subject,
                                                     const QString& detail,
                                                     std::function<void(const T&)>& reply)
{
    const Person p = person();
    AuditEntry entry;
    entry.user = p.user;
    entry.terminal = m_core.counterName();
    entry.action = ruleFor(useCase).name;
    entry.subject = subject;
    entry.detail = detail;
    AuditLog& log = m_core.auditLog();
    const qint64 id = log.begin(entry);
    const BackOfficeOutcome o = check(p, useCase);
    if (!o.ok()) {
        const auto [status, message] = outcomeOf(o);
        log.finish(id, status, message);
        reply(refusalAs<T>(o));
        return std::nullopt;
    }
    reply = [&log, id, inner = std::move(reply)](const T& result) {
        const auto [status, message] = outcomeOf(result);
        log.finish(id, status, message);
        inner(result);
    };
    return p;
}

// The back office's use cases, each checked, each change audited and made in
// the person's name.
class GuardedApi::Books final : public BackOfficeApi
{
public:
    Books(GuardedApi& g) : m_g(g), m_inner(g.m_core.accounting()) {}

    void balances(qint64 atMs, Reply<BackOfficeRead<QList<AccountBalance>>> reply) override
    {
        if (readable(UseCase::ReadLedger, reply))
            m_inner.balances(atMs, std::move(reply));
    }
    void balance(const QString& account, qint64 atMs,
                 Reply<BackOfficeRead<AccountBalance>> reply) override
    {
        if (readable(UseCase::ReadLedger, reply))
            m_inner.balance(account, atMs, std::move(reply));
    }
    void journal(const JournalFilter& filter, Reply<QList<JournalEntry>> reply) override
    {
        if (readableList(UseCase::ReadLedger, reply))
            m_inner.journal(filter, std::move(reply));
    }
    void check(Reply<InternalCheckReport> reply) override
    {
        if (const BackOfficeOutcome o = m_g.permit(UseCase::ReadLedger); !o.ok()) {
            InternalCheckReport r;
            r.error = o.message;
            return reply(r);
        }
        m_inner.check(std::move(reply));
    }
    void backfill(Reply<BackfillReport> reply) override
    {
        if (m_g.change(UseCase::Backfill, QString(), QString(), reply))
            m_inner.backfill(std::move(reply));
    }
    void settle(const QDate& day, const QString& by, const QString& merchantId,
                Reply<SettlementReport> reply) override
    {
        if (auto p = m_g.change(UseCase::Settle, day.toString(Qt::ISODate), merchantId, reply))
            m_inner.settle(day, actor(*p, by), merchantId, std::move(reply));
    }
    void settlements(const QString& merchantId, Reply<QList<SettlementRow>> reply) override
    {
        if (readableList(UseCase::ReadSettlements, reply))
            m_inner.settlements(merchantId, std::move(reply));
    }
    void approvals(const QString& kind, Reply<QList<ApprovalRecord>> reply) override
    {
        if (readableList(UseCase::ReadApprovals, reply))
            m_inner.approvals(kind, std::move(reply));
    }
    void requestPayout(const Money& amount, const QString& by, const QString& note,
                       const QString& requestNo, OutcomeReply reply) override
    {
        if (auto p =
                m_g.change(UseCase::ProposePayment, requestNo,
                           QStringLiteral("payout %1 %2").arg(amountText(amount), note), reply))
            m_inner.requestPayout(amount, actor(*p, by), note, requestNo, std::move(reply));
    }
    void proposeAdjustment(const QString& account, const Money& amount,
                           const QString& counterAccount, const QString& reason, const QString& by,
                           OutcomeReply reply) override
    {
        if (auto p = m_g.change(UseCase::ProposePayment, account,
                                QStringLiteral("adjustment %1 against %2: %3")
                                    .arg(amountText(amount), counterAccount, reason),
                                reply))
            m_inner.proposeAdjustment(account, amount, counterAccount, reason, actor(*p, by),
                                      std::move(reply));
    }
    void decideApproval(const QString& kind, const QString& number, bool approve, const QString& by,
                        const QString& note, OutcomeReply reply) override
    {
        // A withdrawal is decided by decideWithdrawal's rule, whatever the
        // route.
        const UseCase uc =
            kind == approvalkind::withdrawal ? UseCase::DecideWithdrawal : UseCase::DecideApproval;
        if (auto p = m_g.change(uc, number, decision(approve, note), reply))
            m_inner.decideApproval(kind, number, approve, actor(*p, by), note, std::move(reply));
    }
    void topUpCash(const QString& memberId, const Money& amount, const QString& requestNo,
                   const QString& by, OutcomeReply reply) override
    {
        if (auto p = m_g.change(UseCase::WalletCounter, memberId,
                                QStringLiteral("top-up %1 cash").arg(amountText(amount)), reply))
            m_inner.topUpCash(memberId, amount, requestNo, actor(*p, by), std::move(reply));
    }
    void topUpFromOrder(const QString& memberId, const QString& orderNo, const QString& requestNo,
                        const QString& by, OutcomeReply reply) override
    {
        if (auto p = m_g.change(UseCase::WalletCounter, memberId,
                                QStringLiteral("top-up from order %1").arg(orderNo), reply))
            m_inner.topUpFromOrder(memberId, orderNo, requestNo, actor(*p, by), std::move(reply));
    }
    void walletPay(const QString& memberId, const Money& amount, const QString& saleRef,
                   const QString& requestNo, const QString& by, OutcomeReply reply) override
    {
        if (auto p =
                m_g.change(UseCase::WalletCounter, memberId,
                           QStringLiteral("pay %1 for %2").arg(amountText(amount), saleRef), reply))
            m_inner.walletPay(memberId, amount, saleRef, requestNo, actor(*p, by),
                              std::move(reply));
    }
    void walletRefund(const QString& payOpNumber, const Money& amount, const QString& reason,
                      const QString& requestNo, const QString& by, OutcomeReply reply) override
    {
        if (auto p =
                m_g.change(UseCase::WalletCounter, payOpNumber,
                           QStringLiteral("refund %1: %2").arg(amountText(amount), reason), reply))
            m_inner.walletRefund(payOpNumber, amount, reason, requestNo, actor(*p, by),
                                 std::move(reply));
    }
    void wallet(const QString& memberId, Reply<BackOfficeRead<WalletView>> reply) override
    {
        if (readable(UseCase::ReadWallets, reply))
            m_inner.wallet(memberId, std::move(reply));
    }
    void requestWithdrawal(const QString& memberId, const Money& amount, const QString& requestNo,
                           const QString& by, const QString& note, OutcomeReply reply) override
    {
        if (auto p =
                m_g.change(UseCase::RequestWithdrawal, memberId,
                           QStringLiteral("withdraw %1 %2").arg(amountText(amount), note), reply))
            m_inner.requestWithdrawal(memberId, amount, requestNo, actor(*p, by), note,
                                      std::move(reply));
    }
    void decideWithdrawal(const QString& number, bool approve, const QString& by,
                          const QString& note, OutcomeReply reply) override
    {
        if (auto p = m_g.change(UseCase::DecideWithdrawal, number, decision(approve, note), reply))
            m_inner.decideWithdrawal(number, approve, actor(*p, by), note, std::move(reply));
    }
    void withdrawals(const QString& memberId, Reply<QList<ApprovalRecord>> reply) override
    {
        if (readableList(UseCase::ReadApprovals, reply))
            m_inner.withdrawals(memberId, std::move(reply));
    }

private:
    static QString decision(bool approve, const QString& note)
    {
        return (approve ? QStringLiteral("approve") : QStringLiteral("reject")) +
               (note.isEmpty() ? QString() : QStringLiteral(": ") + note);
    }
    // A read whose answer carries an outcome: the refusal goes there.
    template <typename T> bool readable(UseCase useCase, const Reply<T>& reply)
    {
        const BackOfficeOutcome o = m_g.permit(useCase);
        if (o.ok())
            return true;
        T refused{};
        refused.outcome = o;
        reply(refused);
        return false;
    }
    // A list: a refused read answers nothing (permit() says why).
    template <typename T> bool readableList(UseCase useCase, const Reply<QList<T>>& reply)
    {
        if (m_g.permit(useCase).ok())
            return true;
        reply({});
        return false;
    }

    GuardedApi& m_g;
    BackOfficeApi& m_inner;
};

// Reconciliation's use cases, each checked, each change audited and made in
// the person's name.
class GuardedApi::Recon final : public ReconApi
{
public:
    Recon(GuardedApi& g) : m_g(g), m_inner(g.m_core.reconciliation()) {}

    void reconcile(const ReconcileRequest& request, Reply<ReconcileResult> reply) override
    {
        const QString subject =
            QStringLiteral("%1 %2").arg(request.channel, request.day.toString(Qt::ISODate));
        const QString detail = request.billPath.isEmpty()
                                   ? (request.confirmNoBill ? QStringLiteral("no bill, confirmed")
                                                            : QStringLiteral("downloaded bill"))
                                   : QStringLiteral("bill file %1").arg(request.billPath);
        auto p = m_g.change(UseCase::Reconcile, subject, detail, reply);
        if (!p)
            return;
        ReconcileRequest named = request;
        named.by = actor(*p, request.by);
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
        if (auto p = m_g.change(UseCase::WorkDifference, diff(id),
                                QStringLiteral("resolve: ") + reason, reply))
            m_inner.resolveDifference(id, actor(*p, by), reason, std::move(reply));
    }
    void proposeWriteOff(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override
    {
        if (auto p = m_g.change(UseCase::WorkDifference, diff(id),
                                QStringLiteral("propose write-off: ") + reason, reply))
            m_inner.proposeWriteOff(id, actor(*p, by), reason, std::move(reply));
    }
    void proposeRecovery(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override
    {
        if (auto p = m_g.change(UseCase::WorkDifference, diff(id),
                                QStringLiteral("propose recovery: ") + reason, reply))
            m_inner.proposeRecovery(id, actor(*p, by), reason, std::move(reply));
    }
    void decideDifference(qint64 id, const QString& by, bool approve, OutcomeReply reply) override
    {
        if (auto p =
                m_g.change(UseCase::DecideDifference, diff(id),
                           approve ? QStringLiteral("approve") : QStringLiteral("reject"), reply))
            m_inner.decideDifference(id, actor(*p, by), approve, std::move(reply));
    }
    void assignDifference(qint64 id, const QString& owner, const QString& by,
                          OutcomeReply reply) override
    {
        if (auto p = m_g.change(UseCase::WorkDifference, diff(id),
                                QStringLiteral("assign to ") + owner, reply))
            m_inner.assignDifference(id, owner, actor(*p, by), std::move(reply));
    }

private:
    static QString diff(qint64 id) { return QStringLiteral("difference %1").arg(id); }

    GuardedApi& m_g;
    ReconApi& m_inner;
};

// The audit log as this person may read it.
class GuardedApi::Audit final : public AuditAccess
{
public:
    Audit(GuardedApi& g) : m_g(g) {}
    void entries(const AuditFilter& filter,
                 std::function<void(const QList<AuditEntry>&)> reply) override
    {
        if (!m_g.permit(UseCase::ReadAudit).ok())
            return reply({});
        m_g.m_core.auditLog().entries(filter, std::move(reply));
    }

private:
    GuardedApi& m_g;
};

class GuardedApi::Shifts final : public ShiftAccess
{
public:
    Shifts(GuardedApi& g) : m_g(g) {}
    void closeShift(const QString& by, Reply<ShiftCloseResult> reply) override
    {
        if (auto p = m_g.change(UseCase::CloseShift, m_g.m_core.counterName(), QString(), reply))
            m_g.m_core.shifts().closeShift(actor(*p, by), std::move(reply));
    }
    void shifts(int limit, Reply<QList<ShiftReport>> reply) override
    {
        if (!m_g.permit(UseCase::ReadOrders).ok())
            return reply({});
        m_g.m_core.shifts().shifts(limit, std::move(reply));
    }

private:
    GuardedApi& m_g;
};

class GuardedApi::Dashboard final : public DashboardAccess
{
public:
    Dashboard(GuardedApi& g) : m_g(g) {}
    void figures(qint64 fromMs, qint64 toMs, Reply<DashboardResult> reply) override
    {
        if (BackOfficeOutcome refused = m_g.permit(UseCase::ReadDashboard); !refused.ok())
            return reply(DashboardResult{refused, {}});
        m_g.m_core.dashboard().figures(fromMs, toMs, std::move(reply));
    }

private:
    GuardedApi& m_g;
};

GuardedApi::GuardedApi(EmbeddedApi& core, QObject* parent)
    : PayDeskApi(parent), m_core(core), m_books(std::make_unique<Books>(*this)),
      m_recon(std::make_unique<Recon>(*this)), m_audit(std::make_unique<Audit>(*this)),
      m_shifts(std::make_unique<Shifts>(*this)), m_dashboard(std::make_unique<Dashboard>(*this))
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

void GuardedApi::actAs(const QString& token, const std::function<void()>& call)
{
    const QString own = m_token;
    m_token = token;
    call();
    m_token = own;
}

std::optional<bool> GuardedApi::accessControlOn()
{
    // Users are never deleted, so once on, logins stay on: no need to count
    // them again on every call.
    if (!m_accessControlOn) {
        const std::optional<bool> any = m_core.userAccess().anyUser();
        if (!any)
            return std::nullopt;
        m_accessControlOn = *any;
    }
    return m_accessControlOn;
}

BackOfficeOutcome GuardedApi::permit(UseCase useCase, QString* user)
{
    const Person p = person();
    if (user)
        *user = p.user;
    return check(p, useCase);
}

DashboardAccess& GuardedApi::dashboard()
{
    return *m_dashboard;
}

ShiftAccess& GuardedApi::shifts()
{
    return *m_shifts;
}

AuditAccess& GuardedApi::audit()
{
    return *m_audit;
}

void GuardedApi::pay(const PayCommand& cmd, Reply reply)
{
    if (change(UseCase::Pay, cmd.requestNo, amountText(cmd.amount), reply))
        m_core.pay(cmd, std::move(reply));
}

void GuardedApi::createQr(const QrCommand& cmd, Reply reply)
{
    if (change(UseCase::CreateQr, cmd.requestNo, amountText(cmd.amount), reply))
        m_core.createQr(cmd, std::move(reply));
}

void GuardedApi::checkOrderForCashier(
    const Person& p, const QString& orderNo,
    const std::function<std::optional<CommandOutcome>(const OrderDetails&)>& refusalFor,
    std::function<void(Reply)> proceed, Reply reply)
{
    if (p.open || p.roles.contains(Role::Supervisor))
        return proceed(std::move(reply));
    m_core.orderDetails(orderNo,
                        [refusalFor, proceed = std::move(proceed), reply = std::move(reply)](
                            const std::optional<OrderDetails>& details) mutable {
                            // An unknown order goes on: the core says it is not found.
                            if (details)
                                if (std::optional<CommandOutcome> refused = refusalFor(*details))
                                    return reply(*refused);
                            proceed(std::move(reply));
                        });
}

void GuardedApi::refund(const RefundCommand& cmd, Reply reply)
{
    const std::optional<Person> p =
        change(UseCase::Refund, cmd.orderNo,
               QStringLiteral("%1 (%2): %3").arg(amountText(cmd.amount), cmd.requestNo, cmd.reason),
               reply);
    if (!p)
        return;
    // A cashier's limit counts the order's refunds so far, so splitting a
    // big refund into small ones does not pass it; a request number already
    // taken is a repeat and answers its first result.
    const qint64 limitFen = m_core.counterLimits().cashierRefundLimitFen;
    const QString user = p->user;
    checkOrderForCashier(
        *p, cmd.orderNo,
        [cmd, user, limitFen](const OrderDetails& details) -> std::optional<CommandOutcome> {
            for (const RefundRecord& r : details.refunds)
                if (r.requestNo == cmd.requestNo)
                    return std::nullopt;
            const qint64 afterFen =
                details.order.refundedFen + details.order.refundPendingFen + cmd.amount.fen();
            if (afterFen <= limitFen)
                return std::nullopt;
            return CommandOutcome::error(
                CommandStatus::Forbidden,
                QStringLiteral("%1 (cashier) may refund up to %2 of an order; this would make "
                               "%3: a supervisor must do it")
                    .arg(user, Money::fromFen(limitFen).toDisplayString(),
                         Money::fromFen(afterFen).toDisplayString()));
        },
        [this, cmd](Reply r) { m_core.refund(cmd, std::move(r)); }, std::move(reply));
}

void GuardedApi::revoke(const RevokeCommand& cmd, Reply reply)
{
    const std::optional<Person> p = change(UseCase::Revoke, cmd.orderNo, cmd.reason, reply);
    if (!p)
        return;
    // A cashier cancels the sales they took (as the audit log names the
    // taker); anyone else's, or one from before logins, is a supervisor's.
    const QString user = p->user;
    checkOrderForCashier(
        *p, cmd.orderNo,
        [this, cmd, user](const OrderDetails& details) -> std::optional<CommandOutcome> {
            const std::optional<QString> taker = m_core.auditLog().takerOf(details.order.requestNo);
            if (!taker)
                return CommandOutcome::error(CommandStatus::StorageError,
                                             QStringLiteral("cannot read who took the sale: ") +
                                                 m_core.auditLog().lastError());
            if (*taker == user)
                return std::nullopt;
            return CommandOutcome::error(
                CommandStatus::Forbidden,
                QStringLiteral("%1 (cashier) may cancel only the sales they took; %2 was taken "
                               "by %3: a supervisor must do it")
                    .arg(user, cmd.orderNo,
                         taker->isEmpty() ? QStringLiteral("nobody logged in") : *taker));
        },
        [this, cmd](Reply r) { m_core.revoke(cmd, std::move(r)); }, std::move(reply));
}

void GuardedApi::query(const QString& orderNo, Reply reply)
{
    if (change(UseCase::QueryChannel, orderNo, QString(), reply))
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
    if (auto p = change(UseCase::AcknowledgeAlert, QStringLiteral("alert %1").arg(alertId),
                        QString(), reply))
        m_core.acknowledgeAlert(alertId, actor(*p, who), std::move(reply));
}

void GuardedApi::reportPinLockout(const PinLockout& lockout, Reply reply)
{
    if (change(UseCase::ReportPinLockout, QString(),
               QStringLiteral("%1 wrong PINs").arg(lockout.failedTries), reply))
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
