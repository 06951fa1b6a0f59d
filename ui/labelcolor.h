#pragma once

#include <QColor>
#include <QString>

// The colour a reviewer's turn label is marked with, on the transcript and the waveform
// alike: "good" in green, every other label (a problem found) in red, each in a shade
// that reads on the light and the dark palette.
struct LabelColor
{
    static QColor of(const QString &label, bool darkPalette);
};
