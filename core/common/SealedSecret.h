#pragma once

#include "common/SealKey.h"

#include <QByteArray>
#include <QString>

namespace paydesk {

// A sealed file: a secret (API key, private key, password) encrypted with
// AES-256-GCM under a SealKey, as text, so that it may sit where the plain
// file sat and be told apart from one:
//
//   PAYDESK-SEALED-1 key 1a2b3c4d
//   <base64 of nonce (12 bytes) | ciphertext | tag (16 bytes), 64 a line>
//
// The first line is the header: the format's version and the id of the
// key (SealKey::id). It is the cipher's additional authenticated data, so
// it cannot be edited without the tag failing. Each seal draws a fresh
// random nonce: sealing the same secret twice gives different files.

// Whether the file's bytes are sealed (start with "PAYDESK-SEALED-"),
// whatever the version: a file that is not is read as it is.
bool isSealed(const QByteArray& fileBytes);

// The key id its header names ("" when it is no version-1 header): to say
// which key a file wants.
QString sealedKeyId(const QByteArray& fileBytes);

// Seals `plain` (at most what fits in a key file once sealed). Error text
// (no random bytes, too large) or empty; the file's bytes in *sealed.
QString sealSecret(const SealKey& key, const QByteArray& plain, QByteArray* sealed);

// Unseals a sealed file's bytes. `name` names the file in the error text
// ("the server's private key: /etc/paydesk/server.key"). A wrong key, an
// edited, truncated or damaged file, an unknown version: error text and
// *plain left empty, never part of the plaintext.
QString unsealSecret(const SealKey& key, const QByteArray& fileBytes, const QString& name,
                     QByteArray* plain);

} // namespace paydesk
