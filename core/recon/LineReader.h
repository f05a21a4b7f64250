#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace paydesk {

// Splits a byte stream into lines ("\n" or "\r\n") without copying them:
// the stream is read in chunks into one buffer and each line is a view into
// it, valid until the next call. Memory stays bounded by the chunk size and
// the longest line allowed.
class LineReader
{
public:
    // Fills `buf` with up to `max` bytes: the count, 0 at the end, -1 on an
    // error (the source keeps its own message).
    using Source = std::function<qsizetype(char* buf, qsizetype max)>;

    explicit LineReader(Source source, qsizetype chunk = 1 << 20, qsizetype maxLine = 1 << 16);

    // The next line without its line break; false at the end or on an error.
    bool next(QByteArrayView* line);
    // 1-based number of the line last returned.
    qint64 lineNo() const { return m_lineNo; }
    bool sourceFailed() const { return m_sourceFailed; }
    bool lineTooLong() const { return m_tooLong; }

private:
    Source m_source;
    QByteArray m_buf;
    qsizetype m_chunk;
    qsizetype m_maxLine;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    qint64 m_lineNo = 0;
    bool m_eof = false;
    bool m_sourceFailed = false;
    bool m_tooLong = false;
};

} // namespace paydesk
