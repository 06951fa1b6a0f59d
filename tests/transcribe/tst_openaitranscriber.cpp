// OpenAiTranscriber against a scripted OpenAI-compatible server on 127.0.0.1: the form it
// uploads (fields, the WAV file, the key), how it reads words and segments, and how it
// fails (HTTP errors, garbage, silence, refusal, redirects elsewhere, cancel). Most calls
// run on a worker QThread with no event loop, as the transcription queue runs them.
#include "transcribe/openaitranscriber.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QtEndian>

#include <cmath>
#include <memory>
#include <numbers>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// One part of a multipart/form-data body.
struct FormPart
{
    QByteArray name;
    QByteArray fileName;
    QByteArray contentType;
    QByteArray body;
};

// An HTTP/1.1 server that answers each request with the next scripted reply (the fallback
// once the script is used up), one request per connection, and records what it was sent.
// A held reply is never sent; a stalled server stops reading, so uploads to it stall.
class TranscriptionServer : public QTcpServer
{
public:
    struct Reply
    {
        Reply(QByteArray status = "200 OK", QByteArray body = {}, QByteArray headers = {})
            : status(std::move(status)), body(std::move(body)), headers(std::move(headers))
        {
        }

        QByteArray status;
        QByteArray body;
        QByteArray headers;   // extra header lines, each ending in \r\n
        bool hold = false;
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers;   // names lower-cased
        QList<FormPart> parts;

        QList<QByteArray> fields(const QByteArray &name) const
        {
            QList<QByteArray> values;
            for (const FormPart &part : parts) {
                if (part.name == name)
                    values.append(part.body);
            }
            return values;
        }
    };

    ~TranscriptionServer() override
    {
        // Before this object is half gone: a socket's last signals must not reach it.
        for (QTcpSocket *socket : findChildren<QTcpSocket *>()) {
            socket->disconnect();
            delete socket;
        }
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = {}) const { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(serverPort()).arg(path)); }

    QList<Reply> script;
    Reply fallback{"500 Internal Server Error", "not scripted"};
    bool stall = false;
    QList<Request> requests;
    int connections = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++connections;
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        if (stall) {
            socket->setReadBufferSize(4096);   // full at once, and never read: the client's upload stops
            return;
        }
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;   // the body is still coming
        request.parts = formParts(request.headers.value("content-type"), buffer.mid(headEnd + 4, length));
        m_buffers.remove(socket);
        requests.append(request);
        const Reply reply = script.isEmpty() ? fallback : script.takeFirst();
        if (reply.hold)
            return;
        socket->write("HTTP/1.1 " + reply.status + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(reply.body.size()) + "\r\n" + reply.headers + "Connection: close\r\n\r\n"
                      + reply.body);
        socket->disconnectFromHost();
    }

    static QList<FormPart> formParts(const QByteArray &contentType, const QByteArray &body)
    {
        const QRegularExpressionMatch boundary =
            QRegularExpression(u"boundary=\"?([^\";]+)"_s).match(QString::fromLatin1(contentType));
        if (!contentType.startsWith("multipart/form-data") || !boundary.hasMatch())
            return {};
        const QByteArray delimiter = "\r\n--" + boundary.captured(1).toLatin1();
        const QRegularExpression name(u"(?:^|;)\\s*name=\"([^\"]*)\""_s);
        const QRegularExpression fileName(u"filename=\"([^\"]*)\""_s);
        QList<FormPart> parts;
        // The first delimiter has no CRLF before it; lend it one.
        const QByteArray text = "\r\n" + body;
        qsizetype at = text.indexOf(delimiter);
        while (at >= 0 && text.mid(at + delimiter.size(), 2) == "\r\n") {
            const qsizetype headStart = at + delimiter.size() + 2;
            const qsizetype headEnd = text.indexOf("\r\n\r\n", headStart);
            const qsizetype next = text.indexOf(delimiter, headEnd);
            if (headEnd < 0 || next < 0)
                break;
            FormPart part;
            for (const QByteArray &line : text.mid(headStart, headEnd - headStart).split('\n')) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray header = line.left(colon).trimmed().toLower();
                const QString value = QString::fromLatin1(line.mid(colon + 1).trimmed());
                if (header == "content-disposition") {
                    part.name = name.match(value).captured(1).toLatin1();
                    part.fileName = fileName.match(value).captured(1).toLatin1();
                } else if (header == "content-type") {
                    part.contentType = value.toLatin1();
                }
            }
            part.body = text.mid(headEnd + 4, next - headEnd - 4);
            parts.append(part);
            at = next;
        }
        return parts;
    }

    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A WAV file as a server reads it.
