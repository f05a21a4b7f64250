#pragma once

#include "sandbox/SandboxAcquirer.h"

#include <QByteArray>
#include <QDate>
#include <QStringList>

namespace paydesk {

// Alipay's trade bill (bill_type trade) for one China-time day, as the
// bill_download_url serves it: a ZIP of two GBK-encoded CSV files,
// "<account>_<yyyyMMdd>_业务明细.csv" (one line per payment or refund, '#'
// comment lines at head and tail, totals in the tail) and
// "<account>_<yyyyMMdd>_业务明细(汇总).csv" (one line per store and the
// 合计 line). Refunds carry negative amounts. A cancel that reversed a paid
// payment is a refund whose batch number (退款批次号/请求号) is the Alipay
// trade number. The service fee is 0.6 % rounded half up to the fen.
QStringList alipayBillColumns();
QStringList alipayBillSummaryColumns();

struct AlipayBillFiles
{
    QString detailName;  // Unicode; stored in the ZIP as GBK
    QByteArray detail;   // GBK
    QString summaryName;
    QByteArray summary;  // GBK
    QString zipName;     // "<account>_<yyyyMMdd>.csv.zip"
    QByteArray zip;
};

// `account`: the bill's account id ("2088...0156"); `exportedAtMs` stamps
// 导出时间. Empty `zip` and `error` set when GBK is not available.
AlipayBillFiles alipayBill(const QList<SandboxAcquirer::BillEntry>& lines, const QDate& day,
                           const QString& account, qint64 exportedAtMs, QString* error);

// The service fee (negative for a payment, positive for a refund's return).
qint64 alipayServiceFeeFen(qint64 amountFen);

} // namespace paydesk
