#include "common/SecretFile.h"

#include "common/Cleanse.h"
#include "common/SealKey.h"
#include "common/SealedSecret.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace paydesk {

namespace {

QString typeName(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a directory");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISFIFO(mode))
        return QStringLiteral("a pipe (FIFO)");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

// The file's mode and size say whether it may be trusted; empty if so.
QString checkStat(const struct stat& st, KeyFileKind kind, const QString& where,
                  const QString& shown, const QString& real)
{
    if (!S_ISREG(st.st_mode))
        return QStringLiteral("%1: %2 is %3, not a file: name the key file itself")
            .arg(where, shown, typeName(st.st_mode));
    const QString mode =
        kind == KeyFileKind::Secret ? QStringLiteral("600") : QStringLiteral("644");
    auto fix = [&](const QString& what) {
        return QStringLiteral("%1: %2 is %3: run chmod %4 %5").arg(where, shown, what, mode, real);
    };
    if (st.st_mode & S_IWOTH)
        return fix(QStringLiteral("writable by others"));
    if (st.st_mode & S_IWGRP)
        return fix(QStringLiteral("writable by its group"));
    if (kind == KeyFileKind::Secret && (st.st_mode & S_IROTH))
        return fix(QStringLiteral("readable by others, and it holds a secret"));
    if (st.st_size > kMaxKeyFileBytes)
        return QStringLiteral("%1: %2 is %3 bytes; a key file is at most %4 KiB: is it the "
                              "right file?")
            .arg(where, shown)
            .arg(qint64(st.st_size))
            .arg(kMaxKeyFileBytes / 1024);
    return QString();
}

} // namespace

QString readKeyFileAsStored(const QString& path, KeyFileKind kind, const QString& where,
                            QByteArray* out)
{
    out->clear();
    // Links followed first, so that the file checked is the file read.
    const QString real = QFileInfo(path).canonicalFilePath();
    const QString shown =
        real.isEmpty() || real == path ? path : QStringLiteral("%1 (a link to %2)").arg(path, real);
    if (real.isEmpty())
        return QStringLiteral("%1: cannot read %2: %3")
            .arg(where, path, QString::fromLocal8Bit(std::strerror(ENOENT)));
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a
    // link put in place since the path was resolved is not followed.
    const int fd =
        ::open(QFile::encodeName(real).constData(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("%1: cannot read %2: %3")
            .arg(where, shown, QString::fromLocal8Bit(std::strerror(errno)));
    struct stat st;
    QString error;
    if (::fstat(fd, &st) != 0)
        error = QStringLiteral("%1: cannot read %2: %3")
                    .arg(where, shown, QString::fromLocal8Bit(std::strerror(errno)));
    else
        error = checkStat(st, kind, where, shown, real);
    // At most one byte past the bound, whatever the size said: a file that
    // grows while read is still refused, and never read whole.
    QByteArray data(kMaxKeyFileBytes + 1, Qt::Uninitialized);
    qsizetype got = 0;
    while (error.isEmpty() && got < data.size()) {
        const ssize_t n = ::read(fd, data.data() + got, size_t(data.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            error = QStringLiteral("%1: cannot read %2: %3")
                        .arg(where, shown, QString::fromLocal8Bit(std::strerror(errno)));
        if (n <= 0)
            break;
        got += n;
    }
    ::close(fd);
    if (error.isEmpty() && got > kMaxKeyFileBytes)
        error = QStringLiteral("%1: %2 is larger than %3 KiB: is it the right file?")
                    .arg(where, shown)
                    .arg(kMaxKeyFileBytes / 1024);
    if (!error.isEmpty())
        return error;
    data.truncate(got);
    *out = data;
    return QString();
}

QString readKeyFile(const QString& path, KeyFileKind kind, const QString& where, QByteArray* out)
{
    if (QString e = readKeyFileAsStored(path, kind, where, out); !e.isEmpty())
        return e;
    if (!isSealed(*out))
        return QString();
    QByteArray sealed = std::move(*out);
    out->clear();
    if (kind == KeyFileKind::Public)
        return QStringLiteral("%1: %2 is sealed, but it holds a certificate or public key, "
                              "which needs no sealing: unseal it (paydesk-core secret unseal %2)")
            .arg(where, path);
    // Read from the environment each time: no copy of the key outlives the
    // file it opens.
    SealKey key;
    bool found = false;
    if (QString e = sealKeyFromEnvironment(&key, &found); !e.isEmpty())
        return QStringLiteral("%1: %2 is sealed, but %3").arg(where, path, e);
    if (!found) {
        const QString id = sealedKeyId(sealed);
        return QStringLiteral("%1: %2 is sealed: set %3 to the file of the key it was sealed "
                              "with%4, or %5 to that key in base64")
            .arg(where, path, QLatin1String(kSealKeyFileVariable),
                 id.isEmpty() ? QString() : QStringLiteral(" (key id %1)").arg(id),
                 QLatin1String(kSealKeyVariable));
    }
    return unsealSecret(key, sealed, QStringLiteral("%1: %2").arg(where, path), out);
}

namespace {

QString readTrimmed(const QString& baseDir, const QString& name, KeyFileKind kind,
                    const QString& where, QByteArray* out)
{
    const QString path = QDir(baseDir).absoluteFilePath(name);
    if (QString e = readKeyFile(path, kind, where, out); !e.isEmpty())
        return e;
    QByteArray read = std::move(*out);
    *out = read.trimmed();
    // The untrimmed copy, if trimming made one (else *out shares it).
    wipe(&read);
    if (out->isEmpty())
        return QStringLiteral("%1: %2 is empty").arg(where, path);
    return QString();
}

} // namespace

QString readSecretFile(const QString& baseDir, const QString& name, const QString& where,
                       QByteArray* out)
{
    return readTrimmed(baseDir, name, KeyFileKind::Secret, where, out);
}

QString readPublicKeyFile(const QString& baseDir, const QString& name, const QString& where,
                          QByteArray* out)
{
    return readTrimmed(baseDir, name, KeyFileKind::Public, where, out);
}

} // namespace paydesk
