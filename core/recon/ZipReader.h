#pragma once

#include "common/Crc32.h"
#include "recon/Inflate.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <memory>

namespace paydesk {

// One entry of a ZIP archive's central directory.
struct ZipEntry
{
    QByteArray rawName;    // as stored: GBK on Alipay's archives, UTF-8 when utf8Name
    bool utf8Name = false; // general purpose flag bit 11
    quint16 flags = 0;
    quint16 method = 0; // 0 stored, 8 deflate
    quint32 crc = 0;
    quint64 compressedSize = 0;
    quint64 size = 0;
    quint64 localHeaderOffset = 0;
};

// Streams one entry's content, inflating it when deflated, and checks the
// CRC-32 and size the directory gives once the end is reached. It never
// unpacks more than one byte past the size the directory gives.
class ZipEntryReader
{
public:
    // Up to `max` bytes into `buf`: the count, 0 at the (checked) end, -1 on
    // an error (see error()).
    qsizetype read(char* buf, qsizetype max);
    QString error() const { return m_error; }

private:
    friend class ZipReader;
    qsizetype failed(const QString& why);
    qsizetype finish();
    qsizetype readStored(char* buf, qsizetype max);
    qsizetype readDeflated(char* buf, qsizetype max);

    QFile m_file;
    ZipEntry m_entry;
    QString m_name; // for messages
    quint64 m_compressedLeft = 0;
    quint64 m_made = 0;
    Crc32 m_crc;
    Inflater m_inflater;
    QByteArray m_in; // compressed bytes read but not yet consumed
    qsizetype m_inPos = 0;
    bool m_done = false;
    QString m_error;
};

// Reads a ZIP archive's central directory (random access on the file, so
// nothing is loaded whole) and opens entries as streams. What a channel's
// bill archive can never be is refused with an error naming the entry: too
// many entries, names that climb out of the archive, ZIP64, encryption,
// methods other than stored and deflate, and sizes a bill cannot reach.
class ZipReader
{
public:
    // A bill archive lists two files (detail and summary); a few more leave
    // room for channels that split a day. More is not a bill, and each
    // entry is work.
    static constexpr int kMaxEntries = 64;
    // Bill names are some fifty bytes; a longer one is made by hand.
    static constexpr int kMaxNameBytes = 512;
    // kMaxEntries records with the longest names take some 36 KiB; this
    // leaves room for extra fields and comments. Larger is not a bill.
    static constexpr quint32 kMaxDirectorySize = 4 * 1024 * 1024;
    // A bill's CSV deflates about 5-10:1 (9:1 for the sandbox's) and DEFLATE
    // itself stops near 1032:1. Past 200:1 a small upload would make the
    // importer unpack and parse gigabytes (a zip bomb), so such an entry is
    // refused on its declared sizes before a byte is unpacked; the reader
    // then stops one byte past the declared size, so an entry never yields
    // more than 200 times its compressed bytes, which lie inside the file...
    static constexpr quint64 kMaxRatio = 200;
    // ...unless it is small: then it costs little whatever its ratio, and a
    // short file of repeated lines legitimately packs tighter.
    static constexpr quint64 kRatioFloor = 1024 * 1024;

    bool open(const QString& path, QString* error);
    const QList<ZipEntry>& entries() const { return m_entries; }
    // `displayName` is used in messages ("<archive>: <name>: CRC-32 ...").
    std::unique_ptr<ZipEntryReader> openEntry(const ZipEntry& entry, const QString& displayName,
                                              QString* error) const;

private:
    QString m_path;
    QList<ZipEntry> m_entries;
};

} // namespace paydesk
