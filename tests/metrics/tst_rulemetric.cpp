// Rule metrics: a phrase that must (not) occur in the speech turns, or a bound on a built-in,
// as models/metrics/rulemetric.h describes them.
#include "metrics/rulemetric.h"

#include "calllog/fielderrors.h"

#include "metricturns.h"

#include <QJsonObject>
#include <QTest>

using namespace MetricTurns;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Turns)

namespace {

// 0 MA, 1 TA, 2 FC, 3 FCR, 4 MA (blank), 5 MA, 6 TA, 7 MA. The speech turns of the Main
// Agent are 0, 5, 7; of the Testing Agent 1, 6. The tool turns' texts would match "cancel".
Turns conversation()
{
    Turn call = toolCall(u"c1"_s, u"cancel_order"_s, 4.2, 4.3);
    call.content = u"cancel_order"_s;
    Turn result = toolResult(u"c1"_s, u"cancel_order"_s, u"{\"ok\":true}"_s, 4.4);
    result.content = u"cancel_order ok"_s;
    return {agent(0.0, 2.0, u"Hello, thanks for calling Acme."_s),
            caller(2.5, 4.0, u"Hi, I need to cancel my order."_s),
            call,
            result,
            agent(4.5, 4.6, u"   "_s),
            agent(5.0, 7.0, u"Sure, I can CANCEL it for you."_s),
            caller(7.5, 8.5, u"Thank you, goodbye."_s),
            agent(9.0, 10.0, u"Goodbye and have a nice day!"_s)};
}

QJsonObject phraseConfig(const QString &pattern, const QJsonObject &more = {})
{
    QJsonObject config{{u"kind"_s, u"phrase"_s}, {u"pattern"_s, pattern}};
    for (auto it = more.begin(); it != more.end(); ++it)
        config.insert(it.key(), it.value());
    return config;
}

QJsonObject boundConfig(const QString &metric, const QString &op, const QJsonValue &value)
{
    return {{u"kind"_s, u"bound"_s}, {u"metric"_s, metric}, {u"op"_s, op}, {u"value"_s, value}};
}

RuleMetric ruleOf(const QJsonObject &config)
{
    const std::optional<RuleMetric> rule = RuleMetric::fromConfig(config);
    if (!rule)
        qFatal("not a valid rule config");
    return *rule;
}

// The built-ins a bound reads, as MetricEvaluator would hand them over.
QHash<QString, MetricOutcome> builtins()
{
    MetricOutcome p90 = MetricOutcome::of(1200.0, {u"p90 of 4 samples."_s, u"Slowest: turn 3."_s},
                                          {{3.0, 1.2, 2}, {8.0, 0.4, 6}});
    p90.source = u"audio"_s;
    return {
        {u"latency_p90_ms"_s, p90},
        {u"talk_ratio"_s, MetricOutcome::of(0.5)},
        {u"agent_turns"_s, MetricOutcome::of(3)},
        {u"tool_call_success"_s, MetricOutcome::of(true, {u"2 tool calls, none failed."_s}, {{4.2, 0.1, 2}})},
        {u"infrastructure_issue"_s, MetricOutcome::of(false)},
        {u"wpm_caller"_s, MetricOutcome::notApplicable(u"no timed caller turns of 1 s or more"_s)},
        {u"ended_by"_s, MetricOutcome::of(u"caller"_s)},
        {u"dead_air_count"_s, MetricOutcome::failure(u"the audio could not be read"_s)},
    };
}

} // namespace

class TestRuleMetric : public QObject
{
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void phrase_data();
    void phrase();
    void phraseEventCarriesTheTurnsTimes();
    void emptyTranscript();
    void boundFromText_data();
    void boundFromText();
    void boundFromBadText_data();
    void boundFromBadText();
    void boundOps_data();
    void boundOps();
    void boundCarriesTheBuiltinsExplanationAndEvents();
    void boundOnNotApplicableBuiltin();
    void boundOnUnknownOrUnusableBuiltin_data();
    void boundOnUnknownOrUnusableBuiltin();
    void describe_data();
    void describe();
};

