#include "recon/Inflate.h"

namespace paydesk {

namespace {

// RFC 1951 3.2.5: base values and extra bits of the length and distance codes.
constexpr std::array<quint16, 29> kLengthBase = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                 15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<quint8, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<quint16, 30> kDistanceBase = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<quint8, 30> kDistanceExtra = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                   4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                   9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block lists its code-length code lengths.
constexpr std::array<quint8, 19> kCodeLengthOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                     11, 4,  12, 3, 13, 2, 14, 1, 15};

quint32 reverseBits(quint32 code, int len)
{
    quint32 r = 0;
    for (int i = 0; i < len; ++i) {
        r = (r << 1) | (code & 1);
        code >>= 1;
    }
    return r;
}

// The fixed codes of block type 1 (RFC 1951 3.2.6), built once.
struct FixedCodes
{
    Inflater::Huffman lit, dist;
    FixedCodes()
    {
        std::array<quint8, 288> l{};
        for (int i = 0; i < 288; ++i)
            l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        lit.build(l.data(), 288);
        std::array<quint8, 30> d{};
        d.fill(5);
        dist.build(d.data(), 30);
    }
};

const FixedCodes& fixedCodes()
{
    static const FixedCodes codes;
    return codes;
}

} // namespace

bool Inflater::Huffman::build(const quint8* lengths, int n)
{
    count.fill(0);
    fast.fill(0);
    for (int i = 0; i < n; ++i)
        ++count[lengths[i]];
    count[0] = 0;
    // More codes of a length than the shorter ones leave room for: not a
    // prefix code. Incomplete codes are allowed (a lone distance code is
    // legal); an unassigned code then fails when it is met.
    int left = 1;
    for (int len = 1; len < 16; ++len) {
        left = (left << 1) - count[len];
        if (left < 0)
            return false;
    }
    std::array<quint16, 16> offset{};
    for (int len = 1; len < 15; ++len)
        offset[len + 1] = quint16(offset[len] + count[len]);
    for (int sym = 0; sym < n; ++sym)
        if (lengths[sym])
            symbol[offset[lengths[sym]]++] = quint16(sym);

    // Canonical codes in order of length then symbol; the stream sends them
    // most significant bit first, so the table is indexed by the reversal.
    std::array<quint32, 16> next{};
    quint32 code = 0;
    for (int len = 1; len < 16; ++len) {
        code = (code + count[len - 1]) << 1;
        next[len] = code;
    }
    for (int sym = 0; sym < n; ++sym) {
        const int len = lengths[sym];
        if (!len)
            continue;
        const quint32 c = next[len]++;
        if (len > kFastBits)
            continue;
        for (quint32 k = reverseBits(c, len); k < (1u << kFastBits); k += 1u << len)
            fast[k] = quint16((len << 9) | sym);
    }
    return true;
}

Inflater::Inflater() = default;

bool Inflater::fail(const QString& why)
{
    m_state = State::Failed;
    m_error = QStringLiteral("corrupt deflate data: ") + why;
    return false;
}

// Inlined: called once per byte or symbol in the hot loop.
Q_ALWAYS_INLINE void Inflater::refill(QByteArrayView in, qsizetype* pos)
{
    while (m_bitCount <= 56 && *pos < in.size()) {
        m_bits |= quint64(quint8(in[*pos])) << m_bitCount;
        ++*pos;
        m_bitCount += 8;
    }
}

// Inlined: called once per byte or symbol in the hot loop.
Q_ALWAYS_INLINE int Inflater::decode(const Huffman& h, int skip, int* len) const
{
    const int avail = m_bitCount - skip;
    const quint64 bits = m_bits >> skip;
    // Bits past `avail` are zero, so a fast entry no longer than `avail` is
    // right whatever the missing bits turn out to be.
    const quint16 e = h.fast[bits & ((1u << Huffman::kFastBits) - 1)];
    if (e) {
        *len = e >> 9;
        return *len <= avail ? (e & 511) : -1;
    }
    // Longer codes: walk the canonical code one bit at a time (puff.c).
    int code = 0, first = 0, index = 0;
    for (int l = 1; l < 16; ++l) {
        if (l > avail)
            return -1;
        code |= int((bits >> (l - 1)) & 1);
        const int c = h.count[l];
        if (code < first + c) {
            *len = l;
            return h.symbol[index + code - first];
        }
        index += c;
        first = (first + c) << 1;
        code <<= 1;
    }
    return -2;
}

