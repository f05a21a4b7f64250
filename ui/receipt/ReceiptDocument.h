#pragma once

#include "api/types/Commands.h"

#include <QCoreApplication>
#include <QString>

class QPrinter;

namespace paydesk::ui {

// A sale's receipt as HTML (for preview, printer and PDF alike). Built from
// the order as the core reports it; the payment code appears masked only.
class ReceiptDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptDocument)
public:
    // `sandbox`: the sale went through the sandbox acquirer; the receipt
    // says in large type that it is no proof of payment.
    static QString html(const OrderDetails& details, const QString& storeName,
                        const QString& counterName, bool sandbox);
    static void print(const QString& html, QPrinter& printer);
    // Writes a PDF; returns an error text, empty on success.
    static QString exportPdf(const QString& html, const QString& path);
};

} // namespace paydesk::ui
