#include "httprequest.h"

#include <QFile>
#include <QUrl>

namespace {

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const Header &header : headers) {
        if (equalsIgnoringCase(header.first, name))
            return header.second;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const Header &header : headers) {
        if (equalsIgnoringCase(header.first, name))
            return true;
    }
    return false;
}

QString HttpRequest::path() const
{
    qsizetype end = target.indexOf('?');
    if (end < 0)
        end = target.size();
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0 && hash < end)
        end = hash;
    return QUrl::fromPercentEncoding(target.left(end));
}


QUrlQuery HttpRequest::query() const
{
    const qsizetype start = target.indexOf('?');
    if (start < 0)
        return {};
    QByteArray query = target.mid(start + 1);
    const qsizetype hash = query.indexOf('#');
    if (hash >= 0)
        query.truncate(hash);
    // '+' means space in query strings from forms and curl --data-urlencode -G.
    query.replace('+', "%20");
    QUrlQuery result;
    result.setQuery(QString::fromUtf8(query));
    return result;
}

QByteArray HttpRequest::mediaType() const
{
    QByteArray type = header("Content-Type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

QByteArray HttpRequest::contentTypeParameter(QByteArrayView name) const
{
    const QByteArray type = header("Content-Type");
    const QList<QByteArray> parts = type.split(';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray part = parts.at(i).trimmed();
        const qsizetype equals = part.indexOf('=');
        if (equals < 0 || !equalsIgnoringCase(part.left(equals).trimmed(), name))
            continue;
        QByteArray value = part.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("Connection").toLower();
    if (versionMinor == 0)
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

bool HttpRequest::expectsContinue() const
{
    return versionMinor >= 1 && header("Expect").trimmed().toLower() == "100-continue";
}

const QByteArray *HttpRequest::field(const QString &name) const
{
    for (qsizetype i = fields.size() - 1; i >= 0; --i) {
        if (fields.at(i).first == name)
            return &fields.at(i).second;
    }
    return nullptr;
}

HttpUploadFiles::~HttpUploadFiles()
{
    for (const QString &path : std::as_const(paths)) {
        if (QFile::exists(path))
            QFile::remove(path);
    }
}
