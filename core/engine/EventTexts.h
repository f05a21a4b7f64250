#pragma once

#include "domain/Records.h"

namespace paydesk::events {

// A timeline step's text from its stable code: the code and arguments are
// stored with the event (front ends render them in the user's language, see
// ui/orders/TimelineTexts), the English template fills `english`. A code
// missing from the table is a programmer error.
EventText text(const char* code, const QStringList& args = {});

// The English template of a code; empty when unknown (tests walk the table).
QString englishTemplate(const QString& code);
QStringList codes();

} // namespace paydesk::events
