#pragma once

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

class ByteStream;

// A JSON array read one element at a time, so a file of a million calls never sits in
// memory whole: only the element being read does. Elements are delimited by a scan that
// follows strings and escapes, then parsed by QJsonDocument. A syntax error carries the
// message and line that QJsonDocument::fromJson reports for the whole text, and ends
// the array (what follows it cannot be delimited reliably).
class JsonArrayReader
{
public:
    enum class Next { Element, End, SyntaxError };

    // `input` must be at the array's '[' (leading whitespace skipped).
    explicit JsonArrayReader(ByteStream &input);

    Next next();

    // The element next() returned, and its 0-based index.
    const QJsonValue &value() const { return m_value; }
    qsizetype index() const { return m_index; }

    // After SyntaxError: Qt's message ("missing value separator") and its 1-based line.
    QString errorMessage() const;
    int errorLine() const { return m_errorLine; }

    // Whitespace as JSON (and QJsonDocument) defines it.
    static bool isSpace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static void skipSpace(ByteStream &input);
    // Appends one object, array or string (at the input's next byte) to `text`, following
    // strings and escapes; false when the input ended before the value did.
    static bool scanValue(ByteStream &input, QByteArray *text);

private:
    Next readElement();
    Next afterArray();
    Next fail(QJsonParseError::ParseError error, int line);

    ByteStream &m_input;
    bool m_started = false;
    bool m_finished = false;
    qsizetype m_index = -1;
    QByteArray m_text;
    QJsonValue m_value;
    QJsonParseError::ParseError m_error = QJsonParseError::NoError;
    int m_errorLine = 0;
};
