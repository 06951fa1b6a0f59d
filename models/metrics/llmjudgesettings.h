#pragma once

#include <QString>
#include <QUrl>

class QSettings;

// Where LLM-judge metrics are sent (Preferences › Metrics, QSettings "judge/…"): an
// OpenAI-compatible chat completions URL (a local llama.cpp or vLLM server, or a hosted
// one), the model, the API key, and how patient to be. Off (no URL) by default: nothing
// leaves the machine unless the user configured it.
struct LlmJudgeSettings
{
    QUrl url;                  // e.g. http://127.0.0.1:8080/v1/chat/completions
    QString model;
    QString apiKey;            // sent as "Authorization: Bearer"; never logged
    int timeoutMs = 60000;     // per attempt
    int retries = 2;           // after the first attempt, on timeouts, network errors, 429 and 5xx
    int concurrency = 2;       // requests in flight at once

    bool isEnabled() const { return url.isValid() && !url.isRelative(); }
    // An error message when the URL is set but not usable (not http/https), else empty.
    QString problem() const;

    static LlmJudgeSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const LlmJudgeSettings &) const = default;
};
