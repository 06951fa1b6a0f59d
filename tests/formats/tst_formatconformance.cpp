#include "formats/transcriptformat.h"
#include "formats/transcriptformats.h"

#include "formattestsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace FormatTestSupport;

// Runs every sample under tests/data/formats/<transcript_type>/<case>.json through the
// registered parser and compares the turns with <case>.expected.json. The same folder
// feeds the importer and listener tests, so a sample is a real provider payload.
class TestFormatConformance : public QObject
{
    Q_OBJECT

private slots:
    void everyFormatHasSamples();
    void matchesExpectedTurns_data();
    void matchesExpectedTurns();
    void guessesTheFormat_data();
    void guessesTheFormat();

private:
    static void addSampleRows();
};

namespace {

const QString kSamplesDir = QStringLiteral(CALLSCOPE_TEST_DATA "/formats");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestFormatConformance::everyFormatHasSamples()
{
    for (const QString &type : TranscriptFormats::allNames()) {
        if (type == QLatin1String("none-mono"))
            continue;
        const QStringList samples = QDir(kSamplesDir + u'/' + type).entryList({QStringLiteral("*.expected.json")});
        QVERIFY2(samples.size() >= 3, qPrintable(type));
    }
}

void TestFormatConformance::addSampleRows()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("samplePath");

    const QStringList types = QDir(kSamplesDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &type : types) {
        const QDir dir(kSamplesDir + u'/' + type);
        for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            if (file.endsWith(QLatin1String(".expected.json")))
                continue;
            QTest::addRow("%s/%s", qPrintable(type), qPrintable(file)) << type << dir.filePath(file);
        }
    }
}

void TestFormatConformance::matchesExpectedTurns_data()
{
    addSampleRows();
}

void TestFormatConformance::matchesExpectedTurns()
{
    QFETCH(QString, type);
    QFETCH(QString, samplePath);

    const TranscriptFormat *format = TranscriptFormats::find(type);
    QVERIFY2(format, qPrintable(type));
    const QJsonValue sample = json(readFile(samplePath));
    QVERIFY(!sample.isUndefined());
    QString expectedPath = samplePath;
    expectedPath.replace(QLatin1String(".json"), QLatin1String(".expected.json"));
    const QJsonValue expected = json(readFile(expectedPath));
    QVERIFY2(expected.isArray(), qPrintable(expectedPath));

    FieldErrors errors;
    const Turns turns = format->parse(sample, {}, errors);
    QCOMPARE(errors.summary(), QString());
    QCOMPARE(turnDifferences(turns, expected.toArray()), QString());
}

void TestFormatConformance::guessesTheFormat_data()
{
    addSampleRows();
}

// What the validator tells a sender whose transcript is not cekura: every provider
// sample must be recognised as its own type.
void TestFormatConformance::guessesTheFormat()
{
    QFETCH(QString, type);
    QFETCH(QString, samplePath);

    const QJsonValue sample = json(readFile(samplePath));
    const QString guess = TranscriptFormats::guess(sample);
    const bool cekuraFamily = type == QLatin1String("cekura") || type == QLatin1String("vocera");
    if (cekuraFamily)
        QVERIFY2(guess == QLatin1String("cekura") || guess == QLatin1String("vocera"), qPrintable(guess));
    else
        QCOMPARE(guess, type);
    if (!cekuraFamily)
        QCOMPARE(TranscriptFormats::guess(sample, QStringLiteral("cekura")), type);
}

QTEST_GUILESS_MAIN(TestFormatConformance)
#include "tst_formatconformance.moc"
