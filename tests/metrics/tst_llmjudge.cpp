// The LLM judge: its request, how it reads an answer, and how it talks to an
// OpenAI-compatible server (here a scripted one on 127.0.0.1): retries, timeouts, the
// concurrency limit, no redirects; and its settings.
#include "metrics/llmjudge.h"
#include "metrics/llmjudgesettings.h"

#include "metricturns.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <utility>

using namespace MetricTurns;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(MetricType)

namespace {

// An HTTP/1.1 server that answers each request with the next scripted reply (the fallback
// once the script is used up), one request per connection, and records what it was sent.
// A reply that holds is not sent until the test answers it with answerHeld().
class JudgeServer : public QTcpServer
{
public:
    struct Reply
    {
        Reply(QByteArray status = "200 OK", QByteArray body = {}, QByteArray headers = {})
            : status(std::move(status)), body(std::move(body)), headers(std::move(headers))
        {
        }

        QByteArray status;
        QByteArray body;
        QByteArray headers;   // extra header lines, each ending in \r\n
        bool hold = false;
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers;   // names lower-cased
        QByteArray body;
    };

    ~JudgeServer() override
    {
        // Before this object is half gone: a socket's last signals must not reach it.
        for (QTcpSocket *socket : findChildren<QTcpSocket *>()) {
            socket->disconnect();
            delete socket;
        }
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = u"/v1/chat/completions"_s) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(serverPort()).arg(path));
    }

    QList<Reply> script;
    Reply fallback{"500 Internal Server Error", "not scripted"};
    QList<Request> requests;
    int maxOpen = 0;   // the most requests received and not yet answered at one time

    int open() const { return m_open; }
    // Answers every held request with `reply`.
    void answerHeld(const Reply &reply)
    {
        const QList<QTcpSocket *> held = std::exchange(m_held, {});
        for (QTcpSocket *socket : held)
            answer(socket, reply);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            // The client gave up on a request it was still waiting for.
            if (m_held.removeAll(socket) > 0)
                --m_open;
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;   // the body is still coming
        request.body = buffer.mid(headEnd + 4, length);
        m_buffers.remove(socket);
        requests.append(request);
        maxOpen = std::max(maxOpen, ++m_open);
        const Reply reply = script.isEmpty() ? fallback : script.takeFirst();
        if (reply.hold)
            m_held.append(socket);
        else
            answer(socket, reply);
    }

    void answer(QTcpSocket *socket, const Reply &reply)
    {
        --m_open;
        socket->write("HTTP/1.1 " + reply.status + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(reply.body.size()) + "\r\n" + reply.headers + "Connection: close\r\n\r\n"
                      + reply.body);
        socket->disconnectFromHost();
    }

    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_held;
    int m_open = 0;
};

// An OpenAI chat completion whose answer is `content`.
QByteArray completion(const QString &content)
{
    const QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, content}};
    const QJsonObject choice{{u"index"_s, 0}, {u"message"_s, message}, {u"finish_reason"_s, u"stop"_s}};
    return QJsonDocument(QJsonObject{{u"id"_s, u"chatcmpl-1"_s},
                                     {u"object"_s, u"chat.completion"_s},
                                     {u"choices"_s, QJsonArray{choice}}})
        .toJson(QJsonDocument::Compact);
}

JudgeServer::Reply ok(const QString &content)
{
    return {"200 OK", completion(content)};
}

const QString kGoodAnswer = u"{\"value\": true, \"explanation\": \"The agent confirms the cancellation in [4].\"}"_s;

MetricDefinition definition(MetricType type = MetricType::Binary)
{
    MetricDefinition metric;
    metric.key = u"confirms_cancellation"_s;
    metric.name = u"Confirms the cancellation"_s;
    metric.type = type;
    if (type == MetricType::Enum)
        metric.enumValues = {u"polite"_s, u"neutral"_s, u"rude"_s};
    metric.evaluator = MetricDefinition::Evaluator::LlmJudge;
    metric.config = {{u"prompt"_s, u"Did the agent confirm that the order is cancelled?"_s}};
    return metric;
}

