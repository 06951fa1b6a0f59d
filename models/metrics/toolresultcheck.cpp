#include "toolresultcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression &errorWords()
{
    static const QRegularExpression expression(
        uR"(\b(error|exception|failed|timed? ?out|unauthori[sz]ed|forbidden|not found|invalid)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return expression;
}

bool isNonEmpty(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return !value.toString().trimmed().isEmpty();
    case QJsonValue::Array: return !value.toArray().isEmpty();
    case QJsonValue::Object: return !value.toObject().isEmpty();
    case QJsonValue::Bool: return value.toBool();
    case QJsonValue::Double: return value.toDouble() != 0;
    case QJsonValue::Null:
    case QJsonValue::Undefined: return false;
    }
    return false;
}

QString fieldReason(const QJsonObject &object)
{
    for (const QString &key : {u"error"_s, u"errors"_s}) {
        if (isNonEmpty(object.value(key)))
            return u"%1 is set"_s.arg(key);
    }
    if (object.value(u"isError"_s) == QJsonValue(true))
        return u"isError is true"_s;
    for (const QString &key : {u"success"_s, u"ok"_s}) {
        if (object.value(key) == QJsonValue(false))
            return u"%1 is false"_s.arg(key);
    }
    for (const QString &key : {u"status"_s, u"statusCode"_s}) {
        const QJsonValue status = object.value(key);
        if (status.isDouble() && status.toDouble() >= 400)
            return u"%1 is %2"_s.arg(key, QString::number(status.toDouble()));
        if (status.isString()) {
            const QString text = status.toString();
            if (text.compare(u"error"_s, Qt::CaseInsensitive) == 0 || text.compare(u"failed"_s, Qt::CaseInsensitive) == 0)
                return u"%1 is \"%2\""_s.arg(key, text);
        }
    }
    return {};
}

// Whether a field rule may apply to this JSON text: it names one of the fields ("error
// also finds "errors", "status "statusCode").
bool mayHaveErrorField(const QString &json)
{
    static constexpr QLatin1StringView fields[] = {"\"error"_L1, "\"isError\""_L1, "\"success\""_L1, "\"ok\""_L1,
                                                   "\"status"_L1};
    return std::any_of(std::begin(fields), std::end(fields),
                       [&json](QLatin1StringView field) { return json.contains(field); });
}

// The string values in `value` (not its keys), one line each: one search for them all.
void appendStrings(const QJsonValue &value, QString &lines)
{
    if (value.isString()) {
        lines += value.toString();
        lines += u'\n';
    } else if (value.isArray()) {
        for (const QJsonValue item : value.toArray())
            appendStrings(item, lines);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            appendStrings(it.value(), lines);
    }
}

QString textReason(const QString &text)
{
    const QRegularExpressionMatch match = errorWords().match(text);
    return match.hasMatch() ? u"its text says \"%1\""_s.arg(match.captured(1)) : QString();
}

QString jsonReason(const QJsonValue &json)
{
    if (json.isObject()) {
        if (QString reason = fieldReason(json.toObject()); !reason.isEmpty())
            return reason;
    }
    QString strings;
    appendStrings(json, strings);
    return textReason(strings);
}

} // namespace

QString ToolResultCheck::errorReason(const Turn &result)
{
    QJsonValue value = result.data.value(u"result"_s);
    if (value.isUndefined() || value.isNull())
        value = result.content;
    if (!value.isString())
        return jsonReason(value);

    const QString text = value.toString();
    const QStringView trimmed = QStringView(text).trimmed();
    if (!trimmed.startsWith(u'{') && !trimmed.startsWith(u'['))
        return textReason(text);
    // JSON as text. Its string values are part of the text, so when the whole text has no
    // error word and names no error field, parsing it could not find an error either.
    const QString wholeTextReason = textReason(text);
    if (wholeTextReason.isEmpty() && !mayHaveErrorField(text))
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return wholeTextReason;
    return jsonReason(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
}

QString ToolResultCheck::resultText(const Turn &result)
{
    const QJsonValue value = result.data.value(u"result"_s);
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isString())
        return value.toString();
    if (value.isUndefined() || value.isNull())
        return result.content;
    // A bare number or boolean: QJsonDocument only prints it inside a list.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}
