#include "api/SecretFiles.h"

#include "common/Cleanse.h"
#include "common/SaveFile.h"
#include "common/SealKey.h"
#include "common/SealedSecret.h"
#include "common/SecretFile.h"

#include <QFileInfo>

namespace paydesk {

namespace {

using Status = SecretFileOutcome::Status;

SecretFileOutcome failed(Status status, const QString& message)
{
    SecretFileOutcome o;
    o.status = status;
    o.message = message;
    return o;
}

// The key of `keyFile`, else the environment's, as the service finds it.
SecretFileOutcome findKey(const QString& keyFile, const QString& command, SealKey* key)
{
    if (!keyFile.isEmpty()) {
        if (QString e = readSealKeyFile(keyFile, QStringLiteral("the sealing key"), key);
            !e.isEmpty())
            return failed(Status::Refused, e);
        return SecretFileOutcome();
    }
    bool found = false;
    if (QString e = sealKeyFromEnvironment(key, &found); !e.isEmpty())
        return failed(Status::Refused, e);
    if (!found)
        return failed(Status::NoKey, QStringLiteral("%1 needs the sealing key: give --key-file "
                                                    "KEYFILE or set %2 (or %3); make a key with "
                                                    "paydesk-core secret new-key KEYFILE")
                                         .arg(command, QLatin1String(kSealKeyFileVariable),
                                              QLatin1String(kSealKeyVariable)));
    return SecretFileOutcome();
}

// Why `stored` cannot be sealed (unsealed) as asked, or empty.
QString refusal(SealDirection direction, const QString& file, const QByteArray& stored)
{
    if (direction == SealDirection::Unseal)
        return isSealed(stored) ? QString()
                                : QStringLiteral("%1 is not sealed: nothing to unseal").arg(file);
    if (isSealed(stored)) {
        const QString id = sealedKeyId(stored);
        return QStringLiteral("%1 is already sealed%2: nothing to seal")
            .arg(file, id.isEmpty() ? QString() : QStringLiteral(" (key %1)").arg(id));
    }
    if (stored.isEmpty())
        return QStringLiteral("%1 is empty: nothing to seal").arg(file);
    return QString();
}

} // namespace

SecretFileOutcome createSealKey(const QString& path)
{
    SealKey key;
    if (QString e = createSealKeyFile(path, &key); !e.isEmpty())
        return failed(Status::Refused, e);
    SecretFileOutcome o;
    o.keyId = key.id();
    o.fileDone = QFileInfo(path).absoluteFilePath();
    return o;
}

SecretFileOutcome sealFile(SealDirection direction, const QString& file, const QString& keyFile,
                           const QString& to, QByteArray* bytes)
{
    const QString command = direction == SealDirection::Seal ? QStringLiteral("secret seal")
                                                             : QStringLiteral("secret unseal");
    // Checked as any secret: one that others could read or change is
    // refused before it is sealed, and a sealed one before it is unsealed.
    QByteArray stored;
    if (QString e = readKeyFileAsStored(file, KeyFileKind::Secret, command, &stored); !e.isEmpty())
        return failed(Status::Refused, e);
    // Said before a key is looked for: it needs none.
    if (QString why = refusal(direction, file, stored); !why.isEmpty()) {
        wipe(&stored);
        return failed(Status::Refused, why);
    }
    SealKey key;
    if (SecretFileOutcome o = findKey(keyFile, command, &key); !o.ok()) {
        wipe(&stored);
        return o;
    }
    QByteArray result;
    const QString e = direction == SealDirection::Seal ? sealSecret(key, stored, &result)
                                                       : unsealSecret(key, stored, file, &result);
    wipe(&stored);
    if (!e.isEmpty())
        return failed(Status::Refused, direction == SealDirection::Seal
                                           ? QStringLiteral("cannot seal %1: %2").arg(file, e)
                                           : e);
    SecretFileOutcome o;
    o.keyId = key.id();
    if (bytes) {
        *bytes = result;
        return o;
    }
    o.fileDone = to.isEmpty() ? QFileInfo(file).canonicalFilePath() : to;
    if (QString w = saveFile(o.fileDone, result, true); !w.isEmpty())
        o = failed(Status::WriteFailed, w);
    wipe(&result);
    return o;
}

void wipeSecretBytes(QByteArray* bytes)
{
    wipe(bytes);
}

} // namespace paydesk
