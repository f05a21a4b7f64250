#pragma once

#include "api/CounterWire.h"
#include "api/ReconApi.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

// Reconciliation's use cases on the wire, in CounterWire's pattern: requests
// read strictly by a server, answers (ReconJson.h, the CLI's --json shapes)
// read leniently by a client. Amounts in these shapes are decimal text
// ("12.50"), exact: never floats.
namespace paydesk::wire {

// POST /v1/differences/{id}/resolve, /write-off and /recovery.
struct DiffReason
{
    QString by;
    QString reason;
};

// POST /v1/differences/{id}/decision.
struct DiffDecision
{
    QString by;
    bool approve = false;
};

// POST /v1/differences/{id}/assignment.
struct DiffAssignment
{
    QString owner;
    QString by;
};

// Every field of the request, the server's paths included: a server reads
// them all and decides which it takes (ApiBackOfficeRoutes refuses paths on
// its own disk).
QJsonObject toJson(const ReconcileRequest& c);
QJsonObject toJson(const DiffReason& c);
QJsonObject toJson(const DiffDecision& c);
QJsonObject toJson(const DiffAssignment& c);
// {"outcome":{...},"report":{...}}; the report only when something ran.
QJsonObject toJson(const ReconcileResult& r);

void read(JsonReader& r, ReconcileRequest& c);
void read(JsonReader& r, DiffReason& c);
void read(JsonReader& r, DiffDecision& c);
void read(JsonReader& r, DiffAssignment& c);
void read(JsonReader& r, ReconReport& rep);
void read(JsonReader& r, ReconcileResult& res);
void read(JsonReader& r, ReconDifference& d);

// The differences' filter as URL query items (channel, date, state,
// needsAction, limit), and back (strict).
QUrlQuery toQuery(const DiffFilter& f);
std::optional<DiffFilter> diffFilterFromQuery(const QUrlQuery& q, QString* error);

} // namespace paydesk::wire
