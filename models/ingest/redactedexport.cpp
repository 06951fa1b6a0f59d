#include "redactedexport.h"

#include "calllog/calllog.h"
#include "redact/redactioncontext.h"
#include "redact/redactor.h"
#include "store/callreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace {

constexpr int kPageSize = 500;

// The redacted copies of one export's recordings: each copied under a temporary name,
// redacted there, then renamed to "<call id>.<ext>"; all of them removed again, with the
// folder when this export made it, when the export does not complete.
class RecordingCopies
{
public:
    RecordingCopies(QString folder, QString recordingsDir)
        : m_folder(std::move(folder)), m_recordingsDir(std::move(recordingsDir))
    {
    }

    int count() const { return int(m_written.size()); }

    // The redacted copy of the call's recording (its turns redacted, their spans this
    // pass's only), or empty with `error` set.
    QString copy(const CallLog &call, QString *error)
    {
        const QString source = QDir(m_recordingsDir).absoluteFilePath(call.recordingPath);
        const QString shownSource = QDir::toNativeSeparators(source);
        if (!QFileInfo(m_folder).isDir()) {
            if (!QDir().mkpath(m_folder)) {
                *error = RedactedExport::tr("The folder %1 for the recordings cannot be made.")
                             .arg(QDir::toNativeSeparators(m_folder));
                return {};
            }
            m_madeFolder = true;
        }
        const QString base = uniqueBaseName(call);
        const QString suffix = QFileInfo(source).suffix();
        const QString dotSuffix = suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix;
        const QString partial = QDir(m_folder).filePath(base + QStringLiteral(".part") + dotSuffix);
        QFile::remove(partial);
        QFile original(source);
        if (!original.copy(partial)) {
            *error = RedactedExport::tr("The recording %1 of call %2 cannot be copied: %3.")
                         .arg(shownSource, call.callId, original.errorString());
            return {};
        }
        m_written.append(partial);
        // The store's files are the owner's alone and may be read-only; the copy must be writable.
        QFile::setPermissions(partial, QFile::ReadOwner | QFile::WriteOwner);
        QString redactError;
        const QString redacted = Redactor::redactRecording(call.turns, partial, &redactError);
        if (redacted.isEmpty()) {
            *error = RedactedExport::tr("The recording %1 of call %2 cannot be redacted: %3")
                         .arg(shownSource, call.callId, redactError);
            return {};
        }
        m_written.last() = redacted;   // a new name when its format changed (the partial copy is gone then)
        const QString target = QDir(m_folder).filePath(base + QLatin1Char('.') + QFileInfo(redacted).suffix());
        QFile::remove(target);
        if (!QFile::rename(redacted, target)) {
            *error = RedactedExport::tr("The redacted recording of call %1 cannot be saved as %2.")
                         .arg(call.callId, QDir::toNativeSeparators(target));
            return {};
        }
        m_written.last() = target;
        return target;
    }

    void removeAll()
    {
        for (const QString &path : std::as_const(m_written))
            QFile::remove(path);
        m_written.clear();
        if (m_madeFolder)
            QDir().rmdir(m_folder);
    }

private:
    // The call id as a file name of its own in the folder ("call 7/a" → "call_7_a").
    QString uniqueBaseName(const CallLog &call)
    {
        static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]"));
        QString base = call.callId.left(100);
        base.replace(unsafe, QStringLiteral("_"));
        if (base.isEmpty())
            base = QStringLiteral("call");
        if (m_used.contains(base.toLower()))
            base += QLatin1Char('-') + QString::number(call.id);
        m_used.insert(base.toLower());
        return base;
    }

    QString m_folder;
    QString m_recordingsDir;
    QStringList m_written;
    QSet<QString> m_used;
    bool m_madeFolder = false;
};

} // namespace

RedactedExport::RedactedExport(const CallReader &reader, QString recordingsDir, QSet<RedactionKind> kinds)
    : m_reader(reader), m_recordingsDir(std::move(recordingsDir)), m_kinds(std::move(kinds))
{
}

QString RedactedExport::recordingsFolderFor(const QString &path)
{
    return QFileInfo(path).absoluteFilePath() + QStringLiteral(".recordings");
}

