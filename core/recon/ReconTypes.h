#pragma once

#include "api/types/Reconciliation.h"

#include <QString>

namespace paydesk {

struct ReconConfig
{
    // A movement this close to midnight that only one side has is held
    // "pending next day": the two sides may cut the day at different moments.
    qint64 cutoffWindowMs = 10 * 60 * 1000;
    QString billsDir; // every imported bill is kept here
};

} // namespace paydesk
