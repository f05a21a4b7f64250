#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace paydesk::sim {

struct Violation
{
    QString orderNo; // empty when no order is named
    QString text;
};

// The shop's records (paydesk.db) and the acquirer's (sandbox.db) as they
// stand, read as a new process would read them: committed rows only.
struct Records
{
    struct Trade
    {
        QString paymentNo;
        QString state;
        int behaviour = 0;
        qint64 amountFen = 0;
        qint64 refundedFen = 0;
        qint64 paidAtMs = 0;
        qint64 settlesAtMs = 0;
        qint64 expireAtMs = 0;
        QString revokeAction;
        bool tombstone = false;
    };
    struct AcquirerRefund
    {
        QString refundNo;
        QString paymentNo;
        qint64 amountFen = 0;
    };
    struct Order
    {
        QString orderNo;
        QString requestNo;
        qint64 amountFen = 0;
        int state = 0;
        QString paidPaymentNo;
        qint64 refundedFen = 0;
    };
    struct Payment
    {
        QString paymentNo;
        QString orderNo;
        qint64 amountFen = 0;
        int state = 0;
    };
    struct Refund
    {
        QString refundNo;
        QString orderNo;
        QString paymentNo;
        QString requestNo;
        qint64 amountFen = 0;
        int state = 0;
    };
    QHash<QString, Trade> trades;
    QHash<QString, AcquirerRefund> acquirerRefunds;
    QHash<QString, Order> orders;
    QHash<QString, Payment> payments;
    QHash<QString, Refund> refunds;
    QHash<QString, QList<int>> revokeStates; // by order
    QHash<QString, int> openAlerts;          // by order
    qint64 nowMs = 0;

    // Empty on success.
    QString read(const QString& shopDb, const QString& acquirerDb, qint64 nowMs);

    bool acquirerHolds(const Trade& t) const
    {
        return t.state == QLatin1String("SUCCESS") || t.state == QLatin1String("REFUND");
    }
    // ATTENTION, a revoke given up, and an open alert: a person's now.
    bool inManualQueue(const QString& orderNo) const;
};

// What must hold at every moment, whatever is still under way.
QList<Violation> alwaysChecks(const Records& r);
// What must hold once everything has settled (the kill loop's checks).
QList<Violation> settledChecks(const Records& r);

// Whether `to` can follow `from` through the engine's whitelist, in any
// number of steps (the records are read between steps).
bool reachable(int entityKind, int from, int to);

} // namespace paydesk::sim
