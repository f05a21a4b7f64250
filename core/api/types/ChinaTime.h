#pragma once

// The facade's times are epoch milliseconds; business days (settlement,
// bills, order numbers) are China time. Front ends show and parse times
// with these.
#include "common/ChinaTime.h"
