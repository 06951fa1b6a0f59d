#include "csvreader.h"

#include "ingest/bytestream.h"

CsvReader::CsvReader(ByteStream &input) : m_input(input)
{
}

// Works on bytes: the delimiters are ASCII, and no byte of a multi-byte UTF-8 sequence
// is, so each field decodes on its own.
bool CsvReader::next(Row *row)
{
    for (;;) {
        if (m_input.peek() < 0)
            return false;
        row->fields.clear();
        row->line = m_line;
        QByteArray field;
        bool fieldStarted = false;
        for (;;) {
            const int c = m_input.get();
            if (c < 0) {
                if (fieldStarted || !row->fields.isEmpty()) {
                    row->fields.append(QString::fromUtf8(field));
                    return true;
                }
                return false;
            }
            if (c == '"' && !fieldStarted) {
                fieldStarted = true;
                for (;;) {
                    const int q = m_input.get();
                    if (q < 0) {
                        m_error = QStringLiteral("line %1: unterminated quoted field").arg(row->line);
                        return false;
                    }
                    if (q == '\n')
                        ++m_line;
                    if (q == '"') {
                        if (m_input.peek() != '"')
                            break;
                        m_input.get();
                    }
                    field.append(char(q));
                }
            } else if (c == ',') {
                row->fields.append(QString::fromUtf8(field));
                field.clear();
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && m_input.peek() == '\n')
                    m_input.get();
                ++m_line;
                if (fieldStarted || !row->fields.isEmpty() || !field.isEmpty()) {
                    row->fields.append(QString::fromUtf8(field));
                    return true;
                }
                break; // a blank line
            } else {
                field.append(char(c));
                fieldStarted = true;
            }
        }
    }
}
