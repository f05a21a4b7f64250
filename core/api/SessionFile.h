#pragma once

#include <QString>

namespace paydesk {

// Where a front end keeps a logged-in person's session token between
// commands: one line, owner-only (0600), written whole or not at all.
// Error text naming the file, empty on success.
QString writeSessionFile(const QString& path, const QString& token);
// The token, or empty when there is no such file (not logged in).
QString readSessionFile(const QString& path);

} // namespace paydesk
