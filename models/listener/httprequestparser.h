#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QByteArrayView>

// An incremental HTTP/1.0 and 1.1 request parser that never touches a socket: the
// caller feeds whatever bytes arrived and the parser reports one event at a time, so it
// is tested with plain byte strings, split anywhere. It parses the request line and
// headers (with a byte and a count limit), then frames the body (Content-Length or
// chunked, with a byte limit the caller sets once it has seen the head) and hands body
// bytes out as views into the caller's data: the body itself is never copied or
// buffered here, so the caller decides whether it goes to memory or disk.
//
// Invariants: after Error nothing more is parsed until reset(); the bytes a call reports
// as consumed belong to this request, the rest (a pipelined next request) is left to the
// caller; reset() makes the parser ready for the next request on the same connection.
class HttpRequestParser
{
public:
    struct Limits
    {
        int maxHeaderBytes = 64 * 1024;     // request line + headers (and chunk trailers)
        int maxHeaderCount = 100;
    };

    enum class Event {
        NeedMoreData,       // everything given was consumed; feed more
        HeadComplete,       // request() holds the head; set the body limit, then go on
        BodyData,           // *bodyData is the next piece of the (de-chunked) body
        MessageComplete,    // the request is complete; reset() before the next one
        Error,              // errorStatus()/errorMessage() say why; the connection must close
    };

    explicit HttpRequestParser(const Limits &limits);
    HttpRequestParser() : HttpRequestParser(Limits()) {}

    // Parses from the start of `data` up to the next event. `*consumed` is how many bytes
    // of `data` were used (the caller drops them before the next call); for BodyData,
    // `*bodyData` views into `data` and is valid until the caller drops those bytes.
    Event parse(QByteArrayView data, qsizetype *consumed, QByteArrayView *bodyData = nullptr);

    const HttpRequest &request() const { return m_request; }
    HttpRequest takeRequest();

    // Valid after HeadComplete.
    bool hasBody() const { return m_chunked || m_contentLength > 0; }
    bool isChunked() const { return m_chunked; }
    qint64 contentLength() const { return m_contentLength; }    // -1 when chunked
    // Body bytes beyond this are an error (413); negative: no limit (the default, so
    // the caller must set one after HeadComplete).
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 bodyBytesRead() const { return m_bodyBytes; }

    // Whether any byte of the current request has arrived (idle vs. reading a head).
    bool hasStarted() const { return m_headBytes > 0 || m_state != State::RequestLine; }
    bool isReadingHead() const { return m_state == State::RequestLine || m_state == State::Headers; }

    int errorStatus() const { return m_errorStatus; }
    QByteArray errorMessage() const { return m_errorMessage; }

    void reset();

private:
    enum class State { RequestLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Complete, Failed };

    // Takes one line (without CR LF) from data at *pos. False: no full line yet (the
    // partial line is kept). Enforces `limit` on the line and `*counter`.
    bool takeLine(QByteArrayView data, qsizetype *pos, QByteArray *line, qint64 limit, qint64 *counter);
    Event fail(int status, const char *message);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool finishHead();

    Limits m_limits;
    State m_state = State::RequestLine;
    HttpRequest m_request;
    QByteArray m_partialLine;
    qint64 m_headBytes = 0;
    qint64 m_trailerBytes = 0;
    qint64 m_contentLength = 0;
    bool m_chunked = false;
    qint64 m_chunkRemaining = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_maxBodyBytes = -1;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
};
