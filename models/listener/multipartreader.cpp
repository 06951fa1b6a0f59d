#include "multipartreader.h"

#include <QDir>
#include <QTemporaryFile>

namespace {

// Splits a header value like `form-data; name="a"; filename="b.wav"` into its parameters.
QList<QPair<QByteArray, QByteArray>> headerParameters(QByteArrayView value)
{
    QList<QPair<QByteArray, QByteArray>> result;
    qsizetype i = value.indexOf(';');
    if (i < 0)
        return result;
    ++i;
    while (i < value.size()) {
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == ';'))
            ++i;
        const qsizetype nameStart = i;
        while (i < value.size() && value[i] != '=' && value[i] != ';')
            ++i;
        const QByteArray name = value.sliced(nameStart, i - nameStart).trimmed().toByteArray().toLower();
        QByteArray parameterValue;
        if (i < value.size() && value[i] == '=') {
            ++i;
            if (i < value.size() && value[i] == '"') {
                ++i;
                while (i < value.size() && value[i] != '"') {
                    if (value[i] == '\\' && i + 1 < value.size())
                        ++i;
                    parameterValue.append(value[i]);
                    ++i;
                }
                ++i;    // closing quote
            } else {
                const qsizetype start = i;
                while (i < value.size() && value[i] != ';')
                    ++i;
                parameterValue = value.sliced(start, i - start).trimmed().toByteArray();
            }
        }
        if (!name.isEmpty())
            result.append({name, parameterValue});
    }
    return result;
}

} // namespace

MultipartReader::MultipartReader(const QByteArray &boundary, const QString &uploadDir, const Limits &limits)
    : m_delimiter("\r\n--" + boundary), m_uploadDir(uploadDir), m_limits(limits),
      m_uploads(std::make_shared<HttpUploadFiles>())
{
    // The first boundary has no CR LF before it; pretending it had one lets one search
    // find every boundary.
    m_buffer = "\r\n";
    if (boundary.isEmpty() || boundary.size() > 70)
        fail(400, QStringLiteral("Missing or invalid multipart boundary"));
}

MultipartReader::~MultipartReader() = default;

bool MultipartReader::fail(int status, const QString &message)
{
    if (m_state != State::Failed) {
        m_state = State::Failed;
        m_errorStatus = status;
        m_error = message;
        if (m_partFile)
            m_partFile->close();
        m_buffer.clear();
    }
    return false;
}

bool MultipartReader::startPart(const QByteArray &headerBlock)
{
    if (++m_partCount > m_limits.maxParts)
        return fail(413, QStringLiteral("More than %1 parts in the multipart body").arg(m_limits.maxParts));
    m_partName.clear();
    m_partIsFile = false;
    m_partValue.clear();
    m_partUpload = HttpRequest::UploadedFile();
    bool haveDisposition = false;
    for (const QByteArray &rawLine : headerBlock.split('\n')) {
        const QByteArray line = rawLine.endsWith('\r') ? rawLine.chopped(1) : rawLine;
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, QStringLiteral("Malformed multipart part header"));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-disposition") {
            if (!value.toLower().startsWith("form-data"))
                return fail(400, QStringLiteral("A multipart part is not form-data"));
            haveDisposition = true;
            for (const auto &[key, parameter] : headerParameters(value)) {
                if (key == "name") {
                    m_partName = QString::fromUtf8(parameter);
                } else if (key == "filename") {
                    m_partIsFile = true;
                    m_partUpload.fileName = QString::fromUtf8(parameter);
                }
            }
        } else if (name == "content-type") {
            m_partUpload.contentType = QString::fromUtf8(value);
        }
    }
    if (!haveDisposition || m_partName.isEmpty())
        return fail(400, QStringLiteral("A multipart part has no Content-Disposition name"));
    if (m_partIsFile) {
        if (!QDir().mkpath(m_uploadDir))
            return fail(500, QStringLiteral("Cannot create the upload folder"));
        auto file = std::make_unique<QTemporaryFile>(QDir(m_uploadDir).filePath(QStringLiteral("upload-XXXXXX.part")));
        file->setAutoRemove(false);
        if (!file->open())
            return fail(500, QStringLiteral("Cannot create an upload file: %1").arg(file->errorString()));
        m_partUpload.fieldName = m_partName;
        m_partUpload.path = file->fileName();
        m_uploads->paths.append(m_partUpload.path);
        m_partFile = std::move(file);
    }
    return true;
}

bool MultipartReader::writePartData(QByteArrayView data)
{
    if (data.isEmpty())
        return true;
    if (m_partIsFile) {
        if (m_partFile->write(data.data(), data.size()) != data.size())
            return fail(500, QStringLiteral("Cannot write the upload: %1").arg(m_partFile->errorString()));
        m_partUpload.size += data.size();
        return true;
    }
    m_fieldBytes += data.size();
    if (m_fieldBytes > m_limits.maxFieldBytes)
        return fail(413, QStringLiteral("Multipart text fields over %1 bytes").arg(m_limits.maxFieldBytes));
    m_partValue.append(data);
    return true;
}