struct Wav
{
    bool valid = false;
    int format = 0;
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    QList<qint16> samples;
};

Wav readWav(const QByteArray &file)
{
    Wav wav;
    if (file.size() < 44 || !file.startsWith("RIFF") || file.mid(8, 8) != "WAVEfmt " || file.mid(36, 4) != "data")
        return wav;
    const char *data = file.constData();
    const auto riffSize = qFromLittleEndian<quint32>(data + 4);
    const auto dataSize = qFromLittleEndian<quint32>(data + 40);
    if (riffSize != quint32(file.size() - 8) || dataSize != quint32(file.size() - 44))
        return wav;
    wav.format = qFromLittleEndian<quint16>(data + 20);
    wav.channels = qFromLittleEndian<quint16>(data + 22);
    wav.sampleRate = int(qFromLittleEndian<quint32>(data + 24));
    wav.bitsPerSample = qFromLittleEndian<quint16>(data + 34);
    const int blockAlign = qFromLittleEndian<quint16>(data + 32);
    const auto byteRate = qFromLittleEndian<quint32>(data + 28);
    if (blockAlign != wav.channels * wav.bitsPerSample / 8 || byteRate != quint32(wav.sampleRate * blockAlign))
        return wav;
    for (quint32 i = 0; i + 1 < dataSize; i += 2)
        wav.samples.append(qFromLittleEndian<qint16>(data + 44 + i));
    wav.valid = true;
    return wav;
}

// A 440 Hz tone at half scale.
MonoAudio tone(double seconds, int sampleRate)
{
    MonoAudio audio;
    audio.sampleRate = sampleRate;
    audio.samples.resize(std::size_t(std::lround(seconds * sampleRate)));
    for (std::size_t i = 0; i < audio.samples.size(); ++i)
        audio.samples[i] = float(0.5 * std::sin(2 * std::numbers::pi * 440.0 * double(i) / sampleRate));
    return audio;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject word(const QString &text, double start, double end)
{
    return {{u"word"_s, text}, {u"start"_s, start}, {u"end"_s, end}};
}

QJsonObject segment(double start, double end, const QString &text, const QJsonArray &words = {})
{
    QJsonObject object{{u"id"_s, 0}, {u"start"_s, start}, {u"end"_s, end}, {u"text"_s, text}};
    if (!words.isEmpty())
        object.insert(u"words"_s, words);
    return object;
}

// OpenAI's verbose_json with word timestamps.
const QByteArray kWordsAnswer = json({
    {u"task"_s, u"transcribe"_s},
    {u"language"_s, u"english"_s},
    {u"duration"_s, 2.0},
    {u"text"_s, u"Hello, how can I help?"_s},
    {u"words"_s, QJsonArray{word(u"Hello,"_s, 0.1, 0.5), word(u" how"_s, 0.6, 0.8), word(u"can"_s, 0.8, 1.0),
                            word(u"I"_s, 1.0, 1.1), word(u"help?"_s, 1.1, 1.6)}},
    {u"segments"_s, QJsonArray{segment(0.0, 1.6, u" Hello, how can I help?"_s)}},
});

const TimedWords kWords{{u"Hello,"_s, 0.1, 0.5}, {u"how"_s, 0.6, 0.8}, {u"can"_s, 0.8, 1.0}, {u"I"_s, 1.0, 1.1},
                        {u"help?"_s, 1.1, 1.6}};

OpenAiTranscriber::Options optionsFor(const TranscriptionServer &server)
{
    OpenAiTranscriber::Options options;
    options.baseUrl = server.url();
    options.timeoutMs = 10000;
    return options;
}

// transcribe() on a QThread that runs no event loop, while this thread serves the server.
TranscriptionResult transcribeOnWorker(OpenAiTranscriber &transcriber, const MonoAudio &audio,
                                       const Transcriber::Progress &progress = {})
{
    TranscriptionResult result;
    const std::unique_ptr<QThread> worker(QThread::create([&] { result = transcriber.transcribe(audio, progress); }));
    worker->start();
    while (!worker->isFinished())
        QTest::qWait(10);
    worker->wait();
    return result;
}

TranscriptionResult transcribeWith(const TranscriptionServer &server, const MonoAudio &audio = tone(2.0, 16000))
{
    OpenAiTranscriber transcriber(optionsFor(server));
    return transcribeOnWorker(transcriber, audio);
}

QString serverName(const TranscriptionServer &server)
{
    return u"http://127.0.0.1:%1"_s.arg(server.serverPort());
}

} // namespace

