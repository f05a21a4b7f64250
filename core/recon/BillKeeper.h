#pragma once

#include "recon/Reconciler.h"

#include <QString>

namespace paydesk {

// The bill as kept on disk, and its SHA-256.
struct KeptBill
{
    QString path;
    QString sha256;
    QString error;
    bool badInput = false; // the given file cannot be read (not our storage)
};

// Keeps the bill in `dir` as "<date>_<sha256 prefix>.csv|zip": an in-kernel
// copy of the given file (or the downloaded bytes), then the SHA-256 of what
// was written. Nothing is left behind on error.
KeptBill keepBill(const BillInput& in, const QString& dir);

} // namespace paydesk
