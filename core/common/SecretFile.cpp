#include "common/SecretFile.h"

#include <QDir>
#include <QFile>

namespace paydesk {

QString readSecretFile(const QString& baseDir, const QString& name, const QString& where,
                       QByteArray* out)
{
    const QString path = QDir(baseDir).absoluteFilePath(name);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot read %2: %3").arg(where, path, f.errorString());
    *out = f.readAll().trimmed();
    if (out->isEmpty())
        return QStringLiteral("%1: %2 is empty").arg(where, path);
    return QString();
}

} // namespace paydesk
