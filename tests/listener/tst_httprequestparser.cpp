// Tests of the incremental HTTP request parser, without sockets: every input is fed
// whole and also one byte at a time, which is how a slow or hostile client splits it.
#include "listener/httprequestparser.h"

#include <QTest>

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    QList<QByteArray> bodies;
    int errorStatus = 0;
    qsizetype leftover = 0;     // bytes not consumed
};

// Feeds `data` in pieces of `step` bytes (0: all at once) and collects complete requests.
Outcome feed(const QByteArray &data, qsizetype step, qint64 maxBody = 1 << 20,
             HttpRequestParser::Limits limits = HttpRequestParser::Limits())
{
    Outcome outcome;
    HttpRequestParser parser(limits);
    QByteArray pending;
    QByteArray body;
    qsizetype offered = 0;
    do {
        const qsizetype n = step <= 0 ? data.size() : std::min(step, data.size() - offered);
        pending += data.mid(offered, n);
        offered += n;
        for (;;) {
            qsizetype consumed = 0;
            QByteArrayView piece;
            const auto event = parser.parse(pending, &consumed, &piece);
            if (event == HttpRequestParser::Event::Error) {
                outcome.errorStatus = parser.errorStatus();
                outcome.leftover = pending.size() - consumed;
                return outcome;
            }
            if (event == HttpRequestParser::Event::HeadComplete) {
                parser.setMaxBodyBytes(maxBody);
            } else if (event == HttpRequestParser::Event::BodyData) {
                body += piece.toByteArray();
            } else if (event == HttpRequestParser::Event::MessageComplete) {
                outcome.requests.append(parser.takeRequest());
                outcome.bodies.append(body);
                body.clear();
                parser.reset();
            }
            pending.remove(0, consumed);
            if (event == HttpRequestParser::Event::NeedMoreData)
                break;
        }
    } while (offered < data.size());
    outcome.leftover = pending.size();
    return outcome;
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void requestLine_data();
    void requestLine();
    void malformed_data();
    void malformed();
    void headersAreCaseInsensitive();
    void contentLengthBody();
    void chunkedBody_data();
    void chunkedBody();
    void bodyLimit_data();
    void bodyLimit();
    void headerLimits();
    void pipelinedRequests();
    void keepAliveAndExpect();
    void queryAndPath();
};

void TestHttpRequestParser::requestLine_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("minor");

    QTest::newRow("get 1.1") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("GET")
                             << QByteArray("/health") << 1;
    QTest::newRow("get 1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("GET") << QByteArray("/") << 0;
    QTest::newRow("bare LF") << QByteArray("DELETE /a/b/ HTTP/1.1\nHost: x\n\n") << QByteArray("DELETE")
                             << QByteArray("/a/b/") << 1;
    QTest::newRow("leading empty line") << QByteArray("\r\nPATCH /x HTTP/1.1\r\n\r\n") << QByteArray("PATCH")
                                        << QByteArray("/x") << 1;
    QTest::newRow("absolute form") << QByteArray("GET http://127.0.0.1:8787/health?x=1 HTTP/1.1\r\n\r\n")
                                   << QByteArray("GET") << QByteArray("/health?x=1") << 1;
    QTest::newRow("query") << QByteArray("GET /observability/v1/call-logs/?page=2&page_size=5 HTTP/1.1\r\n\r\n")
                           << QByteArray("GET") << QByteArray("/observability/v1/call-logs/?page=2&page_size=5") << 1;
}

void TestHttpRequestParser::requestLine()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, minor);
    for (qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(3)}) {
        const Outcome outcome = feed(raw, step);
        QCOMPARE(outcome.errorStatus, 0);
        QCOMPARE(outcome.requests.size(), 1);
        QCOMPARE(outcome.requests.first().method, method);
        QCOMPARE(outcome.requests.first().target, target);
        QCOMPARE(outcome.requests.first().versionMinor, minor);
    }
}

void TestHttpRequestParser::malformed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");

    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x01\xfc\x03\x03\r\n\r\n") << 400;
    QTest::newRow("http 2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("bad version") << QByteArray("GET / HTTX/1.1\r\n\r\n") << 400;
    QTest::newRow("space in method") << QByteArray("G T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET health HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n  c\r\n\r\n") << 400;
    QTest::newRow("bad content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 12a\r\n\r\n") << 400;
    QTest::newRow("negative content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("conflicting content-length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << 400;
    QTest::newRow("te and cl") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                               << 400;
    QTest::newRow("gzip te") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << 501;
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    QTest::newRow("chunk without crlf")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY\r\n0\r\n\r\n") << 400;
    QTest::newRow("control char in header") << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << 400;
}

void TestHttpRequestParser::malformed()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    QCOMPARE(feed(raw, 0).errorStatus, status);
    QCOMPARE(feed(raw, 1).errorStatus, status);
}

