#include "jsonarrayreader.h"

#include "ingest/bytestream.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Where a bare value (number, literal, or garbage) ends: what QJsonDocument stops at.
bool endsBareValue(int c)
{
    return c < 0 || JsonArrayReader::isSpace(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{'
           || c == '"' || c == ':';
}

} // namespace

JsonArrayReader::JsonArrayReader(ByteStream &input) : m_input(input)
{
}

void JsonArrayReader::skipSpace(ByteStream &input)
{
    while (isSpace(input.peek()))
        input.get();
}

QString JsonArrayReader::errorMessage() const
{
    QJsonParseError error;
    error.error = m_error;
    return error.errorString();
}

// The cases below mirror QJsonDocument's array parser, so that the message and line of
// an error between elements are those it gives for the whole text.
JsonArrayReader::Next JsonArrayReader::next()
{
    if (m_finished)
        return m_error == QJsonParseError::NoError ? Next::End : Next::SyntaxError;
    if (!m_started) {
        m_started = true;
        m_input.get(); // '['
        skipSpace(m_input);
        if (m_input.peek() < 0)
            return fail(QJsonParseError::UnterminatedArray, m_input.line());
        if (m_input.peek() == ']') {
            m_input.get();
            return afterArray();
        }
        return readElement();
    }
    skipSpace(m_input);
    const int c = m_input.get();
    if (c < 0)
        return fail(QJsonParseError::UnterminatedArray, m_input.line());
    if (c == ']')
        return afterArray();
    if (c == ',') {
        skipSpace(m_input);
        if (m_input.peek() < 0)
            return fail(QJsonParseError::UnterminatedArray, m_input.line());
        if (m_input.peek() == ']')
            return fail(QJsonParseError::MissingObject, m_input.line());
        return readElement();
    }
    // Qt reports a stray byte as a missing separator, unless nothing but space follows.
    const int line = m_input.line();
    skipSpace(m_input);
    if (m_input.peek() < 0)
        return fail(QJsonParseError::UnterminatedArray, m_input.line());
    return fail(QJsonParseError::MissingValueSeparator, line);
}

JsonArrayReader::Next JsonArrayReader::readElement()
{
    const int startLine = m_input.line();
    m_text.clear();
    bool complete = true;
    const int first = m_input.peek();
    if (first == '{' || first == '[' || first == '"') {
        complete = scanValue(m_input, &m_text);
    } else {
        while (!endsBareValue(m_input.peek()))
            m_text.append(char(m_input.get()));
        if (m_input.peek() < 0)
            complete = false;
        else if (m_text.isEmpty())
            m_text.append(char(m_input.get())); // a stray ',' '}' ':': Qt's error is at it
    }

    // Parsed as the only element of an array: the parser is then in the state it is in
    // at this element of the whole text, and reports the same error.
    QByteArray document;
    document.reserve(m_text.size() + 2);
    document.append('[').append(m_text);
    if (complete)
        document.append(']');
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(document, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = std::max(0, parseError.offset - 1);
        return fail(parseError.error, startLine + int(m_text.left(offset).count('\n')));
    }
    m_value = parsed.array().at(0);
    ++m_index;
    return Next::Element;
}

bool JsonArrayReader::scanValue(ByteStream &input, QByteArray *text)
{
    int depth = 0;
    bool inString = false;
    for (;;) {
        const int c = input.get();
        if (c < 0)
            return false;
        text->append(char(c));
        if (inString) {
            if (c == '\\') {
                const int escaped = input.get();
                if (escaped < 0)
                    return false;
                text->append(char(escaped));
            } else if (c == '"') {
                inString = false;
                if (depth == 0)
                    return true;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return true;
        }
    }
}

JsonArrayReader::Next JsonArrayReader::afterArray()
{
    skipSpace(m_input);
    if (m_input.peek() >= 0)
        return fail(QJsonParseError::GarbageAtEnd, m_input.line());
    m_finished = true;
    return Next::End;
}

JsonArrayReader::Next JsonArrayReader::fail(QJsonParseError::ParseError error, int line)
{
    m_finished = true;
    m_error = error;
    m_errorLine = line;
    m_text.clear();
    return Next::SyntaxError;
}
