#pragma once

#include "sandbox/SandboxAcquirerTypes.h"
#include "sandbox/acquirer/TradeStore.h"

#include <QList>

namespace paydesk::sandbox {

// The lines of `channel`'s bill for [fromMs, toMs), in time order: payments
// by the time they were paid, refunds by the time they were made, and a
// refund line for each revoke that returned a paid payment, on the revoke's
// day. Read only. Empty and `error` set when the store cannot be read.
QList<SandboxBillEntry> billLines(TradeStore& store, const QString& channel, qint64 fromMs,
                                  qint64 toMs, QString* error);

} // namespace paydesk::sandbox
