#pragma once

#include "api/types/BackOffice.h"
#include "domain/PaymentCode.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// A counter's shift (交班): what it took, gave back and left open between
// one close and the next, as the closing cashier signs it off.
namespace paydesk {

struct ShiftWalletTotals
{
    Wallet wallet = Wallet::Unknown;
    qint64 sales = 0; // payments taken (money moved), at their start
    qint64 salesFen = 0;
    qint64 refunds = 0; // successful refunds, when they succeeded
    qint64 refundsFen = 0;
    qint64 revokes = 0; // paid payments revoked (money back), when revoked
    qint64 revokedFen = 0;
    qint64 netFen() const { return salesFen - refundsFen - revokedFen; }
};

struct ShiftReport
{
    qint64 id = 0;
    QString counter;       // "store/terminal"
    QString closedBy;      // the person who closed it
    qint64 openedAtMs = 0; // the previous close of this counter (0: its first shift)
    qint64 closedAtMs = 0;
    QList<ShiftWalletTotals> byWallet; // wallets with something in the shift, in wallet order
    // Orders of this counter not finished at the close (a payment or revoke
    // still open, or waiting for a person): the next shift inherits them.
    QStringList openOrders;

    QString number() const; // "SH000001"
    ShiftWalletTotals totals() const;
};

struct ShiftCloseResult
{
    BackOfficeOutcome outcome; // Ok, or why not (StorageError, Forbidden, ...)
    ShiftReport report;
};

// The report as lines of text (a slip to print, the CLI): the counter, the
// times, one line per wallet, the totals and the open orders.
QStringList shiftReportLines(const ShiftReport& r);

// Closing a counter's shift and reading the closed ones: the core in this
// process (EmbeddedApi::shifts(), GuardedApi::shifts()). A close is durable
// before its reply runs.
class ShiftAccess
{
public:
    template <typename T> using Reply = std::function<void(const T&)>;
    virtual ~ShiftAccess() = default;

    virtual void closeShift(const QString& by, Reply<ShiftCloseResult> reply) = 0;
    // The newest closes of this counter first.
    virtual void shifts(int limit, Reply<QList<ShiftReport>> reply) = 0;
};

} // namespace paydesk
