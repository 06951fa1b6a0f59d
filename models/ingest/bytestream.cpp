#include "bytestream.h"

#include <QIODevice>

#include <cstring>

namespace {

constexpr qsizetype kChunkSize = 64 * 1024;

} // namespace

ByteStream::ByteStream(QIODevice *device) : m_device(device)
{
}

bool ByteStream::readLine(QByteArray *line)
{
    qsizetype searchFrom = m_pos;
    for (;;) {
        const char *begin = m_buffer.constData();
        const auto *newline = static_cast<const char *>(
            std::memchr(begin + searchFrom, '\n', size_t(m_buffer.size() - searchFrom)));
        if (newline) {
            const qsizetype end = newline - begin;
            *line = m_buffer.mid(m_pos, end - m_pos);
            m_pos = end + 1;
            ++m_line;
            return true;
        }
        const qsizetype scanned = m_buffer.size() - m_pos;
        if (!fill()) {
            if (m_pos >= m_buffer.size())
                return false;
            *line = m_buffer.mid(m_pos);
            m_pos = m_buffer.size();
            return true;
        }
        // fill() may have dropped the consumed prefix: the unscanned part starts after
        // what was already searched.
        searchFrom = m_pos + scanned;
    }
}

void ByteStream::mark()
{
    m_marked = true;
    m_markPos = m_pos;
    m_markLine = m_line;
}

void ByteStream::rewindToMark()
{
    Q_ASSERT(m_marked);
    m_pos = m_markPos;
    m_line = m_markLine;
    m_marked = false;
}

bool ByteStream::fill()
{
    if (m_ended)
        return false;
    if (!m_marked && m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const qsizetype oldSize = m_buffer.size();
    m_buffer.resize(oldSize + kChunkSize);
    const qint64 read = m_device->read(m_buffer.data() + oldSize, kChunkSize);
    m_buffer.resize(oldSize + std::max<qint64>(read, 0));
    if (read <= 0) {
        m_ended = true;
        if (read < 0)
            m_error = m_device->errorString();
        return false;
    }
    return true;
}