class TestOpenAiTranscriber : public QObject
{
    Q_OBJECT

private slots:
    void name();
    void endpoint_data();
    void endpoint();
    void problem_data();
    void problem();
    void wavFile_data();
    void wavFile();
    void wavFileClipsAndRounds();

    void uploadsTheForm();
    void languageOnlyWhenSet();
    void bearerOnlyWithAKey();
    void wordsInOrder();
    void segmentsOnlySpreadByLength();
    void wordsInSegments();
    void silence();
    void progressUploadThenDone();
    void onTheCallingThread();

    void httpErrorWithMessage();
    void httpErrorKeyNotRepeated();
    void httpErrorWithoutMessage_data();
    void httpErrorWithoutMessage();
    void garbage();
    void noWordsOrSegments();
    void noAnswerTimesOut();
    void cancelMidUpload();
    void cancelWhileTheServerWorks();
    void cancelBeforeStarting();
    void connectionRefused();
    void redirectToAnotherServerNotFollowed();
    void redirectOnTheSameServerFollowed();
    void notSetUp();
    void emptyAudio();
};

void TestOpenAiTranscriber::name()
{
    QCOMPARE(OpenAiTranscriber({}).name(), u"openai"_s);
    QCOMPARE(OpenAiTranscriber::Options().model, u"whisper-1"_s);
    QCOMPARE(OpenAiTranscriber::Options().timeoutMs, 300000);
}

void TestOpenAiTranscriber::endpoint_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("endpoint");

    QTest::newRow("host and port") << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080/v1/audio/transcriptions"_s;
    QTest::newRow("trailing slash") << u"http://127.0.0.1:8080/"_s << u"http://127.0.0.1:8080/v1/audio/transcriptions"_s;
    QTest::newRow("with /v1") << u"https://api.openai.com/v1"_s << u"https://api.openai.com/v1/audio/transcriptions"_s;
    QTest::newRow("with /v1/") << u"https://api.openai.com/v1/"_s << u"https://api.openai.com/v1/audio/transcriptions"_s;
    QTest::newRow("under a path") << u"http://gpu.lan/whisper"_s << u"http://gpu.lan/whisper/v1/audio/transcriptions"_s;
}

void TestOpenAiTranscriber::endpoint()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, endpoint);
    QCOMPARE(OpenAiTranscriber::endpoint(QUrl(baseUrl)).toString(), endpoint);
}

void TestOpenAiTranscriber::problem_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("problem");

    const QString scheme = u"The transcription server URL must be an http:// or https:// address."_s;
    QTest::newRow("local http") << u"http://127.0.0.1:8080"_s << QString();
    QTest::newRow("hosted https") << u"https://api.openai.com/v1"_s << QString();
    QTest::newRow("empty") << QString() << u"No OpenAI-compatible transcription server is set up (its URL is empty)."_s;
    QTest::newRow("ftp") << u"ftp://example.com"_s << scheme;
    QTest::newRow("no scheme: host as scheme") << u"localhost:8080"_s << scheme;
    QTest::newRow("no host") << u"http:///v1"_s << u"The transcription server URL has no host."_s;
}

void TestOpenAiTranscriber::problem()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, problem);

    OpenAiTranscriber::Options options;
    options.baseUrl = QUrl(baseUrl);
    QCOMPARE(options.problem(), problem);
}

void TestOpenAiTranscriber::wavFile_data()
{
    QTest::addColumn<int>("sampleRate");
    QTest::newRow("16 kHz as it is") << 16000;
    QTest::newRow("8 kHz telephony up") << 8000;
    QTest::newRow("44.1 kHz down") << 44100;
    QTest::newRow("48 kHz down") << 48000;
}

