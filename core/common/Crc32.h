#pragma once

#include <QByteArrayView>

namespace paydesk {

// The CRC-32 of ZIP (and PNG, gzip), computed incrementally so a streamed
// entry can be checked at its end. zlib's: it is the reference, and faster
// than a table we would keep ourselves.
class Crc32
{
public:
    void update(QByteArrayView data);
    quint32 value() const { return m_crc; }

    static quint32 of(QByteArrayView data);

private:
    quint32 m_crc = 0; // zlib's CRC of no bytes
};

} // namespace paydesk
