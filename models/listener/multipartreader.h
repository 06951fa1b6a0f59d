#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <memory>

// A streaming multipart/form-data reader (RFC 7578). Bytes are fed as they arrive, in
// pieces split anywhere (even inside a boundary); text parts are collected in memory
// up to a total cap, file parts (those with a filename) are written straight to a
// temporary file in `uploadDir`, so a 512 MiB upload never sits in memory. Memory use
// is bounded by the largest feed plus the boundary length.
//
// Invariants: once failed, feed() returns false and does nothing; finish() succeeds only
// if the closing boundary was seen; every limit is checked on what the body holds, not
// on what one feed happened to bring, so a body is accepted or refused (with the same
// error) however it is split; every file written is listed in uploads(), which removes
// them when the last reference goes (so an aborted request leaves none behind).
class MultipartReader
{
public:
    struct Limits
    {
        qint64 maxFieldBytes = 16 * 1024 * 1024;    // all text parts together
        int maxParts = 64;
        int maxPartHeaderBytes = 16 * 1024;        // one part's header block
        int maxPreambleBytes = 64 * 1024;          // before the first boundary
        int maxBoundaryLineBytes = 1024;           // padding after a boundary, before its CR LF
    };

    MultipartReader(const QByteArray &boundary, const QString &uploadDir, const Limits &limits);
    ~MultipartReader();
    Q_DISABLE_COPY_MOVE(MultipartReader)

    bool feed(QByteArrayView data);
    // Call at the end of the body. False when the body ended before its closing boundary.
    bool finish();

    bool hasFailed() const { return m_state == State::Failed; }
    QString errorString() const { return m_error; }
    // 400 for malformed bodies, 413 when a limit was exceeded, 500 when the disk failed.
    int errorStatus() const { return m_errorStatus; }

    QList<QPair<QString, QByteArray>> fields() const { return m_fields; }
    QList<HttpRequest::UploadedFile> files() const { return m_files; }
    std::shared_ptr<HttpUploadFiles> uploads() const { return m_uploads; }

private:
    enum class State { Preamble, AfterBoundary, PartHeaders, PartBody, Epilogue, Failed };

    bool fail(int status, const QString &message);
    bool startPart(const QByteArray &headerBlock);
    bool writePartData(QByteArrayView data);
    bool endPart();

    QByteArray m_delimiter;         // "\r\n--" + boundary
    QString m_uploadDir;
    Limits m_limits;
    State m_state = State::Preamble;
    QByteArray m_buffer;            // bytes not yet consumed
    QString m_error;
    int m_errorStatus = 0;
    qint64 m_fieldBytes = 0;
    int m_partCount = 0;
    // Preamble bytes dropped so far; the CR LF put in front of the body is not the client's.
    qint64 m_preambleBytes = -2;
    // How much of the buffered part headers is known to hold no end of the block.
    qsizetype m_partHeadersScanned = 0;

    // The part being read.
    QString m_partName;
    bool m_partIsFile = false;
    QByteArray m_partValue;
    std::unique_ptr<QFile> m_partFile;
    HttpRequest::UploadedFile m_partUpload;

    QList<QPair<QString, QByteArray>> m_fields;
    QList<HttpRequest::UploadedFile> m_files;
    std::shared_ptr<HttpUploadFiles> m_uploads;
};
