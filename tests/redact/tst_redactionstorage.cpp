// A body with redact_fields is redacted before anything is written: no byte of a redacted
// value reaches the database file, its WAL or the request log's folder, on the listener's
// path (JSON and a 400 that stores nothing) and on the import path; what was removed is
// kept as placeholders, spans and counts.
#include "../listener/httptestclient.h"
#include "../listener/testlistener.h"
#include "../audio/testrecordings.h"

#include "audio/audiodecoder.h"
#include "store/callreader.h"


#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr char Key[] = "redaction-test-key";

// The values the tests redact, in every form they take in the bodies.
const QList<QByteArray> Secrets{"415-555-0132", "4155550132", "+14155550132", "maria.lopez.1984"};

QJsonObject body(const QString &callId)
{
    return {{u"call_id"_s, callId},
            {u"agent"_s, 7},
            {u"customer_number"_s, u"+14155550132"_s},
            {u"dynamic_variables"_s, QJsonObject{{u"username"_s, u"maria.lopez.1984"_s}}},
            {u"metadata"_s, QJsonObject{{u"callback"_s, u"call me on 415-555-0132"_s}}},
            {u"redact_fields"_s, QJsonArray{u"phone_number"_s, u"username"_s}},
            {u"transcript_json"_s,
             QJsonArray{QJsonObject{{u"role"_s, u"Main Agent"_s}, {u"content"_s, u"What number can I reach you on?"_s},
                                    {u"start_time"_s, 0.0}, {u"end_time"_s, 2.0}},
                        QJsonObject{{u"role"_s, u"Testing Agent"_s},
                                    {u"content"_s, u"It's 415-555-0132, and my login is maria.lopez.1984."_s},
                                    {u"start_time"_s, 2.5}, {u"end_time"_s, 6.0}}}}};
}

// Every secret found in the files of `paths` (files, or folders walked), as "file: secret".
QStringList secretsIn(const QStringList &paths)
{
    QStringList found;
    for (const QString &path : paths) {
        QStringList files;
        if (QFileInfo(path).isDir()) {
            for (QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
                files << it.next();
        } else if (QFileInfo::exists(path)) {
            files << path;
        }
        for (const QString &file : files) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = in.readAll();
            for (const QByteArray &secret : Secrets) {
                if (bytes.contains(secret) || bytes.contains(QString::fromLatin1(secret).toUtf8().toBase64()))
                    found << file + u": "_s + QString::fromLatin1(secret);
            }
        }
    }
    return found;
}

// The RMS of each channel over [from, to] seconds of `path`.
QList<double> rmsOf(const QString &path, double from, double to)
{
    QList<double> sums;
    qint64 frame = 0;
    qint64 counted = 0;
    AudioDecoder::Format format;
    QString error;
    AudioDecoder::decode(
        path,
        [&](const float *interleaved, qint64 frames) {
            if (sums.isEmpty())
                sums.resize(format.channels);
            for (qint64 i = 0; i < frames; ++i, ++frame) {
                const double at = double(frame) / format.sampleRate;
                if (at < from || at > to)
                    continue;
                ++counted;
                for (int c = 0; c < format.channels; ++c)
                    sums[c] += double(interleaved[i * format.channels + c]) * interleaved[i * format.channels + c];
            }
            return true;
        },
        &format, &error);
    for (double &sum : sums)
        sum = counted > 0 ? std::sqrt(sum / double(counted)) : -1.0;
    return sums;
}

ListenerConfig listenerConfig()
{
    ListenerConfig config;
    config.port = 0;
    config.apiKey = QString::fromLatin1(Key);
    return config;
}

} // namespace

class TstRedactionStorage : public QObject
{
    Q_OBJECT

private slots:
    void listenerStoresAndLogsOnlyTheRedactedCall();
    void importStoresOnlyTheRedactedCall();
    void uploadedRecordingIsSilencedWhereTheTextWasRedacted();
    void agentDefaultAppliesWhenTheBodyNamesNone();
};

