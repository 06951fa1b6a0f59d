#include "fileimporter.h"

#include "ingest/bytestream.h"
#include "ingest/csvreader.h"
#include "ingest/jsonarrayreader.h"
#include "store/callstore.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace {

// Calls per store request: large enough for group commit to pay, small enough that the
// writer starts while the importer is still reading.
constexpr qsizetype kBatchSize = 250;
// Batches handed to the store and not yet committed before the importer waits for the
// oldest: the back-pressure that bounds memory when the writer is slower than the reader.
constexpr qsizetype kMaxPendingBatches = FileImporter::MaxCallsInFlight / kBatchSize - 1;
constexpr int kProgressEveryRecords = 1000;

const QStringList kImportSuffixes{QStringLiteral("json"), QStringLiteral("jsonl"), QStringLiteral("ndjson"),
                                  QStringLiteral("csv")};

FieldErrors recordError(const QString &message)
{
    FieldErrors errors;
    errors.add(QStringLiteral("non_field_errors"), message);
    return errors;
}

} // namespace

FileImporter::FileImporter(IngestPipeline *pipeline, QObject *parent)
    : QObject(parent), m_pipeline(pipeline)
{
}

QStringList FileImporter::collectFiles(const QStringList &paths, QStringList *missing)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext()) {
                const QString file = it.next();
                if (kImportSuffixes.contains(QFileInfo(file).suffix().toLower()))
                    found.append(file);
            }
            found.sort();
            files.append(found);
        } else if (info.exists()) { // a file, or a pipe such as /dev/stdin or <(zcat calls.jsonl.gz)
            files.append(path);
        } else if (missing) {
            missing->append(path);
        }
    }
    return files;
}

ImportSummary FileImporter::importPaths(const QStringList &paths)
{
    m_summary = ImportSummary();
    m_records = 0;
    QStringList missing;
    const QStringList files = collectFiles(paths, &missing);
    for (const QString &path : std::as_const(missing))
        reject(path, recordError(QStringLiteral("No such file or folder.")));

    m_filesTotal = int(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        m_filesDone = int(i);
        importFile(files.at(i));
        emit progress(int(i + 1), m_filesTotal, m_records);
    }
    flushBatch();
    for (qsizetype i = 0; i < m_pending.size(); ++i)
        collect(m_pending[i], m_pendingLocations.at(i), m_pendingCalls.at(i));
    m_pending.clear();
    m_pendingLocations.clear();
    m_pendingCalls.clear();
    return m_summary;
}

void FileImporter::importFile(const QString &path)
{
    // Unbuffered: ByteStream reads in chunks of its own.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        reject(path, recordError(QStringLiteral("Cannot read the file: %1.").arg(file.errorString())));
        return;
    }
    const QString displayPath = QFileInfo(path).filePath();
    IngestSource source;
    source.localRecordingPaths = true;
    source.baseDir = QFileInfo(path).absolutePath();
    if (path.startsWith(QLatin1Char(':')))
        source.baseDir = QFileInfo(path).path();
    const QString suffix = QFileInfo(path).suffix().toLower();

    ByteStream input(&file);
    if (suffix == QLatin1String("csv"))
        importCsv(input, displayPath, source);
    else if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        importJsonLines(input, displayPath, source);
    else
        importJson(input, displayPath, source);
    if (!input.error().isEmpty())
        reject(displayPath, recordError(QStringLiteral("Cannot read the file: %1.").arg(input.error())));
}

void FileImporter::importCsv(ByteStream &input, const QString &displayPath, IngestSource source)
{
    CsvReader reader(input);
    CsvReader::Row row;
    if (!reader.next(&row)) {
        if (!reader.error().isEmpty())
            reject(displayPath, recordError(QStringLiteral("Malformed CSV, %1.").arg(reader.error())));
        return;
    }
    const QStringList header = row.fields;
    source.encoding = ObserveRequest::Encoding::Form;
    while (reader.next(&row)) {
        const QString location = QStringLiteral("%1:%2").arg(displayPath).arg(row.line);
        if (row.fields.size() != header.size()) {
            reject(location, recordError(QStringLiteral("Row has %1 columns, the header has %2.")
                                           .arg(row.fields.size()).arg(header.size())));
            continue;
        }
        QJsonObject body;
        for (qsizetype c = 0; c < header.size(); ++c) {
            if (!row.fields.at(c).isEmpty())
                body.insert(header.at(c), row.fields.at(c));
        }
        addRecord(body, source, location);
    }
    if (!reader.error().isEmpty())
        reject(displayPath, recordError(QStringLiteral("Malformed CSV, %1.").arg(reader.error())));
}

void FileImporter::importJsonLines(ByteStream &input, const QString &displayPath, const IngestSource &source)
{
    QByteArray line;
    for (int number = input.line(); input.readLine(&line); number = input.line()) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const QString location = QStringLiteral("%1:%2").arg(displayPath).arg(number);
        QJsonParseError lineError;
        const QJsonDocument lineDocument = QJsonDocument::fromJson(line, &lineError);
        if (lineError.error != QJsonParseError::NoError)
            reject(location, recordError(QStringLiteral("Invalid JSON: %1 at column %2.")
                                           .arg(lineError.errorString()).arg(lineError.offset + 1)));
        else if (!lineDocument.isObject())
            reject(location, recordError(QStringLiteral("Expected a JSON object (one observe body per line).")));
        else
            addRecord(lineDocument.object(), source, location);
    }
}

