#include "redactcommand.h"

#include "commandline.h"
#include "redact/redactor.h"
#include "redact/reviewredactor.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/reviewchange.h"

#include <QDir>

int RedactCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("calls"), QStringLiteral("Database ids or call_ids."), QStringLiteral("[ID...]"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every stored call."));
    const QCommandLineOption fields(QStringLiteral("fields"), QStringLiteral("The kinds to redact (redact_fields names)."),
                                    QStringLiteral("KIND,..."));
    parser.addOptions({all, fields});
    if (const auto exitCode = CommandLine::parse(parser, arguments,
                                                 QStringLiteral("Redacts personal data from stored calls: text, recording, index.")))
        return *exitCode;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty() == !parser.isSet(all) || !parser.isSet(fields)) {
        CommandLine::err() << "callscope redact: give call ids or --all, and --fields (see --help)\n";
        return CommandLine::kExitUsage;
    }
    const std::optional<QStringList> parsedKinds =
        CommandLine::parseRedactionKinds(QStringLiteral("redact"), QStringLiteral("--fields"), parser.value(fields));
    if (!parsedKinds)
        return CommandLine::kExitUsage;
    const QStringList &kindNames = *parsedKinds;

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    CallReader reader(databasePath);
    QList<qint64> ids;
    if (parser.isSet(all)) {
        ids = reader.allCallIds();
    } else {
        for (const QString &name : names) {
            const StoreLookup<CallLog> call = CommandLine::findCall(reader, name);
            if (call.isFailed())
                return CommandLine::storeUnreadable(QStringLiteral("redact"), call.error());
            if (call.isNotFound()) {
                CommandLine::err() << "callscope redact: no call " << name << '\n';
                return CommandLine::kExitFailed;
            }
            ids.append(call->id);
        }
    }

    const Redactor redactor(Redactor::kindsOf(kindNames));
    int changed = 0;
    int failed = 0;
    for (qint64 id : ids) {
        const StoreLookup<CallLog> stored = reader.callById(id);
        if (!stored)
            continue;
        CallLog call = *stored;
        const QMap<RedactionKind, int> before = call.redactionCounts;
        const ReviewRedactor review(redactor, call);
        // Only the new spans are the audio's to silence; those redacted before already are.
        const Turns newSpans = redactor.redact(call);
        const bool reviewRedacted = review.redact(call);
        qsizetype spans = 0;
        for (auto it = call.redactionCounts.cbegin(); it != call.redactionCounts.cend(); ++it) {
            const int added = it.value() - before.value(it.key());
            spans += std::max(0, added);
        }
        if (spans == 0 && !reviewRedacted)
            continue;
        QString error;
        if (!call.recordingPath.isEmpty()) {
            const QString recording = QDir(store->recordingsDir()).filePath(call.recordingPath);
            const QString redacted = Redactor::redactRecording(newSpans, recording, &error);
            if (redacted.isEmpty()) {
                CommandLine::err() << "callscope redact: call " << id << ": " << error << '\n';
                ++failed;
                continue;
            }
            call.recordingPath = QDir(store->recordingsDir()).relativeFilePath(redacted);
        }
        for (const QString &kind : kindNames) {
            if (!call.redactFields.contains(kind))
                call.redactFields.append(kind);
        }
        ReviewChange change;
        change.callDbId = id;
        change.content = call;
        change.feedback = call.feedback;
        change.annotations = call.annotations;
        change.redactedHistory = call.reviewHistory;
        change.source = QStringLiteral("redact");
        const ReviewOutcome outcome = store->review(change).result();
        if (outcome.result != ReviewOutcome::Result::Applied) {
            CommandLine::err() << "callscope redact: call " << id << ": " << outcome.error << '\n';
            ++failed;
            continue;
        }
        ++changed;
        CommandLine::out() << "call " << id << ": " << spans << (spans == 1 ? " span" : " spans") << " redacted"
                           << (reviewRedacted ? ", and quotes of them in its feedback, labels or metric results" : "") << '\n';
    }
    if (changed > 0)
        store->optimizeSearchIndex().waitForFinished();
    store->flush();
    CommandLine::err() << "redacted " << changed << (changed == 1 ? " call" : " calls") << '\n';
    return failed == 0 ? 0 : CommandLine::kExitFailed;
}
