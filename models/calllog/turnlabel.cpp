#include "turnlabel.h"

#include "checkedinteger.h"

#include <limits>

QJsonObject TurnLabel::toJson() const
{
    QJsonObject object{{QStringLiteral("turn_index"), turnIndex}, {QStringLiteral("label"), label}};
    if (!note.isEmpty())
        object.insert(QStringLiteral("note"), note);
    if (createdAt.isValid())
        object.insert(QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs));
    return object;
}

QString TurnLabel::describe() const
{
    QString text = QStringLiteral("turn %1: %2").arg(turnIndex + 1).arg(label);
    if (!note.isEmpty())
        text += QStringLiteral(" — ") + note;
    return text;
}

bool TurnLabel::sameAs(const TurnLabel &other) const
{
    return turnIndex == other.turnIndex && label == other.label && note == other.note;
}

std::optional<TurnLabel> TurnLabel::fromJson(const QJsonValue &value, const QString &field, FieldErrors &allErrors)
{
    FieldErrors errors;
    if (!value.isObject()) {
        allErrors.add(field, QStringLiteral("Must be an object with turn_index and label."));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    TurnLabel label;

    const QString indexField = field + QStringLiteral(".turn_index");
    if (!object.contains(QStringLiteral("turn_index"))) {
        errors.add(indexField, QStringLiteral("This field is required."));
    } else if (const auto index = CheckedInteger::fromJson(object.value(QStringLiteral("turn_index")), 0,
                                                           std::numeric_limits<int>::max())) {
        label.turnIndex = int(*index);
    } else {
        errors.add(indexField, QStringLiteral("Must be a non-negative integer."));
    }

    const QString labelField = field + QStringLiteral(".label");
    const QJsonValue name = object.value(QStringLiteral("label"));
    if (name.isUndefined())
        errors.add(labelField, QStringLiteral("This field is required."));
    else if (!name.isString() || name.toString().trimmed().isEmpty())
        errors.add(labelField, QStringLiteral("Must be a non-empty string."));
    else if (name.toString().trimmed().size() > kMaxLabelLength)
        errors.add(labelField, QStringLiteral("Ensure this field has no more than %1 characters.").arg(kMaxLabelLength));
    else
        label.label = name.toString().trimmed();

    const QJsonValue note = object.value(QStringLiteral("note"));
    if (note.isString() && note.toString().size() <= kMaxNoteLength)
        label.note = note.toString().trimmed();
    else if (note.isString())
        errors.add(field + QStringLiteral(".note"),
                   QStringLiteral("Ensure this field has no more than %1 characters.").arg(kMaxNoteLength));
    else if (!note.isUndefined() && !note.isNull())
        errors.add(field + QStringLiteral(".note"), QStringLiteral("Must be a string."));

    const QJsonValue created = object.value(QStringLiteral("created_at"));
    if (created.isString()) {
        label.createdAt = QDateTime::fromString(created.toString(), Qt::ISODateWithMs);
        if (label.createdAt.isValid() && label.createdAt.timeSpec() == Qt::LocalTime)
            label.createdAt.setTimeSpec(Qt::UTC);   // no offset: UTC, as for the call's timestamp
        if (!label.createdAt.isValid())
            errors.add(field + QStringLiteral(".created_at"), QStringLiteral("Must be an ISO 8601 date and time."));
    } else if (!created.isUndefined() && !created.isNull()) {
        errors.add(field + QStringLiteral(".created_at"), QStringLiteral("Must be an ISO 8601 date and time."));
    }

    if (!errors.isEmpty()) {
        allErrors.merge(errors);
        return std::nullopt;
    }
    return label;
}

std::optional<QList<TurnLabel>> TurnLabel::listFromJson(const QJsonValue &value, FieldErrors &errors,
                                                        const QString &field)
{
    if (!value.isArray()) {
        errors.add(field, QStringLiteral("Expected a list of items."));
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    QList<TurnLabel> labels;
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (auto label = fromJson(array.at(i), QStringLiteral("%1[%2]").arg(field).arg(i), errors))
            labels.append(*label);
        else
            ok = false;
    }
    if (!ok)
        return std::nullopt;
    return labels;
}

void TurnLabel::checkTurns(const QList<TurnLabel> &labels, qsizetype turnCount, FieldErrors &errors,
                           const QString &field)
{
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (labels[i].turnIndex >= turnCount)
            errors.add(QStringLiteral("%1[%2].turn_index").arg(field).arg(i),
                       turnCount == 0 ? QStringLiteral("No such turn: the call has no turns.")
                                      : QStringLiteral("No such turn: the call has %1 (0 to %2).").arg(turnCount).arg(turnCount - 1));
    }
}

QJsonArray TurnLabel::listToJson(const QList<TurnLabel> &labels)
{
    QJsonArray array;
    for (const TurnLabel &label : labels)
        array.append(label.toJson());
    return array;
}
