#include "api/TerminalKeyFile.h"

#include "api/JsonReader.h"
#include "common/SecretFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace paydesk {

QString readTerminalKey(const QString& path, TerminalKey* out)
{
    QByteArray bytes;
    if (QString e =
            readKeyFile(path, KeyFileKind::Secret, QStringLiteral("the terminal key"), &bytes);
        !e.isEmpty())
        return e;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (!doc.isObject())
        return QStringLiteral("%1 is not a terminal key file (JSON object expected: %2)")
            .arg(path, pe.errorString());
    JsonReader r(doc.object(), JsonReader::Mode::Strict);
    TerminalKey k;
    k.server = r.string(QStringLiteral("server"));
    k.storeId = r.string(QStringLiteral("storeId"), true);
    k.terminalId = r.string(QStringLiteral("terminalId"), true);
    k.secret = r.string(QStringLiteral("secret"), true).toLatin1();
    k.caFile = r.string(QStringLiteral("caFile"));
    k.fingerprintSha256 = r.string(QStringLiteral("fingerprintSha256"));
    if (!r.finish())
        return QStringLiteral("%1: %2").arg(path, r.error());
    if (!k.caFile.isEmpty() && QFileInfo(k.caFile).isRelative())
        k.caFile = QFileInfo(path).dir().filePath(k.caFile);
    *out = k;
    return QString();
}

QString writeTerminalKey(const QString& path, const TerminalKey& key)
{
    QJsonObject o{{QStringLiteral("server"), key.server},
                  {QStringLiteral("storeId"), key.storeId},
                  {QStringLiteral("terminalId"), key.terminalId},
                  {QStringLiteral("secret"), QString::fromLatin1(key.secret)}};
    if (!key.caFile.isEmpty())
        o.insert(QStringLiteral("caFile"), key.caFile);
    if (!key.fingerprintSha256.isEmpty())
        o.insert(QStringLiteral("fingerprintSha256"), key.fingerprintSha256);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write the terminal key %1: %2").arg(path, f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(o).toJson());
    if (!f.commit())
        return QStringLiteral("cannot write the terminal key %1: %2").arg(path, f.errorString());
    return QString();
}

} // namespace paydesk
