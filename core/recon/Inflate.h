#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace paydesk {

// A streaming raw-DEFLATE (RFC 1951) decoder over zlib: what Alipay's bill
// ZIPs use. It is fed input in chunks of any size and writes into the
// caller's buffer, so memory stays bounded (zlib's 32 KiB window and its
// tables) whatever the size of the data. Bounds on how much may come out
// are the caller's (ZipEntryReader): the decoder only decodes.
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
    ~Inflater();
    // zlib's state points back at its stream: it must not move.
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;

    // Consumes from `in` (sets *inUsed) and writes up to `outCap` bytes to
    // `out` (sets *outMade). Input bytes once consumed are kept inside the
    // decoder, so never feed them again.
    Status inflate(QByteArrayView in, qsizetype* inUsed, char* out, qsizetype outCap,
                   qsizetype* outMade);

    QString error() const { return m_error; }

private:
    Status fail(const QString& why);

    struct Stream;
    std::unique_ptr<Stream> m_stream;
    Status m_end = Status::NeedInput; // Finished or Failed once there
    QString m_error;
};

} // namespace paydesk
