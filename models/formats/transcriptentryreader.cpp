#include "transcriptentryreader.h"

#include "calllog/checkedinteger.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

TranscriptEntryReader::TranscriptEntryReader(const QJsonObject &object, QString path, FieldErrors &errors)
    : m_object(object), m_path(std::move(path)), m_errors(&errors)
{
}

std::optional<TranscriptEntryReader> TranscriptEntryReader::item(const QJsonArray &list, qsizetype index,
                                                                 const QString &listPath, FieldErrors &errors)
{
    const QString path = itemPath(listPath, index);
    const QJsonValue value = list.at(index);
    if (!value.isObject()) {
        errors.add(path, u"Each entry must be an object."_s);
        return std::nullopt;
    }
    return TranscriptEntryReader(value.toObject(), path, errors);
}

QString TranscriptEntryReader::itemPath(const QString &listPath, qsizetype index)
{
    return listPath + u'[' + QString::number(index) + u']';
}

QString TranscriptEntryReader::fieldPath(QLatin1String key) const
{
    if (key.isEmpty())
        return m_path;
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

bool TranscriptEntryReader::has(QLatin1String key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

void TranscriptEntryReader::fail(QLatin1String key, const QString &message) const
{
    m_errors->add(fieldPath(key), message);
}

bool TranscriptEntryReader::checkPresent(QLatin1String key, bool required) const
{
    if (has(key))
        return true;
    if (required)
        fail(key, u"This field is required."_s);
    return false;
}

std::optional<QString> TranscriptEntryReader::string(QLatin1String key, bool required) const
{
    if (!checkPresent(key, required))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        fail(key, u"Must be a string."_s);
        return std::nullopt;
    }
    return value.toString();
}

std::optional<double> TranscriptEntryReader::number(QLatin1String key, bool required, const QString &expected) const
{
    if (!checkPresent(key, required))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble()) {
        fail(key, u"Must be %1, not %2."_s.arg(expected, value.isString() ? u"a string"_s : u"this value"_s));
        return std::nullopt;
    }
    if (value.toDouble() < 0) {
        fail(key, u"Must not be negative."_s);
        return std::nullopt;
    }
    return value.toDouble();
}

std::optional<qint64> TranscriptEntryReader::integer(QLatin1String key, bool required) const
{
    if (!checkPresent(key, required))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    const std::optional<qint64> number = CheckedInteger::fromJson(value, 0, CheckedInteger::kMaxExactDouble);
    if (!number) {
        fail(key, u"Must be a non-negative integer."_s);
        return std::nullopt;
    }
    return number;
}

std::optional<QString> TranscriptEntryReader::jsonText(QLatin1String key, bool required) const
{
    if (!checkPresent(key, required))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // A bare number or boolean: wrap it in a list to let QJsonDocument print it.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

std::optional<QJsonArray> TranscriptEntryReader::array(QLatin1String key, bool required) const
{
    if (!checkPresent(key, required))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, u"Must be a list."_s);
        return std::nullopt;
    }
    return value.toArray();
}

std::optional<TranscriptEntryReader> TranscriptEntryReader::child(QLatin1String key, bool required) const
{
    if (!checkPresent(key, required))
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, u"Must be an object."_s);
        return std::nullopt;
    }
    return TranscriptEntryReader(value.toObject(), fieldPath(key), *m_errors);
}
