#include "common/SealKey.h"

#include "common/Cleanse.h"
#include "common/SealedSecret.h"
#include "common/SecretFile.h"

#include <QFile>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace paydesk {

namespace {

QString makeOneHint()
{
    return QStringLiteral("a sealing key is %1 random bytes in base64, as "
                          "paydesk-core secret new-key FILE writes it")
        .arg(kSealKeyBytes);
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

SealKey::~SealKey()
{
    OPENSSL_cleanse(bytes.data(), bytes.size());
}

QString SealKey::id() const
{
    // A label first, so the id is not the key's plain SHA-256.
    static const char label[] = "PAYDESK-SEAL-KEY-ID";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdLen = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1 &&
                    EVP_DigestUpdate(ctx, label, sizeof label - 1) == 1 &&
                    EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) == 1 &&
                    EVP_DigestFinal_ex(ctx, md, &mdLen) == 1;
    EVP_MD_CTX_free(ctx);
    Q_ASSERT(ok && mdLen >= 4);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(md), 4).toHex());
}

QString parseSealKey(const QByteArray& text, const QString& source, SealKey* out)
{
    Q_ASSERT(out);
    QByteArray trimmed = text.trimmed();
    auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    wipe(&trimmed);
    QString error;
    if (!decoded || decoded.decoded.isEmpty())
        error = QStringLiteral("%1 is not a sealing key: %2").arg(source, makeOneHint());
    else if (decoded.decoded.size() != kSealKeyBytes)
        error = QStringLiteral("%1 is %2 bytes, not %3: %4")
                    .arg(source)
                    .arg(decoded.decoded.size())
                    .arg(kSealKeyBytes)
                    .arg(makeOneHint());
    else
        std::memcpy(out->bytes.data(), decoded.decoded.constData(), out->bytes.size());
    wipe(&decoded.decoded);
    return error;
}

QString readSealKeyFile(const QString& path, const QString& where, SealKey* out)
{
    QByteArray text;
    if (QString e = readKeyFileAsStored(path, KeyFileKind::Secret, where, &text); !e.isEmpty())
        return e;
    QString error;
    if (isSealed(text))
        error = QStringLiteral("%1: %2 is itself sealed: the key that unseals the others is "
                               "kept in the clear, readable by the service user only "
                               "(unseal it, chmod 600 %2)")
                    .arg(where, path);
    else
        error = parseSealKey(text, QStringLiteral("%1: %2").arg(where, path), out);
    wipe(&text);
    return error;
}

QString sealKeyFromEnvironment(SealKey* out, bool* found)
{
    Q_ASSERT(out && found);
    const QString file = qEnvironmentVariable(kSealKeyFileVariable);
    QByteArray inlineKey = qgetenv(kSealKeyVariable);
    *found = !file.isEmpty() || !inlineKey.isEmpty();
    QString error;
    if (!file.isEmpty() && !inlineKey.isEmpty())
        error = QStringLiteral("both %1 and %2 are set: set only one, so that it is clear "
                               "which key is used")
                    .arg(QLatin1String(kSealKeyFileVariable), QLatin1String(kSealKeyVariable));
    else if (!file.isEmpty())
        error = readSealKeyFile(
            file, QStringLiteral("the sealing key (%1)").arg(QLatin1String(kSealKeyFileVariable)),
            out);
    else if (!inlineKey.isEmpty())
        error = parseSealKey(
            inlineKey, QStringLiteral("the sealing key in %1").arg(QLatin1String(kSealKeyVariable)),
            out);
    wipe(&inlineKey);
    return error;
}

QString createSealKeyFile(const QString& path, SealKey* out)
{
    Q_ASSERT(out);
    if (RAND_bytes(out->bytes.data(), int(out->bytes.size())) != 1)
        return QStringLiteral("no random bytes for a sealing key (OpenSSL's RAND_bytes failed)");
    QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char*>(out->bytes.data()),
                                              qsizetype(out->bytes.size()))
                          .toBase64();
    text.append('\n');
    // O_EXCL: created here or refused, with no window in which another
    // file could be replaced; 0600 from the start, whatever the umask.
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        const int err = errno;
        wipe(&text);
        if (err == EEXIST)
            return QStringLiteral("%1 exists: a new sealing key never replaces a file (what an "
                                  "old key sealed could not be unsealed again); name a new file")
                .arg(path);
        return QStringLiteral("cannot write %1: %2")
            .arg(path, QString::fromLocal8Bit(std::strerror(err)));
    }
    QString error;
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        error = errnoText();
    qsizetype done = 0;
    while (error.isEmpty() && done < text.size()) {
        const ssize_t n = ::write(fd, text.constData() + done, size_t(text.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            error = n < 0 ? errnoText() : QStringLiteral("nothing written");
        else
            done += n;
    }
    if (error.isEmpty() && ::fsync(fd) != 0)
        error = errnoText();
    if (::close(fd) != 0 && error.isEmpty())
        error = errnoText();
    wipe(&text);
    if (error.isEmpty())
        return QString();
    ::unlink(name.constData());
    return QStringLiteral("cannot write %1: %2").arg(path, error);
}

} // namespace paydesk