void TstRedactionStorage::listenerStoresAndLogsOnlyTheRedactedCall()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"listener.db"_s);
    std::unique_ptr<CallStore> store;
    std::unique_ptr<IngestPipeline> pipeline;
    std::unique_ptr<Listener> listener;
    QCOMPARE(startTestListener(database, listenerConfig(), store, pipeline, listener), QString());
    const auto post = [&](const QJsonObject &object) {
        return sendRaw(listener->port(), buildRequest("POST", "/observability/v1/observe/", QJsonDocument(object).toJson(),
                                                      "application/json", {{"X-CEKURA-API-KEY", Key}}));
    };

    const RawResponse created = post(body(u"redact-1"_s));
    QCOMPARE(created.status, 201);
    // A body that is refused (an unknown kind) is logged redacted too.
    QJsonObject refused = body(u"redact-2"_s);
    refused.insert(u"redact_fields"_s, QJsonArray{u"phone_number"_s, u"username"_s, u"shoe_size"_s});
    QCOMPARE(post(refused).status, 400);
    store->flush();

    const CallLog call = *CallReader(database).callById(created.json()[u"id"_s].toInteger());
    QCOMPARE(call.turns[1].content, u"It's <PHONE_NUMBER>, and my login is <USERNAME>."_s);
    QCOMPARE(call.turns[1].redactions.size(), 2);
    QCOMPARE(call.turns[1].redactions[0].kind, RedactionKind::PhoneNumber);
    QCOMPARE(call.turns[1].content.mid(call.turns[1].redactions[0].begin,
                                       call.turns[1].redactions[0].end - call.turns[1].redactions[0].begin),
             u"<PHONE_NUMBER>"_s);
    QCOMPARE(call.customerNumber, u"<PHONE_NUMBER>"_s);
    QCOMPARE(call.metadata[u"callback"_s].toString(), u"call me on <PHONE_NUMBER>"_s);
    QCOMPARE(call.redactionCounts.value(RedactionKind::PhoneNumber), 2);   // the turn and customer_number
    QCOMPARE(call.redactionCounts.value(RedactionKind::Username), 2);   // the turn and the dynamic variable
    QCOMPARE(call.dynamicVariables[u"username"_s].toString(), u"<USERNAME>"_s);
    QCOMPARE(call.toDetailJson()[u"redactions"_s][u"phone_number"_s].toInt(), 2);

    // Search finds the placeholder's words, never the number.
    CallQuery search;
    search.search = u"4155550132"_s;
    QCOMPARE(CallReader(database).count(search), 0);

    QVERIFY(listener->stopAndWait(5000));
    listener.reset();
    pipeline.reset();
    store.reset();
    const QStringList leaks = secretsIn({database, database + u"-wal"_s, database + u".requests"_s});
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
}

void TstRedactionStorage::importStoresOnlyTheRedactedCall()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"calls.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(QJsonArray{body(u"import-1"_s)}).toJson());
    out.close();
    const QString database = dir.filePath(u"import.db"_s);
    QProcess callscope;
    callscope.start(QStringLiteral(CALLSCOPE_BINARY), {u"import"_s, file, u"--db"_s, database, u"--no-evaluate"_s});
    QVERIFY(callscope.waitForFinished(60000));
    QVERIFY2(callscope.exitCode() == 0, callscope.readAllStandardError().constData());
    const QList<CallLog> calls = CallReader(database).callsByIds(CallReader(database).allCallIds());
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().turns[1].content, u"It's <PHONE_NUMBER>, and my login is <USERNAME>."_s);
    const QStringList leaks = secretsIn({database, database + u"-wal"_s});
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
}

