#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// Validation errors keyed by field path ("call_id", "transcript_json[3].role"),
// each with one or more messages. Serialises to the Django-REST shape the observe
// API answers with on 400: {"field": ["message", ...]}. Every entry point (listener,
// importer, command line, UI) reports this same object.
class FieldErrors
{
public:
    void add(const QString &field, const QString &message);
    // Adds every error of `other`, its field paths prefixed by `prefix`.
    void merge(const FieldErrors &other, const QString &prefix = {});

    bool isEmpty() const { return m_errors.isEmpty(); }
    int count() const { return m_errors.size(); }
    bool contains(const QString &field) const { return m_errors.contains(field); }
    QStringList messages(const QString &field) const { return m_errors.value(field); }
    QStringList fields() const { return m_errors.keys(); }

    QJsonObject toJson() const;
    static FieldErrors fromJson(const QJsonObject &object);
    // One line for logs and terminals: "call_id: is required; agent: ...".
    QString summary() const;

private:
    QMap<QString, QStringList> m_errors;
};
