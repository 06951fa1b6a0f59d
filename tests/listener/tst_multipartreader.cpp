// Tests of the streaming multipart/form-data reader: the same body fed whole and split
// at every position (so a boundary split across reads is covered), file parts landing
// on disk, limits (which must hold the same however the body arrives), and malformed
// bodies.
#include "listener/multipartreader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray buildBody(const QByteArray &boundary, const QByteArray &audio)
{
    QByteArray body;
    body += "preamble to ignore\r\n";
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"call_id\"\r\n\r\n";
    body += "call-1";
    body += "\r\n--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"transcript_json\"\r\nContent-Type: application/json\r\n\r\n";
    body += "[{\"role\":\"Main Agent\",\"content\":\"--not a boundary\\r\\n\",\"start_time\":0,\"end_time\":1}]";
    body += "\r\n--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"voice_recording\"; filename=\"call 1.wav\"\r\n"
            "Content-Type: audio/wav\r\n\r\n";
    body += audio;
    body += "\r\n--" + boundary + "--\r\nepilogue";
    return body;
}

QByteArray part(const QByteArray &boundary, const QByteArray &headers, const QByteArray &value)
{
    return "--" + boundary + "\r\n" + headers + "\r\n\r\n" + value + "\r\n";
}

// What reading `body` in pieces of `pieceBytes` (0: all at once) ends in: "ok", the
// fields and the files' sizes, or the error's status and message.
QString outcome(const QByteArray &body, qsizetype pieceBytes, const QString &uploadDir)
{
    MultipartReader reader("b", uploadDir, MultipartReader::Limits());
    const qsizetype step = pieceBytes > 0 ? pieceBytes : std::max<qsizetype>(1, body.size());
    bool ok = true;
    for (qsizetype offset = 0; ok && offset < body.size(); offset += step)
        ok = reader.feed(QByteArrayView(body).sliced(offset, std::min(step, body.size() - offset)));
    if (ok && reader.finish()) {
        QString result = QStringLiteral("ok");
        for (const auto &[name, value] : reader.fields())
            result += QStringLiteral(" %1=%2").arg(name).arg(value.size());
        for (const HttpRequest::UploadedFile &file : reader.files())
            result += QStringLiteral(" %1:%2").arg(file.fieldName).arg(file.size);
        return result;
    }
    return QStringLiteral("%1 %2").arg(reader.errorStatus()).arg(reader.errorString());
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

} // namespace

class TestMultipartReader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void splitAtEveryPosition();
    void largeFileStreamsToDisk();
    void boundaryLookalikeInData();
    void truncatedBody();
    void fieldLimit();
    void partLimit();
    void limitsHoldHoweverTheBodyArrives_data();
    void limitsHoldHoweverTheBodyArrives();
    void missingName();
    void filesRemovedWithRequest();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMultipartReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMultipartReader::splitAtEveryPosition()
{
    const QByteArray boundary = "----callscopeBoundary7MA4YWxk";
    // Audio containing CR LF and dashes, the bytes a boundary is made of.
    const QByteArray audio = "RIFF\r\n--\r\n-" + randomBytes(300) + "\r\n--";
    const QByteArray body = buildBody(boundary, audio);
    for (qsizetype split = 0; split <= body.size(); ++split) {
        MultipartReader reader(boundary, m_dir->path(), MultipartReader::Limits());
        QVERIFY(reader.feed(QByteArrayView(body).first(split)));
        QVERIFY(reader.feed(QByteArrayView(body).sliced(split)));
        QVERIFY2(reader.finish(), qPrintable(reader.errorString()));
        QCOMPARE(reader.fields().size(), 2);
        QCOMPARE(reader.fields().at(0).first, QStringLiteral("call_id"));
        QCOMPARE(reader.fields().at(0).second, QByteArray("call-1"));
        QVERIFY(reader.fields().at(1).second.contains("--not a boundary"));
        QCOMPARE(reader.files().size(), 1);
        const HttpRequest::UploadedFile file = reader.files().first();
        QCOMPARE(file.fieldName, QStringLiteral("voice_recording"));
        QCOMPARE(file.fileName, QStringLiteral("call 1.wav"));
        QCOMPARE(file.contentType, QStringLiteral("audio/wav"));
        QCOMPARE(file.size, audio.size());
        QFile stored(file.path);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), audio);
    }
}

void TestMultipartReader::largeFileStreamsToDisk()
{
    const QByteArray boundary = "xYzZY";
    const QByteArray audio = randomBytes(3 * 1024 * 1024 + 17);
    const QByteArray body = buildBody(boundary, audio);
    MultipartReader reader(boundary, m_dir->path(), MultipartReader::Limits());
    // Odd-sized pieces, as the network delivers them.
    for (qsizetype offset = 0; offset < body.size(); offset += 65521)
        QVERIFY(reader.feed(QByteArrayView(body).sliced(offset, std::min<qsizetype>(65521, body.size() - offset))));
    QVERIFY(reader.finish());
    QCOMPARE(reader.files().size(), 1);
    QCOMPARE(reader.files().first().size, audio.size());
    QFile stored(reader.files().first().path);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), audio);
}

