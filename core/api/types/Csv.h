#pragma once

#include <QString>
#include <QStringList>

// CSV files people open in a spreadsheet: exports of orders and the audit log.
namespace paydesk::csv {

// RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @)
// is kept as text by a leading apostrophe.
QString cell(const QString& text);
// The cells quoted and joined by commas, with CRLF (RFC 4180).
QString row(const QStringList& cells);

} // namespace paydesk::csv
