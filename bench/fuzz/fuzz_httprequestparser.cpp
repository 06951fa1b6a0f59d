// libFuzzer target for HttpRequestParser: the input is a client's byte stream (pipelined
// requests, chunked bodies, garbage). It is parsed three times, whole, one byte at a
// time and in pseudo-random pieces derived from the input, the way HttpConnection feeds
// it; beyond crashes and sanitizer reports it aborts when the three disagree on any
// event (heads, body bytes, completions, errors), since how the bytes arrive must never
// change what a request means, or when a call breaks the parser's documented contract.

#include "listener/httprequestparser.h"
#include "splitagreement.h"

#include <cstdint>
#include <cstdlib>

namespace {

constexpr qint64 kMaxBodyBytes = 4096;

// Small limits, so that the fuzzer reaches them.
HttpRequestParser::Limits fuzzLimits()
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = 512;
    limits.maxHeaderCount = 8;
    return limits;
}

// Feeds `stream` in pieces of the sizes `nextPiece` returns and writes down every event.
template<typename NextPiece>
QByteArray parseInPieces(QByteArrayView stream, NextPiece nextPiece)
{
    HttpRequestParser parser(fuzzLimits());
    QByteArray pending;
    QByteArray events;
    QByteArray body;
    qsizetype fed = 0;
    while (fed < stream.size()) {
        const qsizetype piece = std::min<qsizetype>(nextPiece(), stream.size() - fed);
        pending.append(stream.sliced(fed, piece));
        fed += piece;
        for (;;) {
            qsizetype consumed = -1;
            QByteArrayView bodyData;
            const HttpRequestParser::Event event = parser.parse(pending, &consumed, &bodyData);
            if (consumed < 0 || consumed > pending.size())
                std::abort();
            if (event == HttpRequestParser::Event::BodyData) {
                if (bodyData.isEmpty() || bodyData.data() < pending.constData()
                    || bodyData.data() + bodyData.size() > pending.constData() + consumed)
                    std::abort();
                body.append(bodyData);
            }
            pending.remove(0, consumed);
            if (event == HttpRequestParser::Event::NeedMoreData) {
                if (!pending.isEmpty())
                    std::abort();       // NeedMoreData means everything given was consumed
                break;
            }
            if (event == HttpRequestParser::Event::HeadComplete) {
                const HttpRequest &head = parser.request();
                events += "head " + head.method + ' ' + head.target + ' ' + QByteArray::number(head.versionMinor) + ' '
                          + QByteArray::number(head.declaredBodyLength) + '\n';
                for (const auto &[name, value] : head.headers)
                    events += "  " + name + ": " + value + '\n';
                if (parser.hasBody() != (head.declaredBodyLength != 0))
                    std::abort();
                parser.setMaxBodyBytes(kMaxBodyBytes);
            } else if (event == HttpRequestParser::Event::MessageComplete) {
                if (parser.bodyBytesRead() != body.size() || body.size() > kMaxBodyBytes)
                    std::abort();
                events += "body " + body.toHex() + "\ncomplete\n";
                body.clear();
                parser.reset();
            } else if (event == HttpRequestParser::Event::Error) {
                if (parser.errorStatus() < 400 || parser.errorStatus() > 599 || parser.errorMessage().isEmpty())
                    std::abort();
                events += "error " + QByteArray::number(parser.errorStatus()) + ' ' + parser.errorMessage() + '\n';
                return events;
            }
        }
    }
    events += "end, started " + QByteArray::number(parser.hasStarted()) + " head " + QByteArray::number(parser.isReadingHead())
              + " body " + QByteArray::number(parser.bodyBytesRead()) + '\n';
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    requireSameResultHoweverSplit(data, size, [](QByteArrayView input, auto nextPiece) { return parseInPieces(input, nextPiece); });
    return 0;
}
