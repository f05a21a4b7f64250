#include "common/JsonFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace paydesk {

QString readJsonObjectFile(const QString& path, QJsonObject& out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
    // read() past the limit rather than size(): a pipe or a file that grows
    // has no size to trust.
    const QByteArray bytes = f.read(kMaxJsonFileBytes + 1);
    if (bytes.size() > kMaxJsonFileBytes)
        return QStringLiteral("%1 is larger than %2 KiB: not a configuration file")
            .arg(path)
            .arg(kMaxJsonFileBytes / 1024);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError)
        return QStringLiteral("%1 is not valid JSON at offset %2: %3")
            .arg(path)
            .arg(pe.offset)
            .arg(pe.errorString());
    if (!doc.isObject())
        return QStringLiteral("%1 must hold a JSON object ({...})").arg(path);
    out = doc.object();
    return QString();
}

} // namespace paydesk
