#pragma once

#include "calllog/fielderrors.h"
#include "ingest/ingestpipeline.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class ByteStream;
struct UpsertOutcome;

// One record the importer could not take, and where it stands: "calls.jsonl:12" for
// JSON Lines and CSV, "calls.json[3]" for an element of a JSON array, "call.json" for a
// file holding one body.
struct ImportRejection
{
    QString location;
    FieldErrors errors;

    // "location: field: message" for each bad field, as the CLI and the app report them.
    QStringList lines() const
    {
        QStringList result;
        for (const QString &field : errors.fields())
            result.append(location + QStringLiteral(": ") + field + QStringLiteral(": ")
                          + errors.messages(field).join(QLatin1Char(' ')));
        return result;
    }
};

struct ImportSummary
{
    int imported = 0;    // new calls
    int updated = 0;     // existing calls that changed
    int unchanged = 0;   // existing calls identical to what was stored
    QList<ImportRejection> rejections;

    int rejected() const { return int(rejections.size()); }
    int total() const { return imported + updated + unchanged + rejected(); }
};

// Imports observe bodies from files and folders through the shared IngestPipeline.
// A file holds one body, a JSON array of bodies, JSON Lines, or CSV (one body per row,
// columns named after the body's fields, JSON-valued fields as JSON text). Folders are
// walked recursively. A bad record is reported and skipped; the others go in, in batches
// that the store commits while the next batch is read. Files are read as a stream (a
// pipe works too): memory holds the record being read and at most MaxCallsInFlight
// calls waiting for the store, whatever the file's size. A JSON syntax error ends its
// file; the records before it are imported. Blocking: run it off the GUI thread.
class FileImporter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileImporter)

public:
    // Calls read but not yet committed, at most; past it the importer waits for the store.
    static constexpr int MaxCallsInFlight = 1250;

    explicit FileImporter(IngestPipeline *pipeline, QObject *parent = nullptr);

    ImportSummary importPaths(const QStringList &paths);

    // The files importPaths() would read, in the order it reads them.
    static QStringList collectFiles(const QStringList &paths, QStringList *missing = nullptr);

signals:
    void progress(int filesDone, int filesTotal, int records);
    void rejected(const ImportRejection &rejection);

private:
    void importFile(const QString &path);
    void importCsv(ByteStream &input, const QString &displayPath, IngestSource source);
    void importJsonLines(ByteStream &input, const QString &displayPath, const IngestSource &source);
    void importJson(ByteStream &input, const QString &displayPath, const IngestSource &source);
    void importJsonArray(ByteStream &input, const QString &displayPath, const IngestSource &source);
    void addRecord(const QJsonObject &body, const IngestSource &source, const QString &location);
    void reject(const QString &location, const FieldErrors &errors);
    void flushBatch();
    void collect(QFuture<QList<UpsertOutcome>> &future, const QStringList &locations, QList<CallLog> calls);

    IngestPipeline *m_pipeline;
    ImportSummary m_summary;
    QList<CallLog> m_batch;
    QStringList m_batchLocations;
    QList<QFuture<QList<UpsertOutcome>>> m_pending;
    QList<QStringList> m_pendingLocations;
    QList<QList<CallLog>> m_pendingCalls;     // as sent, for IngestPipeline::noteStored
    int m_records = 0;
    int m_filesDone = 0;
    int m_filesTotal = 0;
};
