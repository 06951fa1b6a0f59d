#pragma once

#include "llmjudgesettings.h"
#include "metricdefinition.h"
#include "metricoutcome.h"

#include "calllog/calllog.h"

#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// Judges LLM-judge metrics: the call's transcript and the metric's prompt go to an
// OpenAI-compatible /v1/chat/completions URL, and the answer (a JSON object {value,
// explanation}) becomes the metric's outcome. At most `concurrency` requests are in flight;
// each attempt has a timeout; timeouts, network errors, 429 and 5xx are retried with a
// growing pause. A malformed answer is an error on that one result, never retried. Lives
// on one thread (the evaluation queue's); judge() is called there.
class LlmJudge : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LlmJudge)

public:
    using Done = std::function<void(const MetricOutcome &)>;

    explicit LlmJudge(const LlmJudgeSettings &settings, QObject *parent = nullptr);
    // A judge as the settings configure it; null when none is (or the URL is unusable).
    static std::unique_ptr<LlmJudge> configured(const LlmJudgeSettings &settings);
    ~LlmJudge() override;

    // Calls `done` once, on this object's thread, with the verdict or an error.
    void judge(const CallLog &call, const MetricDefinition &definition, Done done);

    // The request body for one metric on one call (tests read it).
    static QByteArray requestBody(const CallLog &call, const MetricDefinition &definition, const QString &model);
    // The outcome a chat completion response gives for `definition`.
    static MetricOutcome outcomeOf(const QByteArray &response, const MetricDefinition &definition);

private:
    struct Request
    {
        QByteArray body;
        MetricDefinition definition;
        Done done;
        int attempt = 0;
    };

    void startNext();
    void send(Request request);
    void finished(QNetworkReply *reply, Request request);

    LlmJudgeSettings m_settings;
    QNetworkAccessManager *m_network = nullptr;   // made on first use, on this thread
    std::deque<Request> m_waiting;
    int m_inFlight = 0;
};
