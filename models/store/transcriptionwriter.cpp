#include "transcriptionwriter.h"

#include "storeerror.h"

#include <QSqlError>
#include <QSqlQuery>

TranscriptionWriter::TranscriptionWriter(const QSqlDatabase &db)
    : m_db(db)
{
}

bool TranscriptionWriter::update(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        throw StoreError(QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified().left(160)));
    return query.numRowsAffected() > 0;
}

QList<qint64> TranscriptionWriter::queue(const QList<qint64> &callDbIds, qint64 nowMs)
{
    const QString pending = TranscriptionState{}.pendingMessage();
    QList<qint64> queued;
    for (qint64 id : callDbIds) {
        if (update(QStringLiteral("UPDATE calls SET transcription = 'queued', transcription_progress = 0, "
                                  "error_message = ?, updated_at = ? WHERE id = ? AND transcript_type = 'none-mono'"),
                   {pending, nowMs, id}))
            queued.append(id);
    }
    return queued;
}

int TranscriptionWriter::requeueInterrupted(qint64 nowMs)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE calls SET transcription = 'queued', transcription_progress = 0, error_message = ?, "
                                 "updated_at = ? WHERE transcription = 'transcribing'"));
    query.addBindValue(TranscriptionState{}.pendingMessage());
    query.addBindValue(nowMs);
    if (!query.exec())
        throw StoreError(query.lastError().text());
    return query.numRowsAffected();
}

bool TranscriptionWriter::claim(qint64 callDbId, qint64 nowMs)
{
    const TranscriptionState started{TranscriptionStatus::Transcribing, 0.0};
    return update(QStringLiteral("UPDATE calls SET transcription = 'transcribing', transcription_progress = 0, "
                                 "error_message = ?, updated_at = ? WHERE id = ? AND transcription = 'queued'"),
                  {started.pendingMessage(), nowMs, callDbId});
}

bool TranscriptionWriter::report(qint64 callDbId, double progress, qint64 nowMs)
{
    const TranscriptionState state{TranscriptionStatus::Transcribing, std::clamp(progress, 0.0, 1.0)};
    return update(QStringLiteral("UPDATE calls SET transcription_progress = ?, error_message = ?, updated_at = ? "
                                 "WHERE id = ? AND transcription = 'transcribing'"),
                  {state.progress, state.pendingMessage(), nowMs, callDbId});
}

bool TranscriptionWriter::setDetectedAgentChannel(qint64 callDbId, int channel)
{
    return update(QStringLiteral("UPDATE calls SET detected_agent_channel = ? WHERE id = ? "
                                 "AND main_agent_channel_index IS NULL AND detected_agent_channel IS NOT ?"),
                  {channel, callDbId, channel});
}

bool TranscriptionWriter::fail(qint64 callDbId, const QString &reason, qint64 nowMs)
{
    return update(QStringLiteral("UPDATE calls SET transcription = 'failed', error_message = ?, updated_at = ? "
                                 "WHERE id = ? AND transcription = 'transcribing'"),
                  {QStringLiteral("transcription failed: %1").arg(reason), nowMs, callDbId});
}
