#include "api/SessionFile.h"

#include "common/SaveFile.h"

#include <QFile>

namespace paydesk {

QString writeSessionFile(const QString& path, const QString& token)
{
    return saveFile(path, token.toLatin1() + '\n', true);
}

QString readSessionFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    // A token is 43 characters; anything much longer is not one.
    return QString::fromLatin1(f.read(256)).trimmed();
}

} // namespace paydesk
