#pragma once

#include <QByteArray>
#include <QString>

namespace paydesk {

// Writes the whole file or leaves the old one (QSaveFile: a temporary
// renamed into place). `secret`: owner-only permissions (0600), set before
// the content lands, so a key is never readable by others; other files are
// 0644, writable by their owner only. Returns an error text naming the
// file, empty on success.
QString saveFile(const QString& path, const QByteArray& data, bool secret = false);

} // namespace paydesk
