#pragma once

#include "metrics/llmjudgesettings.h"

#include <QWidget>

class QLineEdit;
class QSpinBox;

// Preferences › Metrics: where LLM-judge metrics are sent (LlmJudgeSettings): the
// OpenAI-compatible chat completions URL, model, API key, timeout, retries and how many
// requests at once. Empty URL: no judge (the default). Read when Callscope starts.
class JudgeSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JudgeSettingsPage)

public:
    explicit JudgeSettingsPage(const LlmJudgeSettings &settings, QWidget *parent = nullptr);

    // As the controls show them now.
    LlmJudgeSettings settings() const;

    QLineEdit *urlField() const { return m_url; }
    QLineEdit *modelField() const { return m_model; }
    QLineEdit *apiKeyField() const { return m_apiKey; }
    QSpinBox *timeoutBox() const { return m_timeout; }

private:
    QLineEdit *m_url;
    QLineEdit *m_model;
    QLineEdit *m_apiKey;
    QSpinBox *m_timeout;
    QSpinBox *m_retries;
    QSpinBox *m_concurrency;
};
