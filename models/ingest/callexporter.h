#pragma once

#include "store/callquery.h"

#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>

struct CallLog;
class CallReader;

// Writes stored calls as observe bodies, so that an export imports back into the same
// calls (reviews included, through the status extension field). JSON Lines: one body per
// line. CSV: one body per row under csvColumns(), JSON-valued fields as JSON text (the
// importer reads it like a form-encoded body). A local recording is written as an
// absolute `voice_recording` path, or one relative to the file. A caller may change each
// call before it is written (a redacted export) and follow, or stop, the writing call by call.
class CallExporter
{
public:
    enum class Format { JsonLines, Csv };

    CallExporter(const CallReader &reader, QString recordingsDir);

    // Returns the number of calls written, or -1 with `error` set (the reader's
    // failureCount() grew when it was the store that failed, not `out`).
    int write(const CallQuery &query, Format format, QIODevice *out, QString *error) const;

    // Applied to each call, on the writing thread, before it is written.
    void setPrepare(std::function<void(CallLog &)> prepare) { m_prepare = std::move(prepare); }
    // Told how many calls are written after each one; returning false stops the export
    // (write() fails with "the export was cancelled").
    void setProgress(std::function<bool(int written)> progress) { m_progress = std::move(progress); }
    // Writes `voice_recording` relative to `dir` (the export file's folder, which the importer
    // resolves a relative path against), so the export and its recordings move together.
    void setRecordingsRelativeTo(QString dir) { m_recordingsBase = std::move(dir); }

    static QStringList csvColumns();

private:
    const CallReader &m_reader;
    QString m_recordingsDir;
    QString m_recordingsBase;
    std::function<void(CallLog &)> m_prepare;
    std::function<bool(int)> m_progress;
};
