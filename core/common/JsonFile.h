#pragma once

#include <QJsonObject>
#include <QString>

namespace paydesk {

// A configuration file is small: one larger than this is not one (a log, a
// database, a bill picked by mistake) and is refused before it is read.
constexpr qint64 kMaxJsonFileBytes = 1024 * 1024;

// Reads the JSON object a configuration file holds. Returns '' and fills
// `out`, or the reason, naming the file: unreadable, too large, not JSON
// (with the offset), or JSON but not an object.
QString readJsonObjectFile(const QString& path, QJsonObject& out);

} // namespace paydesk
