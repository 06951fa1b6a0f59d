#include "metricscommand.h"

#include "commandline.h"
#include "calllog/agentkey.h"
#include "calllog/fielderrors.h"
#include "metrics/metricdefinition.h"
#include "metrics/rulemetric.h"
#include "store/callreader.h"
#include "store/callstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

struct Options
{
    QCommandLineOption name{QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("N")};
    QCommandLineOption description{QStringLiteral("description"), QStringLiteral("What it measures."), QStringLiteral("D")};
    QCommandLineOption phrase{QStringLiteral("phrase"), QStringLiteral("Rule: this text must occur (case-insensitive)."),
                              QStringLiteral("TEXT")};
    QCommandLineOption regex{QStringLiteral("regex"), QStringLiteral("Rule: this regular expression must occur."),
                             QStringLiteral("RE")};
    QCommandLineOption mustNot{QStringLiteral("must-not"), QStringLiteral("Rule: the phrase must not occur instead.")};
    QCommandLineOption caseSensitive{QStringLiteral("case-sensitive"), QStringLiteral("Rule: match case.")};
    QCommandLineOption role{QStringLiteral("role"), QStringLiteral("Rule: only the agent's or the caller's turns."),
                            QStringLiteral("agent|caller")};
    QCommandLineOption first{QStringLiteral("first"), QStringLiteral("Rule: only the first N of those turns."), QStringLiteral("N")};
    QCommandLineOption last{QStringLiteral("last"), QStringLiteral("Rule: only the last N of those turns."), QStringLiteral("N")};
    QCommandLineOption bound{QStringLiteral("bound"), QStringLiteral("Rule: a bound on a built-in, e.g. \"latency_p90_ms < 1500\"."),
                             QStringLiteral("EXPR")};
    QCommandLineOption prompt{QStringLiteral("prompt"), QStringLiteral("LLM judge: the question put to the judge."),
                              QStringLiteral("TEXT")};
    QCommandLineOption type{QStringLiteral("type"), QStringLiteral("LLM judge: binary (default), numeric, enum or rating."),
                            QStringLiteral("T")};
    QCommandLineOption enumValues{QStringLiteral("enum"), QStringLiteral("LLM judge: the values of an enum metric, comma-separated."),
                                  QStringLiteral("A,B,…")};
    QCommandLineOption agent{QStringLiteral("agent"), QStringLiteral("enable/disable: only for this agent (default: every agent)."),
                             QStringLiteral("AGENT")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("list/show: print JSON.")};

    QList<QCommandLineOption> all() const
    {
        return {name, description, phrase, regex, mustNot, caseSensitive, role, first, last, bound, prompt, type, enumValues, agent, json};
    }
};

int usage(const QString &message)
{
    CommandLine::err() << "callscope metrics: " << message << '\n';
    return CommandLine::kExitUsage;
}

int refused(const FieldErrors &errors)
{
    for (const QString &field : errors.fields())
        CommandLine::err() << "callscope metrics: " << field << ": " << errors.messages(field).join(QLatin1Char(' ')) << '\n';
    return CommandLine::kExitUsage;
}

QString evaluatorText(const MetricDefinition &metric)
{
    if (metric.evaluator == MetricDefinition::Evaluator::Rule) {
        const std::optional<RuleMetric> rule = RuleMetric::fromConfig(metric.config);
        return rule ? QStringLiteral("rule: ") + rule->describe() : QStringLiteral("rule (invalid)");
    }
    return MetricDefinition::evaluatorName(metric.evaluator);
}

QString enabledText(const MetricDefinition &metric)
{
    QStringList parts{metric.enabledByDefault ? QStringLiteral("on") : QStringLiteral("off")};
    for (auto it = metric.agentSwitches.cbegin(); it != metric.agentSwitches.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key(), it.value() ? QStringLiteral("on") : QStringLiteral("off")));
    return parts.join(QStringLiteral(", "));
}

