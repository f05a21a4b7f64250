#pragma once

#include <QByteArrayView>

namespace paydesk {

// The CRC-32 of ZIP (and PNG, gzip): polynomial 0xEDB88320, reflected,
// computed incrementally so a streamed entry can be checked at its end.
// Slicing by eight bytes, because a large bill runs hundreds of megabytes
// through it inside the reconciliation budget.
class Crc32
{
public:
    void update(QByteArrayView data);
    quint32 value() const { return m_crc ^ 0xFFFFFFFFu; }

private:
    quint32 m_crc = 0xFFFFFFFFu;
};

} // namespace paydesk
