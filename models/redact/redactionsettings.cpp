#include "redactionsettings.h"

#include <QSettings>

namespace {

const QString AudioFillKey = QStringLiteral("redaction/audioFill");

} // namespace

AudioRedactor::Settings RedactionSettings::audioRedactorSettings() const
{
    AudioRedactor::Settings settings;
    settings.fill = audioFill;
    return settings;
}

QString RedactionSettings::fillName(AudioRedactor::Fill fill)
{
    switch (fill) {
    case AudioRedactor::Fill::Tone:
        return QStringLiteral("tone");
    case AudioRedactor::Fill::Silence:
        break;
    }
    return QStringLiteral("silence");
}

std::optional<AudioRedactor::Fill> RedactionSettings::fillNamed(const QString &name)
{
    for (const AudioRedactor::Fill fill : {AudioRedactor::Fill::Silence, AudioRedactor::Fill::Tone}) {
        if (name == fillName(fill))
            return fill;
    }
    return std::nullopt;
}

RedactionSettings RedactionSettings::load(const QSettings &settings)
{
    RedactionSettings loaded;
    loaded.audioFill = fillNamed(settings.value(AudioFillKey).toString()).value_or(loaded.audioFill);
    return loaded;
}

void RedactionSettings::save(QSettings &settings) const
{
    settings.setValue(AudioFillKey, fillName(audioFill));
}
