#pragma once

#include <QStringList>

namespace paydesk::sandbox {

// The sandbox's schema, one entry per version (Database::open runs the ones
// a file has not seen). Append only: a shipped entry never changes.
QStringList tradeSchemaMigrations();

} // namespace paydesk::sandbox
