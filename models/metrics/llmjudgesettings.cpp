#include "llmjudgesettings.h"

#include <QSettings>

#include <algorithm>

QString LlmJudgeSettings::problem() const
{
    if (url.isEmpty())
        return {};
    if (!isEnabled() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return QStringLiteral("The judge URL must be an http:// or https:// address.");
    if (url.host().isEmpty())
        return QStringLiteral("The judge URL has no host.");
    return {};
}

LlmJudgeSettings LlmJudgeSettings::load(const QSettings &settings)
{
    LlmJudgeSettings judge;
    judge.url = QUrl(settings.value(QStringLiteral("judge/url")).toString());
    judge.model = settings.value(QStringLiteral("judge/model")).toString();
    judge.apiKey = settings.value(QStringLiteral("judge/apiKey")).toString();
    judge.timeoutMs = std::clamp(settings.value(QStringLiteral("judge/timeoutMs"), judge.timeoutMs).toInt(), 1000, 600000);
    judge.retries = std::clamp(settings.value(QStringLiteral("judge/retries"), judge.retries).toInt(), 0, 10);
    judge.concurrency = std::clamp(settings.value(QStringLiteral("judge/concurrency"), judge.concurrency).toInt(), 1, 32);
    return judge;
}

void LlmJudgeSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("judge/url"), url.toString());
    settings.setValue(QStringLiteral("judge/model"), model);
    settings.setValue(QStringLiteral("judge/apiKey"), apiKey);
    settings.setValue(QStringLiteral("judge/timeoutMs"), timeoutMs);
    settings.setValue(QStringLiteral("judge/retries"), retries);
    settings.setValue(QStringLiteral("judge/concurrency"), concurrency);
}
