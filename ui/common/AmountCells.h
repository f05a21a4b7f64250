#pragma once

#include "api/types/BackOffice.h" // plainYuan

#include <QVariant>

namespace paydesk::ui {

// Amounts in tables: yuan with two decimals (plainYuan), lined up on the
// right as in a printed ledger.
inline QVariant amountAlignment()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace paydesk::ui
