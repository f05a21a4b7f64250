#pragma once

#include "api/types/BackOffice.h"
#include "api/types/Takings.h"

#include <QList>

#include <functional>

// The figures a supervisor, accountant or support person watches: a
// period's takings by wallet and by hour, each channel's success rate and
// time to paid, and what is waiting for a person now.
namespace paydesk {

// A channel's payments started in the period.
struct ChannelPerformance
{
    Wallet wallet = Wallet::Unknown;
    qint64 paid = 0;       // the money was taken (including sales revoked later)
    qint64 notPaid = 0;    // failed at the channel, or closed before it was paid
    qint64 inProgress = 0; // no outcome yet
    // From the payment's start to its success, in ms: the middle of the
    // paid payments' times (the mean of the two middle ones for an even
    // count), each time counted in whole tenths of a second; -1 when none
    // was paid.
    qint64 medianToPaidMs = -1;

    // paid / (paid + notPaid), in [0, 1]; -1 when nothing has an outcome.
    // A ratio for people, never money.
    double successRate() const;
};

// Sales by the hour of the day in China time (summed over the period's days).
struct HourTakings
{
    int hour = 0; // 0..23
    Wallet wallet = Wallet::Unknown;
    qint64 sales = 0;
    qint64 salesFen = 0;
};

struct DashboardFigures
{
    qint64 fromMs = 0; // the period [from, to)
    qint64 toMs = 0;
    qint64 asOfMs = 0;                  // when the figures were read
    QList<WalletTakings> byWallet;      // wallets with anything in the period, in wallet order
    QList<HourTakings> byHour;          // (hour, wallet) rows with sales only
    QList<ChannelPerformance> channels; // wallets with payments started in the period
    ChannelPerformance overall;         // every channel's payments together (wallet Unknown)
    // Now, whatever the period:
    qint64 openPageAlerts = 0;  // unacknowledged, someone must act
    qint64 openWatchAlerts = 0; // unacknowledged, to keep an eye on
    qint64 openDifferences = 0; // reconciliation differences still needing a person
    qint64 openOrders = 0;      // orders not final (paying, or waiting for a person)

    WalletTakings totals() const { return sumTakings(byWallet); }
};

struct DashboardResult
{
    BackOfficeOutcome outcome; // Ok, or why not (InvalidArgument, StorageError, Forbidden)
    DashboardFigures figures;
};

// The longest period one read may cover: a year and a day (a leap year's
// "same day last year" included).
inline constexpr qint64 kDashboardMaxPeriodMs = 367LL * 24 * 3600 * 1000;

// Reading the dashboard's figures: the core in this process
// (EmbeddedApi::dashboard(), GuardedApi::dashboard()).
class DashboardAccess
{
public:
    template <typename T> using Reply = std::function<void(const T&)>;
    virtual ~DashboardAccess() = default;

    // The period [fromMs, toMs): from before to, at most
    // kDashboardMaxPeriodMs long.
    virtual void figures(qint64 fromMs, qint64 toMs, Reply<DashboardResult> reply) = 0;
};

} // namespace paydesk
