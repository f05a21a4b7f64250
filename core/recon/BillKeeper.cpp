#include "recon/BillKeeper.h"

#include "recon/Sha256.h"

#include <QDir>
#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace paydesk {

namespace {

// Copies in the kernel when it can (no trip through user space), else by
// chunks. Returns an error text, empty on success.
QString copyFile(QFile& src, QFile& out)
{
    bool kernel = true;
    for (;;) {
        const ssize_t n =
            ::copy_file_range(src.handle(), nullptr, out.handle(), nullptr, size_t(1) << 30, 0);
        if (n == 0)
            return QString();
        if (n < 0) {
            kernel = false;
            break;
        }
    }
    if (!kernel && (!src.seek(0) || !out.resize(0) || !out.seek(0)))
        return QStringLiteral("cannot copy the bill: %1").arg(out.errorString());
    QByteArray buf(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = src.read(buf.data(), buf.size());
        if (n < 0)
            return QStringLiteral("cannot read the bill %1: %2")
                .arg(src.fileName(), src.errorString());
        if (n == 0)
            return QString();
        if (out.write(buf.constData(), n) != n)
            return QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString());
    }
}

QString sha256Of(QFile& f, QString* error)
{
    Sha256 sha;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    if (!f.seek(0)) {
        *error = QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString());
        return QString();
    }
    for (;;) {
        const qint64 n = f.read(buf.data(), buf.size());
        if (n < 0) {
            *error = QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString());
            return QString();
        }
        if (n == 0)
            return sha.hex();
        sha.add(buf.constData(), n);
    }
}

} // namespace

KeptBill keepBill(const BillInput& in, const QString& dir)
{
    KeptBill k;
    const QString ext =
        in.format == BillFormat::Alipay ? QStringLiteral("zip") : QStringLiteral("csv");
    if (!QDir().mkpath(dir)) {
        k.error = QStringLiteral("cannot create %1 to keep the bill").arg(dir);
        return k;
    }
    QFile src(in.path);
    if (!in.path.isEmpty() && !src.open(QIODevice::ReadOnly)) {
        k.error = QStringLiteral("cannot read the bill %1: %2").arg(in.path, src.errorString());
        k.badInput = true;
        return k;
    }
    const QString part = QDir(dir).filePath(in.day.toString(Qt::ISODate) + QStringLiteral(".part"));
    QFile out(part);
    if (!out.open(QIODevice::ReadWrite | QIODevice::Truncate)) {
        k.error = QStringLiteral("cannot write %1: %2").arg(part, out.errorString());
        return k;
    }
    if (in.path.isEmpty()) {
        if (out.write(in.content) != in.content.size())
            k.error = QStringLiteral("cannot write %1: %2").arg(part, out.errorString());
    } else {
        k.error = copyFile(src, out);
    }
    if (k.error.isEmpty() && !out.flush())
        k.error = QStringLiteral("cannot write %1: %2").arg(part, out.errorString());
    // The hash of what was kept, not of what was meant to be kept.
    if (k.error.isEmpty())
        k.sha256 = sha256Of(out, &k.error);
    out.close();
    if (!k.error.isEmpty()) {
        QFile::remove(part);
        return k;
    }
    k.path = QDir(dir).filePath(
        QStringLiteral("%1_%2.%3").arg(in.day.toString(Qt::ISODate), k.sha256.left(16), ext));
    QFile::remove(k.path); // the same bytes kept before: replace with the same bytes
    if (!QFile::rename(part, k.path)) {
        QFile::remove(part);
        k.error = QStringLiteral("cannot keep the bill as %1").arg(k.path);
    }
    return k;
}

} // namespace paydesk
