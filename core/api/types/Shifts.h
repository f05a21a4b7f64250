#pragma once

#include "api/types/BackOffice.h"
#include "api/types/Takings.h"
#include "domain/PaymentCode.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// A counter's shift (交班): what it took, gave back and left open between
// one close and the next, as the closing cashier signs it off.
namespace paydesk {

struct ShiftReport
{
    qint64 id = 0;
    QString counter;       // "store/terminal"
    QString closedBy;      // the person who closed it
    qint64 openedAtMs = 0; // the previous close of this counter (0: its first shift)
    qint64 closedAtMs = 0;
    QList<WalletTakings> byWallet; // wallets with something in the shift, in wallet order
    // Orders of this counter not finished at the close (a payment or revoke
    // still open, or waiting for a person): the next shift inherits them.
    QStringList openOrders;

    QString number() const; // "SH000001"
    WalletTakings totals() const;
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
