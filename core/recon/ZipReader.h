#pragma once

#include "recon/Crc32.h"
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
// CRC-32 and size the directory gives once the end is reached.
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
// nothing is loaded whole) and opens entries as streams. ZIP64 archives,
// encrypted entries and methods other than stored and deflate are refused
// with an error saying so.
class ZipReader
{
public:
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
