#include "api/types/Dashboard.h"

namespace paydesk {

double ChannelPerformance::successRate() const
{
    const qint64 decided = paid + notPaid;
    return decided > 0 ? double(paid) / double(decided) : -1.0;
}

} // namespace paydesk