void TestOpenAiTranscriber::wavFile()
{
    QFETCH(int, sampleRate);

    const MonoAudio audio = tone(3.0, sampleRate);
    const Wav wav = readWav(OpenAiTranscriber::wavFile(audio));
    QVERIFY(wav.valid);
    QCOMPARE(wav.format, 1);
    QCOMPARE(wav.channels, 1);
    QCOMPARE(wav.sampleRate, 16000);
    QCOMPARE(wav.bitsPerSample, 16);
    // As long as the audio: exactly at 16 kHz, within the resampler's rounding otherwise.
    if (sampleRate == 16000)
        QCOMPARE(wav.samples.size(), qsizetype(audio.samples.size()));
    QVERIFY2(std::abs(wav.samples.size() - 48000) <= 2, qPrintable(QString::number(wav.samples.size())));
    // Still the half-scale tone.
    const auto loudest = *std::max_element(wav.samples.cbegin(), wav.samples.cend());
    QVERIFY2(std::abs(loudest - 16384) < 600, qPrintable(QString::number(loudest)));
}

void TestOpenAiTranscriber::wavFileClipsAndRounds()
{
    MonoAudio audio;
    audio.sampleRate = 16000;
    audio.samples = {0.0f, 1.0f, -1.0f, 1.5f, -2.0f, 0.5f, -0.25f};
    const Wav wav = readWav(OpenAiTranscriber::wavFile(audio));
    QVERIFY(wav.valid);
    QCOMPARE(wav.samples, (QList<qint16>{0, 32767, -32767, 32767, -32767, 16384, -8192}));

    QVERIFY(OpenAiTranscriber::wavFile(MonoAudio{{0.1f}, 0}).isEmpty());   // no rate
}

void TestOpenAiTranscriber::uploadsTheForm()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"200 OK", kWordsAnswer}};
    OpenAiTranscriber::Options options = optionsFor(server);
    options.model = u"large-v3"_s;
    OpenAiTranscriber transcriber(options);
    const MonoAudio audio = tone(2.5, 16000);

    const TranscriptionResult result = transcribeOnWorker(transcriber, audio);
    QVERIFY2(!result.failed(), qPrintable(result.error));

    QCOMPARE(server.requests.size(), 1);
    const TranscriptionServer::Request &request = server.requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/v1/audio/transcriptions"));
    QVERIFY2(request.headers.value("content-type").startsWith("multipart/form-data; boundary="),
             request.headers.value("content-type").constData());
    QCOMPARE(request.fields("model"), QList<QByteArray>{"large-v3"});
    QCOMPARE(request.fields("response_format"), QList<QByteArray>{"verbose_json"});
    QCOMPARE(request.fields("timestamp_granularities[]"), (QList<QByteArray>{"word", "segment"}));
    QVERIFY(request.fields("language").isEmpty());

    const QList<QByteArray> files = request.fields("file");
    QCOMPARE(files.size(), 1);
    const auto file = std::find_if(request.parts.cbegin(), request.parts.cend(),
                                   [](const FormPart &part) { return part.name == "file"; });
    QCOMPARE(file->fileName, QByteArray("audio.wav"));
    QCOMPARE(file->contentType, QByteArray("audio/wav"));
    const Wav wav = readWav(files.first());
    QVERIFY(wav.valid);
    QCOMPARE(wav.sampleRate, 16000);
    QCOMPARE(wav.channels, 1);
    QCOMPARE(wav.bitsPerSample, 16);
    QCOMPARE(wav.samples.size(), qsizetype(audio.samples.size()));
    QCOMPARE(wav.samples.at(10), qint16(std::lrint(audio.samples.at(10) * 32767)));
}

void TestOpenAiTranscriber::languageOnlyWhenSet()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.fallback = {"200 OK", kWordsAnswer};
    OpenAiTranscriber::Options options = optionsFor(server);
    options.language = u"de"_s;
    OpenAiTranscriber german(options);
    QVERIFY(!transcribeOnWorker(german, tone(1.0, 16000)).failed());

    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(server.requests.first().fields("language"), QList<QByteArray>{"de"});
}

