#include "httprequestparser.h"

#include <algorithm>
#include <cctype>

namespace {

constexpr qint64 kMaxChunkLineBytes = 1024;

bool isTokenChar(char c)
{
    if (c >= 'a' && c <= 'z')
        return true;
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c >= '0' && c <= '9')
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

} // namespace

HttpRequestParser::HttpRequestParser(const Limits &limits)
    : m_limits(limits)
{
}

void HttpRequestParser::reset()
{
    m_state = State::RequestLine;
    m_request = HttpRequest();
    m_partialLine.clear();
    m_headBytes = 0;
    m_trailerBytes = 0;
    m_contentLength = 0;
    m_chunked = false;
    m_chunkRemaining = 0;
    m_bodyBytes = 0;
    m_maxBodyBytes = -1;
    m_errorStatus = 0;
    m_errorMessage.clear();
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    return request;
}

HttpRequestParser::Event HttpRequestParser::fail(int status, const char *message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return Event::Error;
}

bool HttpRequestParser::takeLine(QByteArrayView data, qsizetype *pos, QByteArray *line, qint64 limit, qint64 *counter)
{
    const QByteArrayView rest = data.sliced(*pos);
    const qsizetype newline = rest.indexOf('\n');
    const qsizetype take = newline < 0 ? rest.size() : newline + 1;
    *counter += take;
    if (*counter > limit || m_partialLine.size() + take > limit)
        return false;   // the caller checks the counter and fails
    m_partialLine.append(rest.first(take));
    *pos += take;
    if (newline < 0)
        return false;
    m_partialLine.chop(1);
    if (m_partialLine.endsWith('\r'))
        m_partialLine.chop(1);
    *line = std::move(m_partialLine);
    m_partialLine = QByteArray();
    return true;
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace) {
        fail(400, "Malformed request line");
        return false;
    }
    const QByteArray method = line.left(firstSpace);
    const QByteArray target = line.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArray version = line.mid(lastSpace + 1);
    if (!isToken(method)) {
        fail(400, "Malformed request method");
        return false;
    }
    if (target.isEmpty()) {
        fail(400, "Empty request target");
        return false;
    }
    for (char c : target) {
        if (uchar(c) <= 0x20 || uchar(c) == 0x7f) {
            fail(400, "Malformed request target");
            return false;
        }
    }
    if (!version.startsWith("HTTP/") || version.size() != 8 || version.at(6) != '.'
        || !std::isdigit(uchar(version.at(5))) || !std::isdigit(uchar(version.at(7)))) {
        fail(400, "Malformed HTTP version");
        return false;
    }
    if (version.at(5) != '1') {
        fail(505, "HTTP version not supported");
        return false;
    }
    QByteArray path = target;
    if (!path.startsWith('/')) {
        // absolute-form ("http://host/path"): keep the path and query.
        const qsizetype scheme = path.indexOf("://");
        if (scheme > 0) {
            const qsizetype slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? QByteArray("/") : path.mid(slash);
        } else if (path != "*") {
            fail(400, "Malformed request target");
            return false;
        }
    }
    m_request.method = method;
    m_request.target = path;
    m_request.versionMinor = version.at(7) - '0';
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        fail(400, "Folded header lines are not accepted");
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon))) {
        fail(400, "Malformed header line");
        return false;
    }
    if (m_request.headers.size() >= m_limits.maxHeaderCount) {
        fail(431, "Too many header fields");
        return false;
    }
    const QByteArray value = line.mid(colon + 1).trimmed();
    for (char c : value) {
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f) {
            fail(400, "Control character in a header value");
            return false;
        }
    }
    m_request.headers.append({line.left(colon), value});
    return true;
}

bool HttpRequestParser::finishHead()
{
    bool haveLength = false;
    qint64 length = 0;
    QByteArray transferEncoding;
    for (const HttpRequest::Header &header : std::as_const(m_request.headers)) {
        if (equalsIgnoringCase(header.first, "Content-Length")) {
            // A list ("5, 5") or repeated headers must all agree.
            for (const QByteArray &item : header.second.split(',')) {
                const QByteArray digits = item.trimmed();
                bool ok = !digits.isEmpty() && digits.size() <= 18;
                for (char c : digits)
                    ok = ok && std::isdigit(uchar(c));
                const qint64 value = ok ? digits.toLongLong(&ok) : -1;
                if (!ok || (haveLength && value != length)) {
                    fail(400, "Invalid Content-Length");
                    return false;
                }
                haveLength = true;
                length = value;
            }
        } else if (equalsIgnoringCase(header.first, "Transfer-Encoding")) {
            if (!transferEncoding.isEmpty())
                transferEncoding += ',';
            transferEncoding += header.second;
        }
    }
    if (!transferEncoding.isEmpty()) {
        if (haveLength) {
            // Both framings at once is how request smuggling starts; refuse it.
            fail(400, "Both Transfer-Encoding and Content-Length");
            return false;
        }
        if (m_request.versionMinor == 0) {
            fail(400, "Transfer-Encoding in an HTTP/1.0 request");
            return false;
        }
        const QList<QByteArray> codings = transferEncoding.toLower().split(',');
        if (codings.size() != 1 || codings.first().trimmed() != "chunked") {
            fail(501, "Only chunked transfer coding is supported");
            return false;
        }
        m_chunked = true;
        m_contentLength = -1;
        m_request.declaredBodyLength = -1;
        m_state = State::ChunkSize;
    } else {
        m_contentLength = haveLength ? length : 0;
        m_request.declaredBodyLength = m_contentLength;
        m_state = State::Body;
    }
    return true;
}

