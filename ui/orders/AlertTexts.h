#pragma once

#include <QString>

namespace paydesk::ui {

// What an alert of `kind` means and what to do, in the user's language. The
// core's own message (English, with the numbers) stays the detail; an
// unknown kind is shown as it is.
QString alertSummary(const QString& kind);

} // namespace paydesk::ui
