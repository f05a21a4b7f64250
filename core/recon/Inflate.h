#pragma once

#include <QByteArrayView>
#include <QString>

#include <array>

namespace paydesk {

// A streaming raw-DEFLATE (RFC 1951) decoder: what Alipay's bill ZIPs use.
// The core links no zlib, so this is our own. It is fed input in chunks of
// any size and writes into the caller's buffer, so memory stays bounded
// (the 32 KiB window plus a few tables) whatever the size of the data.
//
// Every step that needs several bits (a code and its extra bits, a length
// with its distance) is taken only once all its bits are at hand, so a
// chunk may end anywhere, even inside a code: the step is retried when
// more input arrives.
class Inflater
{
public:
    enum class Status
    {
        NeedInput,  // all input consumed; feed more
        OutputFull, // `out` is full; call again with more room
        Finished,   // the final block ended
        Failed,     // corrupt stream: see error()
    };

    Inflater();

    // Consumes from `in` (sets *inUsed) and writes up to `outCap` bytes to
    // `out` (sets *outMade). Input bytes once consumed are kept in the bit
    // buffer, so never feed them again.
    Status inflate(QByteArrayView in, qsizetype* inUsed, char* out, qsizetype outCap,
                   qsizetype* outMade);

    QString error() const { return m_error; }

    // A canonical Huffman code: a fast table on the next kFastBits bits plus
    // the counts and sorted symbols (as in zlib's puff.c) for longer codes.
    struct Huffman
    {
        static constexpr int kFastBits = 10;
        // (length << 9) | symbol, 0 = code longer than kFastBits
        std::array<quint16, 1 << kFastBits> fast{};
        std::array<quint16, 16> count{};
        std::array<quint16, 288> symbol{};
        bool build(const quint8* lengths, int n);
    };

private:
    enum class State
    {
        BlockHeader,
        StoredHeader,
        Stored,
        DynamicCounts,
        DynamicCodeLengthLengths,
        DynamicLengths,
        Codes,
        Done,
        Failed,
    };

    bool fail(const QString& why);
    // Moves whole input bytes into the bit buffer while it has room.
    void refill(QByteArrayView in, qsizetype* pos);
    // Decodes the symbol at bit `skip` of the buffer: the symbol, or -1 when
    // more bits are needed, -2 for a code not in the table. Sets *len.
    int decode(const Huffman& h, int skip, int* len) const;
    void put(char c, char* out, qsizetype* made);

    State m_state = State::BlockHeader;
    QString m_error;
    bool m_final = false;

    quint64 m_bits = 0; // LSB first, as DEFLATE packs them
    int m_bitCount = 0;

    quint32 m_storedLeft = 0;

    int m_hlit = 0, m_hdist = 0, m_hclen = 0, m_index = 0;
    std::array<quint8, 320> m_lengths{};
    Huffman m_codeLengthCode;
    Huffman m_dynamicLit, m_dynamicDist;
    const Huffman* m_lit = nullptr;
    const Huffman* m_dist = nullptr;

    // A back-reference still being copied when the output buffer filled.
    int m_copyLeft = 0;
    quint32 m_copyDistance = 0;

    static constexpr quint32 kWindow = 32768;
    std::array<char, kWindow> m_window{};
    quint32 m_windowPos = 0; // next write position (mod kWindow)
    quint64 m_totalOut = 0;
};

} // namespace paydesk
