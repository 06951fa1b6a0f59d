#include "requestbodydecoder.h"

#include "httprequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace {

// Form values decoded strictly: QString::fromUtf8() turns every bad byte into U+FFFD,
// so "%ff%fe" and "%fe%ff" would name the same call_id. The JSON path refuses them too.
std::optional<QString> strictUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

const QString kNotUtf8 = QStringLiteral("Not valid UTF-8.");

QJsonObject multipartFields(const HttpRequest &request, FieldErrors *errors)
{
    QJsonObject object;
    for (const auto &[name, value] : request.fields) {
        if (const std::optional<QString> text = strictUtf8(value))
            object.insert(name, *text);
        else
            errors->add(name, kNotUtf8);
    }
    return object;
}

QJsonObject urlencodedFields(const QByteArray &body, FieldErrors *errors)
{
    QJsonObject object;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        QByteArray name = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        const std::optional<QString> strictKey = strictUtf8(QByteArray::fromPercentEncoding(name));
        if (!strictKey) {
            errors->add(QStringLiteral("non_field_errors"), QStringLiteral("A field name is not valid UTF-8."));
            continue;
        }
        const QString &key = *strictKey;
        const std::optional<QString> strictText = strictUtf8(QByteArray::fromPercentEncoding(value));
        if (!strictText) {
            errors->add(key, kNotUtf8);
            continue;
        }
        const QString &text = *strictText;
        // A repeated key (redact_fields=a&redact_fields=b) becomes the comma list the
        // validator accepts from forms.
        object.insert(key, object.contains(key) ? object.value(key).toString() + QLatin1Char(',') + text : text);
    }
    return object;
}

} // namespace

RequestBodyDecoder::Body RequestBodyDecoder::decode(const HttpRequest &request)
{
    Body decoded;
    const QByteArray type = request.mediaType();
    if (type == "multipart/form-data") {
        decoded.form = true;
        decoded.object = multipartFields(request, &decoded.errors);
        if (!decoded.ok())
            decoded.object = {};
        return decoded;
    }
    if (type == "application/x-www-form-urlencoded") {
        decoded.form = true;
        decoded.object = urlencodedFields(request.body, &decoded.errors);
        if (!decoded.ok())
            decoded.object = {};
        return decoded;
    }
    // JSON (also the fallback for an empty body without a Content-Type).
    if (request.body.trimmed().isEmpty())
        return decoded;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        decoded.errors.add(QStringLiteral("non_field_errors"), QStringLiteral("JSON parse error: %1 at offset %2.")
                                                                   .arg(parseError.errorString())
                                                                   .arg(parseError.offset));
    else if (!document.isObject())
        decoded.errors.add(QStringLiteral("non_field_errors"), QStringLiteral("Invalid data. Expected a dictionary."));
    else
        decoded.object = document.object();
    return decoded;
}

std::optional<bool> RequestBodyDecoder::boolean(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return std::nullopt;
}

QString RequestBodyDecoder::tooManyIds(const QList<qint64> &ids)
{
    if (ids.size() <= kMaxIds)
        return {};
    return QStringLiteral("Give at most %1 ids; got %2.").arg(kMaxIds).arg(ids.size());
}

std::optional<QList<qint64>> RequestBodyDecoder::idList(const QJsonValue &value)
{
    QJsonValue list = value;
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.startsWith(QLatin1Char('['))) {
            list = QJsonDocument::fromJson(text.toUtf8()).array();
        } else {
            QJsonArray items;
            for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const qint64 id = part.trimmed().toLongLong(&ok);
                if (!ok)
                    return std::nullopt;
                items.append(id);
            }
            list = items;
        }
    }
    if (!list.isArray())
        return std::nullopt;
    QList<qint64> ids;
    for (const QJsonValue &item : list.toArray()) {
        if (item.isDouble() && item.toDouble() == double(item.toInteger()) && item.toInteger() > 0)
            ids.append(item.toInteger());
        else if (item.isString() && item.toString().toLongLong() > 0)
            ids.append(item.toString().toLongLong());
        else
            return std::nullopt;
    }
    return ids;
}
