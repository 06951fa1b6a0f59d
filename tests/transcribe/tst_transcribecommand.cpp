// `callscope transcribe` as a user runs it, on real speech (Debian's LibriVox clips): an
// audio-only call is transcribed and shown with its transcript; killed with SIGKILL in
// the middle, the call is still pending and the next run finishes it.
#include "store/callreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString LibriVox = u"/usr/share/pocketsphinx/test/data/librivox"_s;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TstTranscribeCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void transcribesAnAudioOnlyCall();
    void refusesCallsWithATranscript();
    void survivesAKillMidTranscription();

private:
    Run callscope(const QStringList &arguments);
    QProcess *startCallscope(const QStringList &arguments);
    QProcessEnvironment environment() const;
    // Imports an audio-only call of `recording` into a new database; returns its path.
    QString importAudioOnlyCall(const QString &name, const QString &recording);

    QTemporaryDir m_dir;
    QString m_speech;   // the LibriVox clips one after another, twice (50 s)
};

void TstTranscribeCommand::initTestCase()
{
    const QStringList clips = QDir(LibriVox).entryList({u"*.wav"_s}, QDir::Files, QDir::Name);
    if (clips.isEmpty())
        QSKIP("pocketsphinx-testdata is not installed (scripts/install-deps.sh installs it)");
    QStringList arguments;
    for (int round = 0; round < 2; ++round) {
        for (const QString &clip : clips)
            arguments << QDir(LibriVox).filePath(clip);
    }
    m_speech = m_dir.filePath(u"speech.wav"_s);
    QProcess sox;
    sox.start(u"sox"_s, arguments << m_speech);
    QVERIFY(sox.waitForFinished(60000) && sox.exitCode() == 0);
}

QProcessEnvironment TstTranscribeCommand::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The settings and caches of this test only.
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cache"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    return environment;
}

Run TstTranscribeCommand::callscope(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(CALLSCOPE_BINARY), arguments);
    if (!process.waitForFinished(240000))
        qWarning("callscope %s did not finish", qPrintable(arguments.join(u' ')));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QProcess *TstTranscribeCommand::startCallscope(const QStringList &arguments)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(CALLSCOPE_BINARY), arguments);
    return process;
}

QString TstTranscribeCommand::importAudioOnlyCall(const QString &name, const QString &recording)
{
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    QFile::copy(recording, folder + u"/call.wav"_s);
    QFile json(folder + u"/call.json"_s);
    if (!json.open(QIODevice::WriteOnly))
        return {};
    json.write(R"({"call_id":"audio-1","agent":2,"transcript_type":"none-mono","voice_recording":"call.wav"})");
    json.close();
    const QString database = m_dir.filePath(name + u".db"_s);
    const Run imported = callscope({u"import"_s, folder, u"--db"_s, database});
    if (imported.exitCode != 0)
        qWarning("import: %s", qPrintable(imported.err));
    return imported.exitCode == 0 ? database : QString();
}

