#include "sandbox/bills/ZipWriter.h"

#include "common/Crc32.h"

#include <zlib.h>

#include <climits>

namespace paydesk {

namespace {

constexpr quint16 kStored = 0;
constexpr quint16 kDeflated = 8;
// "Version needed to extract": 1.0 for stored, 2.0 for deflate.
constexpr quint16 kVersionStored = 10;
constexpr quint16 kVersionDeflated = 20;

void le16(QByteArray& out, quint32 v)
{
    out.append(char(v & 0xff));
    out.append(char((v >> 8) & 0xff));
}

void le32(QByteArray& out, quint32 v)
{
    le16(out, v & 0xffff);
    le16(out, v >> 16);
}

// Raw DEFLATE (no zlib wrapper: ZIP's own headers carry size and CRC) at
// zlib's default level, or empty when zlib cannot start: storing is then
// always a valid fallback.
QByteArray deflated(const QByteArray& content)
{
    if (content.size() > qsizetype(UINT_MAX)) // past ZIP32 anyway; zlib counts in uInt
        return {};
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return {};
    // deflateBound() is room enough for Z_FINISH to end in one call.
    QByteArray out(qsizetype(deflateBound(&z, uLong(content.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.constData()));
    z.avail_in = uInt(content.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const bool done = deflate(&z, Z_FINISH) == Z_STREAM_END;
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return done ? out : QByteArray();
}

} // namespace

quint32 ZipWriter::crc32(const QByteArray& data)
{
    return Crc32::of(data);
}

void ZipWriter::add(const QByteArray& name, const QByteArray& content, quint16 dosDate,
                    quint16 dosTime)
{
    QByteArray packed = deflated(content);
    Entry e;
    e.name = name;
    e.method = kDeflated;
    if (packed.isEmpty() || packed.size() >= content.size()) {
        packed = content;
        e.method = kStored;
    }
    e.crc = crc32(content);
    e.compressedSize = quint32(packed.size());
    e.size = quint32(content.size());
    e.offset = quint32(m_data.size());
    e.date = dosDate;
    e.time = dosTime;
    le32(m_data, 0x04034b50); // local file header
    le16(m_data, e.method == kDeflated ? kVersionDeflated : kVersionStored);
    le16(m_data, 0); // flags: no UTF-8 flag, no data descriptor
    le16(m_data, e.method);
    le16(m_data, e.time);
    le16(m_data, e.date);
    le32(m_data, e.crc);
    le32(m_data, e.compressedSize);
    le32(m_data, e.size);
    le16(m_data, quint32(name.size()));
    le16(m_data, 0);
    m_data += name;
    m_data += packed;
    m_entries << e;
}

QByteArray ZipWriter::finish() const
{
    QByteArray out = m_data;
    const quint32 directoryOffset = quint32(out.size());
    for (const Entry& e : m_entries) {
        le32(out, 0x02014b50); // central directory header
        le16(out, 20);         // made by
        le16(out, e.method == kDeflated ? kVersionDeflated : kVersionStored);
        le16(out, 0);
        le16(out, e.method);
        le16(out, e.time);
        le16(out, e.date);
        le32(out, e.crc);
        le32(out, e.compressedSize);
        le32(out, e.size);
        le16(out, quint32(e.name.size()));
        le16(out, 0); // extra
        le16(out, 0); // comment
        le16(out, 0); // disk
        le16(out, 0); // internal attributes
        le32(out, 0); // external attributes
        le32(out, e.offset);
        out += e.name;
    }
    const quint32 directorySize = quint32(out.size()) - directoryOffset;
    le32(out, 0x06054b50); // end of central directory
    le16(out, 0);
    le16(out, 0);
    le16(out, quint32(m_entries.size()));
    le16(out, quint32(m_entries.size()));
    le32(out, directorySize);
    le32(out, directoryOffset);
    le16(out, 0);
    return out;
}

} // namespace paydesk
