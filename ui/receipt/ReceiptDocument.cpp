#include "receipt/ReceiptDocument.h"

#include "cashier/SaleView.h"

#include <QDateTime>
#include <QFileInfo>
#include <QPageSize>
#include <QPrinter>
#include <QTextDocument>

namespace paydesk::ui {

QString ReceiptDocument::html(const OrderDetails& d, const QString& storeName,
                              const QString& counterName, bool sandbox)
{
    const OrderRecord& o = d.order;
    const PaymentRecord* paid = nullptr;
    for (const PaymentRecord& p : d.payments)
        if (p.paymentNo == o.paidPaymentNo)
            paid = &p;
    auto row = [](const QString& k, const QString& v) {
        return QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
            .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    QString s = QStringLiteral("<html><body style='font-family:monospace'>");
    s += QStringLiteral("<h2 align='center'>%1</h2>")
             .arg((storeName.isEmpty() ? tr("PayDesk store") : storeName).toHtmlEscaped());
    if (!counterName.isEmpty())
        s += QStringLiteral("<p align='center'>%1</p>").arg(counterName.toHtmlEscaped());
    if (sandbox)
        s += QStringLiteral("<h3 align='center'>%1</h3>")
                 .arg(tr("SANDBOX / 测试环境 — not a real payment").toHtmlEscaped());
    s += QStringLiteral("<table width='100%'>");
    s += row(tr("Date"), QDateTime::fromMSecsSinceEpoch(o.createdAtMs)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    s += row(tr("Order no."), o.orderNo);
    if (!o.subject.isEmpty())
        s += row(tr("Items"), o.subject);
    s += row(tr("Amount"), o.amount.toDisplayString());
    if (paid) {
        s += row(tr("Paid with"), SaleText::walletLabel(paid->wallet));
        s += row(tr("Payment code"), paid->codeMasked);
        if (!paid->channelTradeNo.isEmpty())
            s += row(tr("Transaction no."), paid->channelTradeNo);
    }
    for (const RefundRecord& r : d.refunds)
        if (r.state == RefundState::Success || r.state == RefundState::Processing ||
            r.state == RefundState::Created)
            s += row(tr("Refund %1").arg(r.refundNo.right(8)),
                     QStringLiteral("-") + r.amount.toDisplayString());
    s += row(tr("State"), SaleText::orderStateLabel(o.state));
    s += QStringLiteral("</table><p align='center'>%1</p></body></html>")
             .arg(tr("Thank you. Keep this receipt for refunds.").toHtmlEscaped());
    return s;
}

void ReceiptDocument::print(const QString& html, QPrinter& printer)
{
    QTextDocument doc;
    doc.setHtml(html);
    doc.print(&printer);
}

QString ReceiptDocument::exportPdf(const QString& html, const QString& path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QSizeF(80, 200), QPageSize::Millimeter)); // receipt roll
    print(html, printer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return tr("The PDF could not be written to %1. Choose another folder.").arg(path);
    return {};
}

} // namespace paydesk::ui
