#include "sandbox/bills/ZipWriter.h"

#include "recon/Crc32.h"


namespace paydesk {

namespace {

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

} // namespace

quint32 ZipWriter::crc32(const QByteArray& data)
{
    Crc32 crc;
    crc.update(data);
    return crc.value();
}

void ZipWriter::add(const QByteArray& name, const QByteArray& content, quint16 dosDate,
                    quint16 dosTime)
{
    Entry e;
    e.name = name;
    e.crc = crc32(content);
    e.size = quint32(content.size());
    e.offset = quint32(m_data.size());
    e.date = dosDate;
    e.time = dosTime;
    le32(m_data, 0x04034b50); // local file header
    le16(m_data, 10);         // version needed: 1.0, stored
    le16(m_data, 0);          // flags: no UTF-8 flag, no data descriptor
    le16(m_data, 0);          // method: stored
    le16(m_data, e.time);
    le16(m_data, e.date);
    le32(m_data, e.crc);
    le32(m_data, e.size);
    le32(m_data, e.size);
    le16(m_data, quint32(name.size()));
    le16(m_data, 0);
    m_data += name;
    m_data += content;
    m_entries << e;
}

QByteArray ZipWriter::finish() const
{
    QByteArray out = m_data;
    const quint32 directoryOffset = quint32(out.size());
    for (const Entry& e : m_entries) {
        le32(out, 0x02014b50); // central directory header
        le16(out, 20);         // made by
        le16(out, 10);
        le16(out, 0);
        le16(out, 0);
        le16(out, e.time);
        le16(out, e.date);
        le32(out, e.crc);
        le32(out, e.size);
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
