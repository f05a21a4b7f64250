#include "recon/ZipReader.h"

#include <QFileInfo>

#include <algorithm>

namespace paydesk {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfDirectory = 0x06054b50;
constexpr qsizetype kEndRecordSize = 22;
// A bill's directory lists two files; anything this large is not a bill.
constexpr quint32 kMaxDirectorySize = 4 * 1024 * 1024;
constexpr qsizetype kReadChunk = 64 * 1024;

quint16 u16(const char* p)
{
    return quint16(quint8(p[0]) | (quint8(p[1]) << 8));
}

quint32 u32(const char* p)
{
    return quint32(u16(p)) | (quint32(u16(p + 2)) << 16);
}

} // namespace

bool ZipReader::open(const QString& path, QString* error)
{
    m_path = path;
    m_entries.clear();
    const QString name = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(name, f.errorString());
        return false;
    }
    const qint64 size = f.size();
    // The end record sits in the last 22 bytes plus a comment of at most
    // 64 KiB: search that tail backwards for its signature.
    const qint64 tailSize = std::min<qint64>(size, kEndRecordSize + 0xFFFF);
    if (!f.seek(size - tailSize)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(name, f.errorString());
        return false;
    }
    const QByteArray tail = f.read(tailSize);
    qsizetype end = -1;
    for (qsizetype at = tail.size() - kEndRecordSize; at >= 0; --at) {
        if (u32(tail.constData() + at) == kEndOfDirectory &&
            at + kEndRecordSize + u16(tail.constData() + at + 20) <= tail.size()) {
            end = at;
            break;
        }
    }
    if (end < 0) {
        *error = QStringLiteral("%1: not a ZIP archive, or cut short (no end-of-directory "
                                "record in its last bytes)")
                     .arg(name);
        return false;
    }
    const char* e = tail.constData() + end;
    const quint16 count = u16(e + 10);
    const quint32 directorySize = u32(e + 12);
    const quint32 directoryOffset = u32(e + 16);
    if (count == 0xFFFF || directorySize == 0xFFFFFFFFu || directoryOffset == 0xFFFFFFFFu) {
        *error = QStringLiteral("%1: ZIP64 archives are not supported").arg(name);
        return false;
    }
    const qint64 endOffset = size - tailSize + end;
    if (directorySize > kMaxDirectorySize || qint64(directoryOffset) + directorySize > endOffset) {
        *error =
            QStringLiteral("%1: the ZIP directory lies outside the file (cut short?)").arg(name);
        return false;
    }
    if (!f.seek(directoryOffset)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(name, f.errorString());
        return false;
    }
    const QByteArray dir = f.read(directorySize);
    if (dir.size() != qsizetype(directorySize)) {
        *error = QStringLiteral("%1: the ZIP directory is cut short").arg(name);
        return false;
    }
    qsizetype at = 0;
    for (int i = 0; i < count; ++i) {
        const char* p = dir.constData() + at;
        if (at + 46 > dir.size() || u32(p) != kCentralHeader) {
            *error = QStringLiteral("%1: ZIP directory entry %2 is damaged").arg(name).arg(i + 1);
            return false;
        }
        ZipEntry z;
        z.flags = u16(p + 8);
        z.utf8Name = z.flags & (1 << 11);
        z.method = u16(p + 10);
        z.crc = u32(p + 16);
        z.compressedSize = u32(p + 20);
        z.size = u32(p + 24);
        const quint16 nameLen = u16(p + 28), extraLen = u16(p + 30), commentLen = u16(p + 32);
        z.localHeaderOffset = u32(p + 42);
        if (at + 46 + nameLen > dir.size()) {
            *error = QStringLiteral("%1: ZIP directory entry %2 is damaged").arg(name).arg(i + 1);
            return false;
        }
        if (z.compressedSize == 0xFFFFFFFFu || z.size == 0xFFFFFFFFu ||
            z.localHeaderOffset == 0xFFFFFFFFu) {
            *error = QStringLiteral("%1: ZIP64 entries are not supported").arg(name);
            return false;
        }
        z.rawName = dir.mid(at + 46, nameLen);
        m_entries << z;
        at += 46 + nameLen + extraLen + commentLen;
    }
    return true;
}

