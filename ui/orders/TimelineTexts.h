#pragma once

#include <QString>

namespace paydesk::ui {

// The timeline's codes in the user's language: the kind of step, who
// recorded it, and state names. A code this table does not know is shown as
// it is, so nothing the core records is ever hidden.
QString timelineStepLabel(const QString& kind);
QString timelineSourceLabel(const QString& source);
QString timelineStateLabel(const QString& stateName);
QString alertLevelLabel(const QString& levelName);

} // namespace paydesk::ui