void TestRuleMetric::validate_data()
{
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("field");   // empty: valid

    QTest::newRow("phrase, only a pattern") << phraseConfig(u"goodbye"_s) << QString();
    QTest::newRow("phrase, every field")
        << phraseConfig(u"good ?bye"_s, {{u"regex"_s, true}, {u"case_sensitive"_s, true}, {u"must"_s, u"not_occur"_s},
                                   {u"role"_s, u"Main Agent"_s}, {u"last"_s, 2}})
        << QString();
    QTest::newRow("phrase, Testing Agent, first") << phraseConfig(u"hello"_s, {{u"role"_s, u"Testing Agent"_s}, {u"first"_s, 1}})
                                                  << QString();
    QTest::newRow("phrase, null role is no role") << phraseConfig(u"hello"_s, {{u"role"_s, QJsonValue()}}) << QString();
    QTest::newRow("phrase, not a regex: parentheses are text") << phraseConfig(u"(unclosed"_s) << QString();
    QTest::newRow("bound") << boundConfig(u"latency_p90_ms"_s, u"<"_s, 1500) << QString();
    QTest::newRow("bound on a bool") << boundConfig(u"tool_call_success"_s, u"=="_s, true) << QString();

    QTest::newRow("no kind") << QJsonObject{{u"pattern"_s, u"x"_s}} << u"config.kind"_s;
    QTest::newRow("unknown kind") << QJsonObject{{u"kind"_s, u"regex"_s}, {u"pattern"_s, u"x"_s}} << u"config.kind"_s;
    QTest::newRow("no pattern") << QJsonObject{{u"kind"_s, u"phrase"_s}} << u"config.pattern"_s;
    QTest::newRow("blank pattern") << phraseConfig(u"  "_s) << u"config.pattern"_s;
    QTest::newRow("invalid regex") << phraseConfig(u"(unclosed"_s, {{u"regex"_s, true}}) << u"config.pattern"_s;
    QTest::newRow("regex not a bool") << phraseConfig(u"a+"_s, {{u"regex"_s, u"true"_s}}) << u"config.regex"_s;
    QTest::newRow("case_sensitive not a bool") << phraseConfig(u"a"_s, {{u"case_sensitive"_s, 1}}) << u"config.case_sensitive"_s;
    QTest::newRow("must: another word") << phraseConfig(u"x"_s, {{u"must"_s, u"sometimes"_s}}) << u"config.must"_s;
    QTest::newRow("must: not a string") << phraseConfig(u"x"_s, {{u"must"_s, true}}) << u"config.must"_s;
    QTest::newRow("role: unknown") << phraseConfig(u"x"_s, {{u"role"_s, u"Caller"_s}}) << u"config.role"_s;
    QTest::newRow("role: a tool role") << phraseConfig(u"x"_s, {{u"role"_s, u"Function Call"_s}}) << u"config.role"_s;
    QTest::newRow("role: not a string") << phraseConfig(u"x"_s, {{u"role"_s, 1}}) << u"config.role"_s;
    QTest::newRow("first and last") << phraseConfig(u"x"_s, {{u"first"_s, 1}, {u"last"_s, 1}}) << u"config.first"_s;
    QTest::newRow("first: a string") << phraseConfig(u"x"_s, {{u"first"_s, u"2"_s}}) << u"config.first"_s;
    QTest::newRow("first: a fraction") << phraseConfig(u"x"_s, {{u"first"_s, 2.5}}) << u"config.first"_s;
    QTest::newRow("first: 0") << phraseConfig(u"x"_s, {{u"first"_s, 0}}) << u"config.first"_s;
    QTest::newRow("last: negative") << phraseConfig(u"x"_s, {{u"last"_s, -1}}) << u"config.last"_s;
    QTest::newRow("last: null") << phraseConfig(u"x"_s, {{u"last"_s, QJsonValue()}}) << u"config.last"_s;
    QTest::newRow("bound: no metric") << QJsonObject{{u"kind"_s, u"bound"_s}, {u"op"_s, u"<"_s}, {u"value"_s, 1}}
                                      << u"config.metric"_s;
    QTest::newRow("bound: unknown op") << boundConfig(u"latency_p90_ms"_s, u"="_s, 1500) << u"config.op"_s;
    QTest::newRow("bound: no op") << QJsonObject{{u"kind"_s, u"bound"_s}, {u"metric"_s, u"talk_ratio"_s}, {u"value"_s, 1}}
                                  << u"config.op"_s;
    QTest::newRow("bound: value a string") << boundConfig(u"latency_p90_ms"_s, u"<"_s, u"1500"_s) << u"config.value"_s;
    QTest::newRow("bound: no value") << QJsonObject{{u"kind"_s, u"bound"_s}, {u"metric"_s, u"talk_ratio"_s}, {u"op"_s, u"<"_s}}
                                     << u"config.value"_s;
}