std::unique_ptr<ZipEntryReader>
ZipReader::openEntry(const ZipEntry& entry, const QString& displayName, QString* error) const
{
    const QString where = QFileInfo(m_path).fileName() + QStringLiteral(": ") + displayName;
    if (entry.flags & 1) {
        *error = where + QStringLiteral(": the entry is encrypted");
        return nullptr;
    }
    if (entry.method != 0 && entry.method != 8) {
        *error = where + QStringLiteral(": compression method %1 is not supported (only stored "
                                        "and deflate)")
                             .arg(entry.method);
        return nullptr;
    }
    auto r = std::make_unique<ZipEntryReader>();
    r->m_file.setFileName(m_path);
    if (!r->m_file.open(QIODevice::ReadOnly)) {
        *error = where + QStringLiteral(": cannot open: ") + r->m_file.errorString();
        return nullptr;
    }
    // The local header repeats the name and may carry a different extra
    // field: its own lengths say where the data starts.
    char local[30];
    if (!r->m_file.seek(qint64(entry.localHeaderOffset)) || r->m_file.read(local, 30) != 30 ||
        u32(local) != kLocalHeader) {
        *error = where + QStringLiteral(": the entry's local header is missing or damaged");
        return nullptr;
    }
    const qint64 dataAt = qint64(entry.localHeaderOffset) + 30 + u16(local + 26) + u16(local + 28);
    if (!r->m_file.seek(dataAt) || dataAt + qint64(entry.compressedSize) > r->m_file.size()) {
        *error = where + QStringLiteral(": the entry's data is cut short");
        return nullptr;
    }
    r->m_entry = entry;
    r->m_name = where;
    r->m_compressedLeft = entry.compressedSize;
    return r;
}

qsizetype ZipEntryReader::failed(const QString& why)
{
    m_error = m_name + QStringLiteral(": ") + why;
    m_done = true;
    return -1;
}

// At the end of the data: the size and CRC-32 must be what the directory says.
qsizetype ZipEntryReader::finish()
{
    if (m_made != m_entry.size)
        return failed(QStringLiteral("%1 bytes unpacked, the directory says %2")
                          .arg(m_made)
                          .arg(m_entry.size));
    if (m_crc.value() != m_entry.crc)
        return failed(QStringLiteral("CRC-32 mismatch (%1, the directory says %2): the "
                                     "archive is damaged")
                          .arg(m_crc.value(), 8, 16, QLatin1Char('0'))
                          .arg(m_entry.crc, 8, 16, QLatin1Char('0')));
    m_done = true;
    return 0;
}

qsizetype ZipEntryReader::read(char* buf, qsizetype max)
{
    if (!m_error.isEmpty())
        return -1;
    if (m_done || max <= 0)
        return 0;
    if (m_entry.method == 0) {
        if (m_compressedLeft == 0)
            return finish();
        const qint64 want = qint64(std::min<quint64>(m_compressedLeft, quint64(max)));
        const qint64 got = m_file.read(buf, want);
        if (got <= 0)
            return failed(QStringLiteral("the entry's data is cut short"));
        m_compressedLeft -= quint64(got);
        m_made += quint64(got);
        if (m_made > m_entry.size)
            return failed(QStringLiteral("more data than the directory says"));
        m_crc.update(QByteArrayView(buf, got));
        return got;
    }
    for (;;) {
        if (m_inPos == m_in.size() && m_compressedLeft > 0) {
            const qint64 want = qint64(std::min<quint64>(m_compressedLeft, kReadChunk));
            m_in.resize(want);
            const qint64 got = m_file.read(m_in.data(), want);
            if (got <= 0)
                return failed(QStringLiteral("the entry's data is cut short"));
            m_in.resize(got);
            m_inPos = 0;
            m_compressedLeft -= quint64(got);
        }
        qsizetype used = 0, made = 0;
        const Inflater::Status s =
            m_inflater.inflate(QByteArrayView(m_in).sliced(m_inPos), &used, buf, max, &made);
        m_inPos += used;
        if (s == Inflater::Status::Failed)
            return failed(m_inflater.error());
        if (made > 0) {
            m_made += quint64(made);
            if (m_made > m_entry.size)
                return failed(QStringLiteral("more data than the directory says"));
            m_crc.update(QByteArrayView(buf, made));
            return made;
        }
        if (s == Inflater::Status::Finished)
            return finish();
        if (s == Inflater::Status::NeedInput && m_inPos == m_in.size() && m_compressedLeft == 0)
            return failed(QStringLiteral("the deflate data ends before its final block (cut "
                                         "short?)"));
    }
}

} // namespace paydesk
