#pragma once

namespace paydesk {

// A disk that fails on purpose (tests only: the seeded simulation).
// FailAfterCommit lets the COMMIT reach the file and then reports it failed,
// as an fsync error after the write does: the data may be there or not.
enum class DiskFault
{
    None,
    FailWrite,
    FailCommit,
    FailAfterCommit
};

} // namespace paydesk
