// Tool-call pairing and the error rules of a Function Call Result, as METRICS.md's
// tool_call_failures defines them.
#include "metrics/toolcallpairing.h"
#include "metrics/toolresultcheck.h"

#include "metricturns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace MetricTurns;
using namespace Qt::StringLiterals;

using Pairs = QList<ToolCallPairing::Pair>;

Q_DECLARE_METATYPE(Turns)
Q_DECLARE_METATYPE(Pairs)

class TestToolCalls : public QObject
{
    Q_OBJECT

private slots:
    void pairing_data();
    void pairing();
    void errorResult_data();
    void errorResult();
    void resultWithoutResultFieldUsesItsText();
    void resultText();
};

void TestToolCalls::pairing_data()
{
    QTest::addColumn<Turns>("turns");
    QTest::addColumn<Pairs>("pairs");

    const QJsonValue ok = u"{\"ok\":true}"_s;
    QTest::newRow("no tool turns") << Turns{agent(0, 1)} << Pairs{};
    QTest::newRow("by id, results in the other order")
        << Turns{toolCall(u"a"_s, u"get_weather"_s), toolCall(u"b"_s, u"get_weather"_s),
                 toolResult(u"b"_s, u"get_weather"_s, ok), toolResult(u"a"_s, u"get_weather"_s, ok)}
        << Pairs{{0, 3}, {1, 2}};
    QTest::newRow("by name without ids")
        << Turns{toolCall(u""_s, u"lookup"_s), agent(0, 1), toolResult(u""_s, u"lookup"_s, ok)} << Pairs{{0, 2}};
    QTest::newRow("by name: the next result after the call")
        << Turns{toolResult(u""_s, u"lookup"_s, ok), toolCall(u""_s, u"lookup"_s), toolResult(u""_s, u"lookup"_s, ok)}
        << Pairs{{1, 2}};
    // Call a's result is missing; matching ids first keeps it from taking b's result by name.
    QTest::newRow("ids before names")
        << Turns{toolCall(u"a"_s, u"lookup"_s), toolCall(u"b"_s, u"lookup"_s), toolResult(u"b"_s, u"lookup"_s, ok)}
        << Pairs{{0, -1}, {1, 2}};
    QTest::newRow("missing result") << Turns{toolCall(u"a"_s, u"book"_s)} << Pairs{{0, -1}};
    QTest::newRow("another tool's result is no result")
        << Turns{toolCall(u""_s, u"book"_s), toolResult(u""_s, u"cancel"_s, ok)} << Pairs{{0, -1}};
    QTest::newRow("the id wins over the name")
        << Turns{toolCall(u"a"_s, u"book"_s), toolResult(u"a"_s, u"renamed"_s, ok)} << Pairs{{0, 1}};
    QTest::newRow("numeric ids") << Turns{toolCall(7, u"book"_s), toolResult(7, u"book"_s, ok)} << Pairs{{0, 1}};
    QTest::newRow("a result pairs once")
        << Turns{toolCall(u"a"_s, u"book"_s), toolCall(u"a"_s, u"book"_s), toolResult(u"a"_s, u"book"_s, ok)}
        << Pairs{{0, 2}, {1, -1}};
    QTest::newRow("unmatched id falls back to the name")
        << Turns{toolCall(u"a"_s, u"book"_s), toolResult(u"z"_s, u"book"_s, ok)} << Pairs{{0, 1}};
}

void TestToolCalls::pairing()
{
    QFETCH(Turns, turns);
    QFETCH(Pairs, pairs);
    QCOMPARE(ToolCallPairing::pair(turns), pairs);
}