void TestOpenAiTranscriber::bearerOnlyWithAKey()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.fallback = {"200 OK", kWordsAnswer};
    OpenAiTranscriber::Options options = optionsFor(server);
    OpenAiTranscriber keyless(options);
    QVERIFY(!transcribeOnWorker(keyless, tone(1.0, 16000)).failed());
    options.apiKey = u"sk-test-123"_s;
    OpenAiTranscriber keyed(options);
    QVERIFY(!transcribeOnWorker(keyed, tone(1.0, 16000)).failed());

    QCOMPARE(server.requests.size(), 2);
    QVERIFY(!server.requests.at(0).headers.contains("authorization"));
    QCOMPARE(server.requests.at(1).headers.value("authorization"), QByteArray("Bearer sk-test-123"));
}

void TestOpenAiTranscriber::wordsInOrder()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    // Out of order and with a blank entry: sorted, trimmed, the blank dropped.
    server.script = {{"200 OK", json({{u"words"_s, QJsonArray{word(u"world"_s, 1.0, 1.4), word(u" "_s, 0.8, 0.9),
                                                              word(u" hello"_s, 0.2, 0.6)}}})}};

    const TranscriptionResult result = transcribeWith(server);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(result.words, (TimedWords{{u"hello"_s, 0.2, 0.6}, {u"world"_s, 1.0, 1.4}}));

    server.script = {{"200 OK", kWordsAnswer}};
    QCOMPARE(transcribeWith(server).words, kWords);
}

void TestOpenAiTranscriber::segmentsOnlySpreadByLength()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    // 14 letters over 1.4 s: 0.1 s a letter.
    server.script = {{"200 OK", json({{u"text"_s, u"Hi. I want to cancel."_s},
                                      {u"segments"_s, QJsonArray{segment(0.0, 0.5, u" Hi."_s),
                                                                 segment(1.0, 2.4, u" I  want to\ncancel."_s)}}})}};

    const TranscriptionResult result = transcribeWith(server);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    const TimedWords expected{{u"Hi."_s, 0.0, 0.5}, {u"I"_s, 1.0, 1.1}, {u"want"_s, 1.1, 1.5}, {u"to"_s, 1.5, 1.7},
                              {u"cancel."_s, 1.7, 2.4}};
    QCOMPARE(result.words.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.words.at(i).text, expected.at(i).text);
        QCOMPARE(result.words.at(i).startTime, expected.at(i).startTime);
        QCOMPARE(result.words.at(i).endTime, expected.at(i).endTime);
    }
}

void TestOpenAiTranscriber::wordsInSegments()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    // whisper.cpp's server: words inside each segment, none at the top.
    server.script = {{"200 OK", json({{u"segments"_s, QJsonArray{segment(0.0, 1.0, u" Hello there"_s,
                                                                         QJsonArray{word(u" Hello"_s, 0.0, 0.4),
                                                                                    word(u" there"_s, 0.5, 0.9)}),
                                                                 segment(1.2, 1.8, u" Bye"_s,
                                                                         QJsonArray{word(u" Bye"_s, 1.3, 1.7)})}}})}};

    const TranscriptionResult result = transcribeWith(server);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(result.words, (TimedWords{{u"Hello"_s, 0.0, 0.4}, {u"there"_s, 0.5, 0.9}, {u"Bye"_s, 1.3, 1.7}}));
}

void TestOpenAiTranscriber::silence()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"200 OK", json({{u"text"_s, QString()}, {u"words"_s, QJsonArray()}, {u"segments"_s, QJsonArray()}})}};

    const TranscriptionResult result = transcribeWith(server);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QVERIFY(result.words.isEmpty());
}

void TestOpenAiTranscriber::progressUploadThenDone()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"200 OK", kWordsAnswer}};
    OpenAiTranscriber transcriber(optionsFor(server));

    QList<double> told;
    const TranscriptionResult result = transcribeOnWorker(transcriber, tone(30.0, 16000), [&told](double done) {
        told.append(done);
        return true;
    });
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QVERIFY(told.size() >= 3);
    QCOMPARE(told.first(), 0.0);
    QCOMPARE(told.last(), 1.0);
    QVERIFY(told.contains(0.5));   // the whole upload
    for (qsizetype i = 1; i + 1 < told.size(); ++i) {
        QVERIFY2(told.at(i) >= told.at(i - 1), qPrintable(QString::number(told.at(i))));
        QVERIFY(told.at(i) <= 0.5);
    }
}

void TestOpenAiTranscriber::onTheCallingThread()
{
    // The thread's own event loop serves the server while transcribe() waits in its local one.
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"200 OK", kWordsAnswer}};
    OpenAiTranscriber transcriber(optionsFor(server));

    const TranscriptionResult result = transcriber.transcribe(tone(1.0, 16000), {});
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(result.words, kWords);
}

