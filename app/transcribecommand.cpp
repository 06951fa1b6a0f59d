#include "transcribecommand.h"

#include "commandline.h"
#include "metrics/evaluationqueue.h"
#include "metrics/llmjudge.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "transcribe/transcriptionqueue.h"

#include <QElapsedTimer>
#include <QSettings>

#include <atomic>

int TranscribeCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("calls"), QStringLiteral("Database ids or call_ids of audio-only calls."),
                                 QStringLiteral("[ID...]"));
    const QCommandLineOption pending(QStringLiteral("pending"), QStringLiteral("Every call waiting for transcription."));
    parser.addOption(pending);
    if (const auto exitCode = CommandLine::parse(
            parser, arguments, QStringLiteral("Transcribes audio-only calls (none-mono) and waits for their transcripts.")))
        return *exitCode;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty() == !parser.isSet(pending)) {
        CommandLine::err() << "callscope transcribe: give call ids or --pending, not both (see --help)\n";
        return CommandLine::kExitUsage;
    }

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    CallReader reader(databasePath);
    QList<qint64> callIds;
    for (const QString &name : names) {
        const StoreLookup<CallLog> call = CommandLine::findCall(reader, name);
        if (call.isFailed())
            return CommandLine::storeUnreadable(QStringLiteral("transcribe"), call.error());
        if (call.isNotFound()) {
            CommandLine::err() << "callscope transcribe: no call " << name << '\n';
            return CommandLine::kExitFailed;
        }
        if (!call->transcription) {
            CommandLine::err() << "callscope transcribe: call " << name
                               << " has its sender's transcript; only audio-only (none-mono) calls are transcribed\n";
            return CommandLine::kExitFailed;
        }
        callIds.append(call->id);
    }

    QElapsedTimer clock;
    clock.start();
    const QSettings settings;
    EvaluationQueue evaluation(store.get());
    evaluation.setJudge(LlmJudge::configured(LlmJudgeSettings::load(settings)));
    TranscriptionQueue transcription(store.get(), TranscriberFactory(TranscriptionSettings::load(settings)),
                                     TranscriptionQueue::Urgency::Foreground);
    transcription.setEvaluationQueue(&evaluation);
    std::atomic<int> transcribed = 0;
    std::atomic<int> failed = 0;
    QObject::connect(&transcription, &TranscriptionQueue::transcribed, &transcription, [&transcribed] { ++transcribed; },
                     Qt::DirectConnection);
    QObject::connect(&transcription, &TranscriptionQueue::failed, &transcription,
                     [&failed](qint64 id, const QString &reason) {
                         ++failed;
                         CommandLine::err() << "callscope transcribe: call " << id << ": " << reason << '\n';
                     },
                     Qt::DirectConnection);
    if (!callIds.isEmpty())
        transcription.transcribeAgain(callIds).waitForFinished();
    transcription.start();
    transcription.waitForIdle();
    evaluation.waitForIdle();
    store->flush();

    // What is still pending waits for a recording download, which `serve` and the app do.
    const QList<qint64> waiting = CallReader(databasePath).pendingTranscriptions();
    for (qint64 id : waiting) {
        if (callIds.isEmpty() || callIds.contains(id))
            CommandLine::err() << "callscope transcribe: call " << id
                               << " waits for its recording to be downloaded (callscope serve or the app fetch it)\n";
    }
    CommandLine::err() << "transcribed " << transcribed << (transcribed == 1 ? " call" : " calls") << " ("
                       << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s)\n";
    const bool allDone = failed == 0 && (callIds.isEmpty() || transcribed == callIds.size());
    return allDone ? 0 : CommandLine::kExitFailed;
}