CallLog call()
{
    CallLog log;
    log.callId = u"call-1"_s;
    log.turns = {agent(0.0, 2.5, u"Hello, how can I help?"_s), caller(3.0, 4.2, u"I want to cancel."_s),
                 toolCall(u"c1"_s, u"cancel_order"_s), agent(0.0, 0.0, u"Done, it is cancelled."_s)};
    return log;
}

LlmJudgeSettings settingsFor(const JudgeServer &server)
{
    LlmJudgeSettings settings;
    settings.url = server.url();
    settings.model = u"judge-model"_s;
    settings.timeoutMs = 5000;
    return settings;
}

// Judges `count` calls at once and waits for every verdict, in the order the calls were made.
QList<MetricOutcome> judgeAll(LlmJudge &judge, int count, int timeoutMs = 5000)
{
    auto outcomes = std::make_shared<QList<std::optional<MetricOutcome>>>(count);
    auto calls = std::make_shared<int>(0);
    for (int i = 0; i < count; ++i)
        judge.judge(call(), definition(), [outcomes, calls, i](const MetricOutcome &outcome) {
            ++*calls;
            (*outcomes)[i] = outcome;
        });
    QDeadlineTimer deadline(timeoutMs);
    while (*calls < count && !deadline.hasExpired())
        QTest::qWait(10);
    QList<MetricOutcome> done;
    for (const std::optional<MetricOutcome> &outcome : *outcomes) {
        if (outcome)
            done.append(*outcome);
    }
    if (*calls > count)
        qWarning("done was called more than once");
    return *calls == count ? done : QList<MetricOutcome>{};
}

} // namespace

class TestLlmJudge : public QObject
{
    Q_OBJECT

private slots:
    // the request and the answer
    void requestBody();
    void requestBodyWithoutModel();
    void requestBodyNamesTheEnumValues();
    void outcomeOf_data();
    void outcomeOf();

    // against a server
    void goodAnswer();
    void noApiKeyNoAuthorization();
    void malformedAnswerFailsThatResultOnly();
    void retriedAfterServerError_data();
    void retriedAfterServerError();
    void retriesRunOut();
    void clientErrorNotRetried_data();
    void clientErrorNotRetried();
    void noAnswerTimesOut();
    void unreachable();
    void concurrencyLimit();
    void zeroConcurrencyStillSends();
    void redirectNotFollowed();
    void notConfigured();

    // settings
    void settingsOffByDefault();
    void settingsProblem_data();
    void settingsProblem();
    void settingsRoundTrip();
    void settingsLoadDefaultsAndClamps();
};

void TestLlmJudge::requestBody()
{
    const QJsonObject body = QJsonDocument::fromJson(LlmJudge::requestBody(call(), definition(), u"judge-model"_s)).object();
    QCOMPARE(body.value(u"model"_s).toString(), u"judge-model"_s);
    QVERIFY(body.value(u"temperature"_s).isDouble());
    QCOMPARE(body.value(u"temperature"_s).toDouble(), 0.0);

    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0)[u"role"_s].toString(), u"system"_s);
    QCOMPARE(messages.at(1)[u"role"_s].toString(), u"user"_s);
    const QString system = messages.at(0)[u"content"_s].toString();
    QVERIFY2(system.contains(u"\"value\" is true or false"_s), qPrintable(system));
    QVERIFY(system.contains(u"\"explanation\""_s));

    const QString user = messages.at(1)[u"content"_s].toString();
    QVERIFY2(user.contains(u"Metric: Confirms the cancellation\n"_s), qPrintable(user));
    QVERIFY(user.contains(u"Question: Did the agent confirm that the order is cancelled?\n"_s));
    QVERIFY(user.contains(u"\n[1] Main Agent (0.0–2.5 s): Hello, how can I help?\n"_s));
    QVERIFY(user.contains(u"\n[2] Testing Agent (3.0–4.2 s): I want to cancel.\n"_s));
    // Tool turns as their data; untimed turns without times.
    QVERIFY(user.contains(u"\n[3] Function Call: {"_s));
    QVERIFY(user.contains(u"\"name\":\"cancel_order\""_s));
    QVERIFY(user.endsWith(u"\n[4] Main Agent: Done, it is cancelled."_s));
}