void TestHttpRequestParser::headersAreCaseInsensitive()
{
    const Outcome outcome = feed("GET / HTTP/1.1\r\nX-CEKURA-API-KEY:  k1 \r\ncontent-type: Application/JSON; charset=utf-8\r\n\r\n", 0);
    QCOMPARE(outcome.requests.size(), 1);
    const HttpRequest &request = outcome.requests.first();
    QCOMPARE(request.header("x-cekura-api-key"), QByteArray("k1"));
    QCOMPARE(request.mediaType(), QByteArray("application/json"));
    QCOMPARE(request.contentTypeParameter("charset"), QByteArray("utf-8"));
    QVERIFY(request.header("missing").isNull());
}

void TestHttpRequestParser::contentLengthBody()
{
    const QByteArray raw = "POST /observe HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world";
    for (qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(5)}) {
        const Outcome outcome = feed(raw, step);
        QCOMPARE(outcome.errorStatus, 0);
        QCOMPARE(outcome.bodies, QList<QByteArray>{"hello world"});
        QCOMPARE(outcome.leftover, 0);
    }
}

void TestHttpRequestParser::chunkedBody_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("two chunks") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                              "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                                << QByteArray("hello world");
    QTest::newRow("hex and extension") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n"
                                                     "A;name=x\r\n0123456789\r\n0\r\n\r\n")
                                       << QByteArray("0123456789");
    QTest::newRow("trailers") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                            "3\r\nabc\r\n0\r\nX-Checksum: 1\r\nX-Other: 2\r\n\r\n")
                              << QByteArray("abc");
    QTest::newRow("empty") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << QByteArray();
}

void TestHttpRequestParser::chunkedBody()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, body);
    for (qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(7)}) {
        const Outcome outcome = feed(raw, step);
        QCOMPARE(outcome.errorStatus, 0);
        QCOMPARE(outcome.bodies.size(), 1);
        QCOMPARE(outcome.bodies.first(), body);
        QCOMPARE(outcome.leftover, 0);
    }
}

void TestHttpRequestParser::bodyLimit_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");

    QTest::newRow("content-length at limit") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789") << 0;
    QTest::newRow("content-length over") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n") << 413;
    QTest::newRow("chunked over") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                "8\r\n01234567\r\n8\r\n01234567\r\n0\r\n\r\n")
                                  << 413;
    QTest::newRow("huge chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                   "fffffffffffffff\r\n")
                                     << 413;
}

void TestHttpRequestParser::bodyLimit()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    QCOMPARE(feed(raw, 0, 10).errorStatus, status);
    QCOMPARE(feed(raw, 1, 10).errorStatus, status);
}

void TestHttpRequestParser::headerLimits()
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = 256;
    limits.maxHeaderCount = 3;
    const QByteArray longHeader = "GET / HTTP/1.1\r\nX-Long: " + QByteArray(300, 'a') + "\r\n\r\n";
    QCOMPARE(feed(longHeader, 0, 0, limits).errorStatus, 431);
    QCOMPARE(feed(longHeader, 1, 0, limits).errorStatus, 431);
    // A line that never ends must fail as soon as it is over the limit, not when it ends.
    QCOMPARE(feed("GET /" + QByteArray(300, 'a'), 1, 0, limits).errorStatus, 431);
    QCOMPARE(feed("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", 0, 0, limits).errorStatus, 431);
    QCOMPARE(feed("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", 0, 0, limits).errorStatus, 0);
}

void TestHttpRequestParser::pipelinedRequests()
{
    const QByteArray raw = "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                           "GET /b HTTP/1.1\r\n\r\n"
                           "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"
                           "GET /d HTTP/1.1\r\n\r\n";
    for (qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(13)}) {
        const Outcome outcome = feed(raw, step);
        QCOMPARE(outcome.errorStatus, 0);
        QCOMPARE(outcome.requests.size(), 4);
        QCOMPARE(outcome.requests.at(0).target, QByteArray("/a"));
        QCOMPARE(outcome.requests.at(3).target, QByteArray("/d"));
        QCOMPARE(outcome.bodies, (QList<QByteArray>{"abc", "", "xy", ""}));
    }
}

void TestHttpRequestParser::keepAliveAndExpect()
{
    Outcome outcome = feed("GET / HTTP/1.0\r\n\r\n", 0);
    QVERIFY(!outcome.requests.first().keepAlive());
    outcome = feed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", 0);
    QVERIFY(outcome.requests.first().keepAlive());
    outcome = feed("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 0);
    QVERIFY(!outcome.requests.first().keepAlive());
    outcome = feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx", 0);
    QVERIFY(outcome.requests.first().keepAlive());
    QVERIFY(outcome.requests.first().expectsContinue());
}

void TestHttpRequestParser::queryAndPath()
{
    const Outcome outcome = feed("GET /observability/v1/call-logs/%31/?filters_v2=%7B%22a%22%3A1%7D&x=a+b HTTP/1.1\r\n\r\n", 0);
    const HttpRequest &request = outcome.requests.first();
    QCOMPARE(request.path(), QStringLiteral("/observability/v1/call-logs/1/"));
    QCOMPARE(request.query().queryItemValue(QStringLiteral("filters_v2"), QUrl::FullyDecoded), QStringLiteral("{\"a\":1}"));
    QCOMPARE(request.query().queryItemValue(QStringLiteral("x"), QUrl::FullyDecoded), QStringLiteral("a b"));
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
