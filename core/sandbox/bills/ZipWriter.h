#pragma once

#include <QByteArray>
#include <QList>

namespace paydesk {

// A ZIP archive written in memory: what the sandbox's Alipay bill download
// serves. Entries are deflated (zlib, as Alipay's own archives are), or
// stored when deflating would not make them smaller. Names are raw bytes
// (Alipay's bill archives carry GBK names without the UTF-8 flag).
class ZipWriter
{
public:
    void add(const QByteArray& name, const QByteArray& content, quint16 dosDate = 0x21,
             quint16 dosTime = 0);
    QByteArray finish() const;

    static quint32 crc32(const QByteArray& data);

private:
    struct Entry
    {
        QByteArray name;
        quint16 method = 0;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 offset = 0;
        quint16 date = 0;
        quint16 time = 0;
    };
    QList<Entry> m_entries;
    QByteArray m_data;
};

} // namespace paydesk