void TestOpenAiTranscriber::httpErrorWithMessage()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"401 Unauthorized",
                      R"({"error": {"message": "Invalid API key", "type": "invalid_request_error"}})"}};

    const TranscriptionResult result = transcribeWith(server);
    QCOMPARE(result.error, u"The transcription server %1 answered HTTP 401: Invalid API key."_s.arg(serverName(server)));
    QVERIFY(result.words.isEmpty());

    // FastAPI's way, as faster-whisper servers answer.
    server.script = {{"422 Unprocessable Entity", R"({"detail": "Unsupported model 'whisper-1'."})"}};
    QCOMPARE(transcribeWith(server).error,
             u"The transcription server %1 answered HTTP 422: Unsupported model 'whisper-1'."_s.arg(serverName(server)));
}

void TestOpenAiTranscriber::httpErrorKeyNotRepeated()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"401 Unauthorized", R"({"error": {"message": "Incorrect API key provided: sk-secret-42."}})"}};
    OpenAiTranscriber::Options options = optionsFor(server);
    options.apiKey = u"sk-secret-42"_s;
    OpenAiTranscriber transcriber(options);

    const TranscriptionResult result = transcribeOnWorker(transcriber, tone(1.0, 16000));
    QVERIFY(result.failed());
    QVERIFY2(!result.error.contains(u"sk-secret-42"_s), qPrintable(result.error));
    QCOMPARE(result.error, u"The transcription server %1 answered HTTP 401: Incorrect API key provided: …."_s
                               .arg(serverName(server)));
}

void TestOpenAiTranscriber::httpErrorWithoutMessage_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");   // after the server's name

    QTest::newRow("500") << QByteArray("500 Internal Server Error") << QByteArray("oops") << u" answered HTTP 500."_s;
    QTest::newRow("503 with empty JSON") << QByteArray("503 Service Unavailable") << QByteArray("{}")
                                         << u" answered HTTP 503."_s;
    QTest::newRow("404") << QByteArray("404 Not Found") << QByteArray()
                         << u" answered HTTP 404: it has no /v1/audio/transcriptions; is its URL right?"_s;
}

void TestOpenAiTranscriber::httpErrorWithoutMessage()
{
    QFETCH(QByteArray, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);

    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{status, body}};
    QCOMPARE(transcribeWith(server).error, u"The transcription server "_s + serverName(server) + error);
}

void TestOpenAiTranscriber::garbage()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"200 OK", "<html><body>Bad   gateway\n</body></html>"}};

    const TranscriptionResult result = transcribeWith(server);
    QCOMPARE(result.error, u"The transcription server %1 did not answer with a JSON object "
                           "(it began “<html><body>Bad gateway </body></html>”)."_s.arg(serverName(server)));

    server.script = {{"200 OK", "[1, 2, 3]"}};
    QVERIFY(transcribeWith(server).error.contains(u"did not answer with a JSON object"_s));
}

void TestOpenAiTranscriber::noWordsOrSegments()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    // What response_format=json gives: the text alone.
    server.script = {{"200 OK", R"({"text": "Hello, how can I help?"})"}};

    QCOMPARE(transcribeWith(server).error,
             u"The transcription server %1 answered without words or segments; does it support response_format=verbose_json?"_s
                 .arg(serverName(server)));
}

void TestOpenAiTranscriber::noAnswerTimesOut()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.fallback.hold = true;   // reads the request, never answers
    OpenAiTranscriber::Options options = optionsFor(server);
    options.timeoutMs = 1000;
    OpenAiTranscriber transcriber(options);

    const TranscriptionResult result = transcribeOnWorker(transcriber, tone(1.0, 16000));
    QCOMPARE(result.error, u"The transcription server %1 did not answer within 1 s."_s.arg(serverName(server)));
    QCOMPARE(server.requests.size(), 1);
}