void TestRuleMetric::validate()
{
    QFETCH(QJsonObject, config);
    QFETCH(QString, field);

    FieldErrors errors;
    RuleMetric::validate(config, &errors);
    if (field.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.summary()));
        QVERIFY(RuleMetric::fromConfig(config));
        return;
    }
    // That field, and only it, with a message that says what is wrong.
    QCOMPARE(errors.fields(), QStringList{field});
    QVERIFY(!errors.messages(field).value(0).isEmpty());
    QVERIFY(!RuleMetric::fromConfig(config));
}

void TestRuleMetric::phrase_data()
{
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<bool>("value");
    QTest::addColumn<QString>("explanation");
    QTest::addColumn<int>("eventTurn");   // -1: no event

    const QString none5 = u"None of the 5 turns in scope says it."_s;
    QTest::newRow("plain, case-insensitive by default")
        << phraseConfig(u"cancel"_s) << true << u"Turn 2 (Testing Agent) says “cancel”."_s << 1;
    QTest::newRow("plain, the turn's own spelling is quoted")
        << phraseConfig(u"thank YOU"_s) << true << u"Turn 7 (Testing Agent) says “Thank you”."_s << 6;
    QTest::newRow("case-sensitive finds the exact spelling")
        << phraseConfig(u"CANCEL"_s, {{u"case_sensitive"_s, true}}) << true << u"Turn 6 (Main Agent) says “CANCEL”."_s << 5;
    QTest::newRow("case-sensitive, no such spelling")
        << phraseConfig(u"Cancel"_s, {{u"case_sensitive"_s, true}}) << false << none5 << -1;
    QTest::newRow("plain text is not a regex") << phraseConfig(u"good ?bye"_s) << false << none5 << -1;
    QTest::newRow("regex") << phraseConfig(u"good ?bye"_s, {{u"regex"_s, true}}) << true
                           << u"Turn 7 (Testing Agent) says “goodbye”."_s << 6;
    QTest::newRow("regex, case-sensitive")
        << phraseConfig(u"^Good"_s, {{u"regex"_s, true}, {u"case_sensitive"_s, true}}) << true
        << u"Turn 8 (Main Agent) says “Good”."_s << 7;
    QTest::newRow("tool turns are not speech") << phraseConfig(u"cancel_order"_s) << false << none5 << -1;
    QTest::newRow("not_occur holds") << phraseConfig(u"refund"_s, {{u"must"_s, u"not_occur"_s}}) << true << none5 << -1;
    QTest::newRow("not_occur broken: names the turn")
        << phraseConfig(u"cancel"_s, {{u"must"_s, u"not_occur"_s}}) << false << u"Turn 2 (Testing Agent) says “cancel”."_s << 1;
    QTest::newRow("role Main Agent")
        << phraseConfig(u"good ?bye"_s, {{u"regex"_s, true}, {u"role"_s, u"Main Agent"_s}}) << true
        << u"Turn 8 (Main Agent) says “Goodbye”."_s << 7;
    QTest::newRow("role Main Agent, not_occur broken")
        << phraseConfig(u"cancel"_s, {{u"role"_s, u"Main Agent"_s}, {u"must"_s, u"not_occur"_s}}) << false
        << u"Turn 6 (Main Agent) says “CANCEL”."_s << 5;
    QTest::newRow("role Testing Agent, the agent's words do not count")
        << phraseConfig(u"thanks for calling"_s, {{u"role"_s, u"Testing Agent"_s}}) << false
        << u"None of the 2 turns in scope says it."_s << -1;
    QTest::newRow("first 1 of the agent's")
        << phraseConfig(u"thanks for calling"_s, {{u"role"_s, u"Main Agent"_s}, {u"first"_s, 1}}) << true
        << u"Turn 1 (Main Agent) says “thanks for calling”."_s << 0;
    QTest::newRow("first 1 of the agent's, outside")
        << phraseConfig(u"goodbye"_s, {{u"role"_s, u"Main Agent"_s}, {u"first"_s, 1}}) << false
        << u"The one turn in scope does not say it."_s << -1;
    // The blank turn 4 is not among the agent's first two: those are turns 0 and 5.
    QTest::newRow("first 2 of the agent's skips the blank turn")
        << phraseConfig(u"cancel"_s, {{u"role"_s, u"Main Agent"_s}, {u"first"_s, 2}}) << true
        << u"Turn 6 (Main Agent) says “CANCEL”."_s << 5;
    QTest::newRow("first 2 of all, outside")
        << phraseConfig(u"sure"_s, {{u"first"_s, 2}}) << false << u"None of the 2 turns in scope says it."_s << -1;
    // Nor are the tool turns among the first three speech turns: those are 0, 1 and 5.
    QTest::newRow("first 3 of all skips tool and blank turns")
        << phraseConfig(u"CANCEL it"_s, {{u"first"_s, 3}}) << true << u"Turn 6 (Main Agent) says “CANCEL it”."_s << 5;
    QTest::newRow("first N beyond the count is every turn")
        << phraseConfig(u"goodbye and"_s, {{u"first"_s, 50}}) << true << u"Turn 8 (Main Agent) says “Goodbye and”."_s << 7;
    QTest::newRow("last 1 of the agent's")
        << phraseConfig(u"goodbye"_s, {{u"role"_s, u"Main Agent"_s}, {u"last"_s, 1}}) << true
        << u"Turn 8 (Main Agent) says “Goodbye”."_s << 7;
    // The agent's last three are 0, 5 and 7; counted with the blank turn they would be 4, 5, 7.
    QTest::newRow("last 3 of the agent's skips the blank turn")
        << phraseConfig(u"thanks for calling"_s, {{u"role"_s, u"Main Agent"_s}, {u"last"_s, 3}}) << true
        << u"Turn 1 (Main Agent) says “thanks for calling”."_s << 0;
    QTest::newRow("last 2 of the agent's, outside")
        << phraseConfig(u"thanks for calling"_s, {{u"role"_s, u"Main Agent"_s}, {u"last"_s, 2}}) << false
        << u"None of the 2 turns in scope says it."_s << -1;
    QTest::newRow("last 1 of the caller's")
        << phraseConfig(u"goodbye"_s, {{u"role"_s, u"Testing Agent"_s}, {u"last"_s, 1}}) << true
        << u"Turn 7 (Testing Agent) says “goodbye”."_s << 6;
    QTest::newRow("last 2 of all, outside") << phraseConfig(u"cancel"_s, {{u"last"_s, 2}}) << false
                                            << u"None of the 2 turns in scope says it."_s << -1;
    QTest::newRow("last 4 of all: the first match in order")
        << phraseConfig(u"cancel"_s, {{u"last"_s, 4}}) << true << u"Turn 2 (Testing Agent) says “cancel”."_s << 1;
    QTest::newRow("last 2 of the agent's, not_occur holds")
        << phraseConfig(u"thanks"_s, {{u"role"_s, u"Main Agent"_s}, {u"last"_s, 2}, {u"must"_s, u"not_occur"_s}}) << true
        << u"None of the 2 turns in scope says it."_s << -1;
}