bool MultipartReader::endPart()
{
    if (m_partIsFile) {
        if (!m_partFile->flush())
            return fail(500, QStringLiteral("Cannot write the upload: %1").arg(m_partFile->errorString()));
        m_partFile->close();
        m_partFile.reset();
        m_files.append(m_partUpload);
    } else {
        m_fields.append({m_partName, m_partValue});
        m_partValue.clear();
    }
    return true;
}

bool MultipartReader::feed(QByteArrayView data)
{
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Epilogue)
        return true;
    m_buffer.append(data);
    qsizetype pos = 0;
    bool progress = true;
    while (progress && m_state != State::Failed) {
        progress = false;
        const QByteArrayView rest = QByteArrayView(m_buffer).sliced(pos);
        switch (m_state) {
        case State::Preamble: {
            // Only the bytes that cannot be the start of a boundary are counted and dropped.
            const qsizetype at = rest.indexOf(m_delimiter);
            const qsizetype preamble = at >= 0 ? at : std::max<qsizetype>(0, rest.size() - (m_delimiter.size() - 1));
            m_preambleBytes += preamble;
            if (m_preambleBytes > m_limits.maxPreambleBytes)
                return fail(400, QStringLiteral("More than %1 bytes before the first multipart boundary")
                                     .arg(m_limits.maxPreambleBytes));
            pos += preamble;
            if (at < 0)
                break;
            pos += m_delimiter.size();
            m_state = State::AfterBoundary;
            progress = true;
            break;
        }
        case State::AfterBoundary: {
            if (rest.startsWith("--")) {
                m_state = State::Epilogue;
                pos = m_buffer.size();
                break;
            }
            if (rest == "-")
                break;      // "--" (the closing boundary) or not: the next byte tells
            // Only transport padding (spaces, tabs) may follow a boundary on its line.
            const qsizetype newline = rest.indexOf('\n');
            const QByteArrayView line = newline < 0 ? rest : rest.first(newline);
            // The CR of the line's CR LF (or what may yet become it) is not padding.
            if (line.size() - (line.endsWith('\r') ? 1 : 0) > m_limits.maxBoundaryLineBytes)
                return fail(400, QStringLiteral("Malformed multipart boundary line"));
            for (char c : line) {
                if (c != ' ' && c != '\t' && c != '\r')
                    return fail(400, QStringLiteral("Malformed multipart boundary line"));
            }
            if (newline < 0)
                break;
            pos += newline + 1;
            m_state = State::PartHeaders;
            m_partHeadersScanned = 0;
            progress = true;
            break;
        }
        case State::PartHeaders: {
            qsizetype end = -1;
            qsizetype skip = 0;
            if (rest.startsWith("\r\n")) {
                end = 0;
                skip = 2;
            } else {
                end = rest.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_partHeadersScanned - 3));
                skip = 4;
            }
            // Without its end in sight the block is at least as long as what is buffered,
            // less the three bytes that could start its CR LF CR LF.
            const qsizetype headerBytes = end >= 0 ? end : rest.size() - 3;
            if (headerBytes > m_limits.maxPartHeaderBytes)
                return fail(413, QStringLiteral("Multipart part headers over %1 bytes").arg(m_limits.maxPartHeaderBytes));
            if (end < 0) {
                m_partHeadersScanned = rest.size();
                break;
            }
            if (!startPart(rest.first(end).toByteArray()))
                return false;
            pos += end + skip;
            m_state = State::PartBody;
            progress = true;
            break;
        }
        case State::PartBody: {
            const qsizetype at = rest.indexOf(m_delimiter);
            if (at >= 0) {
                if (!writePartData(rest.first(at)) || !endPart())
                    return false;
                pos += at + m_delimiter.size();
                m_state = State::AfterBoundary;
                progress = true;
                break;
            }
            // Keep what could be the start of a boundary split across feeds.
            const qsizetype safe = rest.size() - (m_delimiter.size() - 1);
            if (safe > 0) {
                if (!writePartData(rest.first(safe)))
                    return false;
                pos += safe;
            }
            break;
        }
        case State::Epilogue:
            pos = m_buffer.size();
            break;
        case State::Failed:
            return false;
        }
    }
    if (m_state == State::Failed)
        return false;
    m_buffer.remove(0, pos);
    return true;
}

bool MultipartReader::finish()
{
    if (m_state == State::Failed)
        return false;
    if (m_state != State::Epilogue)
        return fail(400, QStringLiteral("The multipart body ended before its closing boundary"));
    return true;
}
