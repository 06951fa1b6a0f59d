#include "llmjudge.h"

#include "metricslog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {

QString timeText(double seconds)
{
    return QString::number(seconds, 'f', 1);
}

QString transcriptText(const CallLog &call)
{
    QStringList lines;
    for (qsizetype i = 0; i < call.turns.size(); ++i) {
        const Turn &turn = call.turns.at(i);
        const QString when = turn.endTime > turn.startTime
                                 ? QStringLiteral(" (%1–%2 s)").arg(timeText(turn.startTime), timeText(turn.endTime))
                                 : QString();
        QString what = turn.content;
        if (turn.isTool())
            what = QString::fromUtf8(QJsonDocument(turn.data).toJson(QJsonDocument::Compact));
        lines.append(QStringLiteral("[%1] %2%3: %4").arg(i + 1).arg(Turn::roleName(turn.role), when, what));
    }
    return lines.join(QLatin1Char('\n'));
}

QString answerShape(const MetricDefinition &definition)
{
    switch (definition.type) {
    case MetricType::Binary: return QStringLiteral("\"value\" is true or false");
    case MetricType::Numeric: return QStringLiteral("\"value\" is a number");
    case MetricType::Rating: return QStringLiteral("\"value\" is a number from 0 to 100");
    case MetricType::Enum:
        return QStringLiteral("\"value\" is exactly one of these strings: %1")
            .arg(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(definition.enumValues)).toJson(QJsonDocument::Compact)));
    }
    return {};
}

// Where the '}' that closes the '{' at `start` is (braces inside JSON strings skipped), or -1.
qsizetype closingBrace(const QString &text, qsizetype start)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}') && --depth == 0) {
            return i;
        }
    }
    return -1;
}

// The answer object in the model's text: models wrap answers in prose or ``` fences, and
// the prose may hold braces of its own ("in the form {value, explanation}"). The first
// top-level JSON object that has a "value"; an empty one when there is none.
QJsonObject firstObjectIn(const QString &text)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype start = text.indexOf(QLatin1Char('{'), from);
        if (start < 0)
            return {};
        const qsizetype end = closingBrace(text, start);
        QJsonParseError error;
        const QJsonDocument document =
            end < 0 ? QJsonDocument() : QJsonDocument::fromJson(text.mid(start, end - start + 1).toUtf8(), &error);
        if (end >= 0 && error.error == QJsonParseError::NoError && document.isObject()) {
            if (document.object().contains(QStringLiteral("value")))
                return document.object();
            from = end + 1;   // an object, not the answer: not one of its inner ones either
        } else {
            from = start + 1;
        }
    }
}

QString attemptsText(int attempts)
{
    return attempts == 1 ? QStringLiteral("1 attempt") : QStringLiteral("%1 attempts").arg(attempts);
}

bool retryable(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 429 || status >= 500)
        return true;
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:   // the transfer timeout
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

} // namespace

LlmJudge::LlmJudge(const LlmJudgeSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
}

LlmJudge::~LlmJudge() = default;

std::unique_ptr<LlmJudge> LlmJudge::configured(const LlmJudgeSettings &settings)
{
    if (!settings.isEnabled() || !settings.problem().isEmpty())
        return nullptr;
    return std::make_unique<LlmJudge>(settings);
}

QByteArray LlmJudge::requestBody(const CallLog &call, const MetricDefinition &definition, const QString &model)
{
    const QString system = QStringLiteral(
        "You are a quality reviewer of phone calls between a voice AI agent (\"Main Agent\") and a caller "
        "(\"Testing Agent\"). Answer the reviewer's question about the call below. Reply with only a JSON object "
        "{\"value\": ..., \"explanation\": \"...\"} where %1 and \"explanation\" says in one or two sentences why, "
        "naming turns by their [number].").arg(answerShape(definition));
    const QString user = QStringLiteral("Metric: %1\nQuestion: %2\n\nTranscript:\n%3")
                             .arg(definition.name, definition.config.value(QStringLiteral("prompt")).toString(),
                                  transcriptText(call));
    QJsonObject body{
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), system}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), user}}}},
        {QStringLiteral("temperature"), 0},
    };
    if (!model.isEmpty())
        body.insert(QStringLiteral("model"), model);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

