#pragma once

#include "recon/BillLine.h"

#include <QString>

#include <functional>

namespace paydesk {

// Called once per detail line, in file order. Returning false stops the
// parse (the result then carries `stopped`, and ok is false: the rest of
// the bill was not checked).
using BillLineHandler = std::function<bool(const BillLine&)>;

struct BillParseResult
{
    bool ok = false;
    bool stopped = false;  // the handler asked to stop
    QString error;         // for people: what is wrong and where ("line 12: ...")
    qint64 errorLine = 0;  // 1-based line of the file `error` names (the detail file, or an
                           // Alipay ZIP's summary file); 0 when not about a line
    QString merchant;      // WeChat 商户号 (mch_id) / Alipay account (2088...)
    BillTotals totals;     // counted from the lines and equal to the bill's own totals
    // The bill's identity when ok: the SHA-256 of its header, detail and
    // summary rows, without what a second download of the same day changes
    // (Alipay's '#' comment lines, which stamp the export time, and the ZIP
    // container). Two downloads of one day's bill have the same identity.
    QString contentSha256;
};

// The bill is read as a stream (bounded memory whatever its size). Lines
// reach the handler as they are read; a bill that turns out bad later
// (summary mismatch, truncation) still returns ok = false, so callers must
// act on the lines only after a successful result.
//
// WeChat Pay V2 pay/downloadbill text (ALL, SUCCESS or REFUND): UTF-8, the
// Chinese header line, backtick-prefixed values, summary header and line.
// Columns are mapped by name. amountFen is 应结订单金额 on payments and
// 退款金额 on refund lines; a refund line's time is 退款成功时间 when the
// bill has that column (REFUND bills), else 交易时间.
BillParseResult parseWeChatBillFile(const QString& path, const BillLineHandler& onLine);

// Alipay trade bill: the ZIP the download URL serves (stored or deflated
// entries), holding the GBK "..._业务明细.csv" detail file and the
// "..._业务明细(汇总).csv" summary file. A bare GBK detail CSV is accepted
// too (then only its own '#' tail totals are checked). amountFen is
// 商家实收（元） (what the merchant receives, like WeChat's 应结订单金额),
// the time 完成时间; state is SUCCESS for payments, REFUND for refund rows.
BillParseResult parseAlipayBillFile(const QString& path, const BillLineHandler& onLine);

} // namespace paydesk
