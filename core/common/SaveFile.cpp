#include "common/SaveFile.h"

#include <QSaveFile>

namespace paydesk {

QString saveFile(const QString& path, const QByteArray& data, bool secret)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    // Set before the content lands. Others never write what PayDesk
    // writes: key files whose group may write them are refused on reading.
    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    f.setPermissions(secret ? owner : owner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (f.write(data) != data.size() || !f.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return QString();
}

} // namespace paydesk
