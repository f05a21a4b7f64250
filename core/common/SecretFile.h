#pragma once

#include <QByteArray>
#include <QString>

namespace paydesk {

// Reads a secret (API key, password) from the file `name`, relative to
// `baseDir` (the configuration file's directory), trimmed. Secrets live in
// files so they are never typed into a shared configuration or printed.
// Error text naming `where` and the path, or empty.
QString readSecretFile(const QString& baseDir, const QString& name, const QString& where,
                       QByteArray* out);

} // namespace paydesk
