#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <memory>

// One HTTP/1.x request as the listener hands it to the API: the head (method, target,
// headers), and the body either in memory (`body`: JSON, urlencoded, anything not
// multipart) or, for multipart/form-data, split into text `fields` and `files` that were
// streamed to disk. Temporary files of `files` are removed when the last copy of the
// request goes away unless a handler moved them. Header names keep their case; lookups
// are case-insensitive.
struct HttpRequest
{
    using Header = QPair<QByteArray, QByteArray>;

    struct UploadedFile
    {
        QString fieldName;
        QString fileName;       // as the client named it
        QString contentType;
        QString path;           // temporary file on disk
        qint64 size = 0;
    };

    QByteArray method;          // "GET", "POST", ... (case as sent; methods are case-sensitive)
    QByteArray target;          // "/observability/v1/call-logs/?page=2"
    int versionMinor = 1;       // HTTP/1.<minor>
    QList<Header> headers;
    // The body length as the parser framed it (Content-Length, lists and repeats
    // checked); -1: chunked, length unknown. The one reading of it: never re-parse headers.
    qint64 declaredBodyLength = 0;

    QByteArray body;            // non-multipart bodies
    QList<QPair<QString, QByteArray>> fields;   // multipart text parts, in order
    QList<UploadedFile> files;                  // multipart file parts, in order
    qint64 bodySize = 0;        // bytes of body received (after de-chunking)

    // For the request log: the first bytes of the raw body, and whether there was more.
    QByteArray loggedBody;
    bool loggedBodyTruncated = false;

    QHostAddress peerAddress;
    quint16 peerPort = 0;

    // Owns the temporary upload files (removes them on destruction if they still exist).
    std::shared_ptr<struct HttpUploadFiles> uploads;

    // The first value of header `name` (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // The percent-decoded path, without the query ("/observability/v1/observe/").
    QString path() const;
    QUrlQuery query() const;
    // The media type of Content-Type, lower case, without parameters.
    QByteArray mediaType() const;
    // The value of parameter `name` in Content-Type (e.g. the multipart boundary).
    QByteArray contentTypeParameter(QByteArrayView name) const;
    // Whether the connection may stay open after this request (HTTP/1.1 default yes,
    // HTTP/1.0 only with "Connection: keep-alive").
    bool keepAlive() const;
    bool expectsContinue() const;
    bool hasBody() const { return declaredBodyLength != 0; }
    // The text field `name` of a multipart body (the last one if repeated).
    const QByteArray *field(const QString &name) const;
};

// The temporary files one multipart request streamed to disk.
struct HttpUploadFiles
{
    QStringList paths;
    ~HttpUploadFiles();
};
