#include "sandbox/bills/AlipayBill.h"

#include "common/ChinaTime.h"
#include "money/Money.h"
#include "sandbox/bills/BillDifferences.h"
#include "sandbox/bills/ZipWriter.h"

#include <QStringEncoder>

namespace paydesk {

namespace {

const char* const kRule = "-----------------------------------------";

QString cnTime(qint64 ms)
{
    return chinaTime(ms).toString(QStringLiteral("yyyy年MM月dd日 HH:mm:ss"));
}

QString dayTime(qint64 ms)
{
    return chinaTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// Alipay ends its number fields with a tab so spreadsheets keep them text.
QString tabbed(const QString& s)
{
    return s + QLatin1Char('\t');
}

} // namespace

qint64 alipayServiceFeeFen(qint64 amountFen)
{
    // 0.6 %, half up, in fen: (fen * 6 + 500) / 1000.
    return -((amountFen * 6 + 500) / 1000);
}

QStringList alipayBillColumns()
{
    return QString::fromUtf8(
               "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,"
               "操作员,"
               "终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,"
               "支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,"
               "卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注")
        .split(QLatin1Char(','));
}

QStringList alipayBillSummaryColumns()
{
    return QString::fromUtf8("门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,"
                             "商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,"
                             "服务费（元）,分润（元）,实收净额（元）")
        .split(QLatin1Char(','));
}

AlipayBillFiles alipayBill(const QList<SandboxAcquirer::BillEntry>& lines, const QDate& day,
                           const QString& account, qint64 exportedAtMs, QString* error)
{
    AlipayBillFiles f;
    QStringEncoder gbk("GBK");
    if (!gbk.isValid()) {
        *error = QStringLiteral("this Qt has no GBK encoder (ICU missing): cannot write "
                                "Alipay bills");
        return f;
    }
    const qint64 startMs = chinaDayStartMs(day);
    const qint64 endMs = chinaDayStartMs(day.addDays(1));
    const QString ymd = day.toString(QStringLiteral("yyyyMMdd"));
    const QString head = QStringLiteral("#账号：[%1]\r\n#起始日期：[%2]   终止日期：[%3]\r\n")
                             .arg(account, cnTime(startMs), cnTime(endMs));

    QString detail = QStringLiteral("#支付宝业务明细查询\r\n") + head + QLatin1Char('#') +
                     QLatin1String(kRule) + QStringLiteral("业务明细列表") + QLatin1String(kRule) +
                     QStringLiteral("\r\n") + alipayBillColumns().join(QLatin1Char(',')) +
                     QStringLiteral("\r\n");
    qint64 payments = 0, refunds = 0, paidFen = 0, refundFen = 0, orderFen = 0, feeFen = 0;
    for (const SandboxAcquirer::BillEntry& e : lines) {
        QList<SandboxAcquirer::BillEntry> rows{e};
        // A state other than paid on a payment line (an injected difference)
        // shows the way Alipay shows a reversed trade: a refund of it all.
        if (!e.refund && e.tradeState != QLatin1String("SUCCESS") &&
            e.tradeState != QLatin1String("REFUND") && e.tradeState != QLatin1String("REVOKED")) {
            SandboxAcquirer::BillEntry r = e;
            r.refund = true;
            r.revoke = true;
            r.refundFen = e.amountFen;
            rows << r;
        }
        for (const SandboxAcquirer::BillEntry& row : rows) {
            const qint64 fen = row.refund ? -row.refundFen : row.amountFen;
            const qint64 fee = fen < 0 ? -alipayServiceFeeFen(-fen) : alipayServiceFeeFen(fen);
            const QString batch =
                row.refund ? (row.revoke ? row.tradeNo : row.refundNo) : QString();
            const QStringList v = {
                tabbed(row.tradeNo),
                tabbed(row.paymentNo),
                tabbed(row.refund ? QStringLiteral("退款") : QStringLiteral("交易")),
                QString(),
                dayTime(row.createdAtMs > 0 ? row.createdAtMs : row.atMs),
                dayTime(row.atMs),
                tabbed(QString()),
                tabbed(QString()),
                tabbed(QString()),
                tabbed(QString()),
                tabbed(QStringLiteral("*沙箱(sbx***@example.com)")),
                plainYuan(fen),
                plainYuan(fen),
                plainYuan(0),
                plainYuan(0),
                plainYuan(0),
                plainYuan(0),
                plainYuan(0),
                QString(),
                tabbed(plainYuan(0)),
                plainYuan(0),
                tabbed(batch),
                plainYuan(fee),
                plainYuan(0),
                QString()};
            detail += v.join(QLatin1Char(',')) + QStringLiteral("\r\n");
            if (row.refund) {
                ++refunds;
                refundFen += fen;
            } else {
                ++payments;
                paidFen += fen;
            }
            orderFen += fen;
            feeFen += fee;
        }
    }
    const QString exported = QStringLiteral("#导出时间：[%1]\r\n").arg(cnTime(exportedAtMs));
    detail += QLatin1Char('#') + QLatin1String(kRule) + QStringLiteral("业务明细列表结束") +
              QLatin1String(kRule) + QStringLiteral("\r\n") +
              QStringLiteral("#交易合计：%1笔，商家实收共%2元，商家优惠共0.00元\r\n")
                  .arg(payments)
                  .arg(plainYuan(paidFen)) +
              QStringLiteral("#退款合计：%1笔，商家实收退款共%2元，商家优惠退款共0.00元\r\n")
                  .arg(refunds)
                  .arg(plainYuan(refundFen)) +
              exported;

    const QString totals = QStringLiteral("%1,%2,%3,%4,0.00,0.00,0.00,%5,0.00,%6")
                               .arg(payments)
                               .arg(refunds)
                               .arg(plainYuan(orderFen), plainYuan(orderFen), plainYuan(feeFen),
                                    plainYuan(orderFen + feeFen));
    QString summary = QStringLiteral("#支付宝业务汇总查询\r\n") + head + QLatin1Char('#') +
                      QLatin1String(kRule) + QStringLiteral("业务汇总列表") + QLatin1String(kRule) +
                      QStringLiteral("\r\n") + alipayBillSummaryColumns().join(QLatin1Char(',')) +
                      QStringLiteral("\r\n");
    if (payments + refunds > 0)
        summary += QStringLiteral(",,") + totals + QStringLiteral("\r\n");
    summary += QStringLiteral("合计,,") + totals + QStringLiteral("\r\n") + QLatin1Char('#') +
               QLatin1String(kRule) + QStringLiteral("业务汇总列表结束") + QLatin1String(kRule) +
               QStringLiteral("\r\n") + exported;

    f.detailName = QStringLiteral("%1_%2_业务明细.csv").arg(account, ymd);
    f.summaryName = QStringLiteral("%1_%2_业务明细(汇总).csv").arg(account, ymd);
    f.zipName = QStringLiteral("%1_%2.csv.zip").arg(account, ymd);
    f.detail = gbk.encode(detail);
    f.summary = gbk.encode(summary);
    if (gbk.hasError()) {
        *error = QStringLiteral("the bill holds text GBK cannot encode");
        return AlipayBillFiles();
    }
    const QDateTime at = chinaTime(exportedAtMs);
    const quint16 dosDate =
        quint16(((at.date().year() - 1980) << 9) | (at.date().month() << 5) | at.date().day());
    const quint16 dosTime =
        quint16((at.time().hour() << 11) | (at.time().minute() << 5) | (at.time().second() / 2));
    ZipWriter zip;
    zip.add(gbk.encode(f.detailName), f.detail, dosDate, dosTime);
    zip.add(gbk.encode(f.summaryName), f.summary, dosDate, dosTime);
    f.zip = zip.finish();
    return f;
}

} // namespace paydesk