void TestLlmJudge::requestBodyWithoutModel()
{
    const QJsonObject body = QJsonDocument::fromJson(LlmJudge::requestBody(call(), definition(), QString())).object();
    QVERIFY(!body.contains(u"model"_s));
    QCOMPARE(body.value(u"temperature"_s).toDouble(-1), 0.0);
}

void TestLlmJudge::requestBodyNamesTheEnumValues()
{
    const QJsonObject body = QJsonDocument::fromJson(LlmJudge::requestBody(call(), definition(MetricType::Enum), {})).object();
    const QString system = body.value(u"messages"_s).toArray().at(0)[u"content"_s].toString();
    QVERIFY2(system.contains(u"\"value\" is exactly one of these strings: [\"polite\",\"neutral\",\"rude\"]"_s),
             qPrintable(system));

    const QJsonObject rating = QJsonDocument::fromJson(LlmJudge::requestBody(call(), definition(MetricType::Rating), {})).object();
    QVERIFY(rating.value(u"messages"_s).toArray().at(0)[u"content"_s].toString().contains(u"from 0 to 100"_s));
}

void TestLlmJudge::outcomeOf_data()
{
    QTest::addColumn<MetricType>("type");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QJsonValue>("value");          // Null: a failure
    QTest::addColumn<QString>("error");             // a part of the failure's message
    QTest::addColumn<QStringList>("explanation");   // for a value

    const QStringList why{u"Because of [2]."_s};
    auto answer = [](const QString &value) {
        return completion(u"{\"value\": %1, \"explanation\": \"Because of [2].\"}"_s.arg(value));
    };
    const QJsonValue none;

    QTest::newRow("binary true") << MetricType::Binary << answer(u"true"_s) << QJsonValue(true) << QString() << why;
    QTest::newRow("binary false") << MetricType::Binary << answer(u"false"_s) << QJsonValue(false) << QString() << why;
    QTest::newRow("binary \"true\"") << MetricType::Binary << answer(u"\"true\""_s) << QJsonValue(true) << QString() << why;
    QTest::newRow("binary \"False\"") << MetricType::Binary << answer(u"\"False\""_s) << QJsonValue(false) << QString() << why;
    QTest::newRow("binary \"yes\"") << MetricType::Binary << answer(u"\"yes\""_s) << none << u"not true or false"_s
                                    << QStringList();
    QTest::newRow("binary 1") << MetricType::Binary << answer(u"1"_s) << none << u"not true or false"_s << QStringList();
    QTest::newRow("numeric") << MetricType::Numeric << answer(u"42"_s) << QJsonValue(42) << QString() << why;
    QTest::newRow("numeric negative fraction") << MetricType::Numeric << answer(u"-2.5"_s) << QJsonValue(-2.5) << QString()
                                               << why;
    QTest::newRow("numeric as a string") << MetricType::Numeric << answer(u"\"3.5\""_s) << QJsonValue(3.5) << QString() << why;
    QTest::newRow("numeric a word") << MetricType::Numeric << answer(u"\"many\""_s) << none << u"not a number"_s
                                    << QStringList();
    QTest::newRow("numeric \"nan\"") << MetricType::Numeric << answer(u"\"nan\""_s) << none << u"not a number"_s
                                     << QStringList();
    QTest::newRow("numeric a bool") << MetricType::Numeric << answer(u"true"_s) << none << u"not a number"_s << QStringList();
    QTest::newRow("rating 0") << MetricType::Rating << answer(u"0"_s) << QJsonValue(0) << QString() << why;
    QTest::newRow("rating 100") << MetricType::Rating << answer(u"100"_s) << QJsonValue(100) << QString() << why;
    QTest::newRow("rating 73.5") << MetricType::Rating << answer(u"73.5"_s) << QJsonValue(73.5) << QString() << why;
    QTest::newRow("rating 101") << MetricType::Rating << answer(u"101"_s) << none << u"rating 101 is outside 0 to 100"_s
                                << QStringList();
    QTest::newRow("rating -1") << MetricType::Rating << answer(u"-1"_s) << none << u"outside 0 to 100"_s << QStringList();
    QTest::newRow("rating \"inf\"") << MetricType::Rating << answer(u"\"inf\""_s) << none << u"not a number"_s
                                    << QStringList();
    QTest::newRow("enum") << MetricType::Enum << answer(u"\"rude\""_s) << QJsonValue(u"rude"_s) << QString() << why;
    QTest::newRow("enum, another value") << MetricType::Enum << answer(u"\"angry\""_s) << none
                                         << u"not one of polite, neutral, rude"_s << QStringList();
    QTest::newRow("enum, another case") << MetricType::Enum << answer(u"\"Rude\""_s) << none << u"not one of"_s
                                        << QStringList();
    QTest::newRow("enum, a number") << MetricType::Enum << answer(u"2"_s) << none << u"not one of"_s << QStringList();

    QTest::newRow("in ``` fences")
        << MetricType::Binary << completion(u"```json\n{\"value\": true, \"explanation\": \"Because of [2].\"}\n```"_s)
        << QJsonValue(true) << QString() << why;
    QTest::newRow("in prose")
        << MetricType::Rating
        << completion(u"Sure! Here is my verdict:\n{\"value\": 80, \"explanation\": \"Because of [2].\"}\nHope that helps."_s)
        << QJsonValue(80) << QString() << why;
    QTest::newRow("in prose with braces of its own")
        << MetricType::Binary
        << completion(u"I answer as {value, explanation}:\n```\n{\"value\": false, \"explanation\": \"Because of [2].\"}\n```\n"
                      u"(No {other} notes.)"_s)
        << QJsonValue(false) << QString() << why;
    QTest::newRow("braces inside the explanation")
        << MetricType::Binary << completion(u"{\"value\": true, \"explanation\": \"It said \\\"{cancel}\\\" in [2].\"}"_s)
        << QJsonValue(true) << QString() << QStringList{u"It said \"{cancel}\" in [2]."_s};
    QTest::newRow("no explanation") << MetricType::Binary << completion(u"{\"value\": true}"_s) << QJsonValue(true)
                                    << QString() << QStringList();
    QTest::newRow("explanation as lines")
        << MetricType::Binary << completion(u"{\"value\": true, \"explanation\": [\"First [1].\", \"Then [4].\"]}"_s)
        << QJsonValue(true) << QString() << QStringList{u"First [1]."_s, u"Then [4]."_s};
    QTest::newRow("explanation trimmed") << MetricType::Binary
                                         << completion(u"{\"value\": true, \"explanation\": \"  Because of [2].\\n\"}"_s)
                                         << QJsonValue(true) << QString() << why;

    const QString noObject = u"did not answer with a JSON object with \"value\""_s;
    const QString noContent = u"no choices[0].message.content"_s;
    QTest::newRow("prose only") << MetricType::Binary << completion(u"I think the call went well."_s) << none << noObject
                                << QStringList();
    QTest::newRow("an object without value") << MetricType::Binary << completion(u"{\"verdict\": true}"_s) << none
                                             << noObject << QStringList();
    QTest::newRow("broken JSON") << MetricType::Binary << completion(u"{\"value\": true, \"explanation\": "_s) << none
                                 << noObject << QStringList();
    QTest::newRow("empty content") << MetricType::Binary << completion(QString()) << none << noObject << QStringList();
    QTest::newRow("not JSON") << MetricType::Binary << QByteArray("<html>Bad gateway</html>") << none << noContent
                              << QStringList();
    QTest::newRow("empty body") << MetricType::Binary << QByteArray() << none << noContent << QStringList();
    QTest::newRow("no choices") << MetricType::Binary << QByteArray(R"({"choices": []})") << none << noContent
                                << QStringList();
    QTest::newRow("null content") << MetricType::Binary
                                  << QByteArray(R"({"choices": [{"message": {"role": "assistant", "content": null}}]})")
                                  << none << noContent << QStringList();
    QTest::newRow("an error object") << MetricType::Binary << QByteArray(R"({"error": {"message": "no such model"}})")
                                     << none << noContent << QStringList();
}