void TstRedactionStorage::uploadedRecordingIsSilencedWhereTheTextWasRedacted()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"audio.db"_s);
    std::unique_ptr<CallStore> store;
    std::unique_ptr<IngestPipeline> pipeline;
    std::unique_ptr<Listener> listener;
    QCOMPARE(startTestListener(database, listenerConfig(), store, pipeline, listener), QString());

    // The caller's turn runs from 4 s to 8 s without word times: the number's audio is
    // placed by its characters' share of the turn, with the wider pad.
    const QJsonArray transcript{
        QJsonObject{{u"role"_s, u"Main Agent"_s}, {u"content"_s, u"What number can I reach you on?"_s},
                    {u"start_time"_s, 0.5}, {u"end_time"_s, 3.0}},
        QJsonObject{{u"role"_s, u"Testing Agent"_s}, {u"content"_s, u"Yes it is 415-555-0132 thanks"_s},
                    {u"start_time"_s, 4.0}, {u"end_time"_s, 8.0}}};
    QByteArray form;
    const auto field = [&form](const QByteArray &name, const QByteArray &value) {
        form += "--B\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    };
    field("call_id", "audio-1");
    field("agent", "7");
    field("redact_fields", "phone_number");
    field("transcript_json", QJsonDocument(transcript).toJson(QJsonDocument::Compact));
    form += "--B\r\nContent-Disposition: form-data; name=\"voice_recording\"; filename=\"call.wav\"\r\n"
            "Content-Type: audio/wav\r\n\r\n" + TestRecordings::tonesWav(10.0, {{0, 0.0, 10.0}, {1, 0.0, 10.0}}) + "\r\n--B--\r\n";
    const RawResponse created = sendRaw(listener->port(), buildRequest("POST", "/observability/v1/observe/", form,
                                                                       "multipart/form-data; boundary=B",
                                                                       {{"X-CEKURA-API-KEY", Key}}));
    QCOMPARE(created.status, 201);
    store->flush();
    const CallLog call = *CallReader(database).callById(created.json()[u"id"_s].toInteger());
    QCOMPARE(call.turns[1].content, u"Yes it is <PHONE_NUMBER> thanks"_s);
    const QString recording = QDir(store->recordingsDir()).filePath(call.recordingPath);

    // "415-555-0132" is characters 10-22 of 29: about 5.4-7.0 s, padded by 0.25 s.
    for (double rms : rmsOf(recording, 5.5, 6.9))
        QVERIFY2(rms < 1e-4, qPrintable(QString::number(rms)));
    // The rest of the call, both channels, is the tone as sent (RMS 9000/32768/sqrt 2).
    for (const auto &[from, to] : {std::pair{0.5, 4.5}, std::pair{7.6, 9.5}}) {
        for (double rms : rmsOf(recording, from, to))
            QVERIFY2(std::abs(rms - 0.1942) < 0.01, qPrintable(QString::number(rms)));
    }
    // Only the redacted recording is kept.
    QCOMPARE(QDir(store->recordingsDir()).entryList(QDir::Files).size(), 1);
}

void TstRedactionStorage::agentDefaultAppliesWhenTheBodyNamesNone()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"agent.db"_s);
    std::unique_ptr<CallStore> store;
    std::unique_ptr<IngestPipeline> pipeline;
    std::unique_ptr<Listener> listener;
    QCOMPARE(startTestListener(database, listenerConfig(), store, pipeline, listener), QString());
    AgentSettings agent;
    agent.agentKey = AgentKey::fromId(u"7"_s);
    agent.redactFields = {u"phone_number"_s};
    QVERIFY(store->setAgentSettings(agent).result());
    const auto post = [&](const QJsonObject &object) {
        return sendRaw(listener->port(), buildRequest("POST", "/observability/v1/observe/", QJsonDocument(object).toJson(),
                                                      "application/json", {{"X-CEKURA-API-KEY", Key}}));
    };

    QJsonObject silent = body(u"default-1"_s);
    silent.remove(u"redact_fields"_s);
    const RawResponse byDefault = post(silent);
    QCOMPARE(byDefault.status, 201);
    // The body's own list wins over the agent's.
    QJsonObject own = body(u"default-2"_s);
    own.insert(u"redact_fields"_s, QJsonArray{u"username"_s});
    const RawResponse byBody = post(own);
    QCOMPARE(byBody.status, 201);
    store->flush();
    CallReader reader(database);
    QCOMPARE(reader.callById(byDefault.json()[u"id"_s].toInteger())->turns[1].content,
             u"It's <PHONE_NUMBER>, and my login is maria.lopez.1984."_s);
    QCOMPARE(reader.callById(byBody.json()[u"id"_s].toInteger())->turns[1].content,
             u"It's 415-555-0132, and my login is <USERNAME>."_s);
}

QTEST_GUILESS_MAIN(TstRedactionStorage)
#include "tst_redactionstorage.moc"
