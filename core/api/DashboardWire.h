#pragma once

#include "api/JsonReader.h"
#include "api/types/Dashboard.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>
#include <utility>

// The dashboard on the wire (GET /v1/dashboard?from=MS&to=MS) and in the
// CLI's --json: {"outcome":{...},"dashboard":{...}}, the figures only when
// the outcome is Ok. Amounts as decimal text plus fen, counts as integers.
namespace paydesk::wire {

QJsonObject toJson(const WalletTakings& t); // also a shift's wallets
QJsonObject toJson(const DashboardFigures& f);
QJsonObject toJson(const DashboardResult& r);
void read(JsonReader& r, DashboardResult& d);
void read(JsonReader& r, DashboardFigures& f);
void read(JsonReader& r, WalletTakings& t);
void read(JsonReader& r, ChannelPerformance& c);
void read(JsonReader& r, HourTakings& h);

// The period [from, to) as query items (milliseconds since the epoch,
// exact), and back (strict: both required, nothing else taken).
QUrlQuery dashboardQuery(qint64 fromMs, qint64 toMs);
std::optional<std::pair<qint64, qint64>> dashboardPeriodFromQuery(const QUrlQuery& q,
                                                                  QString* error);

} // namespace paydesk::wire