void TestLlmJudge::outcomeOf()
{
    QFETCH(MetricType, type);
    QFETCH(QByteArray, response);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QFETCH(QStringList, explanation);

    const MetricOutcome outcome = LlmJudge::outcomeOf(response, definition(type));
    if (error.isEmpty()) {
        QVERIFY2(!outcome.failed(), qPrintable(outcome.error));
        QCOMPARE(outcome.value, value);
        QCOMPARE(outcome.explanation, explanation);
    } else {
        QVERIFY(outcome.failed());
        QVERIFY2(outcome.error.contains(error), qPrintable(outcome.error));
        QVERIFY(outcome.value.isNull());
        QCOMPARE(outcome.explanation, QStringList{outcome.error});
    }
}

void TestLlmJudge::goodAnswer()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.script = {ok(kGoodAnswer)};
    LlmJudgeSettings settings = settingsFor(server);
    settings.apiKey = u"sk-test-123"_s;
    LlmJudge judge(settings);

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(!outcomes.first().failed(), qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().value, QJsonValue(true));
    QCOMPARE(outcomes.first().explanation, QStringList{u"The agent confirms the cancellation in [4]."_s});

    QCOMPARE(server.requests.size(), 1);
    const JudgeServer::Request &request = server.requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer sk-test-123"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(request.body, LlmJudge::requestBody(call(), definition(), u"judge-model"_s));
}