void TestRuleMetric::phrase()
{
    QFETCH(QJsonObject, config);
    QFETCH(bool, value);
    QFETCH(QString, explanation);
    QFETCH(int, eventTurn);

    const RuleMetric rule = ruleOf(config);
    QCOMPARE(rule.kind(), RuleMetric::Kind::Phrase);
    const MetricOutcome outcome = rule.evaluate(conversation(), {});
    QVERIFY(!outcome.failed());
    QVERIFY(!outcome.isNotApplicable());
    QCOMPARE(outcome.value, QJsonValue(value));
    QCOMPARE(outcome.explanation, QStringList{explanation});
    if (eventTurn < 0) {
        QVERIFY(outcome.events.isEmpty());
    } else {
        QCOMPARE(outcome.events.size(), 1);
        QCOMPARE(outcome.events.first().turnIndex, eventTurn);
    }
}

void TestRuleMetric::phraseEventCarriesTheTurnsTimes()
{
    const MetricOutcome timed = ruleOf(phraseConfig(u"sure"_s)).evaluate(conversation(), {});
    QCOMPARE(timed.events, (MetricEvents{{5.0, 2.0, 5}}));

    Turns untimed{agent(0, 0, u"hello"_s), agent(0, 0, u"goodbye"_s)};
    const MetricOutcome instant = ruleOf(phraseConfig(u"goodbye"_s)).evaluate(untimed, {});
    QCOMPARE(instant.events, (MetricEvents{{0.0, 0.0, 1}}));
}

