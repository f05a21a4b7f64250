#include "receipt/ReceiptDialog.h"

#include "receipt/ReceiptDocument.h"
#include "settings/AppSettings.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace paydesk::ui {

ReceiptDialog::ReceiptDialog(PayDeskApi& api, AppSettings& settings, const QString& orderNo,
                             bool sandbox, QWidget* parent)
    : QDialog(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("receiptDialog"));
    setWindowTitle(tr("Receipt"));
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("receiptPreview"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* print = new QPushButton(tr("Print…"), this);
    print->setObjectName(QStringLiteral("receiptPrint"));
    auto* pdf = new QPushButton(tr("Export PDF…"), this);
    pdf->setObjectName(QStringLiteral("receiptPdf"));
    auto* close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(print);
    buttons->addWidget(pdf);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    connect(print, &QPushButton::clicked, this, &ReceiptDialog::print);
    connect(pdf, &QPushButton::clicked, this, &ReceiptDialog::chooseAndExport);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    api.orderDetails(orderNo, [this, orderNo, sandbox](const std::optional<OrderDetails>& d) {
        if (!d) {
            m_status->setText(tr("Order %1 was not found.").arg(orderNo));
            return;
        }
        m_html =
            ReceiptDocument::html(*d, m_settings.storeName(), m_settings.terminalName(), sandbox);
        m_preview->setHtml(m_html);
    });
    resize(420, 600);
}

QString ReceiptDialog::exportPdf(const QString& path)
{
    const QString e = ReceiptDocument::exportPdf(m_html, path);
    m_status->setText(e.isEmpty() ? tr("Saved %1.").arg(path) : e);
    return e;
}

void ReceiptDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    if (!m_settings.printerName().isEmpty())
        printer.setPrinterName(m_settings.printerName());
    if (QPrinterInfo::availablePrinterNames().isEmpty()) {
        m_status->setText(tr("No printer is set up on this computer. Export a PDF instead, or "
                             "add a printer and try again."));
        return;
    }
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ReceiptDocument::print(m_html, printer);
    m_status->setText(tr("Sent to the printer."));
}

void ReceiptDialog::chooseAndExport()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export receipt as PDF"), dir,
                                                      tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

} // namespace paydesk::ui
