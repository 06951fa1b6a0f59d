#include "reviewcommand.h"

#include "commandline.h"
#include "store/callreader.h"
#include "store/callstore.h"

namespace {

QString shown(const QString &value)
{
    return value.isNull() ? QStringLiteral("(none)") : QLatin1Char('"') + value + QLatin1Char('"');
}

// "3:hallucination:made up a price" (the note may hold colons).
std::optional<TurnLabel> parseLabel(const QString &value)
{
    const qsizetype first = value.indexOf(QLatin1Char(':'));
    if (first < 0)
        return std::nullopt;
    bool ok = false;
    const int turn = value.left(first).trimmed().toInt(&ok);
    const qsizetype second = value.indexOf(QLatin1Char(':'), first + 1);
    TurnLabel label;
    label.turnIndex = turn;
    label.label = value.mid(first + 1, second < 0 ? -1 : second - first - 1).trimmed();
    if (second >= 0)
        label.note = value.mid(second + 1).trimmed();
    if (!ok || turn < 0 || label.label.isEmpty())
        return std::nullopt;
    return label;
}

} // namespace

int ReviewCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("call"), QStringLiteral("The database id, or the sender's call_id."),
                                 QStringLiteral("ID|CALL_ID"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("The new status: success, failure, reviewed_success, reviewed_failure."),
                                    QStringLiteral("S"));
    const QCommandLineOption reviewed(QStringLiteral("reviewed"),
                                      QStringLiteral("yes: mark the verdict reviewed; no: unmark it."),
                                      QStringLiteral("yes|no"));
    const QCommandLineOption feedback(QStringLiteral("feedback"), QStringLiteral("The reviewer's feedback (\"\" clears it)."),
                                      QStringLiteral("F"));
    const QCommandLineOption source(QStringLiteral("as"), QStringLiteral("Who reviews, for the review history (default: cli)."),
                                    QStringLiteral("NAME"), QStringLiteral("cli"));
    const QCommandLineOption label(QStringLiteral("label"),
                                   QStringLiteral("Adds a label to a turn (TURN counts from 0, as turn_index in `show`); "
                                                  "repeatable."),
                                   QStringLiteral("TURN:LABEL[:NOTE]"));
    const QCommandLineOption clearLabels(QStringLiteral("clear-labels"),
                                         QStringLiteral("Removes the call's labels (before adding those of --label)."));
    parser.addOptions({status, reviewed, feedback, label, clearLabels, source});
    if (const auto exitCode = CommandLine::parse(parser, arguments,
                                                 QStringLiteral("Sets a stored call's review status and feedback.")))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        CommandLine::err() << "callscope review: give exactly one ID or CALL_ID (see --help)\n";
        return 2;
    }
    if (!parser.isSet(status) && !parser.isSet(reviewed) && !parser.isSet(feedback) && !parser.isSet(label)
        && !parser.isSet(clearLabels)) {
        CommandLine::err() << "callscope review: give --status, --reviewed, --feedback, --label or --clear-labels "
                              "(see --help)\n";
        return 2;
    }
    QList<TurnLabel> addedLabels;
    for (const QString &value : parser.values(label)) {
        const std::optional<TurnLabel> parsed = parseLabel(value);
        if (!parsed) {
            CommandLine::err() << "callscope review: --label: \"" << value
                               << "\" is not TURN:LABEL[:NOTE] with TURN a number from 0\n";
            return 2;
        }
        addedLabels.append(*parsed);
    }

    ReviewChange change;
    change.source = parser.value(source);
    if (parser.isSet(status)) {
        change.status = CommandLine::parseStatus(QStringLiteral("review"), parser.value(status));
        if (!change.status)
            return 2;
    }
    if (parser.isSet(reviewed)) {
        const QString value = parser.value(reviewed);
        if (value != QLatin1String("yes") && value != QLatin1String("no")) {
            CommandLine::err() << "callscope review: --reviewed: \"" << value << "\" is not yes or no\n";
            return 2;
        }
        change.reviewed = value == QLatin1String("yes");
    }
    if (parser.isSet(feedback))
        change.feedback = parser.value(feedback);

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    const QString key = parser.positionalArguments().constFirst();
    const StoreLookup<CallLog> call = CommandLine::findCall(CallReader(databasePath), key);
    if (call.isFailed())
        return CommandLine::storeUnreadable(QStringLiteral("review"), call.error());
    if (!call) {
        CommandLine::err() << "callscope review: no call with id or call_id \"" << key << "\"\n";
        return CommandLine::kExitFailed;
    }
    change.callDbId = call->id;
    if (parser.isSet(clearLabels) || !addedLabels.isEmpty()) {
        change.annotations = parser.isSet(clearLabels) ? QList<TurnLabel>() : call->annotations.value_or(QList<TurnLabel>());
        change.annotations->append(addedLabels);
    }

    const ReviewOutcome outcome = store->review(change).result();
    switch (outcome.result) {
    case ReviewOutcome::Result::Applied:
        break;
    case ReviewOutcome::Result::NotFound:
        CommandLine::err() << "callscope review: call " << call->id << " was deleted meanwhile\n";
        return 1;
    case ReviewOutcome::Result::Refused:
        CommandLine::err() << "callscope review: " << outcome.errors.summary() << '\n';
        return 2;
    case ReviewOutcome::Result::Failed:
        CommandLine::err() << "callscope review: the change could not be stored: " << outcome.error << '\n';
        return 1;
    }
    if (outcome.events.isEmpty())
        CommandLine::out() << "call " << call->id << ": no change\n";
    for (const ReviewEvent &event : outcome.events)
        CommandLine::out() << "call " << call->id << ": " << event.field << ' ' << shown(event.oldValue) << " -> "
                           << shown(event.newValue) << '\n';
    return 0;
}
