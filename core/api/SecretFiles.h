#pragma once

#include <QByteArray>
#include <QString>

namespace paydesk {

// `paydesk-core secret ...` for front ends, which reach core/common's
// sealed files (common/SealedSecret, common/SealKey) through the facade.

struct SecretFileOutcome
{
    enum class Status
    {
        Ok,
        Refused,     // the file, the key or the request is not right (the message says why)
        NoKey,       // no --key-file and no key in the environment
        WriteFailed, // the result could not be written
    };
    Status status = Status::Ok;
    QString message;  // the error, or empty
    QString keyId;    // the sealing key's id (SealKey::id)
    QString fileDone; // where the result was written (empty for *bytes)
    bool ok() const { return status == Status::Ok; }
};

// A new random sealing key in the new file `path` (0600): an existing file
// is never replaced.
SecretFileOutcome createSealKey(const QString& path);

enum class SealDirection
{
    Seal,
    Unseal,
};

// Seals or unseals the secret file `file` (checked as a secret: owner-only)
// with the key in `keyFile`, or the environment's (PAYDESK_SEAL_KEY_FILE,
// PAYDESK_SEAL_KEY) when it is empty. The result goes to `to`, written
// atomically and 0600; an empty `to` is `file` itself (a link's target), so
// that the configuration naming it goes on naming it. When `bytes` is not
// null the result is put there instead and nothing is written. Sealing a
// sealed file or unsealing a plain one is refused.
SecretFileOutcome sealFile(SealDirection direction, const QString& file, const QString& keyFile,
                           const QString& to, QByteArray* bytes = nullptr);

// Overwrites and empties what `sealFile` put in *bytes, once it is used.
void wipeSecretBytes(QByteArray* bytes);

} // namespace paydesk