void TestMultipartReader::boundaryLookalikeInData()
{
    const QByteArray boundary = "abc";
    const QByteArray body = "--abc\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
                            "x\r\n--ab\r\n--abd\r\n--abc-y"
                            "\r\n--abc--\r\n";
    MultipartReader reader(boundary, m_dir->path(), MultipartReader::Limits());
    // "--abc-y" is not a boundary line: the reader must fail rather than guess.
    const bool ok = reader.feed(body) && reader.finish();
    QVERIFY(!ok);
    QCOMPARE(reader.errorStatus(), 400);

    const QByteArray good = "--abc\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n"
                            "x\r\n--ab\r\n--abd"
                            "\r\n--abc--";
    MultipartReader second(boundary, m_dir->path(), MultipartReader::Limits());
    QVERIFY(second.feed(good));
    QVERIFY(second.finish());
    QCOMPARE(second.fields().first().second, QByteArray("x\r\n--ab\r\n--abd"));
}

void TestMultipartReader::truncatedBody()
{
    const QByteArray body = buildBody("b0", "audio");
    MultipartReader reader("b0", m_dir->path(), MultipartReader::Limits());
    QVERIFY(reader.feed(QByteArrayView(body).first(body.size() - 20)));
    QVERIFY(!reader.finish());
    QCOMPARE(reader.errorStatus(), 400);
}

void TestMultipartReader::fieldLimit()
{
    MultipartReader::Limits limits;
    limits.maxFieldBytes = 10;
    const QByteArray body = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n0123456789AB\r\n--b--";
    MultipartReader reader("b", m_dir->path(), limits);
    QVERIFY(!reader.feed(body));
    QCOMPARE(reader.errorStatus(), 413);
}

void TestMultipartReader::partLimit()
{
    MultipartReader::Limits limits;
    limits.maxParts = 2;
    QByteArray body;
    for (int i = 0; i < 3; ++i)
        body += "--b\r\nContent-Disposition: form-data; name=\"f" + QByteArray::number(i) + "\"\r\n\r\nv\r\n";
    body += "--b--";
    MultipartReader reader("b", m_dir->path(), limits);
    QVERIFY(!reader.feed(body));
    QCOMPARE(reader.errorStatus(), 413);
}

void TestMultipartReader::limitsHoldHoweverTheBodyArrives_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    const MultipartReader::Limits limits;
    const QByteArray name = "Content-Disposition: form-data; name=\"f\"";
    const QByteArray closing = "--b--\r\n";
    // Part headers padded with an X-Pad header to `bytes` in all.
    auto headersOf = [&](qsizetype bytes) { return name + "\r\nX-Pad: " + QByteArray(bytes - name.size() - 9, 'p'); };

    QTest::newRow("valid") << part("b", name, "v") + part("b", name + "; filename=\"a.wav\"", "RIFF") + closing
                           << QStringLiteral("ok f=1 f:4");
    QTest::newRow("part headers at the limit") << part("b", headersOf(limits.maxPartHeaderBytes), "v") + closing
                                               << QStringLiteral("ok f=1");
    QTest::newRow("20 KB part headers") << part("b", headersOf(20 * 1024), "v") + closing
                                        << QStringLiteral("413 Multipart part headers over 16384 bytes");
    QTest::newRow("preamble at the limit") << QByteArray(limits.maxPreambleBytes, 'x') + "\r\n" + part("b", name, "v") + closing
                                           << QStringLiteral("ok f=1");
    QTest::newRow("preamble over the limit")
        << QByteArray(limits.maxPreambleBytes + 1, 'x') + "\r\n" + part("b", name, "v") + closing
        << QStringLiteral("400 More than 65536 bytes before the first multipart boundary");
    QTest::newRow("boundary padding at the limit")
        << "--b" + QByteArray(limits.maxBoundaryLineBytes, ' ') + "\r\n" + name + "\r\n\r\nv\r\n" + closing << QStringLiteral("ok f=1");
    QTest::newRow("boundary padding over the limit")
        << "--b" + QByteArray(limits.maxBoundaryLineBytes + 1, ' ') + "\r\n" + name + "\r\n\r\nv\r\n" + closing
        << QStringLiteral("400 Malformed multipart boundary line");
    QTest::newRow("fields at the limit") << part("b", name, QByteArray(limits.maxFieldBytes, 'v')) + closing
                                         << QStringLiteral("ok f=%1").arg(limits.maxFieldBytes);
    QTest::newRow("fields over the limit")
        << part("b", name, QByteArray(limits.maxFieldBytes / 2, 'v')) + part("b", name, QByteArray(limits.maxFieldBytes / 2 + 1, 'v'))
               + closing
        << QStringLiteral("413 Multipart text fields over %1 bytes").arg(limits.maxFieldBytes);
}

// A limit checked only on what one read brought let a 20 KB part header through when it
// arrived in one piece; whole, byte by byte or 7 bytes at a time, a body must end the same.
void TestMultipartReader::limitsHoldHoweverTheBodyArrives()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);

    QCOMPARE(outcome(body, 0, m_dir->path()), expected);
    QCOMPARE(outcome(body, 7, m_dir->path()), expected);
    QCOMPARE(outcome(body, 1, m_dir->path()), expected);
}

void TestMultipartReader::missingName()
{
    MultipartReader reader("b", m_dir->path(), MultipartReader::Limits());
    QVERIFY(!reader.feed("--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--"));
    QCOMPARE(reader.errorStatus(), 400);
}

void TestMultipartReader::filesRemovedWithRequest()
{
    QString path;
    {
        MultipartReader reader("b", m_dir->path(), MultipartReader::Limits());
        QVERIFY(reader.feed("--b\r\nContent-Disposition: form-data; name=\"voice_recording\"; filename=\"a.wav\"\r\n\r\nRIFF"));
        // The body never finishes (the client went away).
        QCOMPARE(reader.uploads()->paths.size(), 1);
        path = reader.uploads()->paths.first();
        QVERIFY(QFile::exists(path));
    }
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestMultipartReader)
#include "tst_multipartreader.moc"
