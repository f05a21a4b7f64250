#pragma once

// The clock the core runs on, as front ends see it: countdowns to the core's
// deadlines use the same time the core does (a manual clock in tests).
#include "common/Clock.h"