// Applies the options that shape a rule or an LLM judge to `metric`; false with errors.
bool applyOptions(const QCommandLineParser &parser, const Options &options, MetricDefinition &metric, FieldErrors &errors)
{
    if (parser.isSet(options.name))
        metric.name = parser.value(options.name);
    if (parser.isSet(options.description))
        metric.description = parser.value(options.description);
    const int kinds = int(parser.isSet(options.phrase)) + int(parser.isSet(options.regex)) + int(parser.isSet(options.bound))
                      + int(parser.isSet(options.prompt));
    if (kinds > 1) {
        errors.add(QStringLiteral("evaluator"), QStringLiteral("Give one of --phrase, --regex, --bound and --prompt."));
        return false;
    }
    if (parser.isSet(options.bound)) {
        QString error;
        const std::optional<QJsonObject> config = RuleMetric::boundFromText(parser.value(options.bound), &error);
        if (!config) {
            errors.add(QStringLiteral("bound"), error);
            return false;
        }
        metric.evaluator = MetricDefinition::Evaluator::Rule;
        metric.type = MetricType::Binary;
        metric.config = *config;
    } else if (parser.isSet(options.phrase) || parser.isSet(options.regex)) {
        metric.evaluator = MetricDefinition::Evaluator::Rule;
        metric.type = MetricType::Binary;
        metric.config = {{QStringLiteral("kind"), QStringLiteral("phrase")}};
        metric.config.insert(QStringLiteral("pattern"), parser.isSet(options.regex) ? parser.value(options.regex) : parser.value(options.phrase));
        metric.config.insert(QStringLiteral("regex"), parser.isSet(options.regex));
    } else if (parser.isSet(options.prompt)) {
        metric.evaluator = MetricDefinition::Evaluator::LlmJudge;
        metric.config = {{QStringLiteral("prompt"), parser.value(options.prompt)}};
    }
    const bool phrase = metric.evaluator == MetricDefinition::Evaluator::Rule
                        && metric.config.value(QStringLiteral("kind")).toString() == QLatin1String("phrase");
    if (phrase) {
        if (parser.isSet(options.mustNot))
            metric.config.insert(QStringLiteral("must"), QStringLiteral("not_occur"));
        if (parser.isSet(options.caseSensitive))
            metric.config.insert(QStringLiteral("case_sensitive"), true);
        if (parser.isSet(options.role)) {
            const QString role = parser.value(options.role);
            if (role != QLatin1String("agent") && role != QLatin1String("caller")) {
                errors.add(QStringLiteral("role"), QStringLiteral("\"%1\" is not agent or caller.").arg(role));
                return false;
            }
            metric.config.insert(QStringLiteral("role"), Turn::roleName(role == QLatin1String("agent") ? Turn::Role::MainAgent
                                                                                                      : Turn::Role::TestingAgent));
        }
        for (const QCommandLineOption *window : {&options.first, &options.last}) {
            if (!parser.isSet(*window))
                continue;
            bool ok = false;
            const int count = parser.value(*window).toInt(&ok);
            metric.config.insert(window->names().first(), ok ? QJsonValue(count) : QJsonValue(parser.value(*window)));
        }
    } else {
        for (const QCommandLineOption *ruleOnly : {&options.mustNot, &options.caseSensitive, &options.role, &options.first, &options.last}) {
            if (parser.isSet(*ruleOnly)) {
                errors.add(ruleOnly->names().first(), QStringLiteral("Only a --phrase or --regex rule takes it."));
                return false;
            }
        }
    }
    if (parser.isSet(options.type)) {
        const std::optional<MetricType> type = MetricTypes::fromName(parser.value(options.type));
        if (!type) {
            errors.add(QStringLiteral("type"), QStringLiteral("\"%1\" is not binary, numeric, enum or rating.").arg(parser.value(options.type)));
            return false;
        }
        metric.type = *type;
    }
    if (parser.isSet(options.enumValues))
        metric.enumValues = parser.value(options.enumValues).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &value : metric.enumValues)
        value = value.trimmed();
    metric.passValue = metric.type == MetricType::Binary ? std::optional<bool>(true) : std::nullopt;
    return true;
}

} // namespace

