#include "fielderrors.h"

#include <QJsonArray>

void FieldErrors::add(const QString &field, const QString &message)
{
    QStringList &messages = m_errors[field];
    if (!messages.contains(message))
        messages.append(message);
}

void FieldErrors::merge(const FieldErrors &other, const QString &prefix)
{
    for (auto it = other.m_errors.cbegin(); it != other.m_errors.cend(); ++it) {
        for (const QString &message : it.value())
            add(prefix + it.key(), message);
    }
}

QJsonObject FieldErrors::toJson() const
{
    QJsonObject object;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        object.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return object;
}

FieldErrors FieldErrors::fromJson(const QJsonObject &object)
{
    FieldErrors errors;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isArray()) {
            for (const QJsonValue &message : it.value().toArray())
                errors.add(it.key(), message.toString());
        } else {
            errors.add(it.key(), it.value().toString());
        }
    }
    return errors;
}

QString FieldErrors::summary() const
{
    QStringList parts;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        parts.append(it.key() + QLatin1String(": ") + it.value().join(QLatin1String(" ")));
    return parts.join(QLatin1String("; "));
}