// A .json file holds an array of bodies, one body, or (starting with an object followed
// by more) JSON Lines. The first value is kept until that is known, then read again as
// lines when it was the first of many: that works on a pipe too.
void FileImporter::importJson(ByteStream &input, const QString &displayPath, const IngestSource &source)
{
    input.mark();
    if (input.peek() == 0xEF) { // a UTF-8 byte order mark, which QJsonDocument skips too
        input.get();
        input.get();
        input.get();
    }
    JsonArrayReader::skipSpace(input);
    const auto syntaxError = [&](const QString &message, int line) {
        reject(QStringLiteral("%1:%2").arg(displayPath).arg(line),
               recordError(QStringLiteral("Invalid JSON: %1.").arg(message)));
    };
    if (input.peek() == '[') {
        input.clearMark();
        importJsonArray(input, displayPath, source);
        return;
    }
    if (input.peek() != '{') {
        input.clearMark();
        QJsonParseError illegal;
        illegal.error = QJsonParseError::IllegalValue;
        syntaxError(illegal.errorString(), input.line());
        return;
    }
    const int firstLine = input.line();
    QByteArray first;
    JsonArrayReader::scanValue(input, &first);
    JsonArrayReader::skipSpace(input);
    const bool more = input.peek() >= 0;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(first, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        input.clearMark();
        syntaxError(parseError.errorString(), firstLine + int(first.left(parseError.offset).count('\n')));
    } else if (more) {
        input.rewindToMark();
        importJsonLines(input, displayPath, source);
    } else {
        input.clearMark();
        addRecord(document.object(), source, displayPath);
    }
}

void FileImporter::importJsonArray(ByteStream &input, const QString &displayPath, const IngestSource &source)
{
    JsonArrayReader reader(input);
    for (;;) {
        switch (reader.next()) {
        case JsonArrayReader::Next::Element: {
            const QString location = QStringLiteral("%1[%2]").arg(displayPath).arg(reader.index());
            if (!reader.value().isObject())
                reject(location, recordError(QStringLiteral("Expected a JSON object (an observe body).")));
            else
                addRecord(reader.value().toObject(), source, location);
            break;
        }
        case JsonArrayReader::Next::SyntaxError:
            reject(QStringLiteral("%1:%2").arg(displayPath).arg(reader.errorLine()),
                   recordError(QStringLiteral("Invalid JSON: %1.").arg(reader.errorMessage())));
            return;
        case JsonArrayReader::Next::End:
            return;
        }
    }
}

void FileImporter::addRecord(const QJsonObject &body, const IngestSource &source, const QString &location)
{
    // Progress within a file too: one JSON Lines file may hold a whole day of calls.
    if (++m_records % kProgressEveryRecords == 0)
        emit progress(m_filesDone, m_filesTotal, m_records);
    PreparedCall prepared = m_pipeline->prepare(body, source);
    if (!prepared.storeError.isEmpty()) {
        reject(location, recordError(prepared.storeError));
        return;
    }
    if (!prepared.isValid()) {
        reject(location, prepared.errors);
        return;
    }
    m_batch.append(prepared.call);
    m_batchLocations.append(location);
    if (m_batch.size() >= kBatchSize)
        flushBatch();
}

void FileImporter::reject(const QString &location, const FieldErrors &errors)
{
    const ImportRejection rejection{location, errors};
    m_summary.rejections.append(rejection);
    emit rejected(rejection);
}

void FileImporter::flushBatch()
{
    if (m_batch.isEmpty())
        return;
    m_pending.append(m_pipeline->store()->upsertMany(m_batch));
    m_pendingLocations.append(m_batchLocations);
    m_pendingCalls.append(m_batch);
    m_batch.clear();
    m_batchLocations.clear();
    while (m_pending.size() > kMaxPendingBatches) {
        collect(m_pending.first(), m_pendingLocations.first(), m_pendingCalls.first());
        m_pending.removeFirst();
        m_pendingLocations.removeFirst();
        m_pendingCalls.removeFirst();
    }
}

void FileImporter::collect(QFuture<QList<UpsertOutcome>> &future, const QStringList &locations, QList<CallLog> calls)
{
    const QList<UpsertOutcome> outcomes = future.result();
    QList<CallLog> stored;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const UpsertOutcome &outcome = outcomes.at(i);
        if (!outcome.error.isEmpty())
            reject(locations.value(i), recordError(outcome.error));
        else if (outcome.created)
            ++m_summary.imported;
        else if (outcome.changed)
            ++m_summary.updated;
        else
            ++m_summary.unchanged;
        if (outcome.ok() && outcome.changed && i < calls.size()) {
            calls[i].id = outcome.id;
            stored.append(std::move(calls[i]));
        }
    }
    if (!stored.isEmpty())
        m_pipeline->noteStored(stored);
}
