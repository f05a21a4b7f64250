#pragma once

#include "recon/BillLine.h"

#include <QString>

#include <functional>

namespace paydesk {

// Called once per detail line, in file order. Returning false stops the
// parse (the result then carries `stopped`).
using BillLineHandler = std::function<bool(const BillLine&)>;

struct BillParseResult
{
    bool ok = false;
    bool stopped = false; // the handler asked to stop
    QString error;        // for people: what is wrong and where ("line 12: ...")
    qint64 errorLine = 0; // 1-based line of the detail file; 0 when not about a line
    QString merchant;     // WeChat 商户号 (mch_id) / Alipay account (2088...)
    BillTotals totals;    // counted from the lines and equal to the bill's own totals
};

// The bill is read as a stream (bounded memory whatever its size). Lines
// reach the handler as they are read; a bill that turns out bad later
// (summary mismatch, truncation) still returns ok = false, so callers must
// act on the lines only after a successful result.
//
// WeChat Pay V2 pay/downloadbill text (ALL, SUCCESS or REFUND): UTF-8, the
// Chinese header line, backtick-prefixed values, summary header and line.
BillParseResult parseWeChatBillFile(const QString& path, const BillLineHandler& onLine);

// Alipay trade bill: the ZIP the download URL serves (stored or deflated
// entries), holding the GBK "..._业务明细.csv" detail file and the
// "..._业务明细(汇总).csv" summary file. A bare GBK detail CSV is accepted
// too (then only its own '#' tail totals are checked).
BillParseResult parseAlipayBillFile(const QString& path, const BillLineHandler& onLine);

} // namespace paydesk
