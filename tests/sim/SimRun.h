#pragma once

#include "SimChecks.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace paydesk::sim {

struct SimOptions
{
    quint64 seed = 1;
    int steps = 60; // workload steps before everything is left to settle
};

struct SimResult
{
    quint64 seed = 0;
    QString setupError;
    QString weather;
    int steps = 0;
    int sales = 0;
    int refunds = 0;
    int crashes = 0;
    int diskFaults = 0;
    int restarts = 0;
    qint64 simulatedMs = 0;
    QList<Violation> violations;
    QStringList trace; // every step, reply and fault, with its simulated time
    QByteArray digest; // SHA-256 of the trace: the same seed, the same digest
    bool ok() const { return setupError.isEmpty() && violations.isEmpty(); }
};

// One seeded run: a random shop day (sales by code and QR, refunds,
// revokes, queries, crashes, failing disks, an unreliable network) on the
// whole core in this process, checked after every step and once all has
// settled.
SimResult runSeed(const SimOptions& options);

} // namespace paydesk::sim
