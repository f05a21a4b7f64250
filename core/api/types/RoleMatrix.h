#pragma once

#include "api/types/Users.h"

#include <QList>
#include <QString>

// Who may do what: every use case of the facade and the roles that may call
// it, as data in one place. The core refuses by it (GuardedApi); front ends
// read it to hide what a role may not do; README's table is printed from it
// (a test compares the two).
namespace paydesk {

// Stable values: named in refusals and on the wire.
enum class UseCase : int
{
    Pay = 1,
    CreateQr = 2,
    Refund = 3, // a cashier up to the refund limit; a supervisor any amount
    Revoke = 4,
    QueryChannel = 5,
    ReadOrders = 6, // orders, their details and timelines
    ReadAlerts = 7,
    AcknowledgeAlert = 8,
    ReportPinLockout = 9,
    ReadLedger = 10, // balances, journal, the internal check
    Backfill = 11,
    Settle = 12,
    ReadSettlements = 13,
    ReadApprovals = 14,  // payouts, adjustments and withdrawals waiting
    ProposePayment = 15, // payout requests and adjustments
    DecideApproval = 16, // approve or reject a payout or adjustment
    WalletCounter = 17,  // top-ups, wallet payments and refunds at a counter
    ReadWallets = 18,
    RequestWithdrawal = 19,
    DecideWithdrawal = 20,
    Reconcile = 21,
    ReadDifferences = 22,
    WorkDifference = 23, // explain, propose a write-off or recovery, assign
    DecideDifference = 24,
    ManageUsers = 25,
    ReadAudit = 26,     // who changed what, when and from where
    CloseShift = 27,    // a counter's shift close (交班)
    ReadDashboard = 28, // takings, channel performance, open items
};

struct UseCaseRule
{
    UseCase useCase;
    QString name; // "refund", as refusals and README name it
    QString what; // for people
    QList<Role> roles;
};

// Every use case, in UseCase order.
const QList<UseCaseRule>& roleMatrix();
const UseCaseRule& ruleFor(UseCase useCase);
bool allows(const QList<Role>& roles, UseCase useCase);
// "forbidden: alice (cashier) may not settle: that needs the accountant role"
QString refusalText(const QString& user, const QList<Role>& roles, UseCase useCase);
// README's table (Markdown), one row per use case, one column per role.
QString roleMatrixMarkdown();

} // namespace paydesk
