#include "recon/Inflate.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace paydesk {

namespace {

// zlib counts in uInt: a call takes at most this much of either side, and
// the caller sees a partial use it already handles.
constexpr qsizetype kMaxPerCall = UINT_MAX;

// zlib's messages for what a bill reader meets most, in the words a person
// reading an import error understands. Others are passed on as zlib says.
struct Reworded
{
    const char* zlib;
    const char* ours;
};
constexpr Reworded kReworded[] = {
    {"invalid block type", "block type 3 is reserved"},
    {"invalid stored block lengths", "stored block length does not match its complement"},
    {"invalid distance too far back", "back-reference before the start of the data"},
};

QString describe(const char* zlibMessage)
{
    if (!zlibMessage)
        return QStringLiteral("zlib gave no reason");
    for (const Reworded& r : kReworded)
        if (std::strcmp(zlibMessage, r.zlib) == 0)
            return QString::fromLatin1(r.ours);
    return QString::fromLatin1(zlibMessage);
}

} // namespace

struct Inflater::Stream
{
    z_stream z{};
    bool ready = false;
};

Inflater::Inflater() : m_stream(std::make_unique<Stream>())
{
    // Negative window bits: raw DEFLATE, no zlib or gzip wrapper (ZIP's).
    m_stream->ready = inflateInit2(&m_stream->z, -MAX_WBITS) == Z_OK;
    if (!m_stream->ready)
        fail(QStringLiteral("zlib could not start (out of memory)"));
}

Inflater::~Inflater()
{
    if (m_stream->ready)
        inflateEnd(&m_stream->z);
}

Inflater::Status Inflater::fail(const QString& why)
{
    m_end = Status::Failed;
    m_error = QStringLiteral("corrupt deflate data: ") + why;
    return m_end;
}

Inflater::Status Inflater::inflate(QByteArrayView in, qsizetype* inUsed, char* out,
                                   qsizetype outCap, qsizetype* outMade)
{
    *inUsed = 0;
    *outMade = 0;
    if (m_end != Status::NeedInput)
        return m_end;
    z_stream& z = m_stream->z;
    const uInt inAvail = uInt(std::min(in.size(), kMaxPerCall));
    const uInt outAvail = uInt(std::min(outCap, kMaxPerCall));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = inAvail;
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = outAvail;
    const int rc = ::inflate(&z, Z_NO_FLUSH);
    *inUsed = qsizetype(inAvail - z.avail_in);
    *outMade = qsizetype(outAvail - z.avail_out);
    switch (rc) {
    case Z_STREAM_END:
        m_end = Status::Finished;
        return m_end;
    case Z_OK:
    case Z_BUF_ERROR: // no progress possible: it wants input or room
        return z.avail_out == 0 ? Status::OutputFull : Status::NeedInput;
    case Z_MEM_ERROR:
        return fail(QStringLiteral("out of memory"));
    default: // Z_DATA_ERROR; Z_NEED_DICT cannot happen on a raw stream
        return fail(describe(z.msg));
    }
}

} // namespace paydesk