void TestLlmJudge::noApiKeyNoAuthorization()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.script = {ok(kGoodAnswer)};
    LlmJudge judge(settingsFor(server));

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().value, QJsonValue(true));
    QCOMPARE(server.requests.size(), 1);
    QVERIFY(!server.requests.first().headers.contains("authorization"));
}

void TestLlmJudge::malformedAnswerFailsThatResultOnly()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.script = {ok(u"I'd say yes."_s), ok(kGoodAnswer)};
    LlmJudgeSettings settings = settingsFor(server);
    settings.concurrency = 1;   // the answers go in the order of the calls
    LlmJudge judge(settings);

    const QList<MetricOutcome> outcomes = judgeAll(judge, 2);
    QCOMPARE(outcomes.size(), 2);
    QVERIFY(outcomes.at(0).failed());
    QVERIFY2(outcomes.at(0).error.contains(u"did not answer with a JSON object"_s), qPrintable(outcomes.at(0).error));
    QVERIFY2(outcomes.at(0).error.contains(u"I'd say yes."_s), qPrintable(outcomes.at(0).error));
    QVERIFY(!outcomes.at(1).failed());
    QCOMPARE(outcomes.at(1).value, QJsonValue(true));
    QCOMPARE(server.requests.size(), 2);   // a malformed answer is not asked again
}

void TestLlmJudge::retriedAfterServerError_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("500") << QByteArray("500 Internal Server Error");
    QTest::newRow("429") << QByteArray("429 Too Many Requests");
}

void TestLlmJudge::retriedAfterServerError()
{
    QFETCH(QByteArray, status);

    JudgeServer server;
    QVERIFY(server.start());
    server.script = {{status, "{\"error\": \"busy\"}"}, ok(kGoodAnswer)};
    LlmJudge judge(settingsFor(server));

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(!outcomes.first().failed(), qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().value, QJsonValue(true));
    QCOMPARE(server.requests.size(), 2);
    QCOMPARE(server.requests.at(1).body, server.requests.at(0).body);
}

void TestLlmJudge::retriesRunOut()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.fallback = {"503 Service Unavailable", "{}"};
    LlmJudgeSettings settings = settingsFor(server);
    settings.retries = 1;
    LlmJudge judge(settings);

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().error, u"The judge answered HTTP 503 (2 attempts)."_s);
    QCOMPARE(server.requests.size(), 2);
}

void TestLlmJudge::clientErrorNotRetried_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("400") << QByteArray("400 Bad Request") << u"The judge answered HTTP 400 (1 attempt)."_s;
    QTest::newRow("401") << QByteArray("401 Unauthorized") << u"The judge answered HTTP 401 (1 attempt)."_s;
    QTest::newRow("404") << QByteArray("404 Not Found") << u"The judge answered HTTP 404 (1 attempt)."_s;
}

