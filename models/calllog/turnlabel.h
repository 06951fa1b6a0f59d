#pragma once

#include "fielderrors.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// A reviewer's label on one turn of a call ("hallucination" on turn 3, with an optional
// note), as stored, exported and sent in `annotations`:
// {"turn_index":3,"label":"hallucination","note":"…","created_at":"ISO 8601"}.
// turn_index counts from 0, as transcript_json does; describe() counts from 1 for people.
struct TurnLabel
{
    int turnIndex = 0;
    QString label;
    QString note;           // empty: none
    QDateTime createdAt;    // invalid until stored (the store stamps it)

    static constexpr int kMaxLabelLength = 100;
    static constexpr int kMaxNoteLength = 2000;

    QJsonObject toJson() const;
    // "turn 4: hallucination — the note" (the review history's old/new values).
    QString describe() const;
    // Same turn, label and note (the time a label was made does not make it another).
    bool sameAs(const TurnLabel &other) const;
    bool operator==(const TurnLabel &) const = default;

    // One label of `annotations`; errors are added under `field` ("annotations[2]"),
    // e.g. "annotations[2].turn_index: Must be a non-negative integer.".
    static std::optional<TurnLabel> fromJson(const QJsonValue &value, const QString &field, FieldErrors &errors);
    // The whole `annotations` array; nullopt (and errors under `field`) when any of it is wrong.
    static std::optional<QList<TurnLabel>> listFromJson(const QJsonValue &value, FieldErrors &errors,
                                                        const QString &field = QStringLiteral("annotations"));
    // Errors for labels on turns a call of `turnCount` turns does not have.
    static void checkTurns(const QList<TurnLabel> &labels, qsizetype turnCount, FieldErrors &errors,
                           const QString &field = QStringLiteral("annotations"));
    static QJsonArray listToJson(const QList<TurnLabel> &labels);
};