bool RedactedExport::hasOnlyRemoteRecording(const CallLog &call)
{
    return call.recordingPath.isEmpty() && !call.voiceRecordingUrl.isEmpty();
}

RedactedExport::Result RedactedExport::write(const CallQuery &query, const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Result result;
        result.error = tr("%1 cannot be written: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    return write(query, &file, &file);
}

RedactedExport::Result RedactedExport::write(const CallQuery &query, QIODevice *out) const
{
    return write(query, out, nullptr);
}

RedactedExport::Result RedactedExport::write(const CallQuery &query, QIODevice *out, QSaveFile *file) const
{
    const QString path = file ? file->fileName() : QString();
    Result result;
    const bool withRecordings = m_includeRecordings && !path.isEmpty();
    RecordingCopies copies(withRecordings ? recordingsFolderFor(path) : QString(), m_recordingsDir);
    QString failure;   // a sentence of ours: a recording or the file could not be written
    const Redactor redactor(m_kinds);
    CallExporter exporter(m_reader, m_recordingsDir);
    if (withRecordings)
        exporter.setRecordingsRelativeTo(QFileInfo(path).absolutePath());
    exporter.setPrepare([&](CallLog &call) {
        // Only the spans redacted now are the copy's to silence: those stored were silenced at ingest.
        for (Turn &turn : call.turns)
            turn.redactions.clear();
        redactor.redact(call);
        if (hasOnlyRemoteRecording(call))
            ++result.remoteRecordings;
        // A URL serves the unredacted audio.
        call.voiceRecordingUrl.clear();
        if (call.recordingPath.isEmpty() || !withRecordings || !failure.isEmpty()) {
            call.recordingPath.clear();
            return;
        }
        call.recordingPath = copies.copy(call, &failure);
    });
    bool cancelled = false;
    exporter.setProgress([&](int written) {
        if (!failure.isEmpty())
            return false;
        cancelled = m_progress && !m_progress(written);
        return !cancelled;
    });
    QString error;
    result.written = exporter.write(query, m_format, out, &error);
    if (result.written >= 0 && file && !file->commit()) {
        result.written = -1;
        failure = tr("%1 cannot be saved: %2.").arg(QDir::toNativeSeparators(path), file->errorString());
    }
    result.recordings = copies.count();
    if (result.written < 0) {
        copies.removeAll();
        if (!failure.isEmpty())
            result.error = failure;
        else if (!cancelled)
            result.error = path.isEmpty() ? tr("The export failed: %1.").arg(error)
                                          : tr("%1 cannot be written: %2.").arg(QDir::toNativeSeparators(path), error);
    }
    return result;
}

RedactedExport::Preview RedactedExport::preview(const CallReader &reader, CallQuery query, const QSet<RedactionKind> &kinds,
                                                int calls)
{
    Preview preview;
    query.offset = 0;
    query.withDetails = false;
    CallQuery first = query;
    first.limit = calls;
    const Redactor redactor(kinds);
    for (const CallLog &summary : reader.list(first)) {
        const StoreLookup<CallLog> call = reader.callById(summary.id);
        if (!call)
            continue;
        ++preview.calls;
        for (const RedactionSpan &span : redactor.find(RedactionContext(call->turns, Redactor::knownValuesOf(*call)))) {
            const QString &content = call->turns.at(span.turn).content;
            preview.removals.append({call->callId, span.turn, {}, span.kind, content.mid(span.begin, span.length())});
        }
        for (const Redactor::FieldRemoval &removal : redactor.fieldRemovals(*call))
            preview.removals.append({call->callId, -1, removal.field, removal.kind, removal.original});
    }
    // The remote recordings of the whole scope, from the list's columns alone.
    if (query.hasRecording.value_or(true)) {
        query.hasRecording = true;
        query.limit = kPageSize;
        for (;;) {
            const QList<CallLog> page = reader.list(query);
            for (const CallLog &call : page)
                preview.remoteRecordings += hasOnlyRemoteRecording(call) ? 1 : 0;
            if (page.size() < kPageSize)
                break;
            query.offset += kPageSize;
        }
    }
    return preview;
}