HttpRequestParser::Event HttpRequestParser::parse(QByteArrayView data, qsizetype *consumed, QByteArrayView *bodyData)
{
    qsizetype pos = 0;
    auto done = [&](Event event) {
        *consumed = pos;
        return event;
    };
    QByteArray line;
    for (;;) {
        switch (m_state) {
        case State::Failed:
            return done(Event::Error);
        case State::Complete:
            return done(Event::MessageComplete);
        case State::RequestLine:
            if (!takeLine(data, &pos, &line, m_limits.maxHeaderBytes, &m_headBytes)) {
                if (m_headBytes > m_limits.maxHeaderBytes)
                    return done(fail(431, "Request head too large"));
                return done(Event::NeedMoreData);
            }
            if (line.isEmpty())
                continue;   // empty lines before a request line are ignored (RFC 9112 2.2)
            if (!parseRequestLine(line))
                return done(Event::Error);
            m_state = State::Headers;
            continue;
        case State::Headers:
            if (!takeLine(data, &pos, &line, m_limits.maxHeaderBytes, &m_headBytes)) {
                if (m_headBytes > m_limits.maxHeaderBytes)
                    return done(fail(431, "Request head too large"));
                return done(Event::NeedMoreData);
            }
            if (!line.isEmpty()) {
                if (!parseHeaderLine(line))
                    return done(Event::Error);
                continue;
            }
            if (!finishHead())
                return done(Event::Error);
            return done(Event::HeadComplete);
        case State::Body: {
            if (m_maxBodyBytes >= 0 && m_contentLength > m_maxBodyBytes)
                return done(fail(413, "Request body too large"));
            const qint64 remaining = m_contentLength - m_bodyBytes;
            if (remaining == 0) {
                m_state = State::Complete;
                return done(Event::MessageComplete);
            }
            const qsizetype available = data.size() - pos;
            if (available == 0)
                return done(Event::NeedMoreData);
            const qsizetype take = qsizetype(std::min<qint64>(remaining, available));
            if (bodyData)
                *bodyData = data.sliced(pos, take);
            pos += take;
            m_bodyBytes += take;
            return done(Event::BodyData);
        }
        case State::ChunkSize: {
            qint64 lineBytes = m_partialLine.size();
            if (!takeLine(data, &pos, &line, kMaxChunkLineBytes, &lineBytes)) {
                if (lineBytes > kMaxChunkLineBytes)
                    return done(fail(400, "Chunk size line too long"));
                return done(Event::NeedMoreData);
            }
            qsizetype end = line.indexOf(';');
            const QByteArray hex = (end < 0 ? line : line.left(end)).trimmed();
            if (hex.isEmpty() || hex.size() > 15)
                return done(fail(400, "Malformed chunk size"));
            qint64 size = 0;
            for (char c : hex) {
                const int digit = std::isdigit(uchar(c)) ? c - '0'
                                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                           : -1;
                if (digit < 0)
                    return done(fail(400, "Malformed chunk size"));
                size = size * 16 + digit;
            }
            if (size == 0) {
                m_state = State::Trailers;
                continue;
            }
            if (m_maxBodyBytes >= 0 && m_bodyBytes + size > m_maxBodyBytes)
                return done(fail(413, "Request body too large"));
            m_chunkRemaining = size;
            m_state = State::ChunkData;
            continue;
        }
        case State::ChunkData: {
            const qsizetype available = data.size() - pos;
            if (available == 0)
                return done(Event::NeedMoreData);
            const qsizetype take = qsizetype(std::min<qint64>(m_chunkRemaining, available));
            if (bodyData)
                *bodyData = data.sliced(pos, take);
            pos += take;
            m_bodyBytes += take;
            m_chunkRemaining -= take;
            if (m_chunkRemaining == 0)
                m_state = State::ChunkDataEnd;
            return done(Event::BodyData);
        }
        case State::ChunkDataEnd: {
            qint64 lineBytes = m_partialLine.size();
            if (!takeLine(data, &pos, &line, 2, &lineBytes)) {
                if (lineBytes > 2)
                    return done(fail(400, "Missing CRLF after chunk data"));
                return done(Event::NeedMoreData);
            }
            if (!line.isEmpty())
                return done(fail(400, "Missing CRLF after chunk data"));
            m_state = State::ChunkSize;
            continue;
        }
        case State::Trailers:
            if (!takeLine(data, &pos, &line, m_limits.maxHeaderBytes, &m_trailerBytes)) {
                if (m_trailerBytes > m_limits.maxHeaderBytes)
                    return done(fail(431, "Chunk trailers too large"));
                return done(Event::NeedMoreData);
            }
            if (!line.isEmpty())
                continue;   // trailer fields are read and dropped
            m_state = State::Complete;
            return done(Event::MessageComplete);
        }
    }
}
