#include "common/Crc32.h"

#include <zlib.h>

namespace paydesk {

void Crc32::update(QByteArrayView data)
{
    // crc32_z takes a size_t length: no 4 GiB split needed.
    m_crc =
        quint32(crc32_z(m_crc, reinterpret_cast<const Bytef*>(data.data()), z_size_t(data.size())));
}

quint32 Crc32::of(QByteArrayView data)
{
    Crc32 c;
    c.update(data);
    return c.value();
}

} // namespace paydesk
