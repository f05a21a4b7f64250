#pragma once

#include "api/PayDeskApi.h"

namespace paydesk::app {

// A few sales through the sandbox so the demo's lists are not empty: paid,
// refused for lack of funds, paid and partly refunded.
void addSampleOrders(PayDeskApi& api);

} // namespace paydesk::app
