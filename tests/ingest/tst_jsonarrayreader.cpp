// The streaming JSON array reader: the elements QJsonDocument finds, its error message
// and line for every kind of malformed array, and reading a huge array from a sequential
// device without taking more of it than the element at hand.

#include "ingest/bytestream.h"
#include "ingest/jsonarrayreader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

struct ReadResult
{
    QJsonArray elements;
    bool syntaxError = false;
    QString message;
    int line = 0;
};

ReadResult readArray(QByteArray text)
{
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    ByteStream input(&buffer);
    JsonArrayReader::skipSpace(input);
    JsonArrayReader reader(input);
    ReadResult result;
    for (;;) {
        const JsonArrayReader::Next next = reader.next();
        if (next == JsonArrayReader::Next::End)
            return result;
        if (next == JsonArrayReader::Next::SyntaxError) {
            result.syntaxError = true;
            result.message = reader.errorMessage();
            result.line = reader.errorLine();
            return result;
        }
        result.elements.append(reader.value());
    }
}

// An endless-looking array `[{"n":0,"pad":"…"},{"n":1,…},…]` made up as it is read, on a
// sequential device: what was read of it shows whether the reader streams.
class GeneratedArray : public QIODevice
{
public:
    explicit GeneratedArray(int elements) : m_elements(elements) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 produced() const { return m_produced; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        while (m_pending.size() < maxSize && m_next <= m_elements) {
            if (m_next == m_elements)
                m_pending += "]";
            else
                m_pending += (m_next == 0 ? "[" : ",") + QByteArray(R"({"n":)") + QByteArray::number(m_next)
                             + R"(,"pad":")" + QByteArray(200, 'x') + "\"}\n";
            ++m_next;
        }
        const qint64 size = std::min<qint64>(maxSize, m_pending.size());
        std::memcpy(data, m_pending.constData(), size_t(size));
        m_pending.remove(0, size);
        m_produced += size;
        return size;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    int m_elements;
    int m_next = 0;
    QByteArray m_pending;
    qint64 m_produced = 0;
};

} // namespace

class TestJsonArrayReader : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithQJsonDocument_data();
    void agreesWithQJsonDocument();
    void readsAHugeArrayIncrementally();
};

void TestJsonArrayReader::agreesWithQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty array") << QByteArray("[ ]");
    QTest::newRow("objects") << QByteArray(R"([{"a":1}, {"b":[1,{"c":"]}"}]}])");
    QTest::newRow("strings with brackets and escapes") << QByteArray(R"([{"a":"x\"]}\\"},"s\"",{"b":"[{"}])");
    QTest::newRow("scalars") << QByteArray(R"([1, -2.5e3, true, null, "s"])");
    QTest::newRow("trailing space") << QByteArray("[{}]\n\n\n");
    QTest::newRow("unterminated") << QByteArray("[");
    QTest::newRow("unterminated after element") << QByteArray("[{}\n");
    QTest::newRow("unterminated after comma") << QByteArray("[{},\n  ");
    QTest::newRow("missing separator") << QByteArray("[{}\n\n  {}]");
    QTest::newRow("stray byte at the end") << QByteArray("[{} x  ");
    QTest::newRow("stray bytes") << QByteArray("[{} xyz]");
    QTest::newRow("comma before end") << QByteArray("[{} ,\n ]");
    QTest::newRow("leading comma") << QByteArray("[ ,1]");
    QTest::newRow("double comma") << QByteArray("[1,\n,2]");
    QTest::newRow("garbage after") << QByteArray("[1]\n\n  x");
    QTest::newRow("bad literal") << QByteArray("[{},\n{\"a\":tru}]");
    QTest::newRow("bad number") << QByteArray("[{},\n x]");
    QTest::newRow("missing name separator") << QByteArray("[{},\n{\"a\"\n 1}]");
    QTest::newRow("mismatched bracket") << QByteArray("[{},{\"a\":1]]");
    QTest::newRow("unterminated object") << QByteArray("[{}\n,\n{");
    QTest::newRow("unterminated string") << QByteArray("[{},\n{\"a\":\"b]");
    QTest::newRow("truncated number") << QByteArray("[1,\n2");
    QTest::newRow("bad escape") << QByteArray("[{},\n{\"a\":\"\\q\"}]");
}

// The importer reports a malformed array as QJsonDocument would for the whole file
// (message, line), so streaming changes no error a user sees.
void TestJsonArrayReader::agreesWithQJsonDocument()
{
    QFETCH(QByteArray, text);
    QJsonParseError expected;
    const QJsonDocument whole = QJsonDocument::fromJson(text, &expected);
    const ReadResult read = readArray(text);
    if (expected.error == QJsonParseError::NoError) {
        QVERIFY2(!read.syntaxError, qPrintable(read.message));
        QCOMPARE(read.elements, whole.array());
    } else {
        QVERIFY(read.syntaxError);
        QCOMPARE(read.message, expected.errorString());
        QCOMPARE(read.line, int(text.left(expected.offset).count('\n')) + 1);
    }
}

void TestJsonArrayReader::readsAHugeArrayIncrementally()
{
    constexpr int kElements = 1000000; // about 220 MB if it were read whole
    GeneratedArray device(kElements);
    ByteStream input(&device);
    JsonArrayReader reader(input);
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(reader.next(), JsonArrayReader::Next::Element);
        QCOMPARE(reader.value().toObject().value(QLatin1String("n")).toInt(), i);
    }
    // A thousand elements of about 220 bytes, plus one read-ahead chunk.
    QVERIFY2(device.produced() < 1000 * 230 + 128 * 1024, qPrintable(QString::number(device.produced())));
}

QTEST_GUILESS_MAIN(TestJsonArrayReader)
#include "tst_jsonarrayreader.moc"
