#pragma once

#include "api/types/BackOffice.h"

namespace paydesk {

// What a ledger posting that did not go through means for the operation:
// StorageError stays one; anything else is the ledger refusing a bug's entry.
BackOfficeStatus statusOfFailedPost(PostResult r);

} // namespace paydesk
