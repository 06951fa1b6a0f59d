#pragma once

#include "audioredactor.h"

#include <QString>

#include <optional>

class QSettings;

// How this machine redacts what a call's redact_fields do not decide, as Edit › Preferences ›
// Redaction sets it (QSettings "redaction/…"): what replaces redacted speech in a
// recording, silence (the default) or a 1 kHz bleep.
class RedactionSettings
{
public:
    AudioRedactor::Fill audioFill = AudioRedactor::Fill::Silence;

    // The AudioRedactor's settings with this fill.
    AudioRedactor::Settings audioRedactorSettings() const;

    // "silence", "tone": what the settings store.
    static QString fillName(AudioRedactor::Fill fill);
    static std::optional<AudioRedactor::Fill> fillNamed(const QString &name);

    // A missing or unknown fill reads as silence.
    static RedactionSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const RedactionSettings &) const = default;
};
