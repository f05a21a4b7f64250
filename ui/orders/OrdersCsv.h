#pragma once

#include "api/PayDeskApi.h"

#include <QString>

namespace paydesk::ui {

// One exported order: the order and the payment whose money it keeps (or
// its last attempt).
struct OrderCsvLine
{
    OrderRecord order;
    const PaymentRecord* payment = nullptr;
};

// The CSV file's text for support and accounting: stable English column
// names and machine state names (spreadsheets and scripts read them), amounts
// as decimal text exactly as stored, never through a float.
namespace OrdersCsv {
QString header();
QString line(const OrderCsvLine& row);
// RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @)
// is kept as text by a leading apostrophe.
QString cell(const QString& text);
} // namespace OrdersCsv

} // namespace paydesk::ui
