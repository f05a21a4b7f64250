#include "ledger/BackOfficeResult.h"

namespace paydesk {

BackOfficeStatus statusOfFailedPost(PostResult r)
{
    return r == PostResult::StorageError ? BackOfficeStatus::StorageError
                                         : BackOfficeStatus::Refused;
}

} // namespace paydesk
