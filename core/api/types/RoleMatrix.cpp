#include "api/types/RoleMatrix.h"

#include <QStringList>

namespace paydesk {

namespace {

// Separation of duties: the counter's roles take money, accounting moves it
// in the books, support reads everything and asks the channels, and the
// admin manages people, not money.
const QList<UseCaseRule> kMatrix = [] {
    using R = Role;
    const QList<Role> counter = {R::Cashier, R::Supervisor};
    const QList<Role> everyoneButAdmin = {R::Cashier, R::Supervisor, R::Accountant, R::Support};
    const QList<Role> books = {R::Supervisor, R::Accountant, R::Support};
    const QList<Role> accounting = {R::Accountant};
    return QList<UseCaseRule>{
        {UseCase::Pay, QStringLiteral("pay"), QStringLiteral("take a payment code"), counter},
        {UseCase::CreateQr, QStringLiteral("qr"), QStringLiteral("show a QR code to pay"), counter},
        {UseCase::Refund, QStringLiteral("refund"),
         QStringLiteral("refund a sale (a cashier up to the refund limit)"), counter},
        {UseCase::Revoke, QStringLiteral("revoke"),
         QStringLiteral("cancel a sale in progress (a cashier only their own)"), counter},
        {UseCase::QueryChannel,
         QStringLiteral("query"),
         QStringLiteral("ask the channel about an order"),
         {R::Cashier, R::Supervisor, R::Support}},
        {UseCase::ReadOrders, QStringLiteral("orders"),
         QStringLiteral("read orders and their timelines"), everyoneButAdmin},
        {UseCase::ReadAlerts, QStringLiteral("alerts"), QStringLiteral("read the alerts"),
         everyoneButAdmin},
        {UseCase::AcknowledgeAlert,
         QStringLiteral("alerts ack"),
         QStringLiteral("acknowledge an alert"),
         {R::Supervisor, R::Support}},
        {UseCase::ReportPinLockout, QStringLiteral("pin lockout"),
         QStringLiteral("report a counter's locked refunds"), counter},
        {UseCase::ReadLedger, QStringLiteral("ledger"),
         QStringLiteral("read the ledger: balances, journal, internal check"), books},
        {UseCase::Backfill, QStringLiteral("backfill"),
         QStringLiteral("post movements that have no ledger entry"), accounting},
        {UseCase::Settle, QStringLiteral("settle"), QStringLiteral("run a day's settlement"),
         accounting},
        {UseCase::ReadSettlements, QStringLiteral("settlements"),
         QStringLiteral("read settlement runs"), books},
        {UseCase::ReadApprovals, QStringLiteral("approvals"),
         QStringLiteral("read payouts, adjustments and withdrawals"), books},
        {UseCase::ProposePayment, QStringLiteral("payout request / adjust propose"),
         QStringLiteral("propose a payout or an adjustment"), accounting},
        {UseCase::DecideApproval, QStringLiteral("payout / adjust approve"),
         QStringLiteral("approve or reject another person's payout or adjustment"), accounting},
        {UseCase::WalletCounter, QStringLiteral("wallet topup / pay / refund"),
         QStringLiteral("top up, pay from or refund to a member wallet"), counter},
        {UseCase::ReadWallets, QStringLiteral("wallet"),
         QStringLiteral("read a member wallet and its movements"), everyoneButAdmin},
        {UseCase::RequestWithdrawal, QStringLiteral("wallet withdraw"),
         QStringLiteral("ask to pay a member's balance out"), counter},
        {UseCase::DecideWithdrawal, QStringLiteral("wallet withdrawal approve"),
         QStringLiteral("approve or reject a withdrawal"), accounting},
        {UseCase::Reconcile, QStringLiteral("reconcile"),
         QStringLiteral("reconcile a channel's day against its bill"), accounting},
        {UseCase::ReadDifferences, QStringLiteral("diff list"),
         QStringLiteral("read reconciliation's differences"), books},
        {UseCase::WorkDifference, QStringLiteral("diff resolve / writeoff / recover / assign"),
         QStringLiteral("explain a difference or propose its write-off or recovery"), accounting},
        {UseCase::DecideDifference, QStringLiteral("diff approve"),
         QStringLiteral("approve or reject another person's write-off or recovery"), accounting},
        {UseCase::ManageUsers,
         QStringLiteral("user"),
         QStringLiteral("manage users: add, disable, reset passwords, set roles"),
         {R::Admin}},
        {UseCase::ReadAudit,
         QStringLiteral("audit"),
         QStringLiteral("read the audit log: who changed what, when and where"),
         {R::Supervisor, R::Support, R::Admin}},
        {UseCase::CloseShift, QStringLiteral("shift close"),
         QStringLiteral("close a counter's shift (交班) and start the next"), counter},
        {UseCase::ReadDashboard, QStringLiteral("dashboard"),
         QStringLiteral("read the dashboard: takings, success rates, open items"), books},
    };
}();

} // namespace

const QList<UseCaseRule>& roleMatrix()
{
    return kMatrix;
}

const UseCaseRule& ruleFor(UseCase useCase)
{
    const int i = int(useCase) - 1;
    Q_ASSERT_X(i >= 0 && i < kMatrix.size() && kMatrix.at(i).useCase == useCase, "ruleFor",
               "the matrix lists every use case in UseCase order");
    return kMatrix.at(i);
}

bool allows(const QList<Role>& roles, UseCase useCase)
{
    for (Role r : ruleFor(useCase).roles)
        if (roles.contains(r))
            return true;
    return false;
}

QString refusalText(const QString& user, const QList<Role>& roles, UseCase useCase)
{
    const UseCaseRule& rule = ruleFor(useCase);
    QStringList needed;
    for (Role r : rule.roles)
        needed << roleName(r);
    const QString last = needed.takeLast();
    const QString either =
        needed.isEmpty() ? last : needed.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
    return QStringLiteral("%1 (%2) may not %3: that needs the %4 role")
        .arg(user, roles.isEmpty() ? QStringLiteral("no role") : roleNames(roles), rule.what,
             either);
}

QString roleMatrixMarkdown()
{
    QString out = QStringLiteral("| Use case | What |");
    QString rule = QStringLiteral("|---|---|");
    for (int r = int(Role::Cashier); r <= int(Role::Admin); ++r) {
        out += QLatin1Char(' ') + roleName(Role(r)) + QStringLiteral(" |");
        rule += QStringLiteral(":-:|");
    }
    out += QLatin1Char('\n') + rule + QLatin1Char('\n');
    for (const UseCaseRule& u : kMatrix) {
        out += QStringLiteral("| `%1` | %2 |").arg(u.name, u.what);
        for (int r = int(Role::Cashier); r <= int(Role::Admin); ++r)
            out += u.roles.contains(Role(r)) ? QStringLiteral(" ✓ |") : QStringLiteral("  |");
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace paydesk