int MetricsCommand::run(const QStringList &arguments, const QString &databasePath)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list (default), show, add, edit, remove, enable, disable."),
                                 QStringLiteral("[action] [KEY]"));
    const Options options;
    parser.addOptions(options.all());
    if (const auto exitCode = CommandLine::parse(
            parser, arguments,
            QStringLiteral("Lists and changes the metrics evaluated on calls.\n"
                           "  metrics add greets --name \"Greets the caller\" --phrase \"thank you for calling\" --role agent --first 1\n"
                           "  metrics add fast --name \"Fast answers\" --bound \"latency_p90_ms < 1500\"\n"
                           "  metrics add polite --name Polite --prompt \"Was the agent polite throughout?\"\n"
                           "  metrics disable dead_air_count --agent 12")))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, QStringLiteral("list"));
    const QString key = positional.value(1);

    const std::unique_ptr<CallStore> store = CommandLine::openStore(databasePath);
    if (!store)
        return CommandLine::kExitStoreUnreadable;
    CallReader reader(databasePath);
    const QList<MetricDefinition> metrics = reader.metrics();
    if (reader.failureCount() > 0)
        return CommandLine::storeUnreadable(QStringLiteral("metrics"), reader.lastError());
    QTextStream &out = CommandLine::out();
    const auto find = [&](const QString &wanted) -> std::optional<MetricDefinition> {
        for (const MetricDefinition &metric : metrics) {
            if (metric.key == wanted)
                return metric;
        }
        return std::nullopt;
    };

    if (action == QLatin1String("list")) {
        if (parser.isSet(options.json)) {
            QJsonArray array;
            for (const MetricDefinition &metric : metrics)
                array.append(metric.toJson());
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return 0;
        }
        out << QStringLiteral("KEY").leftJustified(28) << QStringLiteral("TYPE").leftJustified(9) << QStringLiteral("UNIT").leftJustified(11)
            << QStringLiteral("ENABLED").leftJustified(16) << "EVALUATOR\n";
        for (const MetricDefinition &metric : metrics)
            out << metric.key.leftJustified(28) << MetricTypes::name(metric.type).leftJustified(9) << metric.unit.leftJustified(11)
                << enabledText(metric).leftJustified(16) << evaluatorText(metric) << '\n';
        return 0;
    }
    if (key.isEmpty() || positional.size() != 2)
        return usage(QStringLiteral("%1 needs one metric KEY (see --help)").arg(action));
    const std::optional<MetricDefinition> existing = find(key);

    if (action == QLatin1String("show")) {
        if (!existing)
            return usage(QStringLiteral("no metric has the key \"%1\"").arg(key));
        if (parser.isSet(options.json)) {
            out << QJsonDocument(existing->toJson()).toJson(QJsonDocument::Indented);
            return 0;
        }
        out << existing->name << " (" << existing->key << ")\n"
            << "type: " << MetricTypes::name(existing->type) << (existing->unit.isEmpty() ? QString() : QStringLiteral(", ") + existing->unit) << '\n'
            << "evaluated by: " << evaluatorText(*existing) << '\n'
            << "enabled: " << enabledText(*existing) << '\n'
            << "version: " << existing->version << '\n';
        if (!existing->description.isEmpty())
            out << '\n' << existing->description << '\n';
        return 0;
    }

    MetricSaveOutcome outcome;
    if (action == QLatin1String("add") || action == QLatin1String("edit")) {
        const bool adding = action == QLatin1String("add");
        if (adding && existing)
            return usage(QStringLiteral("a metric with the key \"%1\" exists; use edit").arg(key));
        if (!adding && !existing)
            return usage(QStringLiteral("no metric has the key \"%1\"").arg(key));
        MetricDefinition metric = adding ? MetricDefinition() : *existing;
        metric.key = key;
        FieldErrors errors;
        if (!applyOptions(parser, options, metric, errors))
            return refused(errors);
        if (adding && metric.config.isEmpty())
            return usage(QStringLiteral("give --phrase, --regex, --bound or --prompt"));
        outcome = store->saveMetric(metric).result();
        if (!outcome.errors.isEmpty())
            return refused(outcome.errors);
    } else if (action == QLatin1String("remove")) {
        if (!existing)
            return usage(QStringLiteral("no metric has the key \"%1\"").arg(key));
        outcome = store->removeMetric(existing->id).result();
        if (!outcome.errors.isEmpty())
            return refused(outcome.errors);
    } else if (action == QLatin1String("enable") || action == QLatin1String("disable")) {
        if (!existing)
            return usage(QStringLiteral("no metric has the key \"%1\"").arg(key));
        const QString agent = parser.isSet(options.agent) ? AgentKey::fromId(parser.value(options.agent)).toString() : QString();
        outcome = store->setMetricEnabled(existing->id, agent, action == QLatin1String("enable")).result();
    } else {
        return usage(QStringLiteral("unknown action \"%1\" (see --help)").arg(action));
    }
    if (!outcome.ok()) {
        CommandLine::err() << "callscope metrics: could not save " << key << ": "
                           << (outcome.error.isEmpty() ? QStringLiteral("not found") : outcome.error) << '\n';
        return CommandLine::kExitFailed;
    }
    out << action << (action.endsWith(QLatin1Char('e')) ? "d " : "ed ") << key;
    if (action == QLatin1String("add") || action == QLatin1String("edit"))
        out << " (version " << outcome.version << ')';
    out << '\n';
    return 0;
}
