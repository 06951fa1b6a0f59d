#pragma once

#include "calllog/fielderrors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Reads the fields of one JSON object inside transcript_json and reports each problem
// under the field's path relative to transcript_json ("[3].time_in_call_secs"). Absent
// and null both count as missing. Numbers must be JSON numbers: a numeric string is an
// error, since a sender that quotes one number usually quotes them all.
class TranscriptEntryReader
{
public:
    TranscriptEntryReader(const QJsonObject &object, QString path, FieldErrors &errors);

    // The reader of list item `index` under `listPath`, or nullopt (with an error) when
    // that item is not an object.
    static std::optional<TranscriptEntryReader> item(const QJsonArray &list, qsizetype index,
                                                     const QString &listPath, FieldErrors &errors);
    static QString itemPath(const QString &listPath, qsizetype index);

    const QJsonObject &object() const { return m_object; }
    const QString &path() const { return m_path; }
    QString fieldPath(QLatin1String key) const;
    bool has(QLatin1String key) const;
    void fail(QLatin1String key, const QString &message) const;

    std::optional<QString> string(QLatin1String key, bool required) const;
    // A non-negative number; `expected` words the error ("a number of seconds").
    std::optional<double> number(QLatin1String key, bool required, const QString &expected) const;
    std::optional<qint64> integer(QLatin1String key, bool required) const;
    // A JSON value the API carries as text (tool arguments and results): a string stays
    // as it is, anything else becomes its compact JSON text.
    std::optional<QString> jsonText(QLatin1String key, bool required) const;
    std::optional<QJsonArray> array(QLatin1String key, bool required) const;
    std::optional<TranscriptEntryReader> child(QLatin1String key, bool required) const;

private:
    bool checkPresent(QLatin1String key, bool required) const;

    QJsonObject m_object;
    QString m_path;
    FieldErrors *m_errors;
};
