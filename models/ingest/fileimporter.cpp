#include "fileimporter.h"

#include "ingest/csvtable.h"
#include "store/callstore.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Calls per store request: large enough for group commit to pay, small enough that the
// writer starts while the importer is still reading.
constexpr qsizetype kBatchSize = 250;
// Batches in flight before the importer waits, bounding memory on huge imports.
constexpr qsizetype kMaxPendingBatches = 4;
constexpr int kProgressEveryRecords = 1000;

const QStringList kImportSuffixes{QStringLiteral("json"), QStringLiteral("jsonl"), QStringLiteral("ndjson"),
                                  QStringLiteral("csv")};

int lineOfOffset(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

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
        } else if (info.isFile()) {
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
        collect(m_pending[i], m_pendingLocations.at(i));
    m_pending.clear();
    m_pendingLocations.clear();
    return m_summary;
}

void FileImporter::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reject(path, recordError(QStringLiteral("Cannot read the file: %1.").arg(file.errorString())));
        return;
    }
    const QByteArray data = file.readAll();
    const QString displayPath = QFileInfo(path).filePath();
    IngestSource source;
    source.localRecordingPaths = true;
    source.baseDir = QFileInfo(path).absolutePath();
    if (path.startsWith(QLatin1Char(':')))
        source.baseDir = QFileInfo(path).path();
    const QString suffix = QFileInfo(path).suffix().toLower();

    if (suffix == QLatin1String("csv")) {
        QList<CsvTable::Row> rows;
        QString error;
        if (!CsvTable::parse(QString::fromUtf8(data), rows, &error)) {
            reject(displayPath, recordError(QStringLiteral("Malformed CSV, %1.").arg(error)));
            return;
        }
        if (rows.isEmpty())
            return;
        const QStringList header = rows.takeFirst().fields;
        source.encoding = ObserveRequest::Encoding::Form;
        for (const CsvTable::Row &row : std::as_const(rows)) {
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
        return;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    const bool jsonLines = suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson")
                           || (parseError.error == QJsonParseError::GarbageAtEnd && data.trimmed().startsWith('{'));
    if (jsonLines) {
        const QList<QByteArray> lines = data.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            const QString location = QStringLiteral("%1:%2").arg(displayPath).arg(i + 1);
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
        return;
    }
    if (parseError.error != QJsonParseError::NoError) {
        reject(QStringLiteral("%1:%2").arg(displayPath).arg(lineOfOffset(data, parseError.offset)),
               recordError(QStringLiteral("Invalid JSON: %1.").arg(parseError.errorString())));
        return;
    }
    if (document.isObject()) {
        addRecord(document.object(), source, displayPath);
        return;
    }
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString location = QStringLiteral("%1[%2]").arg(displayPath).arg(i);
        if (!array.at(i).isObject())
            reject(location, recordError(QStringLiteral("Expected a JSON object (an observe body).")));
        else
            addRecord(array.at(i).toObject(), source, location);
    }
}

void FileImporter::addRecord(const QJsonObject &body, const IngestSource &source, const QString &location)
{
    // Progress within a file too: one JSON Lines file may hold a whole day of calls.
    if (++m_records % kProgressEveryRecords == 0)
        emit progress(m_filesDone, m_filesTotal, m_records);
    PreparedCall prepared = m_pipeline->prepare(body, source);
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
    m_batch.clear();
    m_batchLocations.clear();
    while (m_pending.size() > kMaxPendingBatches) {
        collect(m_pending.first(), m_pendingLocations.first());
        m_pending.removeFirst();
        m_pendingLocations.removeFirst();
    }
}

void FileImporter::collect(QFuture<QList<UpsertOutcome>> &future, const QStringList &locations)
{
    const QList<UpsertOutcome> outcomes = future.result();
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
    }
}
