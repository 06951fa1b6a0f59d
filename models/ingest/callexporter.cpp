#include "callexporter.h"

#include "ingest/csvtable.h"
#include "store/callreader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr int kPageSize = 500;

QString csvField(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default: return {};
    }
}

} // namespace

CallExporter::CallExporter(const CallReader &reader, QString recordingsDir)
    : m_reader(reader), m_recordingsDir(std::move(recordingsDir))
{
}

QStringList CallExporter::csvColumns()
{
    return {QStringLiteral("call_id"), QStringLiteral("agent"), QStringLiteral("assistant_id"),
            QStringLiteral("timestamp"), QStringLiteral("status"), QStringLiteral("feedback"),
            QStringLiteral("call_ended_reason"), QStringLiteral("customer_number"), QStringLiteral("trace_id"),
            QStringLiteral("voice_recording_url"), QStringLiteral("voice_recording"),
            QStringLiteral("main_agent_channel_index"), QStringLiteral("redact_fields"),
            QStringLiteral("metadata"), QStringLiteral("dynamic_variables"),
            QStringLiteral("transcript_type"), QStringLiteral("transcript_json")};
}

int CallExporter::write(const CallQuery &query, Format format, QIODevice *out, QString *error) const
{
    const QStringList columns = csvColumns();
    if (format == Format::Csv)
        out->write(CsvTable::formatRow(columns).toUtf8() + '\n');

    int written = 0;
    CallQuery page = query;
    const int limit = query.limit > 0 ? query.limit : std::numeric_limits<int>::max();
    page.limit = std::min(kPageSize, limit);
    while (written < limit) {
        const quint64 failures = m_reader.failureCount();
        const QList<CallLog> calls = m_reader.list(page);
        if (m_reader.failureCount() != failures) {
            *error = QStringLiteral("the call store could not be read: %1").arg(m_reader.lastError());
            return -1;
        }
        for (const CallLog &summary : calls) {
            const StoreLookup<CallLog> stored = m_reader.callById(summary.id);
            if (stored.isFailed()) {
                *error = QStringLiteral("the call store could not be read: %1").arg(stored.error());
                return -1;
            }
            if (!stored)
                continue;   // removed since the page was read
            CallLog call = *stored;
            if (m_prepare)
                m_prepare(call);
            QJsonObject body = call.toObserveJson();
            if (!call.recordingPath.isEmpty()) {
                const QString recording = QDir(m_recordingsDir).absoluteFilePath(call.recordingPath);
                body.insert(QStringLiteral("voice_recording"),
                            m_recordingsBase.isEmpty() ? recording : QDir(m_recordingsBase).relativeFilePath(recording));
            }
            QByteArray line;
            if (format == Format::JsonLines) {
                line = QJsonDocument(body).toJson(QJsonDocument::Compact);
            } else {
                QStringList fields;
                for (const QString &column : columns)
                    fields.append(csvField(body.value(column)));
                line = CsvTable::formatRow(fields).toUtf8();
            }
            if (out->write(line + '\n') < 0) {
                *error = out->errorString();
                return -1;
            }
            ++written;
            if (m_progress && !m_progress(written)) {
                *error = QStringLiteral("the export was cancelled");
                return -1;
            }
            if (written >= limit)
                break;
        }
        if (calls.size() < page.limit)
            break;
        page.offset += int(calls.size());
    }
    return written;
}
