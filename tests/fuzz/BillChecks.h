#pragma once

// The contract every bill parser keeps, checked the same way for both
// channels: a refusal names the line it is about; a taken bill's totals are
// the sums of the lines handed out, each line is sane and in file order.

#include "recon/BillParsers.h"

#include <QList>

namespace paydesk::fuzz {

// Parses `path` with `parse`, collecting the lines the handler receives.
BillParseResult parseCollecting(BillParseResult (*parse)(const QString&, const BillLineHandler&),
                                const QString& path, QList<BillLine>* lines);

// The totals of `lines`, counted here independently of the parser.
BillTotals totalsOf(const QList<BillLine>& lines);

// Checks the result against the lines: the shared contract. `maxLine` is
// the highest line number a message or a line may name.
void checkBillResult(const BillParseResult& r, const QList<BillLine>& lines, qint64 maxLine);

// "lines=... payments=..." for messages.
QString totalsText(const BillTotals& t);

} // namespace paydesk::fuzz