void TestRuleMetric::emptyTranscript()
{
    const MetricOutcome occur = ruleOf(phraseConfig(u"hello"_s)).evaluate({}, {});
    QCOMPARE(occur.value, QJsonValue(false));
    QCOMPARE(occur.explanation, QStringList{u"No turn is in scope."_s});

    const MetricOutcome notOccur = ruleOf(phraseConfig(u"hello"_s, {{u"must"_s, u"not_occur"_s}})).evaluate({}, {});
    QCOMPARE(notOccur.value, QJsonValue(true));

    // Only tool turns and blank speech: nothing is in scope either.
    const Turns quiet{toolCall(u"a"_s, u"hello"_s), agent(0, 1, u" \n "_s)};
    QCOMPARE(ruleOf(phraseConfig(u"hello"_s)).evaluate(quiet, {}).explanation, QStringList{u"No turn is in scope."_s});
}

void TestRuleMetric::boundFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonObject>("config");

    QTest::newRow("the example") << u"latency_p90_ms < 1500"_s << boundConfig(u"latency_p90_ms"_s, u"<"_s, 1500);
    QTest::newRow("no spaces, padding") << u"  talk_ratio>=0.5 "_s << boundConfig(u"talk_ratio"_s, u">="_s, 0.5);
    QTest::newRow("<=") << u"dead_air_count <= 0"_s << boundConfig(u"dead_air_count"_s, u"<="_s, 0);
    QTest::newRow(">") << u"wpm_agent > 120"_s << boundConfig(u"wpm_agent"_s, u">"_s, 120);
    QTest::newRow("!= negative") << u"agent_turns != -2"_s << boundConfig(u"agent_turns"_s, u"!="_s, -2);
    QTest::newRow("== exponent") << u"call_duration_s == 1e3"_s << boundConfig(u"call_duration_s"_s, u"=="_s, 1000);
    QTest::newRow("== true") << u"tool_call_success == true"_s << boundConfig(u"tool_call_success"_s, u"=="_s, true);
    QTest::newRow("!= false") << u"voicemail_detected != false"_s << boundConfig(u"voicemail_detected"_s, u"!="_s, false);
}

void TestRuleMetric::boundFromText()
{
    QFETCH(QString, text);
    QFETCH(QJsonObject, config);

    QString error;
    const std::optional<QJsonObject> parsed = RuleMetric::boundFromText(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, config);
    FieldErrors errors;
    RuleMetric::validate(*parsed, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.summary()));
}

void TestRuleMetric::boundFromBadText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");   // a part of the message

    const QString form = u"KEY OP VALUE"_s;
    QTest::newRow("empty") << QString() << form;
    QTest::newRow("only a key") << u"latency_p90_ms"_s << form;
    QTest::newRow("no value") << u"latency_p90_ms < "_s << form;
    QTest::newRow("no key") << u"< 1500"_s << form;
    QTest::newRow("= is no op") << u"latency_p90_ms = 1500"_s << form;
    QTest::newRow("=> is no op") << u"latency_p90_ms => 1500"_s << form;
    QTest::newRow("upper-case key") << u"Latency_p90_ms < 1500"_s << form;
    QTest::newRow("a unit after the value") << u"latency_p90_ms < 1500 ms"_s << form;
    QTest::newRow("a word as the value") << u"latency_p90_ms < fast"_s << u"\"fast\" is not a number"_s;
    QTest::newRow("nan") << u"latency_p90_ms < nan"_s << u"\"nan\" is not a number"_s;
    QTest::newRow("inf") << u"latency_p90_ms < inf"_s << u"\"inf\" is not a number"_s;
    QTest::newRow("TRUE is not true") << u"tool_call_success == TRUE"_s << u"\"TRUE\" is not a number"_s;
}

void TestRuleMetric::boundFromBadText()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    QString message;
    QVERIFY(!RuleMetric::boundFromText(text, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!RuleMetric::boundFromText(text, nullptr));   // the message is optional
}

