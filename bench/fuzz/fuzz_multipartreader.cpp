// libFuzzer target for MultipartReader with the fixed boundary "fuzzboundary": the input
// is a multipart/form-data body. It is read three times, whole, one byte at a time and
// in pseudo-random pieces derived from the input; beyond crashes and sanitizer reports
// it aborts when the three disagree (accepted or not, the error's status and message,
// the text fields, the files' names, types and bytes), since every limit must hold
// however the bytes arrive, or when a limit is exceeded in what was accepted.

#include "listener/multipartreader.h"
#include "splitagreement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdlib>

namespace {

const QByteArray kBoundary = "fuzzboundary";

// Small limits, so that the fuzzer reaches them.
MultipartReader::Limits fuzzLimits()
{
    MultipartReader::Limits limits;
    limits.maxFieldBytes = 1024;
    limits.maxParts = 8;
    limits.maxPartHeaderBytes = 256;
    limits.maxPreambleBytes = 512;
    limits.maxBoundaryLineBytes = 64;
    return limits;
}

const QString &uploadDir()
{
    static const QString dir = QDir(QFileInfo::exists(QStringLiteral("/dev/shm")) ? QStringLiteral("/dev/shm") : QDir::tempPath())
                                   .filePath(QStringLiteral("fuzz-multipart-%1").arg(QCoreApplication::applicationPid()));
    return dir;
}

template<typename NextPiece>
QByteArray readInPieces(QByteArrayView body, NextPiece nextPiece)
{
    const MultipartReader::Limits limits = fuzzLimits();
    MultipartReader reader(kBoundary, uploadDir(), limits);
    bool ok = true;
    for (qsizetype fed = 0; ok && fed < body.size();) {
        const qsizetype piece = std::min<qsizetype>(nextPiece(), body.size() - fed);
        ok = reader.feed(body.sliced(fed, piece));
        fed += piece;
    }
    if (ok)
        ok = reader.finish();
    if (ok == reader.hasFailed())
        std::abort();
    if (!ok) {
        if (reader.errorString().isEmpty() || (reader.errorStatus() != 400 && reader.errorStatus() != 413))
            std::abort();
        return "error " + QByteArray::number(reader.errorStatus()) + ' ' + reader.errorString().toUtf8();
    }
    QByteArray result = "ok\n";
    qint64 fieldBytes = 0;
    for (const auto &[name, value] : reader.fields()) {
        result += "field " + name.toUtf8() + ' ' + value.toHex() + '\n';
        fieldBytes += value.size();
    }
    if (fieldBytes > limits.maxFieldBytes || reader.fields().size() + reader.files().size() > limits.maxParts)
        std::abort();
    for (const HttpRequest::UploadedFile &file : reader.files()) {
        QFile upload(file.path);
        if (!upload.open(QIODevice::ReadOnly))
            std::abort();
        const QByteArray bytes = upload.readAll();
        if (bytes.size() != file.size)
            std::abort();
        result += "file " + file.fieldName.toUtf8() + ' ' + file.fileName.toUtf8() + ' ' + file.contentType.toUtf8() + ' '
                  + bytes.toHex() + '\n';
    }
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    requireSameResultHoweverSplit(data, size, [](QByteArrayView input, auto nextPiece) { return readInPieces(input, nextPiece); });
    return 0;
}
