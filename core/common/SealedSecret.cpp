#include "common/SealedSecret.h"

#include "common/Cleanse.h"
#include "common/SecretFile.h"

#include <QList>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace paydesk {

namespace {

constexpr char kMagic[] = "PAYDESK-SEALED-";
constexpr char kVersion1[] = "PAYDESK-SEALED-1";
constexpr char kKeyWord[] = "key";
constexpr int kNonceBytes = 12; // GCM's own size: no hashing of a longer IV
constexpr int kTagBytes = 16;   // the full tag: forgery odds 2^-128
constexpr int kLineChars = 64;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext newContext()
{
    return CipherContext(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
}

unsigned char* bytesOf(QByteArray& b, qsizetype at = 0)
{
    return reinterpret_cast<unsigned char*>(b.data()) + at;
}

const unsigned char* bytesOf(const QByteArray& b, qsizetype at = 0)
{
    return reinterpret_cast<const unsigned char*>(b.constData()) + at;
}

QByteArray headerFor(const SealKey& key)
{
    return QByteArray(kVersion1) + ' ' + kKeyWord + ' ' + key.id().toLatin1();
}

// The header line, without its line end; the rest after it.
QByteArray headerLine(const QByteArray& fileBytes, QByteArray* rest = nullptr)
{
    const qsizetype eol = fileBytes.indexOf('\n');
    QByteArray header = eol < 0 ? fileBytes : fileBytes.left(eol);
    if (header.endsWith('\r'))
        header.chop(1);
    if (rest)
        *rest = eol < 0 ? QByteArray() : fileBytes.mid(eol + 1);
    return header;
}

bool isKeyId(const QByteArray& text)
{
    if (text.size() != 8)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// Base64 as written, 64 characters a line; any line breaks or blanks an
// editor left are ignored when reading.
QByteArray withoutWhitespace(const QByteArray& text)
{
    QByteArray compact;
    compact.reserve(text.size());
    for (char c : text)
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t')
            compact.append(c);
    return compact;
}

} // namespace

bool isSealed(const QByteArray& fileBytes)
{
    return fileBytes.startsWith(kMagic);
}

QString sealedKeyId(const QByteArray& fileBytes)
{
    const QList<QByteArray> parts = headerLine(fileBytes).split(' ');
    if (parts.size() != 3 || parts[0] != kVersion1 || parts[1] != kKeyWord || !isKeyId(parts[2]))
        return QString();
    return QString::fromLatin1(parts[2]);
}

QString sealSecret(const SealKey& key, const QByteArray& plain, QByteArray* sealed)
{
    Q_ASSERT(sealed);
    sealed->clear();
    if (plain.size() > kMaxKeyFileBytes)
        return QStringLiteral("%1 bytes are more than a key file holds (%2 KiB)")
            .arg(plain.size())
            .arg(kMaxKeyFileBytes / 1024);
    const QByteArray header = headerFor(key);
    QByteArray payload(kNonceBytes + plain.size() + kTagBytes, Qt::Uninitialized);
    if (RAND_bytes(bytesOf(payload), kNonceBytes) != 1)
        return QStringLiteral("no random bytes for the nonce (OpenSSL's RAND_bytes failed)");
    const CipherContext ctx = newContext();
    int n = 0;
    int tail = 0;
    const bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.bytes.data(), bytesOf(payload)) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &n, bytesOf(header), int(header.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), bytesOf(payload, kNonceBytes), &n, bytesOf(plain),
                          int(plain.size())) == 1 &&
        n == plain.size() &&
        EVP_EncryptFinal_ex(ctx.get(), bytesOf(payload, kNonceBytes + n), &tail) == 1 &&
        tail == 0 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                            bytesOf(payload, kNonceBytes + n)) == 1;
    if (!ok)
        return QStringLiteral("AES-256-GCM failed in OpenSSL");
    const QByteArray base64 = payload.toBase64();
    QByteArray text = header + '\n';
    for (qsizetype at = 0; at < base64.size(); at += kLineChars)
        text += base64.mid(at, kLineChars) + '\n';
    if (text.size() > kMaxKeyFileBytes)
        return QStringLiteral("%1 bytes sealed are more than a key file holds (%2 KiB)")
            .arg(text.size())
            .arg(kMaxKeyFileBytes / 1024);
    *sealed = text;
    return QString();
}

QString unsealSecret(const SealKey& key, const QByteArray& fileBytes, const QString& name,
                     QByteArray* plain)
{
    Q_ASSERT(plain);
    plain->clear();
    QByteArray body;
    const QByteArray header = headerLine(fileBytes, &body);
    const QList<QByteArray> parts = header.split(' ');
    if (parts[0] != kVersion1)
        return QStringLiteral("%1 is sealed in a format this PayDesk does not read (%2, not %3): "
                              "unseal it with the PayDesk that sealed it")
            .arg(name, QString::fromLatin1(parts[0].left(40)), QLatin1String(kVersion1));
    const QString wantedId = sealedKeyId(fileBytes);
    if (wantedId.isEmpty())
        return QStringLiteral("%1 is damaged: its first line is not \"%2 %3 ID\" (was it "
                              "edited?)")
            .arg(name, QLatin1String(kVersion1), QLatin1String(kKeyWord));
    auto decoded = QByteArray::fromBase64Encoding(withoutWhitespace(body),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return QStringLiteral("%1 is damaged: what follows its first line is not base64").arg(name);
    const QByteArray& payload = decoded.decoded;
    if (payload.size() < kNonceBytes + kTagBytes)
        return QStringLiteral("%1 is truncated: %2 bytes of sealed data, a sealed file has at "
                              "least %3")
            .arg(name)
            .arg(payload.size())
            .arg(kNonceBytes + kTagBytes);
    const int cipherBytes = int(payload.size()) - kNonceBytes - kTagBytes;
    // Decrypted into a buffer of its own: GCM yields the plaintext before
    // the tag is checked, and an unchecked plaintext is wiped, never given.
    QByteArray out(cipherBytes, Qt::Uninitialized);
    QByteArray tag = payload.right(kTagBytes);
    const CipherContext ctx = newContext();
    int n = 0;
    int tail = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.bytes.data(), bytesOf(payload)) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &n, bytesOf(header), int(header.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), bytesOf(out), &n, bytesOf(payload, kNonceBytes),
                          cipherBytes) == 1 &&
        n == cipherBytes &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytesOf(tag)) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), bytesOf(out, n), &tail) == 1 && tail == 0;
    if (ok) {
        *plain = out;
        return QString();
    }
    wipe(&out);
    if (wantedId != key.id())
        return QStringLiteral("%1 cannot be unsealed: it was sealed with the key %2 (or its "
                              "first line was edited), and the key given is %3")
            .arg(name, wantedId, key.id());
    return QStringLiteral("%1 cannot be unsealed: it was changed or damaged since it was "
                          "sealed (its authentication tag does not match); seal the secret again")
        .arg(name);
}

} // namespace paydesk