void TestRuleMetric::boundOps_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonValue>("bound");
    QTest::addColumn<bool>("value");

    // latency_p90_ms is 1200.
    QTest::newRow("< holds") << u"latency_p90_ms"_s << u"<"_s << QJsonValue(1500) << true;
    QTest::newRow("< at the bound") << u"latency_p90_ms"_s << u"<"_s << QJsonValue(1200) << false;
    QTest::newRow("<= at the bound") << u"latency_p90_ms"_s << u"<="_s << QJsonValue(1200) << true;
    QTest::newRow("<= broken") << u"latency_p90_ms"_s << u"<="_s << QJsonValue(1199.5) << false;
    QTest::newRow("> holds") << u"latency_p90_ms"_s << u">"_s << QJsonValue(1000) << true;
    QTest::newRow("> at the bound") << u"latency_p90_ms"_s << u">"_s << QJsonValue(1200) << false;
    QTest::newRow(">= at the bound") << u"latency_p90_ms"_s << u">="_s << QJsonValue(1200) << true;
    QTest::newRow(">= broken") << u"latency_p90_ms"_s << u">="_s << QJsonValue(1200.5) << false;
    QTest::newRow("== holds") << u"latency_p90_ms"_s << u"=="_s << QJsonValue(1200) << true;
    QTest::newRow("== broken") << u"latency_p90_ms"_s << u"=="_s << QJsonValue(1200.5) << false;
    QTest::newRow("!= holds") << u"latency_p90_ms"_s << u"!="_s << QJsonValue(1000) << true;
    QTest::newRow("!= broken") << u"latency_p90_ms"_s << u"!="_s << QJsonValue(1200) << false;
    QTest::newRow("a fraction") << u"talk_ratio"_s << u">="_s << QJsonValue(0.5) << true;
    QTest::newRow("a count") << u"agent_turns"_s << u"=="_s << QJsonValue(3) << true;
    // Binary built-ins compare as 1 (true) and 0 (false), against numbers or bools.
    QTest::newRow("true == 1") << u"tool_call_success"_s << u"=="_s << QJsonValue(1) << true;
    QTest::newRow("true == true") << u"tool_call_success"_s << u"=="_s << QJsonValue(true) << true;
    QTest::newRow("true > 0") << u"tool_call_success"_s << u">"_s << QJsonValue(0) << true;
    QTest::newRow("true == false") << u"tool_call_success"_s << u"=="_s << QJsonValue(false) << false;
    QTest::newRow("false == 0") << u"infrastructure_issue"_s << u"=="_s << QJsonValue(0) << true;
    QTest::newRow("false != false") << u"infrastructure_issue"_s << u"!="_s << QJsonValue(false) << false;
    QTest::newRow("false < 1") << u"infrastructure_issue"_s << u"<"_s << QJsonValue(1) << true;
}

void TestRuleMetric::boundOps()
{
    QFETCH(QString, metric);
    QFETCH(QString, op);
    QFETCH(QJsonValue, bound);
    QFETCH(bool, value);

    const RuleMetric rule = ruleOf(boundConfig(metric, op, bound));
    QCOMPARE(rule.kind(), RuleMetric::Kind::Bound);
    const MetricOutcome outcome = rule.evaluate(conversation(), builtins());
    QVERIFY2(!outcome.failed(), qPrintable(outcome.error));
    QCOMPARE(outcome.value, QJsonValue(value));
    const QString first = outcome.explanation.value(0);
    QVERIFY2(first.startsWith(metric + u" = "_s), qPrintable(first));
    QCOMPARE(first.contains(u", not "_s), !value);
}

void TestRuleMetric::boundCarriesTheBuiltinsExplanationAndEvents()
{
    const QHash<QString, MetricOutcome> all = builtins();
    const MetricOutcome passed = ruleOf(boundConfig(u"latency_p90_ms"_s, u"<"_s, 1500)).evaluate({}, all);
    QCOMPARE(passed.value, QJsonValue(true));
    QCOMPARE(passed.explanation,
             (QStringList{u"latency_p90_ms = 1200, < 1500."_s, u"p90 of 4 samples."_s, u"Slowest: turn 3."_s}));
    QCOMPARE(passed.events, all.value(u"latency_p90_ms"_s).events);
    QCOMPARE(passed.source, u"audio"_s);

    const MetricOutcome broken = ruleOf(boundConfig(u"latency_p90_ms"_s, u"<"_s, 1000)).evaluate({}, all);
    QCOMPARE(broken.value, QJsonValue(false));
    QCOMPARE(broken.explanation.value(0), u"latency_p90_ms = 1200, not < 1000."_s);
    QCOMPARE(broken.events, all.value(u"latency_p90_ms"_s).events);

    const MetricOutcome flag = ruleOf(boundConfig(u"tool_call_success"_s, u"=="_s, true)).evaluate({}, all);
    QCOMPARE(flag.explanation, (QStringList{u"tool_call_success = 1, == 1."_s, u"2 tool calls, none failed."_s}));
    QCOMPARE(flag.events, (MetricEvents{{4.2, 0.1, 2}}));
    QCOMPARE(flag.source, u"transcript"_s);
}

