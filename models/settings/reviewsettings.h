#pragma once

#include <QStringList>

class QSettings;

// The reviewer's choices of Edit › Preferences › Review, kept in QSettings: whether a
// call's recording starts playing as soon as the call opens (review/playOnOpen, off by
// default) and the labels offered when labelling a turn (review/labels). Labels are stored
// with calls as written (data shared through exports, so never translated); a missing or
// empty set reads as the default one.
struct ReviewSettings
{
    bool playOnOpen = false;
    QStringList labels = defaultLabels();

    // wrong answer, hallucination, slow response, interrupted caller, missed intent, good.
    static QStringList defaultLabels();
    static ReviewSettings load(const QSettings &settings);
    // Labels trimmed, without blanks and repeats; an empty set saves as the default.
    void save(QSettings &settings) const;

    bool operator==(const ReviewSettings &) const = default;

    // Trimmed, without blanks and repeats, in order.
    static QStringList cleaned(const QStringList &labels);
};
