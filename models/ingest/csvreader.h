#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class ByteStream;

// RFC 4180 CSV read one row at a time, as spreadsheet programs write it: comma
// separated, fields quoted when they hold a comma, quote or line break, quotes doubled,
// UTF-8. Only the row being read is held, so a CSV file of any length reads in bounded
// memory. Blank lines are skipped; a quoted field may span lines. Qt has no CSV codec and
// none of Debian's C++ CSV libraries is worth a dependency for this much code.
class CsvReader
{
public:
    struct Row
    {
        QStringList fields;
        int line = 0; // 1-based line where the row starts
    };

    explicit CsvReader(ByteStream &input);

    // The next row; false at the end of the input or on malformed input (error()).
    bool next(Row *row);
    // Non-empty after malformed input: "line 7: unterminated quoted field".
    QString error() const { return m_error; }

private:
    ByteStream &m_input;
    QString m_error;
    int m_line = 1; // counts \r\n, \r and \n outside quotes, \n inside
};