void TestRuleMetric::boundOnNotApplicableBuiltin()
{
    const MetricOutcome outcome = ruleOf(boundConfig(u"wpm_caller"_s, u">"_s, 100)).evaluate({}, builtins());
    QVERIFY(outcome.isNotApplicable());
    QVERIFY(!outcome.failed());
    QCOMPARE(outcome.value, QJsonValue(QJsonValue::Null));   // never a false
    QCOMPARE(outcome.notApplicableReason, u"wpm_caller is n/a: no timed caller turns of 1 s or more"_s);
    QCOMPARE(outcome.explanation, QStringList{outcome.notApplicableReason});
}

void TestRuleMetric::boundOnUnknownOrUnusableBuiltin_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown key") << u"latency_p95_ms"_s << u"No built-in metric has the key \"latency_p95_ms\"."_s;
    QTest::newRow("an enum") << u"ended_by"_s << u"ended_by is not a number."_s;
    QTest::newRow("a failed built-in") << u"dead_air_count"_s << u"dead_air_count failed: the audio could not be read"_s;
}

void TestRuleMetric::boundOnUnknownOrUnusableBuiltin()
{
    QFETCH(QString, metric);
    QFETCH(QString, error);

    const MetricOutcome outcome = ruleOf(boundConfig(metric, u"<"_s, 1)).evaluate({}, builtins());
    QVERIFY(outcome.failed());
    QCOMPARE(outcome.error, error);
    QCOMPARE(outcome.value, QJsonValue(QJsonValue::Null));
}

void TestRuleMetric::describe_data()
{
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("text");

    QTest::newRow("phrase") << phraseConfig(u"goodbye"_s) << u"Passes when a turn says “goodbye”."_s;
    QTest::newRow("phrase, role and last")
        << phraseConfig(u"goodbye"_s, {{u"role"_s, u"Main Agent"_s}, {u"last"_s, 2}})
        << u"Passes when a Main Agent turn among the last 2 says “goodbye”."_s;
    QTest::newRow("phrase, role and first, not_occur")
        << phraseConfig(u"refund"_s, {{u"role"_s, u"Testing Agent"_s}, {u"first"_s, 3}, {u"must"_s, u"not_occur"_s}})
        << u"Passes when no Testing Agent turn among the first 3 says “refund”."_s;
    QTest::newRow("phrase, not_occur") << phraseConfig(u"um"_s, {{u"must"_s, u"not_occur"_s}})
                                       << u"Passes when no turn says “um”."_s;
    QTest::newRow("plain text with regex characters is quoted")
        << phraseConfig(u"a.b (c)"_s) << u"Passes when a turn says “a.b (c)”."_s;
    QTest::newRow("regex") << phraseConfig(u"good ?bye"_s, {{u"regex"_s, true}}) << u"Passes when a turn says /good ?bye/."_s;
    QTest::newRow("bound") << boundConfig(u"latency_p90_ms"_s, u"<"_s, 1500) << u"latency_p90_ms < 1500"_s;
    QTest::newRow("bound, fraction") << boundConfig(u"talk_ratio"_s, u">="_s, 0.25) << u"talk_ratio >= 0.25"_s;
    QTest::newRow("bound, bool") << boundConfig(u"tool_call_success"_s, u"=="_s, true) << u"tool_call_success == 1"_s;
}

void TestRuleMetric::describe()
{
    QFETCH(QJsonObject, config);
    QFETCH(QString, text);

    QCOMPARE(ruleOf(config).describe(), text);
}

QTEST_GUILESS_MAIN(TestRuleMetric)
#include "tst_rulemetric.moc"
