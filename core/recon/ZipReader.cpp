#include "recon/ZipReader.h"

#include <QFileInfo>

#include <algorithm>

namespace paydesk {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfDirectory = 0x06054b50;
constexpr qsizetype kEndRecordSize = 22;
constexpr qsizetype kCentralRecordSize = 46;
constexpr qsizetype kLocalRecordSize = 30;
// ZIP32 fields at their maximum mean "see the ZIP64 record".
constexpr quint16 kZip64Count = 0xFFFF;
constexpr quint32 kZip64Size = 0xFFFFFFFFu;
constexpr quint16 kFlagEncrypted = 1 << 0;
constexpr quint16 kFlagUtf8 = 1 << 11;
constexpr quint16 kStored = 0;
constexpr quint16 kDeflated = 8;
constexpr qsizetype kReadChunk = 64 * 1024;

quint16 u16(const char* p)
{
    return quint16(quint8(p[0]) | (quint8(p[1]) << 8));
}

quint32 u32(const char* p)
{
    return quint32(u16(p)) | (quint32(u16(p + 2)) << 16);
}

// A name for messages about a name that may be hostile: UTF-8 when flagged,
// otherwise ASCII; control characters and (unflagged) bytes past ASCII as
// \xNN, so a name cannot break a message or a log line.
QString printable(const ZipEntry& e)
{
    const QString text = e.utf8Name ? QString::fromUtf8(e.rawName) : QString::fromLatin1(e.rawName);
    QString out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (!e.utf8Name && u > 0x7f))
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

// Why the name cannot be a bill file's, or empty. We extract nothing to
// disk, but a name that climbs out of the archive or hides a NUL is made
// by hand to fool someone, and it would reach messages and logs.
QString nameProblem(const QByteArray& name)
{
    if (name.isEmpty())
        return QStringLiteral("has no name");
    if (name.size() > ZipReader::kMaxNameBytes)
        return QStringLiteral("has a name of %1 bytes (at most %2)")
            .arg(name.size())
            .arg(ZipReader::kMaxNameBytes);
    if (name.contains('\0'))
        return QStringLiteral("has a NUL byte in its name");
    if (name.startsWith('/') || name.startsWith('\\') || (name.size() >= 2 && name.at(1) == ':'))
        return QStringLiteral("has an absolute path");
    // Some archivers write '\' as the separator: both count.
    QByteArray slashed = name;
    slashed.replace('\\', '/');
    for (const QByteArray& part : slashed.split('/'))
        if (part == "..")
            return QStringLiteral("has a '..' in its path");
    return {};
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
    if (count == kZip64Count || directorySize == kZip64Size || directoryOffset == kZip64Size) {
        *error = QStringLiteral("%1: ZIP64 archives are not supported").arg(name);
        return false;
    }
    if (count > kMaxEntries) {
        *error = QStringLiteral("%1: the archive lists %2 entries; a bill archive has at most %3")
                     .arg(name)
                     .arg(count)
                     .arg(kMaxEntries);
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
        if (at + kCentralRecordSize > dir.size() || u32(p) != kCentralHeader) {
            *error = QStringLiteral("%1: ZIP directory entry %2 is damaged").arg(name).arg(i + 1);
            return false;
        }
        ZipEntry z;
        z.flags = u16(p + 8);
        z.utf8Name = z.flags & kFlagUtf8;
        z.method = u16(p + 10);
        z.crc = u32(p + 16);
        z.compressedSize = u32(p + 20);
        z.size = u32(p + 24);
        const quint16 nameLen = u16(p + 28), extraLen = u16(p + 30), commentLen = u16(p + 32);
        z.localHeaderOffset = u32(p + 42);
        if (at + kCentralRecordSize + nameLen > dir.size()) {
            *error = QStringLiteral("%1: ZIP directory entry %2 is damaged").arg(name).arg(i + 1);
            return false;
        }
        z.rawName = dir.mid(at + kCentralRecordSize, nameLen);
        if (z.compressedSize == kZip64Size || z.size == kZip64Size ||
            z.localHeaderOffset == kZip64Size) {
            *error = QStringLiteral("%1: entry %2 \"%3\": ZIP64 entries are not supported")
                         .arg(name, QString::number(i + 1), printable(z));
            return false;
        }
        const QString problem = nameProblem(z.rawName);
        if (!problem.isEmpty()) {
            *error = QStringLiteral("%1: entry %2 \"%3\" %4; refused")
                         .arg(name, QString::number(i + 1), printable(z), problem);
            return false;
        }
        m_entries << z;
        at += kCentralRecordSize + nameLen + extraLen + commentLen;
    }
    return true;
}

std::unique_ptr<ZipEntryReader>
ZipReader::openEntry(const ZipEntry& entry, const QString& displayName, QString* error) const
{
    const QString where = QFileInfo(m_path).fileName() + QStringLiteral(": ") + displayName;
    if (entry.flags & kFlagEncrypted) {
        *error = where + QStringLiteral(": the entry is encrypted");
        return nullptr;
    }
    if (entry.method != kStored && entry.method != kDeflated) {
        *error = where + QStringLiteral(": compression method %1 is not supported (only stored "
                                        "and deflate)")
                             .arg(entry.method);
        return nullptr;
    }
    // Checked on the directory's sizes before anything is unpacked; the
    // reader then never goes past the declared size, so a size that lies
    // cannot get round it.
    if (entry.method == kDeflated && entry.size > kRatioFloor &&
        entry.size > entry.compressedSize * kMaxRatio) {
        *error = where + QStringLiteral(": %1 bytes packed into %2 (more than %3:1, which no "
                                        "bill reaches): refused as a zip bomb")
                             .arg(entry.size)
                             .arg(entry.compressedSize)
                             .arg(kMaxRatio);
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
    char local[kLocalRecordSize];
    if (!r->m_file.seek(qint64(entry.localHeaderOffset)) ||
        r->m_file.read(local, kLocalRecordSize) != kLocalRecordSize || u32(local) != kLocalHeader) {
        *error = where + QStringLiteral(": the entry's local header is missing or damaged");
        return nullptr;
    }
    const qint64 dataAt =
        qint64(entry.localHeaderOffset) + kLocalRecordSize + u16(local + 26) + u16(local + 28);
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
    // One byte past the declared size is enough to know it lies: asking for
    // more would let a lying entry unpack as much as the caller's buffer.
    max = qsizetype(std::min<quint64>(quint64(max), m_entry.size - m_made + 1));
    const qsizetype got = m_entry.method == kStored ? readStored(buf, max) : readDeflated(buf, max);
    if (got <= 0)
        return got;
    m_made += quint64(got);
    if (m_made > m_entry.size)
        return failed(
            QStringLiteral("more data than the directory says (%1 bytes)").arg(m_entry.size));
    m_crc.update(QByteArrayView(buf, got));
    return got;
}

qsizetype ZipEntryReader::readStored(char* buf, qsizetype max)
{
    if (m_compressedLeft == 0)
        return finish();
    const qint64 want = qint64(std::min<quint64>(m_compressedLeft, quint64(max)));
    const qint64 got = m_file.read(buf, want);
    if (got <= 0)
        return failed(QStringLiteral("the entry's data is cut short"));
    m_compressedLeft -= quint64(got);
    return got;
}

qsizetype ZipEntryReader::readDeflated(char* buf, qsizetype max)
{
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
        if (made > 0)
            return made;
        if (s == Inflater::Status::Finished)
            return finish();
        if (s == Inflater::Status::NeedInput && m_inPos == m_in.size() && m_compressedLeft == 0)
            return failed(QStringLiteral("the deflate data ends before its final block (cut "
                                         "short?)"));
    }
}

} // namespace paydesk
