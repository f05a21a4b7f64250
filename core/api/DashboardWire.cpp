#include "api/DashboardWire.h"

#include "api/BackOfficeWire.h"
#include "api/Json.h"
#include "api/LedgerJson.h"
#include "api/WireDecode.h"

#include <QJsonArray>

namespace paydesk::wire {

namespace {

using wire::toJson; // the wallets' rows, declared in the header

QJsonObject fen(qint64 v)
{
    return moneyJson(Money::fromFen(v));
}

QJsonObject toJson(const ChannelPerformance& c)
{
    QJsonObject o{{QStringLiteral("paid"), c.paid},
                  {QStringLiteral("notPaid"), c.notPaid},
                  {QStringLiteral("inProgress"), c.inProgress},
                  {QStringLiteral("medianToPaidMs"), c.medianToPaidMs}};
    if (c.wallet != Wallet::Unknown)
        o.insert(QStringLiteral("wallet"), walletName(c.wallet));
    // Derived from the counts, for people and scripts: a ratio, never money.
    if (const double rate = c.successRate(); rate >= 0)
        o.insert(QStringLiteral("successRate"), QString::number(rate, 'f', 4));
    return o;
}

QJsonObject toJson(const HourTakings& h)
{
    return {{QStringLiteral("hour"), h.hour},
            {QStringLiteral("wallet"), walletName(h.wallet)},
            {QStringLiteral("sales"), h.sales},
            {QStringLiteral("taken"), fen(h.salesFen)}};
}

template <typename T> QJsonArray arrayOf(const QList<T>& items)
{
    QJsonArray a;
    for (const T& item : items)
        a.append(toJson(item));
    return a;
}

Wallet readWallet(JsonReader& r, bool required)
{
    const QString name = r.string(QStringLiteral("wallet"), required);
    const Wallet w = walletFromName(name);
    if (!name.isEmpty() && w == Wallet::Unknown)
        r.fail(QStringLiteral("wallet"), JsonReader::Problem::BadValue,
               QStringLiteral("is not a wallet: '%1'").arg(name));
    return w;
}

} // namespace

QJsonObject toJson(const WalletTakings& t)
{
    QJsonObject o{
        {QStringLiteral("sales"), t.sales},      {QStringLiteral("taken"), fen(t.salesFen)},
        {QStringLiteral("refunds"), t.refunds},  {QStringLiteral("refunded"), fen(t.refundsFen)},
        {QStringLiteral("revokes"), t.revokes},  {QStringLiteral("revoked"), fen(t.revokedFen)},
        {QStringLiteral("net"), fen(t.netFen())}};
    if (t.wallet != Wallet::Unknown) // a total has none
        o.insert(QStringLiteral("wallet"), walletName(t.wallet));
    return o;
}

void read(JsonReader& r, WalletTakings& t)
{
    t.wallet = readWallet(r, true);
    t.sales = r.integer(QStringLiteral("sales"));
    t.salesFen = r.money(QStringLiteral("taken")).fen();
    t.refunds = r.integer(QStringLiteral("refunds"));
    t.refundsFen = r.money(QStringLiteral("refunded")).fen();
    t.revokes = r.integer(QStringLiteral("revokes"));
    t.revokedFen = r.money(QStringLiteral("revoked")).fen();
    r.money(QStringLiteral("net")); // derived
}

void read(JsonReader& r, ChannelPerformance& c)
{
    c.wallet = readWallet(r, false);
    c.paid = r.integer(QStringLiteral("paid"));
    c.notPaid = r.integer(QStringLiteral("notPaid"));
    c.inProgress = r.integer(QStringLiteral("inProgress"));
    c.medianToPaidMs = r.integer(QStringLiteral("medianToPaidMs"), false, -1);
    r.string(QStringLiteral("successRate")); // derived
}

void read(JsonReader& r, HourTakings& h)
{
    h.hour = int(r.integer(QStringLiteral("hour"), true, 0, 23));
    h.wallet = readWallet(r, true);
    h.sales = r.integer(QStringLiteral("sales"));
    h.salesFen = r.money(QStringLiteral("taken")).fen();
}

QJsonObject toJson(const DashboardFigures& f)
{
    return {{QStringLiteral("from"), isoTime(f.fromMs)},
            {QStringLiteral("to"), isoTime(f.toMs)},
            {QStringLiteral("asOf"), isoTime(f.asOfMs)},
            {QStringLiteral("wallets"), arrayOf(f.byWallet)},
            {QStringLiteral("total"), toJson(f.totals())},
            {QStringLiteral("hours"), arrayOf(f.byHour)},
            {QStringLiteral("channels"), arrayOf(f.channels)},
            {QStringLiteral("overall"), toJson(f.overall)},
            {QStringLiteral("open"), QJsonObject{{QStringLiteral("pageAlerts"), f.openPageAlerts},
                                                 {QStringLiteral("watchAlerts"), f.openWatchAlerts},
                                                 {QStringLiteral("differences"), f.openDifferences},
                                                 {QStringLiteral("orders"), f.openOrders}}}};
}

QJsonObject toJson(const DashboardResult& r)
{
    QJsonObject o{{QStringLiteral("outcome"), paydesk::toJson(r.outcome)}};
    if (r.outcome.ok())
        o.insert(QStringLiteral("dashboard"), toJson(r.figures));
    return o;
}

void read(JsonReader& r, DashboardFigures& f)
{
    f.fromMs = r.timeMs(QStringLiteral("from"));
    f.toMs = r.timeMs(QStringLiteral("to"));
    f.asOfMs = r.timeMs(QStringLiteral("asOf"));
    f.byWallet = readList<WalletTakings>(r, QStringLiteral("wallets"));
    r.object(QStringLiteral("total")); // derived
    f.byHour = readList<HourTakings>(r, QStringLiteral("hours"));
    f.channels = readList<ChannelPerformance>(r, QStringLiteral("channels"));
    readObject(r, QStringLiteral("overall"), f.overall);
    JsonReader open = r.nested(r.object(QStringLiteral("open")), QStringLiteral("open"));
    f.openPageAlerts = open.integer(QStringLiteral("pageAlerts"));
    f.openWatchAlerts = open.integer(QStringLiteral("watchAlerts"));
    f.openDifferences = open.integer(QStringLiteral("differences"));
    f.openOrders = open.integer(QStringLiteral("orders"));
    open.finish();
    r.absorb(open);
}

void read(JsonReader& r, DashboardResult& d)
{
    readObject(r, QStringLiteral("outcome"), d.outcome);
    if (d.outcome.ok())
        readObject(r, QStringLiteral("dashboard"), d.figures);
}

QUrlQuery dashboardQuery(qint64 fromMs, qint64 toMs)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), QString::number(fromMs));
    q.addQueryItem(QStringLiteral("to"), QString::number(toMs));
    return q;
}

std::optional<std::pair<qint64, qint64>> dashboardPeriodFromQuery(const QUrlQuery& q,
                                                                  QString* error)
{
    JsonReader r(queryObject(q), JsonReader::Mode::Strict);
    // Milliseconds since the epoch: the period's own unit, exact.
    const qint64 from = r.integer(QStringLiteral("from"), true);
    const qint64 to = r.integer(QStringLiteral("to"), true);
    if (!r.finish()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return std::pair{from, to};
}

} // namespace paydesk::wire
