#include "recon/LineReader.h"

#include <cstring>

namespace paydesk {

LineReader::LineReader(Source source, qsizetype chunk, qsizetype maxLine)
    : m_source(std::move(source)), m_chunk(chunk), m_maxLine(maxLine)
{
    m_buf.resize(m_chunk + m_maxLine);
}

bool LineReader::next(QByteArrayView* line)
{
    if (m_sourceFailed || m_tooLong)
        return false;
    for (;;) {
        const char* start = m_buf.constData() + m_pos;
        const auto* nl = static_cast<const char*>(std::memchr(start, '\n', size_t(m_end - m_pos)));
        if (nl || (m_eof && m_pos < m_end)) {
            const char* stop = nl ? nl : m_buf.constData() + m_end;
            qsizetype len = stop - start;
            if (len > 0 && start[len - 1] == '\r')
                --len;
            *line = QByteArrayView(start, len);
            m_pos = nl ? (nl - m_buf.constData()) + 1 : m_end;
            ++m_lineNo;
            return true;
        }
        if (m_eof)
            return false;
        // No line break in what is left: move the partial line to the front
        // and read the next chunk behind it.
        const qsizetype partial = m_end - m_pos;
        if (partial >= m_maxLine) {
            m_tooLong = true;
            ++m_lineNo;
            return false;
        }
        if (m_pos > 0 && partial > 0)
            std::memmove(m_buf.data(), m_buf.constData() + m_pos, size_t(partial));
        m_pos = 0;
        m_end = partial;
        const qsizetype got = m_source(m_buf.data() + m_end, m_buf.size() - m_end);
        if (got < 0) {
            m_sourceFailed = true;
            return false;
        }
        if (got == 0)
            m_eof = true;
        m_end += got;
    }
}

} // namespace paydesk
