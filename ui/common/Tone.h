#pragma once

#include "cashier/SaleView.h"

#include <QColor>
#include <QIcon>

namespace paydesk::ui {

// Colour and icon of an outcome: the same everywhere an outcome is shown.
QColor toneColor(SaleTone tone, bool highContrast);
QIcon toneIcon(SaleTone tone);

} // namespace paydesk::ui
