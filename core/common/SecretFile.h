#pragma once

#include <QByteArray>
#include <QString>

namespace paydesk {

// How widely a file of key material may be shared. Either way only its
// owner may write it: whoever can change a key or certificate can sign or
// receive as the merchant.
enum class KeyFileKind
{
    // API keys, private keys, database passwords: not readable by others
    // either (as ssh refuses an unprotected private key); its group may
    // read it, for a service account's group.
    Secret,
    // Certificates and the gateways' public keys: anyone may read them.
    Public,
};

// No key, certificate or password file is larger: 64 KiB holds a long
// certificate chain many times over.
inline constexpr qint64 kMaxKeyFileBytes = 64 * 1024;

// Reads key material from `path` after checking the file: a regular file
// (symbolic links followed, then the target checked; no directory, device
// or pipe), at most kMaxKeyFileBytes (read with that bound, never whole),
// not writable by its group or others, and for a Secret not readable by
// others. A Secret that is sealed (common/SealedSecret) is unsealed with
// the key the environment names (common/SealKey), so that a configuration
// may point at a sealed file wherever it points at a secret; a sealed file
// is checked as a plain one first. A sealed Public file is refused: a
// certificate needs no sealing. Error text naming `where`, the file and
// the fix ("... is writable by others: run chmod 600 FILE"), or empty.
QString readKeyFile(const QString& path, KeyFileKind kind, const QString& where, QByteArray* out);

// The same checks, but the bytes as stored: a sealed file is not unsealed.
// For the sealing key itself and for `secret seal|unseal`.
QString readKeyFileAsStored(const QString& path, KeyFileKind kind, const QString& where,
                            QByteArray* out);

// Reads a secret (API key, password, private key) from the file `name`,
// relative to `baseDir` (the configuration file's directory), checked as
// a KeyFileKind::Secret (a sealed one unsealed) and trimmed; an empty one
// is refused. Secrets live
// in files so they are never typed into a shared configuration or printed.
// Error text naming `where` and the path, or empty.
QString readSecretFile(const QString& baseDir, const QString& name, const QString& where,
                       QByteArray* out);

// The same for a public key or certificate (KeyFileKind::Public).
QString readPublicKeyFile(const QString& baseDir, const QString& name, const QString& where,
                          QByteArray* out);

} // namespace paydesk
