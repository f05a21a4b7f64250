#include "recon/Crc32.h"

#include <array>

namespace paydesk {

namespace {

using Tables = std::array<std::array<quint32, 256>, 8>;

// tables[k][b]: the CRC of byte b followed by k zero bytes, so eight bytes
// are folded in with eight independent look-ups.
const Tables& tables()
{
    static const Tables t = [] {
        Tables r{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            r[0][i] = c;
        }
        for (quint32 i = 0; i < 256; ++i)
            for (int k = 1; k < 8; ++k)
                r[k][i] = (r[k - 1][i] >> 8) ^ r[0][r[k - 1][i] & 0xff];
        return r;
    }();
    return t;
}

} // namespace

void Crc32::update(QByteArrayView data)
{
    const Tables& t = tables();
    const auto* p = reinterpret_cast<const quint8*>(data.data());
    qsizetype n = data.size();
    quint32 crc = m_crc;
    while (n >= 8) {
        const quint32 lo =
            crc ^ (quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24);
        crc = t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^ t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^
              t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
        p += 8;
        n -= 8;
    }
    while (n--)
        crc = t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    m_crc = crc;
}

} // namespace paydesk