void TestOpenAiTranscriber::cancelMidUpload()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.stall = true;
    OpenAiTranscriber transcriber(optionsFor(server));

    // Ten minutes, some 19 MB: more than the socket buffers hold, so the upload is still
    // going when the callback asks to stop.
    double cancelledAt = -1;
    const TranscriptionResult result = transcribeOnWorker(transcriber, tone(600.0, 16000), [&cancelledAt](double done) {
        if (done == 0.0)
            return true;
        cancelledAt = done;
        return false;
    });
    QCOMPARE(result.error, u"Transcription was cancelled."_s);
    QVERIFY(result.words.isEmpty());
    QVERIFY2(cancelledAt > 0.0 && cancelledAt < 0.5, qPrintable(QString::number(cancelledAt)));
    QTRY_COMPARE(server.connections, 1);
    QVERIFY(server.requests.isEmpty());
}

void TestOpenAiTranscriber::cancelWhileTheServerWorks()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.fallback.hold = true;
    OpenAiTranscriber::Options options = optionsFor(server);
    options.timeoutMs = 120000;   // the cancel, not the timeout, ends it
    OpenAiTranscriber transcriber(options);

    // Stops once the upload is complete: only the waiting asks again.
    int askedAfterUpload = 0;
    const TranscriptionResult result = transcribeOnWorker(transcriber, tone(1.0, 16000), [&](double done) {
        if (done < 0.5)
            return true;
        ++askedAfterUpload;
        return askedAfterUpload < 3;
    });
    QCOMPARE(result.error, u"Transcription was cancelled."_s);
    QCOMPARE(askedAfterUpload, 3);
    QCOMPARE(server.requests.size(), 1);
}

void TestOpenAiTranscriber::cancelBeforeStarting()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    OpenAiTranscriber transcriber(optionsFor(server));

    const TranscriptionResult result = transcribeOnWorker(transcriber, tone(1.0, 16000), [](double) { return false; });
    QCOMPARE(result.error, u"Transcription was cancelled."_s);
    QCOMPARE(server.connections, 0);
}

void TestOpenAiTranscriber::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    OpenAiTranscriber::Options options;
    options.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    OpenAiTranscriber transcriber(options);

    QCOMPARE(transcribeOnWorker(transcriber, tone(1.0, 16000)).error,
             u"The transcription server http://127.0.0.1:%1 refused the connection; is it running?"_s.arg(port));
}

void TestOpenAiTranscriber::redirectToAnotherServerNotFollowed()
{
    TranscriptionServer elsewhere;
    QVERIFY(elsewhere.start());
    elsewhere.fallback = {"200 OK", kWordsAnswer};
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"307 Temporary Redirect", {},
                      "Location: " + elsewhere.url(u"/v1/audio/transcriptions"_s).toEncoded() + "\r\n"}};

    OpenAiTranscriber::Options options = optionsFor(server);
    options.apiKey = u"sk-test-123"_s;
    OpenAiTranscriber transcriber(options);
    QCOMPARE(transcribeOnWorker(transcriber, tone(1.0, 16000)).error,
             u"The transcription server %1 redirected the upload to another server, which is not followed."_s
                 .arg(serverName(server)));
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(elsewhere.connections, 0);
}

void TestOpenAiTranscriber::redirectOnTheSameServerFollowed()
{
    TranscriptionServer server;
    QVERIFY(server.start());
    server.script = {{"307 Temporary Redirect", {}, "Location: /v1/audio/transcriptions/\r\n"}, {"200 OK", kWordsAnswer}};

    const TranscriptionResult result = transcribeWith(server);
    QVERIFY2(!result.failed(), qPrintable(result.error));
    QCOMPARE(result.words, kWords);
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.requests.at(1).path, QByteArray("/v1/audio/transcriptions/"));
    QCOMPARE(server.requests.at(1).fields("file"), server.requests.at(0).fields("file"));   // sent again in full
}

void TestOpenAiTranscriber::notSetUp()
{
    OpenAiTranscriber transcriber({});
    QCOMPARE(transcriber.transcribe(tone(1.0, 16000), {}).error,
             u"No OpenAI-compatible transcription server is set up (its URL is empty)."_s);
}

void TestOpenAiTranscriber::emptyAudio()
{
    // Nothing to send, nothing heard.
    TranscriptionServer server;
    QVERIFY(server.start());
    const TranscriptionResult result = transcribeWith(server, MonoAudio{{}, 16000});
    QVERIFY(!result.failed());
    QVERIFY(result.words.isEmpty());
    QCOMPARE(server.connections, 0);
}

QTEST_GUILESS_MAIN(TestOpenAiTranscriber)
#include "tst_openaitranscriber.moc"
