#pragma once

#include "common/ChinaTime.h"
#include "sandbox/SandboxAcquirer.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace paydesk {

// Differences the sandbox writes into its bills on purpose, so that
// reconciliation can be tested against every kind it must find. Keys are
// merchant payment numbers (out_trade_no).
struct BillDifferences
{
    QStringList dropPayments;         // the payment line is left out
    QHash<QString, qint64> amountFen; // the payment line shows another amount
    QHash<QString, QString> states;   // the payment shows another state (WeChat's
                                      // 交易状态; on Alipay a non-SUCCESS state
                                      // adds a reversing refund line)
    struct Extra
    {
        QString paymentNo;
        qint64 amountFen = 0;
        QDate day; // China time; the line is stamped at noon
    };
    QList<Extra> extraPayments; // a payment the merchant never made
};

// Reads {"drop": ["PA..."], "amounts": {"PA...": "9.99"}, "states": {"PA...":
// "REVOKED"}, "extra": [{"paymentNo": "X1", "amount": "5.00", "date":
// "2026-11-23"}]}. Returns an error naming the key, empty on success.
QString readBillDifferences(const QJsonObject& o, BillDifferences* out);

// The day's lines with the differences applied (extras only on their day).
QList<SandboxAcquirer::BillEntry> applyBillDifferences(QList<SandboxAcquirer::BillEntry> lines,
                                                       const BillDifferences& differences,
                                                       const QDate& day);

// The channel's bill lines of one China day at the acquirer, with the
// differences (none when null) written in: what every sandbox bill is made of.
QList<SandboxAcquirer::BillEntry> dayBillEntries(SandboxAcquirer& acquirer, const QString& channel,
                                                 const QDate& day,
                                                 const BillDifferences* differences,
                                                 QString* error);

} // namespace paydesk
