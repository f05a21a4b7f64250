#pragma once

#include "recon/ReconTypes.h"

#include <QJsonObject>

namespace paydesk {

QJsonObject toJson(const ReconDifference& d);
QJsonObject toJson(const ReconReport& r);

} // namespace paydesk
