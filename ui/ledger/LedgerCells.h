#pragma once

#include <QVariant>

namespace paydesk::ui {

// Amounts line up on the right, as in a printed ledger.
inline QVariant amountAlignment()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace paydesk::ui
