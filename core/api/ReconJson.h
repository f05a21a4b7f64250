#pragma once

#include "api/types/Reconciliation.h"

#include <QJsonObject>

namespace paydesk {

QJsonObject toJson(const ReconDifference& d);
QJsonObject toJson(const ReconReport& r);

} // namespace paydesk