// Inlined: called once per byte or symbol in the hot loop.
Q_ALWAYS_INLINE void Inflater::put(char c, char* out, qsizetype* made)
{
    out[(*made)++] = c;
    m_window[m_windowPos] = c;
    m_windowPos = (m_windowPos + 1) & (kWindow - 1);
    ++m_totalOut;
}

Inflater::Status Inflater::inflate(QByteArrayView in, qsizetype* inUsed, char* out,
                                   qsizetype outCap, qsizetype* outMade)
{
    qsizetype pos = 0;
    qsizetype made = 0;
    auto leave = [&](Status s) {
        *inUsed = pos;
        *outMade = made;
        return s;
    };
    auto drop = [this](int n) {
        m_bits >>= n;
        m_bitCount -= n;
    };

    for (;;) {
        refill(in, &pos);
        switch (m_state) {
        case State::Done:
            return leave(Status::Finished);
        case State::Failed:
            return leave(Status::Failed);

        case State::BlockHeader: {
            if (m_bitCount < 3)
                return leave(Status::NeedInput);
            m_final = m_bits & 1;
            const int type = int((m_bits >> 1) & 3);
            drop(3);
            if (type == 0) {
                // Stored blocks start on a byte boundary: the buffer only
                // ever holds whole bytes, so the partial one is what is left
                // over a multiple of eight.
                drop(m_bitCount & 7);
                m_state = State::StoredHeader;
            } else if (type == 1) {
                m_lit = &fixedCodes().lit;
                m_dist = &fixedCodes().dist;
                m_state = State::Codes;
            } else if (type == 2) {
                m_state = State::DynamicCounts;
            } else {
                fail(QStringLiteral("block type 3 is reserved"));
            }
            break;
        }

        case State::StoredHeader: {
            if (m_bitCount < 32)
                return leave(Status::NeedInput);
            const quint32 len = quint32(m_bits & 0xffff);
            const quint32 nlen = quint32((m_bits >> 16) & 0xffff);
            drop(32);
            if (len != (~nlen & 0xffff)) {
                fail(QStringLiteral("stored block length does not match its complement"));
                break;
            }
            m_storedLeft = len;
            m_state = State::Stored;
            break;
        }

        case State::Stored:
            // Stored bytes pass through the bit buffer (whole bytes here);
            // stored blocks are rare in bills, so simplicity wins.
            while (m_storedLeft && made < outCap && m_bitCount >= 8) {
                put(char(m_bits & 0xff), out, &made);
                drop(8);
                --m_storedLeft;
            }
            if (!m_storedLeft) {
                m_state = m_final ? State::Done : State::BlockHeader;
                break;
            }
            if (made == outCap)
                return leave(Status::OutputFull);
            if (pos == in.size() && m_bitCount < 8)
                return leave(Status::NeedInput);
            break;

        case State::DynamicCounts:
            if (m_bitCount < 14)
                return leave(Status::NeedInput);
            m_hlit = int(m_bits & 31) + 257;
            m_hdist = int((m_bits >> 5) & 31) + 1;
            m_hclen = int((m_bits >> 10) & 15) + 4;
            drop(14);
            if (m_hlit > 286 || m_hdist > 30) {
                fail(QStringLiteral("too many length or distance codes"));
                break;
            }
            m_lengths.fill(0);
            m_index = 0;
            m_state = State::DynamicCodeLengthLengths;
            break;

        case State::DynamicCodeLengthLengths:
            while (m_index < m_hclen) {
                if (m_bitCount < 3) {
                    refill(in, &pos);
                    if (m_bitCount < 3)
                        return leave(Status::NeedInput);
                }
                m_lengths[kCodeLengthOrder[m_index++]] = quint8(m_bits & 7);
                drop(3);
            }
            if (!m_codeLengthCode.build(m_lengths.data(), 19)) {
                fail(QStringLiteral("bad code-length code"));
                break;
            }
            m_lengths.fill(0);
            m_index = 0;
            m_state = State::DynamicLengths;
            break;

        case State::DynamicLengths: {
            const int total = m_hlit + m_hdist;
            while (m_index < total) {
                refill(in, &pos);
                int len = 0;
                const int sym = decode(m_codeLengthCode, 0, &len);
                if (sym == -1)
                    return leave(Status::NeedInput);
                if (sym < 0) {
                    fail(QStringLiteral("invalid code-length code"));
                    return leave(Status::Failed);
                }
                if (sym < 16) {
                    m_lengths[m_index++] = quint8(sym);
                    drop(len);
                    continue;
                }
                // 16: repeat the previous length 3-6 times; 17: 3-10 zeros;
                // 18: 11-138 zeros.
                const int extra = sym == 16 ? 2 : sym == 17 ? 3 : 7;
                if (m_bitCount < len + extra)
                    return leave(Status::NeedInput);
                const int value = int((m_bits >> len) & ((1u << extra) - 1));
                quint8 repeated = 0;
                int times = 0;
                if (sym == 16) {
                    if (m_index == 0) {
                        fail(QStringLiteral("length repeat with no previous length"));
                        return leave(Status::Failed);
                    }
                    repeated = m_lengths[m_index - 1];
                    times = 3 + value;
                } else {
                    times = (sym == 17 ? 3 : 11) + value;
                }
                if (m_index + times > total) {
                    fail(QStringLiteral("code lengths run past their count"));
                    return leave(Status::Failed);
                }
                while (times--)
                    m_lengths[m_index++] = repeated;
                drop(len + extra);
            }
            if (m_lengths[256] == 0) {
                fail(QStringLiteral("the block has no end-of-block code"));
                break;
            }
            if (!m_dynamicLit.build(m_lengths.data(), m_hlit) ||
                !m_dynamicDist.build(m_lengths.data() + m_hlit, m_hdist)) {
                fail(QStringLiteral("over-subscribed literal/length or distance code"));
                break;
            }
            m_lit = &m_dynamicLit;
            m_dist = &m_dynamicDist;
            m_state = State::Codes;
            break;
        }

        case State::Codes: {
            // The hot loop. A finished back-reference may still be owed.
            while (m_copyLeft && made < outCap) {
                put(m_window[(m_windowPos - m_copyDistance) & (kWindow - 1)], out, &made);
                --m_copyLeft;
            }
            if (m_copyLeft)
                return leave(Status::OutputFull);
            for (;;) {
                if (made == outCap)
                    return leave(Status::OutputFull);
                // 48 bits cover the longest step: a 15-bit length code, 5
                // extra bits, a 15-bit distance code and 13 extra bits. With
                // fewer after a refill the input is exhausted.
                if (m_bitCount < 48)
                    refill(in, &pos);
                int litLen = 0;
                int sym = decode(*m_lit, 0, &litLen);
                if (sym == -1)
                    return leave(Status::NeedInput);
                if (sym < 0) {
                    fail(QStringLiteral("invalid literal/length code"));
                    return leave(Status::Failed);
                }
                if (sym < 256) {
                    drop(litLen);
                    put(char(sym), out, &made);
                    continue;
                }
                if (sym == 256) {
                    drop(litLen);
                    m_state = m_final ? State::Done : State::BlockHeader;
                    break;
                }
                sym -= 257;
                if (sym >= 29) {
                    fail(QStringLiteral("invalid length symbol"));
                    return leave(Status::Failed);
                }
                const int lengthExtra = kLengthExtra[sym];
                int used = litLen + lengthExtra;
                if (m_bitCount < used)
                    return leave(Status::NeedInput);
                const int length =
                    kLengthBase[sym] + int((m_bits >> litLen) & ((1u << lengthExtra) - 1));
                int distLen = 0;
                const int dsym = decode(*m_dist, used, &distLen);
                if (dsym == -1)
                    return leave(Status::NeedInput);
                if (dsym < 0 || dsym >= 30) {
                    fail(QStringLiteral("invalid distance code"));
                    return leave(Status::Failed);
                }
                used += distLen;
                const int distExtra = kDistanceExtra[dsym];
                if (m_bitCount < used + distExtra)
                    return leave(Status::NeedInput);
                const quint32 distance =
                    kDistanceBase[dsym] + quint32((m_bits >> used) & ((1u << distExtra) - 1));
                if (distance > m_totalOut) {
                    fail(QStringLiteral("back-reference before the start of the data"));
                    return leave(Status::Failed);
                }
                drop(used + distExtra);
                m_copyLeft = length;
                m_copyDistance = distance;
                while (m_copyLeft && made < outCap) {
                    put(m_window[(m_windowPos - distance) & (kWindow - 1)], out, &made);
                    --m_copyLeft;
                }
            }
            break;
        }
        }
    }
}

} // namespace paydesk