void TestLlmJudge::clientErrorNotRetried()
{
    QFETCH(QByteArray, status);
    QFETCH(QString, error);

    JudgeServer server;
    QVERIFY(server.start());
    server.script = {{status, "{\"error\": {\"message\": \"no\"}}"}};
    server.fallback = ok(kGoodAnswer);   // would pass, were it asked again
    LlmJudge judge(settingsFor(server));

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().failed());
    QCOMPARE(outcomes.first().error, error);
    QCOMPARE(server.requests.size(), 1);
}

void TestLlmJudge::noAnswerTimesOut()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.fallback.hold = true;   // reads every request, never answers
    LlmJudgeSettings settings = settingsFor(server);
    settings.timeoutMs = 1000;
    settings.retries = 1;
    LlmJudge judge(settings);

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1, 8000);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().failed());
    QCOMPARE(outcomes.first().error, u"The judge did not answer within 1 s (2 attempts)."_s);
    QCOMPARE(server.requests.size(), 2);
    QTRY_COMPARE(server.open(), 0);   // the judge hung up both times
}

void TestLlmJudge::unreachable()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    LlmJudgeSettings settings;
    settings.url = QUrl(u"http://127.0.0.1:%1/v1/chat/completions"_s.arg(port));
    settings.retries = 0;
    LlmJudge judge(settings);

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().failed());
    QVERIFY2(outcomes.first().error.startsWith(u"The judge could not be reached: "_s), qPrintable(outcomes.first().error));
    QVERIFY(outcomes.first().error.endsWith(u" (1 attempt)."_s));
}

void TestLlmJudge::concurrencyLimit()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.fallback.hold = true;
    LlmJudgeSettings settings = settingsFor(server);
    settings.concurrency = 2;
    LlmJudge judge(settings);

    int done = 0;
    int failed = 0;
    for (int i = 0; i < 5; ++i)
        judge.judge(call(), definition(), [&](const MetricOutcome &outcome) {
            ++done;
            failed += outcome.failed() ? 1 : 0;
        });
    // Two at a time: answered two by two, the last alone.
    for (int expected : {2, 2, 1}) {
        QTRY_COMPARE(server.open(), expected);
        server.answerHeld(ok(kGoodAnswer));
    }
    QTRY_COMPARE(done, 5);
    QCOMPARE(failed, 0);
    QCOMPARE(server.requests.size(), 5);
    QCOMPARE(server.maxOpen, 2);
}

void TestLlmJudge::zeroConcurrencyStillSends()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.fallback = ok(kGoodAnswer);
    LlmJudgeSettings settings = settingsFor(server);
    settings.concurrency = 0;   // not from load(), which clamps; still one at a time, not none
    LlmJudge judge(settings);

    const QList<MetricOutcome> outcomes = judgeAll(judge, 2);
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(server.maxOpen, 1);
}

void TestLlmJudge::redirectNotFollowed()
{
    JudgeServer server;
    QVERIFY(server.start());
    server.script = {{"302 Found", {}, "Location: " + server.url(u"/elsewhere"_s).toEncoded() + "\r\n"}};
    server.fallback = ok(kGoodAnswer);
    LlmJudge judge(settingsFor(server));

    const QList<MetricOutcome> outcomes = judgeAll(judge, 1);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().failed());
    QCOMPARE(outcomes.first().error, u"The judge answered HTTP 302 (1 attempt)."_s);
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(server.requests.first().path, QByteArray("/v1/chat/completions"));
}

void TestLlmJudge::notConfigured()
{
    QVERIFY(!LlmJudge::configured(LlmJudgeSettings()));
    LlmJudgeSettings ftp;
    ftp.url = QUrl(u"ftp://127.0.0.1/v1/chat/completions"_s);
    QVERIFY(!LlmJudge::configured(ftp));
    LlmJudgeSettings http;
    http.url = QUrl(u"http://127.0.0.1:9/v1/chat/completions"_s);
    QVERIFY(LlmJudge::configured(http));

    // Said at once, without a request.
    for (const auto &[settings, error] :
         {std::pair{LlmJudgeSettings(), u"No LLM judge is configured."_s},
          std::pair{ftp, u"The judge URL must be an http:// or https:// address."_s}}) {
        LlmJudge judge(settings);
        QStringList errors;
        judge.judge(call(), definition(), [&errors](const MetricOutcome &outcome) { errors.append(outcome.error); });
        QCOMPARE(errors, QStringList{error});
    }
}

