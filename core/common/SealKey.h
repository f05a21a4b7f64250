#pragma once

#include <QByteArray>
#include <QString>

#include <array>

namespace paydesk {

// A sealing key: 32 random bytes for AES-256-GCM (common/SealedSecret).
inline constexpr int kSealKeyBytes = 32;

// Where a service finds its sealing key. The file is the better place: the
// environment of a process can be read by its user's other processes and
// may be logged by a service manager.
inline constexpr char kSealKeyFileVariable[] = "PAYDESK_SEAL_KEY_FILE";
inline constexpr char kSealKeyVariable[] = "PAYDESK_SEAL_KEY";

// The key's bytes, overwritten when it goes. Read where it is needed (no
// process-wide copy): it lives only while a file is sealed or unsealed.
struct SealKey
{
    std::array<unsigned char, kSealKeyBytes> bytes{};

    SealKey() = default;
    SealKey(const SealKey&) = default;
    SealKey& operator=(const SealKey&) = default;
    ~SealKey();

    // 8 hex digits that name the key without revealing it (from a SHA-256
    // of it): a sealed file records the id of its key, so that "wrong key"
    // is told apart from "changed file", and keys can be told apart.
    QString id() const;
};

// A key as a key file or PAYDESK_SEAL_KEY holds it: the 32 bytes in base64
// (surrounding whitespace ignored). `source` names where it came from in
// the error text; empty on success.
QString parseSealKey(const QByteArray& text, const QString& source, SealKey* out);

// Reads a key file, checked as a secret (readKeyFileAsStored with
// KeyFileKind::Secret: owner-only). A sealed key file is refused: the key
// that opens the others is kept in the clear. `where` says why it was read
// ("the sealing key (PAYDESK_SEAL_KEY_FILE)"). Error text or empty.
QString readSealKeyFile(const QString& path, const QString& where, SealKey* out);

// The key the environment names: the file in PAYDESK_SEAL_KEY_FILE, or the
// base64 in PAYDESK_SEAL_KEY; both set is refused (which one seals would be
// unclear). *found is false when neither is set, and then no error is
// returned: the caller says what needed a key. Error text or empty.
QString sealKeyFromEnvironment(SealKey* out, bool* found);

// A fresh random key, written to a new file `path` (0600, base64 and a
// newline): an existing file is never replaced, since what it sealed could
// not be unsealed again. Error text or empty; the key in *out.
QString createSealKeyFile(const QString& path, SealKey* out);

} // namespace paydesk
