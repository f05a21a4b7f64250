#pragma once

#include "api/types/Commands.h"

#include <QJsonArray>
#include <QJsonObject>

namespace paydesk {

// The JSON shapes of the CLI's --json output (and, later, the server's API).
// Amounts are strings with two decimals plus integer fen: never floats.
QJsonObject toJson(const CommandOutcome& o);
QJsonObject toJson(const OrderRecord& o);
QJsonObject toJson(const PaymentRecord& p);
QJsonObject toJson(const RefundRecord& r);
QJsonObject toJson(const RevokeRecord& r);
QJsonObject toJson(const TrackEvent& e);
QJsonObject toJson(const AlertRecord& a);
QJsonObject toJson(const OrderDetails& d);
QJsonObject moneyJson(const Money& m);
QString isoTime(qint64 ms); // China time, ISO 8601 with offset

} // namespace paydesk