void TestLlmJudge::settingsOffByDefault()
{
    const LlmJudgeSettings settings;
    QVERIFY(!settings.isEnabled());
    QCOMPARE(settings.problem(), QString());   // off is not a problem
    QCOMPARE(settings.timeoutMs, 60000);
    QCOMPARE(settings.retries, 2);
    QCOMPARE(settings.concurrency, 2);
}

void TestLlmJudge::settingsProblem_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("problem");

    const QString scheme = u"The judge URL must be an http:// or https:// address."_s;
    QTest::newRow("local http") << u"http://127.0.0.1:8080/v1/chat/completions"_s << true << QString();
    QTest::newRow("hosted https") << u"https://api.example.com/v1/chat/completions"_s << true << QString();
    QTest::newRow("ftp") << u"ftp://example.com/v1/chat/completions"_s << true << scheme;
    QTest::newRow("file") << u"file:///tmp/judge.json"_s << true << scheme;
    QTest::newRow("no scheme: host as scheme") << u"localhost:8080/v1/chat/completions"_s << true << scheme;
    QTest::newRow("relative") << u"/v1/chat/completions"_s << false << scheme;
    QTest::newRow("no host") << u"http:///v1/chat/completions"_s << true << u"The judge URL has no host."_s;
}

void TestLlmJudge::settingsProblem()
{
    QFETCH(QString, url);
    QFETCH(bool, enabled);
    QFETCH(QString, problem);

    LlmJudgeSettings settings;
    settings.url = QUrl(url);
    QCOMPARE(settings.isEnabled(), enabled);
    QCOMPARE(settings.problem(), problem);
    QCOMPARE(bool(LlmJudge::configured(settings)), problem.isEmpty());
}

void TestLlmJudge::settingsRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"callscope.ini"_s);

    LlmJudgeSettings saved;
    saved.url = QUrl(u"https://api.example.com/v1/chat/completions"_s);
    saved.model = u"gpt-judge"_s;
    saved.apiKey = u"sk-secret"_s;
    saved.timeoutMs = 15000;
    saved.retries = 4;
    saved.concurrency = 8;
    {
        QSettings settings(path, QSettings::IniFormat);
        saved.save(settings);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    const QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(settings.value(u"judge/url"_s).toString(), u"https://api.example.com/v1/chat/completions"_s);
    QCOMPARE(LlmJudgeSettings::load(settings), saved);

    // Off round-trips as off.
    const QString offPath = dir.filePath(u"off.ini"_s);
    {
        QSettings off(offPath, QSettings::IniFormat);
        LlmJudgeSettings().save(off);
    }
    const LlmJudgeSettings off = LlmJudgeSettings::load(QSettings(offPath, QSettings::IniFormat));
    QCOMPARE(off, LlmJudgeSettings());
    QVERIFY(!off.isEnabled());
}

void TestLlmJudge::settingsLoadDefaultsAndClamps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"callscope.ini"_s);
    QCOMPARE(LlmJudgeSettings::load(QSettings(path, QSettings::IniFormat)), LlmJudgeSettings());

    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(u"judge/url"_s, u"http://127.0.0.1:8080/v1/chat/completions"_s);
        settings.setValue(u"judge/timeoutMs"_s, 5);
        settings.setValue(u"judge/retries"_s, 99);
        settings.setValue(u"judge/concurrency"_s, 0);
    }
    const LlmJudgeSettings loaded = LlmJudgeSettings::load(QSettings(path, QSettings::IniFormat));
    QVERIFY(loaded.isEnabled());
    QCOMPARE(loaded.timeoutMs, 1000);
    QCOMPARE(loaded.retries, 10);
    QCOMPARE(loaded.concurrency, 1);
}

QTEST_GUILESS_MAIN(TestLlmJudge)
#include "tst_llmjudge.moc"
