#pragma once

#include "api/PayDeskApi.h"

#include <QString>

namespace paydesk::ui {

// The timeline's codes in the user's language: the kind of step, who
// recorded it, and state names. A code this table does not know is shown as
// it is, so nothing the core records is ever hidden.
QString timelineStepLabel(const QString& kind);
QString timelineSourceLabel(const QString& source);
QString timelineStateLabel(const QString& stateName);
QString alertLevelLabel(const QString& levelName);
// A step's message in the user's language from its code and arguments; the
// core's English text for a step without a code, or with one this table
// does not know yet.
QString timelineMessage(const TrackEvent& e);
// The codes this table renders (tests compare them with the core's).
QStringList timelineMessageCodes();

} // namespace paydesk::ui