void TstTranscribeCommand::transcribesAnAudioOnlyCall()
{
    const QString database = importAudioOnlyCall(u"whole"_s, QDir(LibriVox).filePath(u"sense_and_sensibility_01_austen_64kb-0880.wav"_s));
    QVERIFY(!database.isEmpty());
    QJsonObject call = QJsonDocument::fromJson(callscope({u"show"_s, u"audio-1"_s, u"--db"_s, database}).out.toUtf8()).object();
    QCOMPARE(call[u"transcription"_s][u"status"_s].toString(), u"queued"_s);
    QCOMPARE(call[u"error_message"_s].toString(), u"transcription pending"_s);

    const Run run = callscope({u"transcribe"_s, u"audio-1"_s, u"--db"_s, database});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"transcribed 1 call"_s), qPrintable(run.err));

    call = QJsonDocument::fromJson(callscope({u"show"_s, u"audio-1"_s, u"--db"_s, database}).out.toUtf8()).object();
    QCOMPARE(call[u"transcription"_s][u"status"_s].toString(), u"done"_s);
    QVERIFY(call[u"error_message"_s].isNull());
    const QJsonArray turns = call[u"transcript_object"_s].toArray();
    QVERIFY(!turns.isEmpty());
    // "he was not an ill disposed young man", one voice: the agent's, who speaks first.
    QCOMPARE(turns.first()[u"role"_s].toString(), u"Main Agent"_s);
    QVERIFY2(call[u"transcript"_s].toString().contains(u"young man"_s), qPrintable(call[u"transcript"_s].toString()));
    // Each turn keeps its words with their times, for the call view to follow.
    const QList<CallLog> stored = CallReader(database).callsByIds({call[u"id"_s].toInteger()});
    QCOMPARE(stored.size(), 1);
    QVERIFY(!stored.first().turns.first().words.isEmpty());
    // Transcribed calls are evaluated: their metrics come from the new turns.
    QVERIFY(!call[u"metrics"_s].toArray().isEmpty());
}

void TstTranscribeCommand::refusesCallsWithATranscript()
{
    const QString database = m_dir.filePath(u"sent.db"_s);
    const QString file = m_dir.filePath(u"sent.json"_s);
    QFile json(file);
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"call_id":"sent-1","agent":2,"transcript_json":[{"role":"Main Agent","content":"Hello","start_time":0,"end_time":1}]})");
    json.close();
    QCOMPARE(callscope({u"import"_s, file, u"--db"_s, database}).exitCode, 0);
    const Run run = callscope({u"transcribe"_s, u"sent-1"_s, u"--db"_s, database});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"has its sender's transcript"_s), qPrintable(run.err));
    QCOMPARE(callscope({u"transcribe"_s, u"--db"_s, database}).exitCode, 2);   // neither ids nor --pending
}

void TstTranscribeCommand::survivesAKillMidTranscription()
{
    const QString database = importAudioOnlyCall(u"killed"_s, m_speech);
    QVERIFY(!database.isEmpty());
    QProcess *first = startCallscope({u"transcribe"_s, u"audio-1"_s, u"--db"_s, database});
    QVERIFY(first->waitForStarted());

    // Killed once the database says it is well under way.
    const auto state = [&database] {
        CallReader reader(database);
        const QList<CallLog> calls = reader.callsByIds(reader.allCallIds());
        return calls.isEmpty() ? CallLog() : calls.first();
    };
    QElapsedTimer waited;
    waited.start();
    CallLog call;
    for (;;) {
        call = state();
        if (call.transcription && call.transcription->status == TranscriptionStatus::Transcribing
            && call.transcription->progress >= 0.1)
            break;
        QVERIFY2(first->state() == QProcess::Running, qPrintable(QString::fromUtf8(first->readAllStandardError())));
        QVERIFY2(waited.elapsed() < 120000, "the transcription reports its progress");
        QTest::qWait(50);
    }
    first->kill();   // SIGKILL: nothing is cleaned up
    QVERIFY(first->waitForFinished(10000));
    call = state();
    QCOMPARE(call.transcription->status, TranscriptionStatus::Transcribing);
    QVERIFY2(call.errorMessage.startsWith(u"transcribing: "_s), qPrintable(call.errorMessage));
    QVERIFY(call.turns.isEmpty());

    // The next run takes it up again from the start and finishes it.
    const Run second = callscope({u"transcribe"_s, u"--pending"_s, u"--db"_s, database});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    call = state();
    QCOMPARE(call.transcription->status, TranscriptionStatus::Done);
    QVERIFY(call.errorMessage.isEmpty());
    // The clips say 70 words, twice over.
    qsizetype words = 0;
    for (const Turn &turn : call.turns)
        words += turn.words.size();
    QVERIFY2(words >= 100, qPrintable(call.transcriptText()));
}

QTEST_GUILESS_MAIN(TstTranscribeCommand)
#include "tst_transcribecommand.moc"