void TestToolCalls::errorResult_data()
{
    QTest::addColumn<QJsonValue>("result");
    QTest::addColumn<bool>("error");

    const auto object = [](const char *json) { return QJsonValue(QJsonDocument::fromJson(json).object()); };

    // JSON object fields.
    QTest::newRow("plain object") << object(R"({"temperature": 21})") << false;
    QTest::newRow("error text") << object(R"({"error": "timeout"})") << true;
    QTest::newRow("error object") << object(R"({"error": {"code": 5}})") << true;
    QTest::newRow("empty error") << object(R"({"error": ""})") << false;
    QTest::newRow("null error") << object(R"({"error": null})") << false;
    QTest::newRow("errors list") << object(R"({"errors": ["bad date"]})") << true;
    QTest::newRow("empty errors list") << object(R"({"errors": []})") << false;
    QTest::newRow("isError true") << object(R"({"isError": true})") << true;
    QTest::newRow("isError false") << object(R"({"isError": false})") << false;
    QTest::newRow("success false") << object(R"({"success": false})") << true;
    QTest::newRow("success true") << object(R"({"success": true})") << false;
    QTest::newRow("ok false") << object(R"({"ok": false})") << true;
    QTest::newRow("status 500") << object(R"({"status": 500})") << true;
    QTest::newRow("status 400") << object(R"({"status": 400})") << true;
    QTest::newRow("status 399") << object(R"({"status": 399})") << false;
    QTest::newRow("statusCode 404") << object(R"({"statusCode": 404})") << true;
    QTest::newRow("status error") << object(R"({"status": "error"})") << true;
    QTest::newRow("status Failed") << object(R"({"status": "Failed"})") << true;
    QTest::newRow("status ok") << object(R"({"status": "ok"})") << false;
    // The text of a JSON result is its string values, nested too.
    QTest::newRow("message says not found") << object(R"({"message": "Slot not found"})") << true;
    QTest::newRow("nested value") << object(R"({"data": {"detail": "invalid phone"}})") << true;
    QTest::newRow("list with failed") << QJsonValue(QJsonArray{u"ok"_s, u"failed"_s}) << true;
    // A JSON object sent as a string.
    QTest::newRow("object as text") << QJsonValue(u"{\"status\": 503}"_s) << true;
    QTest::newRow("object as text, fine") << QJsonValue(u"{\"slots\": [\"9:00\"]}"_s) << false;
    QTest::newRow("broken JSON is text") << QJsonValue(u"{oops error"_s) << true;
    // Plain text.
    QTest::newRow("timed out") << QJsonValue(u"Request timed out"_s) << true;
    QTest::newRow("timeout") << QJsonValue(u"TIMEOUT"_s) << true;
    QTest::newRow("time out") << QJsonValue(u"time out after 5 s"_s) << true;
    QTest::newRow("exception") << QJsonValue(u"An exception occurred"_s) << true;
    QTest::newRow("failed") << QJsonValue(u"Payment failed."_s) << true;
    QTest::newRow("unauthorised") << QJsonValue(u"Unauthorised"_s) << true;
    QTest::newRow("unauthorized") << QJsonValue(u"401 unauthorized"_s) << true;
    QTest::newRow("forbidden") << QJsonValue(u"Forbidden"_s) << true;
    QTest::newRow("invalid") << QJsonValue(u"Invalid date"_s) << true;
    QTest::newRow("error:") << QJsonValue(u"ERROR: disk full"_s) << true;
    QTest::newRow("booked") << QJsonValue(u"Booked. Confirmation sent."_s) << false;
    // Whole words only.
    QTest::newRow("errors is not error") << QJsonValue(u"no errors"_s) << false;
    QTest::newRow("terror") << QJsonValue(u"terror"_s) << false;
    QTest::newRow("invalidated") << QJsonValue(u"cache invalidated"_s) << false;
    QTest::newRow("a number") << QJsonValue(42) << false;
    QTest::newRow("a boolean") << QJsonValue(true) << false;
    QTest::newRow("empty") << QJsonValue(u""_s) << false;
}

void TestToolCalls::errorResult()
{
    QFETCH(QJsonValue, result);
    QFETCH(bool, error);
    const QString reason = ToolResultCheck::errorReason(toolResult(u"a"_s, u"tool"_s, result));
    QVERIFY2(reason.isEmpty() != error, qPrintable(reason));
}

void TestToolCalls::resultWithoutResultFieldUsesItsText()
{
    Turn result = toolResult(u"a"_s, u"tool"_s, QJsonValue());
    result.data.remove(u"result"_s);
    result.content = u"Error: 500"_s;
    QCOMPARE(ToolResultCheck::errorReason(result), u"its text says \"Error\""_s);
    QCOMPARE(ToolResultCheck::resultText(result), u"Error: 500"_s);
}

void TestToolCalls::resultText()
{
    QCOMPARE(ToolResultCheck::resultText(toolResult(u"a"_s, u"t"_s, QJsonObject{{u"error"_s, u"timeout"_s}})),
             u"{\"error\":\"timeout\"}"_s);
    QCOMPARE(ToolResultCheck::resultText(toolResult(u"a"_s, u"t"_s, u"plain"_s)), u"plain"_s);
    QCOMPARE(ToolResultCheck::resultText(toolResult(u"a"_s, u"t"_s, 42)), u"42"_s);
    QCOMPARE(ToolResultCheck::errorReason(toolResult(u"a"_s, u"t"_s, QJsonObject{{u"status"_s, 503}})),
             u"status is 503"_s);
}

QTEST_GUILESS_MAIN(TestToolCalls)
#include "tst_toolcalls.moc"
