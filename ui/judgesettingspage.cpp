#include "judgesettingspage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

JudgeSettingsPage::JudgeSettingsPage(const LlmJudgeSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_url(new QLineEdit(settings.url.toString(), this))
    , m_model(new QLineEdit(settings.model, this))
    , m_apiKey(new QLineEdit(settings.apiKey, this))
    , m_timeout(new QSpinBox(this))
    , m_retries(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
{
    m_url->setObjectName(QStringLiteral("judgeUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080/v1/chat/completions"));
    m_model->setObjectName(QStringLiteral("judgeModel"));
    m_apiKey->setObjectName(QStringLiteral("judgeApiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_timeout->setObjectName(QStringLiteral("judgeTimeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.timeoutMs / 1000);
    m_retries->setRange(0, 10);
    m_retries->setValue(settings.retries);
    m_concurrency->setRange(1, 32);
    m_concurrency->setValue(settings.concurrency);

    auto *about = new QLabel(tr("Metrics of the kind \"a question for the LLM judge\" send the call's transcript "
                                "and the question to this OpenAI-compatible chat completions URL: a local "
                                "llama.cpp or vLLM server, or a hosted one. Leave it empty to keep every "
                                "transcript on this machine. Changes apply when Callscope starts again."),
                             this);
    about->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Judge &URL:"), m_url);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("API &key:"), m_apiKey);
    form->addRow(tr("&Timeout per attempt:"), m_timeout);
    form->addRow(tr("&Retries:"), m_retries);
    form->addRow(tr("Requests at &once:"), m_concurrency);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addStretch(1);
}

LlmJudgeSettings JudgeSettingsPage::settings() const
{
    LlmJudgeSettings settings;
    settings.url = QUrl(m_url->text().trimmed());
    settings.model = m_model->text().trimmed();
    settings.apiKey = m_apiKey->text().trimmed();
    settings.timeoutMs = m_timeout->value() * 1000;
    settings.retries = m_retries->value();
    settings.concurrency = m_concurrency->value();
    return settings;
}
