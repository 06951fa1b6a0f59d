#pragma once

#include "calllog/redactionkind.h"
#include "ingest/callexporter.h"
#include "store/callquery.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

struct CallLog;
class CallReader;
class QSaveFile;

// A redacted copy of stored calls to share, the store left as it is (File › Export
// Redacted…, `callscope export --redact`): observe bodies (CallExporter) with the chosen
// kinds removed by the Redactor and, with recordings, each call's local recording copied
// into "<file>.recordings/" and redacted there where its text was (Redactor::redactRecording,
// as at ingest), the body naming the copy relative to the file, which is where the importer
// looks for it. The store's recording is only read. A recording that is only a URL cannot be
// redacted here and is left out (counted). A failed or cancelled export leaves nothing: the
// file is a QSaveFile and the copies written so far are removed. Blocking: run it on a
// worker thread.
class RedactedExport
{
    Q_DECLARE_TR_FUNCTIONS(RedactedExport)

public:
    // One thing redaction would remove from a call.
    struct Removal
    {
        QString callId;
        int turn = -1;     // -1: not a turn but `field`
        QString field;     // "customer_number", "metadata.email", "dynamic_variables.patient_name"
        RedactionKind kind = RedactionKind::NumericalPii;
        QString original;
    };
    // What the preview read: the removals from `calls` calls, and how many calls of the
    // whole scope have a recording that is only a URL.
    struct Preview
    {
        QList<Removal> removals;
        int calls = 0;
        int remoteRecordings = 0;
    };
    struct Result
    {
        int written = -1;           // -1: failed or cancelled
        int recordings = 0;         // redacted copies written
        int remoteRecordings = 0;   // calls whose recording is only a URL, left out
        QString error;              // a sentence; empty when cancelled
    };

    RedactedExport(const CallReader &reader, QString recordingsDir, QSet<RedactionKind> kinds);

    void setFormat(CallExporter::Format format) { m_format = format; }
    // On by default; off, every recording is left out.
    void setIncludeRecordings(bool include) { m_includeRecordings = include; }
    // Told how many calls are written after each one (its recording done); returning false
    // cancels the export there.
    void setProgress(std::function<bool(int written)> progress) { m_progress = std::move(progress); }

    // Writes the calls `query` lists to the file at `path`, their recordings beside it.
    Result write(const CallQuery &query, const QString &path) const;
    // Writes to a stream (standard output), every recording left out.
    Result write(const CallQuery &query, QIODevice *out) const;

    // "<path>.recordings": where the redacted copies of the export at `path` go.
    static QString recordingsFolderFor(const QString &path);
    // A recording only at voice_recording_url, never downloaded.
    static bool hasOnlyRemoteRecording(const CallLog &call);

    // What redaction of `kinds` would remove from the first `calls` calls `query` lists.
    static Preview preview(const CallReader &reader, CallQuery query, const QSet<RedactionKind> &kinds, int calls);

private:
    // `file` (or null: a stream) is committed only when every call and recording was written.
    Result write(const CallQuery &query, QIODevice *out, QSaveFile *file) const;

    const CallReader &m_reader;
    QString m_recordingsDir;
    QSet<RedactionKind> m_kinds;
    CallExporter::Format m_format = CallExporter::Format::JsonLines;
    bool m_includeRecordings = true;
    std::function<bool(int)> m_progress;
};
