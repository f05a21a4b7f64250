#pragma once

#include <QString>

namespace paydesk {

// Checks a PayDesk number typed by a person (PO order, PA payment, RF
// refund, RV revoke: 32 characters). Returns what is wrong, empty when the
// format is right.
QString checkNumberFormat(const QString& number);

} // namespace paydesk