MetricOutcome LlmJudge::outcomeOf(const QByteArray &response, const MetricDefinition &definition)
{
    const QJsonObject envelope = QJsonDocument::fromJson(response).object();
    const QJsonValue content = envelope.value(QStringLiteral("choices")).toArray().at(0).toObject()
                                   .value(QStringLiteral("message")).toObject().value(QStringLiteral("content"));
    if (!content.isString())
        return MetricOutcome::failure(QStringLiteral("The judge's response has no choices[0].message.content."));
    const QJsonObject answer = firstObjectIn(content.toString());
    if (answer.isEmpty() || !answer.contains(QStringLiteral("value")))
        return MetricOutcome::failure(QStringLiteral("The judge did not answer with a JSON object with \"value\": %1")
                                          .arg(content.toString().left(200)));
    const QJsonValue value = answer.value(QStringLiteral("value"));
    QStringList explanation;
    const QJsonValue said = answer.value(QStringLiteral("explanation"));
    if (said.isString() && !said.toString().trimmed().isEmpty())
        explanation.append(said.toString().trimmed());
    else if (said.isArray())
        for (const QJsonValue &line : said.toArray())
            explanation.append(line.toString());

    switch (definition.type) {
    case MetricType::Binary:
        if (value.isBool())
            return MetricOutcome::of(value, explanation);
        if (value.isString() && (value.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
                                 || value.toString().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0))
            return MetricOutcome::of(value.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0, explanation);
        return MetricOutcome::failure(QStringLiteral("The judge's value is not true or false: %1")
                                          .arg(QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))));
    case MetricType::Numeric:
    case MetricType::Rating: {
        bool ok = value.isDouble();
        const double number = ok ? value.toDouble() : value.toString().toDouble(&ok);
        if (!ok || !std::isfinite(number))   // "nan" and "inf" are strings toDouble() takes
            return MetricOutcome::failure(QStringLiteral("The judge's value is not a number."));
        if (definition.type == MetricType::Rating && (number < 0 || number > 100))
            return MetricOutcome::failure(QStringLiteral("The judge's rating %1 is outside 0 to 100.").arg(number));
        return MetricOutcome::of(number, explanation);
    }
    case MetricType::Enum:
        if (value.isString() && definition.enumValues.contains(value.toString()))
            return MetricOutcome::of(value, explanation);
        return MetricOutcome::failure(QStringLiteral("The judge's value is not one of %1.")
                                          .arg(definition.enumValues.join(QStringLiteral(", "))));
    }
    return MetricOutcome::failure(QStringLiteral("Unknown metric type."));
}

void LlmJudge::judge(const CallLog &call, const MetricDefinition &definition, Done done)
{
    if (!m_settings.isEnabled() || !m_settings.problem().isEmpty()) {
        done(MetricOutcome::failure(m_settings.problem().isEmpty() ? QStringLiteral("No LLM judge is configured.")
                                                                    : m_settings.problem()));
        return;
    }
    m_waiting.push_back(Request{requestBody(call, definition, m_settings.model), definition, std::move(done), 0});
    startNext();
}

void LlmJudge::startNext()
{
    while (m_inFlight < std::max(1, m_settings.concurrency) && !m_waiting.empty()) {
        Request request = std::move(m_waiting.front());
        m_waiting.pop_front();
        ++m_inFlight;
        send(std::move(request));
    }
}

void LlmJudge::send(Request request)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest http(m_settings.url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    http.setTransferTimeout(m_settings.timeoutMs);
    // Only the configured URL: a redirect elsewhere could carry the transcript off.
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_settings.apiKey.isEmpty())
        http.setRawHeader("Authorization", "Bearer " + m_settings.apiKey.toUtf8());
    ++request.attempt;
    QNetworkReply *reply = m_network->post(http, request.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, request = std::move(request)]() mutable {
        reply->deleteLater();
        finished(reply, std::move(request));
    });
}

void LlmJudge::finished(QNetworkReply *reply, Request request)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
    if (!ok && retryable(reply) && request.attempt <= m_settings.retries) {
        // 0.5 s, 1 s, 2 s, ... between attempts; the request keeps its place in flight.
        const int pauseMs = 500 << std::min(request.attempt - 1, 6);
        qCInfo(lcMetrics) << "judge attempt" << request.attempt << "failed:" << reply->errorString() << "; retrying";
        QTimer::singleShot(pauseMs, this, [this, request = std::move(request)]() mutable { send(std::move(request)); });
        return;
    }
    MetricOutcome outcome;
    if (ok) {
        outcome = outcomeOf(reply->readAll(), request.definition);
    } else if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
        outcome = MetricOutcome::failure(QStringLiteral("The judge did not answer within %1 s (%2).")
                                             .arg(m_settings.timeoutMs / 1000.0)
                                             .arg(attemptsText(request.attempt)));
    } else {
        outcome = MetricOutcome::failure(status ? QStringLiteral("The judge answered HTTP %1 (%2).").arg(status).arg(attemptsText(request.attempt))
                                                : QStringLiteral("The judge could not be reached: %1 (%2).")
                                                      .arg(reply->errorString(), attemptsText(request.attempt)));
    }
    --m_inFlight;
    request.done(outcome);
    startNext();
}
