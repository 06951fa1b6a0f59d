#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

// Forward reading of a device in chunks, with the line number of the read position. It
// never seeks, so a pipe reads like a file. Consumed bytes are dropped as the next chunk
// comes in, so memory stays at about one chunk plus the longest line or value a reader
// holds; a mark keeps everything from it on until the reader goes back to it once
// (sniffing a file's format on a pipe) or clears it.
class ByteStream
{
public:
    explicit ByteStream(QIODevice *device);

    // The next byte, or -1 at the end of the input.
    int peek() { return m_pos < m_buffer.size() || fill() ? int(uchar(m_buffer.at(m_pos))) : -1; }
    int get()
    {
        const int c = peek();
        if (c >= 0) {
            ++m_pos;
            if (c == '\n')
                ++m_line;
        }
        return c;
    }
    // The bytes up to the next '\n' (not included) or the end; false at the end.
    bool readLine(QByteArray *line);

    // 1-based line of the next byte.
    int line() const { return m_line; }

    void mark();
    void rewindToMark();
    void clearMark() { m_marked = false; }

    // Non-empty when the device failed to read (the input then ends early).
    QString error() const { return m_error; }

private:
    // Appends the next chunk; false at the end of the input.
    bool fill();

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_marked = false;
    qsizetype m_markPos = 0;
    int m_markLine = 1;
    bool m_ended = false;
    QString m_error;
};
