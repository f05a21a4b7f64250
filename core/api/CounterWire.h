#pragma once

#include "api/JsonReader.h"
#include "api/types/Commands.h"
#include "api/types/OrderFilter.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

// The counter's use cases on the wire: requests as a client writes them and
// a server reads them (strictly), answers as a server writes them (Json.h,
// the CLI's --json shapes) and a client reads them (leniently). Amounts are
// decimal text plus fen, never floats; times ISO 8601 with offset.
namespace paydesk::wire {

QJsonObject toJson(const PayCommand& c);
QJsonObject toJson(const QrCommand& c);
QJsonObject toJson(const RefundCommand& c);
QJsonObject toJson(const RevokeCommand& c);
QJsonObject toJson(const PinLockout& l);
QJsonObject toJson(const WalletReachability& w);
QJsonObject toJson(const CounterLimits& l);

void read(JsonReader& r, PayCommand& c);
void read(JsonReader& r, QrCommand& c);
void read(JsonReader& r, RefundCommand& c);
void read(JsonReader& r, RevokeCommand& c);
void read(JsonReader& r, PinLockout& l);
void read(JsonReader& r, CommandOutcome& o);
void read(JsonReader& r, OrderRecord& o);
void read(JsonReader& r, PaymentRecord& p);
void read(JsonReader& r, RefundRecord& rr);
void read(JsonReader& r, RevokeRecord& rv);
void read(JsonReader& r, TrackEvent& e);
void read(JsonReader& r, AlertRecord& a);
void read(JsonReader& r, OrderDetails& d);
void read(JsonReader& r, WalletReachability& w);
void read(JsonReader& r, CounterLimits& l);

// decode<T>() and readList<T>() are in WireDecode.h, after every read().

// The orders list's filter as URL query items, and back (strict: unknown
// items are refused).
QUrlQuery toQuery(const OrderFilter& f);
std::optional<OrderFilter> orderFilterFromQuery(const QUrlQuery& q, QString* error);

} // namespace paydesk::wire
