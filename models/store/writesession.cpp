#include "writesession.h"

#include "callstore.h"
#include "labelwriter.h"
#include "metricwriter.h"
#include "statementcache.h"
#include "storeerror.h"
#include "redactionscolumn.h"
#include "storelog.h"
#include "transcriptionwriter.h"
#include "wordscolumn.h"

#include "calllog/agentkey.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace {

// calls' columns written by both INSERT and UPDATE, in binding order.
const QStringList &callColumns()
{
    static const QStringList columns{
        QStringLiteral("agent_key"), QStringLiteral("call_id"), QStringLiteral("agent_id"),
        QStringLiteral("assistant_id"), QStringLiteral("trace_id"), QStringLiteral("voice_recording_url"),
        QStringLiteral("transcript_type"), QStringLiteral("call_ended_reason"), QStringLiteral("customer_number"),
        QStringLiteral("metadata"), QStringLiteral("dynamic_variables"), QStringLiteral("timestamp"),
        QStringLiteral("feedback"), QStringLiteral("redact_fields"), QStringLiteral("metric_ids"),
        QStringLiteral("main_agent_channel_index"), QStringLiteral("status"), QStringLiteral("duration"),
        QStringLiteral("agent_name"), QStringLiteral("error_message"), QStringLiteral("dropoff_point"),
        QStringLiteral("topic"), QStringLiteral("recording_path"), QStringLiteral("status_source"),
        QStringLiteral("detected_agent_channel"), QStringLiteral("transcription"), QStringLiteral("transcription_progress"),
        QStringLiteral("redactions"),
        // bound separately, after the values above:
        QStringLiteral("updated_at"), QStringLiteral("content_hash"),
    };
    return columns;
}

QString insertCallSql()
{
    QStringList marks;
    for (qsizetype i = 0; i <= callColumns().size(); ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("INSERT INTO calls (%1, created_at) VALUES (%2)")
        .arg(callColumns().join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
}

QString updateCallSql()
{
    QStringList sets;
    for (const QString &column : callColumns())
        sets.append(column + QStringLiteral(" = ?"));
    return QStringLiteral("UPDATE calls SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", ")));
}

// An audio-only call waits for local transcription until it has turns; others have none.
QVariant transcriptionOf(const CallLog &call)
{
    if (call.transcriptType != QLatin1String("none-mono"))
        return {};
    return TranscriptionState::name(call.turns.isEmpty() ? TranscriptionStatus::Queued : TranscriptionStatus::Done);
}

// Empty text is stored as NULL.
QVariant text(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

// For NOT NULL text columns: Qt binds a null QString as SQL NULL.
QVariant nonNullText(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant json(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant json(const QJsonArray &array)
{
    if (array.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariant statusValue(std::optional<ReviewStatus> status)
{
    return status ? QVariant(ReviewStatuses::name(*status)) : QVariant();
}

QString idList(const QSet<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

// NULL (whatever its Qt type) or text.
std::optional<QString> optionalText(const QVariant &value)
{
    if (value.isNull() || value.toString().isNull())
        return std::nullopt;
    return value.toString();
}

bool differs(const QVariant &a, const QVariant &b)
{
    return optionalText(a) != optionalText(b);
}

// A digest of what an upsert stores (row values, turns, and metric results when given).
QByteArray contentHash(const QVariantList &values, const CallLog &call)
{
    QCryptographicHash hash(QCryptographicHash::Md5);
    auto add = [&hash](const QString &text, bool isNull = false) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
        const char separator[2] = {isNull ? '\1' : '\0', '\0'};
        hash.addData(QByteArrayView(separator, 2));
    };
    for (const QVariant &value : values)
        add(value.toString(), value.isNull());
    for (const Turn &turn : call.turns) {
        add(QString::number(int(turn.role)));
        add(turn.content);
        add(QString::number(turn.startTime, 'g', 17));
        add(QString::number(turn.endTime, 'g', 17));
        if (!turn.data.isEmpty())
            add(QString::fromUtf8(QJsonDocument(turn.data).toJson(QJsonDocument::Compact)));
        // Nothing for a turn without words: a call stored before words were kept has the
        // same digest, so its identical re-post still writes nothing.
        for (const TimedWord &word : turn.words) {
            add(word.text);
            for (const double seconds : {word.startTime, word.endTime})
                hash.addData(QByteArrayView(reinterpret_cast<const char *>(&seconds), sizeof seconds));
        }
    }
    for (const MetricResult &metric : call.metrics)
        add(QString::fromUtf8(metric.toJsonText()));
    return hash.result();
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

WriteSession::WriteSession(const QSqlDatabase &db)
    : m_db(db)
    , m_labels(std::make_unique<LabelWriter>(db))
    , m_statementCache(std::make_unique<StatementCache>(db))
    , m_metrics(std::make_unique<MetricWriter>(m_statementCache.get()))
    , m_transcriptions(std::make_unique<TranscriptionWriter>(db))
{
}

WriteSession::~WriteSession() = default;

QSqlQuery &WriteSession::statement(Statement which)
{
    std::unique_ptr<QSqlQuery> &slot = m_statements[std::size_t(which)];
    if (slot)
        return *slot;
    QString sql;
    switch (which) {
    case FindCall:
        sql = QStringLiteral("SELECT id FROM calls WHERE agent_key = ? AND call_id = ?");
        break;
    case LoadForUpsert:
        sql = QStringLiteral("SELECT id, status, feedback, timestamp, voice_recording_url, recording_path, "
                             "error_message, agent_name, dropoff_point, topic, content_hash, status_source "
                             "FROM calls WHERE agent_key = ? AND call_id = ?");
        break;
    case InsertCall: sql = insertCallSql(); break;
    case UpdateCall: sql = updateCallSql(); break;
    case DeleteTurns: sql = QStringLiteral("DELETE FROM turns WHERE call = ?"); break;
    case EnsureAgent:
        sql = QStringLiteral("INSERT INTO agents (key, agent_id, assistant_id, name, created_at) "
                             "VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET name = COALESCE(excluded.name, agents.name)");
        break;
    case InsertEvent:
        sql = QStringLiteral("INSERT INTO review_events (call, time, actor, field, old_value, new_value) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
        break;
    case UpdateVerdict:
        sql = QStringLiteral("UPDATE calls SET status = ?, status_source = ?, updated_at = ? WHERE id = ?");
        break;
    case LoadReview: sql = QStringLiteral("SELECT status, feedback, status_source FROM calls WHERE id = ?"); break;
    case UpdateReview:
        sql = QStringLiteral("UPDATE calls SET status = ?, feedback = ?, status_source = ?, updated_at = ?, "
                             "content_hash = NULL WHERE id = ?");
        break;
    case SetRecording:
        sql = QStringLiteral("UPDATE calls SET recording_path = ?, error_message = ?, updated_at = ?, content_hash = NULL WHERE id = ?");
        break;
    case LoadAgentSettings: sql = QStringLiteral("SELECT settings FROM agents WHERE key = ?"); break;
    case SaveAgentSettings:
        sql = QStringLiteral("INSERT INTO agents (key, agent_id, assistant_id, name, settings, webhook_secret, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET name = excluded.name, settings = excluded.settings, "
                             "webhook_secret = excluded.webhook_secret");
        break;
    case InsertRequest:
        sql = QStringLiteral("INSERT INTO requests (time, client_address, method, path, status, latency_ms, size, "
                             "errors, headers, body_path, call, logged_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        break;
    case StatementCount: break;
    }
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        throw StoreError(QStringLiteral("prepare failed: %1 (%2)").arg(query->lastError().text(), sql));
    slot = std::move(query);
    return *slot;
}

void WriteSession::exec(QSqlQuery &query)
{
    if (!query.exec())
        throw StoreError(QStringLiteral("%1 (in: %2)").arg(query.lastError().text(),
                                                            query.lastQuery().simplified().left(160)));
}

void WriteSession::execSql(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        throw StoreError(QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.left(160)));
}

void WriteSession::resetBatchState()
{
    m_notedCalls.clear();
    m_touchedCalls.clear();
    m_changedCalls.clear();
    m_requestsChanged = false;
    m_metricsChanged = false;
    m_recordingsToRemove.clear();
    m_filesToRemove.clear();
}

void WriteSession::begin()
{
    resetBatchState();
    execSql(QStringLiteral("BEGIN IMMEDIATE"));
}

void WriteSession::commit()
{
    execSql(QStringLiteral("COMMIT"));
}

void WriteSession::rollback()
{
    for (auto &query : m_statements) {
        if (query)
            query->finish();
    }
    for (auto &query : m_turnInserts) {
        if (query)
            query->finish();
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
    // The agents cache may name rows that were just rolled back.
    m_knownAgents.clear();
    resetBatchState();
}

std::optional<qint64> WriteSession::findCall(const QString &agentKey, const QString &callId)
{
    QSqlQuery &query = statement(FindCall);
    query.bindValue(0, agentKey);
    query.bindValue(1, callId);
    exec(query);
    std::optional<qint64> id;
    if (query.next())
        id = query.value(0).toLongLong();
    query.finish();
    return id;
}

void WriteSession::noteTurnChange(qint64 callDbId)
{
    if (!m_touchedCalls.contains(callDbId))
        m_notedCalls.insert(callDbId);
}

void WriteSession::unindexNotedCalls()
{
    if (m_notedCalls.isEmpty())
        return;
    // 'delete' needs the indexed text: read it from turns before they change.
    execSql(QStringLiteral("INSERT INTO turns_fts (turns_fts, rowid, content) "
                           "SELECT 'delete', id, content FROM turns WHERE call IN (%1)")
                .arg(idList(m_notedCalls)));
    m_touchedCalls.unite(m_notedCalls);
    m_notedCalls.clear();
}

void WriteSession::unindexNow(qint64 callDbId)
{
    if (m_touchedCalls.contains(callDbId))
        return;
    m_notedCalls = {callDbId};
    unindexNotedCalls();
}

void WriteSession::indexTouchedCalls()
{
    if (m_touchedCalls.isEmpty())
        return;
    execSql(QStringLiteral("INSERT INTO turns_fts (rowid, content) SELECT id, content FROM turns WHERE call IN (%1)")
                .arg(idList(m_touchedCalls)));
    // With FTS5's automerge a group now and then merged whole levels of segments (up to
    // 16 ms, the largest part of the listener's p99). Instead every indexing group does
    // a small share: about FtsMergePagesPerGroup pages of merged output, which keeps
    // the segment count below automerge's under sustained load.
    execSql(QStringLiteral("INSERT INTO turns_fts (turns_fts, rank) VALUES ('merge', %1)").arg(FtsMergePagesPerGroup));
}

void WriteSession::ensureAgent(const CallLog &call)
{
    const QString key = call.agentKey();
    const auto known = m_knownAgents.constFind(key);
    if (known != m_knownAgents.constEnd() && (call.agentName.isEmpty() || *known == call.agentName))
        return;
    QSqlQuery &query = statement(EnsureAgent);
    query.bindValue(0, key);
    query.bindValue(1, call.agent ? QVariant(*call.agent) : QVariant());
    query.bindValue(2, call.agent ? QVariant() : text(call.assistantId));
    query.bindValue(3, text(call.agentName));
    query.bindValue(4, now());
    exec(query);
    m_knownAgents.insert(key, call.agentName);
}

UpsertOutcome WriteSession::upsert(const CallLog &call)
{
    if (call.callId.isEmpty())
        throw StoreError(QStringLiteral("call_id is empty"));
    const QString key = call.agentKey();
    ensureAgent(call);

    QSqlQuery &load = statement(LoadForUpsert);
    load.bindValue(0, key);
    load.bindValue(1, call.callId);
    exec(load);
    const bool exists = load.next();
    const qint64 existingId = exists ? load.value(0).toLongLong() : 0;
    const QVariant oldStatus = exists ? load.value(1) : QVariant();
    const QVariant oldFeedback = exists ? load.value(2) : QVariant();
    const QVariant oldTimestamp = exists ? load.value(3) : QVariant();
    const QString oldUrl = exists ? load.value(4).toString() : QString();
    const QVariant oldRecording = exists ? load.value(5) : QVariant();
    const QVariant oldError = exists ? load.value(6) : QVariant();
    const QVariant oldAgentName = exists ? load.value(7) : QVariant();
    const QVariant oldDropoff = exists ? load.value(8) : QVariant();
    const QVariant oldTopic = exists ? load.value(9) : QVariant();
    const QByteArray oldHash = exists ? load.value(10).toByteArray() : QByteArray();
    const QVariant oldStatusSource = exists ? load.value(11) : QVariant();
    load.finish();

    const qint64 time = now();
    auto keepUnlessSet = [](const QString &value, const QVariant &old) { return value.isEmpty() ? old : QVariant(value); };

    const QVariant status = call.status ? statusValue(call.status) : oldStatus;
    // A status in the body is the sender's (an export's reviewed_* is a reviewer's), and
    // metrics leave it alone.
    const QVariant statusSource = !call.status ? oldStatusSource
                                  : ReviewStatuses::isReviewed(*call.status) ? QVariant(QStringLiteral("review"))
                                                                             : QVariant(QStringLiteral("sender"));
    const QVariant feedback = call.feedback ? text(*call.feedback) : oldFeedback;
    QVariant timestamp = call.timestamp.isValid() ? QVariant(call.timestamp.toMSecsSinceEpoch()) : oldTimestamp;
    if (timestamp.isNull())
        timestamp = time;   // no timestamp sent: when Callscope received it
    // A new recording URL makes the old local copy stale.
    QVariant recording = text(call.recordingPath);
    if (recording.isNull() && exists && oldUrl == call.voiceRecordingUrl)
        recording = oldRecording;

    QJsonArray metricIds;
    for (qint64 id : call.metricIds)
        metricIds.append(id);

    const QVariantList values{
        key,
        call.callId,
        call.agent ? QVariant(*call.agent) : QVariant(),
        text(call.assistantId),
        text(call.traceId),
        text(call.voiceRecordingUrl),
        call.transcriptType.isEmpty() ? QStringLiteral("cekura") : call.transcriptType,
        text(call.callEndedReason),
        text(call.customerNumber),
        json(call.metadata),
        json(call.dynamicVariables),
        timestamp,
        feedback,
        json(QJsonArray::fromStringList(call.redactFields)),
        json(metricIds),
        call.mainAgentChannelIndex ? QVariant(*call.mainAgentChannelIndex) : QVariant(),
        status,
        call.durationSeconds > 0 ? call.durationSeconds : call.transcriptDuration(),
        keepUnlessSet(call.agentName, oldAgentName),
        keepUnlessSet(call.errorMessage, oldError),
        keepUnlessSet(call.dropoffPoint, oldDropoff),
        keepUnlessSet(call.topic, oldTopic),
        recording,
        statusSource,
        QVariant(),   // detected anew for the new content
        transcriptionOf(call),
        0.0,
        RedactionsColumn::encode(call.redactionCounts),
    };
    // The digest covers what the sender sent: a status or feedback set since (by a
    // reviewer, by metrics) does not make an identical re-post look new.
    QVariantList sent = values;
    sent[callColumns().indexOf(QStringLiteral("status"))] = call.status ? statusValue(call.status) : QVariant();
    sent[callColumns().indexOf(QStringLiteral("feedback"))] = call.feedback ? text(*call.feedback) : QVariant();
    sent[callColumns().indexOf(QStringLiteral("status_source"))] = QVariant();
    const QByteArray hash = contentHash(sent, call);

    UpsertOutcome outcome;
    outcome.writtenAtMs = time;
    if (exists && hash == oldHash) {
        outcome.id = existingId;   // identical re-post: nothing to write but new labels
        if (call.annotations && replaceLabels(existingId, *call.annotations, time, QStringLiteral("ingest"))) {
            outcome.changed = true;
            m_changedCalls.append(existingId);
        }
        return outcome;
    }
    outcome.changed = true;
    if (exists) {
        QSqlQuery &update = statement(UpdateCall);
        int i = 0;
        for (const QVariant &value : values)
            update.bindValue(i++, value);
        update.bindValue(i++, time);
        update.bindValue(i++, hash);
        update.bindValue(i, existingId);
        exec(update);
        outcome.id = existingId;

        if (differs(status, oldStatus))
            recordEvent(existingId, time, QStringLiteral("ingest"), QStringLiteral("status"), oldStatus, status);
        if (differs(feedback, oldFeedback))
            recordEvent(existingId, time, QStringLiteral("ingest"), QStringLiteral("feedback"), oldFeedback, feedback);

        unindexNow(existingId);
        QSqlQuery &deleteTurns = statement(DeleteTurns);
        deleteTurns.bindValue(0, existingId);
        exec(deleteTurns);
    } else {
        QSqlQuery &insert = statement(InsertCall);
        int i = 0;
        for (const QVariant &value : values)
            insert.bindValue(i++, value);
        insert.bindValue(i++, time);
        insert.bindValue(i++, hash);
        insert.bindValue(i, time);
        exec(insert);
        outcome.id = insert.lastInsertId().toLongLong();
        outcome.created = true;
        m_touchedCalls.insert(outcome.id);
    }
    insertTurns(outcome.id, call.turns);
    if (!call.metrics.isEmpty())
        m_metrics->replaceResults(outcome.id, call.metrics);
    if (call.annotations)
        replaceLabels(outcome.id, *call.annotations, time, QStringLiteral("ingest"));
    m_changedCalls.append(outcome.id);
    return outcome;
}

QSqlQuery &WriteSession::insertTurnsStatement(int rows)
{
    std::unique_ptr<QSqlQuery> &slot = m_turnInserts[rows];
    if (!slot) {
        QStringList tuples(rows, QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QString sql = QStringLiteral("INSERT INTO turns (call, idx, role, content, start_s, end_s, data, words, redactions) VALUES ")
                            + tuples.join(QStringLiteral(", "));
        auto query = std::make_unique<QSqlQuery>(m_db);
        if (!query->prepare(sql))
            throw StoreError(QStringLiteral("prepare failed: %1").arg(query->lastError().text()));
        slot = std::move(query);
    }
    return *slot;
}

void WriteSession::insertTurns(qint64 callDbId, const Turns &turns)
{
    // Several rows per statement: the per-statement cost of Qt SQL and SQLite is paid
    // once per TurnsPerInsert turns instead of once per turn.
    static const QString empty = QStringLiteral("");
    for (qsizetype first = 0; first < turns.size(); first += TurnsPerInsert) {
        const int rows = int(std::min<qsizetype>(TurnsPerInsert, turns.size() - first));
        QSqlQuery &insert = insertTurnsStatement(rows);
        int position = 0;
        for (qsizetype index = first; index < first + rows; ++index) {
            const Turn &turn = turns.at(index);
            insert.bindValue(position++, callDbId);
            insert.bindValue(position++, int(index));
            insert.bindValue(position++, Turn::roleName(turn.role));
            insert.bindValue(position++, turn.content.isNull() ? empty : turn.content);
            insert.bindValue(position++, turn.startTime);
            insert.bindValue(position++, turn.endTime);
            insert.bindValue(position++, json(turn.data));
            insert.bindValue(position++, WordsColumn::encode(turn.words));
            insert.bindValue(position++, RedactionsColumn::encode(turn.redactions));
        }
        exec(insert);
    }
}

ReviewEvent WriteSession::recordEvent(qint64 callDbId, qint64 time, const QString &source, const QString &field,
                                      const QVariant &oldValue, const QVariant &newValue)
{
    ReviewEvent event;
    event.callDbId = callDbId;
    event.time = QDateTime::fromMSecsSinceEpoch(time, Qt::UTC);
    event.source = source.isEmpty() ? QStringLiteral("unknown") : source;
    event.field = field;
    event.oldValue = oldValue.isNull() ? QString() : oldValue.toString();
    event.newValue = newValue.isNull() ? QString() : newValue.toString();

    QSqlQuery &insert = statement(InsertEvent);
    insert.bindValue(0, callDbId);
    insert.bindValue(1, time);
    insert.bindValue(2, event.source);
    insert.bindValue(3, field);
    insert.bindValue(4, oldValue);
    insert.bindValue(5, newValue);
    exec(insert);
    event.id = insert.lastInsertId().toLongLong();
    return event;
}

bool WriteSession::replaceLabels(qint64 callDbId, const QList<TurnLabel> &labels, qint64 time, const QString &source,
                                 QList<ReviewEvent> *events, std::optional<QList<TurnLabel>> *before)
{
    const LabelWriter::Difference difference = m_labels->replace(callDbId, labels, time);
    if (before && !difference.isEmpty())
        *before = difference.before;
    const QString field = QStringLiteral("label");
    for (const TurnLabel &label : difference.removed) {
        const ReviewEvent event = recordEvent(callDbId, time, source, field, label.describe(), QVariant());
        if (events)
            events->append(event);
    }
    for (const TurnLabel &label : difference.added) {
        const ReviewEvent event = recordEvent(callDbId, time, source, field, QVariant(), label.describe());
        if (events)
            events->append(event);
    }
    return !difference.isEmpty();
}

bool WriteSession::rewriteEvents(qint64 callDbId, const QList<ReviewEvent> &events)
{
    QSqlQuery rewrite(m_db);
    rewrite.prepare(QStringLiteral("UPDATE review_events SET old_value = ?, new_value = ? WHERE id = ? AND call = ? "
                                   "AND (old_value IS NOT ? OR new_value IS NOT ?)"));
    bool changed = false;
    for (const ReviewEvent &event : events) {
        const QVariantList values{event.oldValue, event.newValue, event.id, callDbId, event.oldValue, event.newValue};
        for (int i = 0; i < values.size(); ++i)
            rewrite.bindValue(i, values[i]);
        exec(rewrite);
        changed = rewrite.numRowsAffected() > 0 || changed;
    }
    return changed;
}

qsizetype WriteSession::storedTurnCount(qint64 callDbId)
{
    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM turns WHERE call = ?"));
    count.addBindValue(callDbId);
    exec(count);
    return count.next() ? count.value(0).toLongLong() : 0;
}

ReviewOutcome WriteSession::review(const ReviewChange &change)
{
    ReviewOutcome outcome;
    QSqlQuery &load = statement(LoadReview);
    load.bindValue(0, change.callDbId);
    exec(load);
    if (!load.next()) {
        load.finish();
        outcome.result = ReviewOutcome::Result::NotFound;
        return outcome;
    }
    const QVariant oldStatus = load.value(0);
    const QVariant oldFeedback = load.value(1);
    const QVariant oldStatusSource = load.value(2);
    load.finish();

    // Decide everything before writing anything, so a refusal leaves the call as it was.
    std::optional<ReviewStatus> status = change.status ? change.status : ReviewStatuses::fromName(oldStatus.toString());
    if (change.clearStatus) {
        status.reset();
        if (change.status || change.reviewed)
            outcome.errors.add(change.status ? QStringLiteral("status") : QStringLiteral("is_reviewed"),
                               QStringLiteral("Set while the status is being cleared."));
    } else if (change.reviewed) {
        // success/failure with is_reviewed true means the reviewed verdict; a reviewed_*
        // status with is_reviewed false says two different things.
        if (change.status && ReviewStatuses::isReviewed(*change.status) && !*change.reviewed)
            outcome.errors.add(QStringLiteral("is_reviewed"),
                               QStringLiteral("Contradicts status \"%1\".").arg(ReviewStatuses::name(*change.status)));
        else if (!status)
            outcome.errors.add(QStringLiteral("is_reviewed"),
                               QStringLiteral("The call has no verdict yet: set status to success or failure too."));
        else
            status = ReviewStatuses::withReviewed(*status, *change.reviewed);
    }
    if (change.annotations)
        TurnLabel::checkTurns(*change.annotations,
                              change.content ? change.content->turns.size() : storedTurnCount(change.callDbId),
                              outcome.errors);
    if (!outcome.errors.isEmpty()) {
        outcome.result = ReviewOutcome::Result::Refused;
        return outcome;
    }

    if (change.content) {
        CallLog content = *change.content;
        content.status.reset();         // these change only through the review fields
        content.feedback.reset();
        content.annotations.reset();
        const UpsertOutcome stored = upsert(content);
        if (!stored.ok())
            throw StoreError(stored.error);
        if (stored.id != change.callDbId)
            throw StoreError(QStringLiteral("the new content names another call (agent and call_id must not change)"));
    }

    const QVariant newStatus = change.status || change.reviewed || change.clearStatus ? statusValue(status) : oldStatus;
    const QVariant newFeedback = change.feedback ? text(*change.feedback) : oldFeedback;
    outcome.result = ReviewOutcome::Result::Applied;
    const qint64 time = now();
    bool changed = false;
    // A status a reviewer set or confirmed (through any source) is theirs: metrics never
    // replace it.
    const bool statusGiven = change.status || change.reviewed || change.clearStatus;
    const QVariant statusSource = !statusGiven ? oldStatusSource
                                  : newStatus.isNull() ? QVariant()
                                                       : QVariant(QStringLiteral("review"));
    if (differs(newStatus, oldStatus) || differs(newFeedback, oldFeedback) || differs(statusSource, oldStatusSource)) {
        QSqlQuery &update = statement(UpdateReview);
        update.bindValue(0, newStatus);
        update.bindValue(1, newFeedback);
        update.bindValue(2, statusSource);
        update.bindValue(3, time);
        update.bindValue(4, change.callDbId);
        exec(update);
        if (differs(newStatus, oldStatus))
            outcome.events.append(recordEvent(change.callDbId, time, change.source, QStringLiteral("status"), oldStatus, newStatus));
        if (differs(newFeedback, oldFeedback) && !change.redactedHistory)
            outcome.events.append(recordEvent(change.callDbId, time, change.source, QStringLiteral("feedback"), oldFeedback, newFeedback));
        changed = true;
    }
    if (change.annotations && change.redactedHistory)
        changed = !m_labels->replace(change.callDbId, *change.annotations, time).isEmpty() || changed;
    else if (change.annotations)
        changed = replaceLabels(change.callDbId, *change.annotations, time, change.source, &outcome.events,
                                &outcome.previousAnnotations)
                  || changed;
    if (change.redactedHistory)
        changed = rewriteEvents(change.callDbId, *change.redactedHistory) || changed;
    if (changed)
        m_changedCalls.append(change.callDbId);
    return outcome;
}

bool WriteSession::remove(qint64 callDbId)
{
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT recording_path FROM calls WHERE id = ?"));
    find.addBindValue(callDbId);
    exec(find);
    if (!find.next())
        return false;
    const QString recording = find.value(0).toString();
    find.finish();

    unindexNow(callDbId);
    QSqlQuery &deleteTurns = statement(DeleteTurns);
    deleteTurns.bindValue(0, callDbId);
    exec(deleteTurns);
    QSqlQuery deleteCall(m_db);
    deleteCall.prepare(QStringLiteral("DELETE FROM calls WHERE id = ?"));   // metrics, events, labels cascade
    deleteCall.addBindValue(callDbId);
    exec(deleteCall);
    if (!recording.isEmpty())
        m_recordingsToRemove.append(recording);
    m_changedCalls.append(callDbId);
    return true;
}

bool WriteSession::setRecording(qint64 callDbId, const QString &recordingPath, const QString &errorMessage)
{
    QSqlQuery &update = statement(SetRecording);
    update.bindValue(0, text(recordingPath));
    update.bindValue(1, text(errorMessage));
    update.bindValue(2, now());
    update.bindValue(3, callDbId);
    exec(update);
    if (update.numRowsAffected() < 1)
        return false;
    QSqlQuery dequeue(m_db);
    dequeue.prepare(QStringLiteral("DELETE FROM recording_fetches WHERE call = ?"));
    dequeue.addBindValue(callDbId);
    exec(dequeue);
    m_changedCalls.append(callDbId);
    return true;
}

bool WriteSession::storeTranscript(qint64 callDbId, const Turns &turns, std::optional<int> detectedAgentChannel,
                                   const QMap<RedactionKind, int> &redactionCounts)
{
    QSqlQuery finish(m_db);
    finish.prepare(QStringLiteral(
        "UPDATE calls SET transcription = 'done', transcription_progress = 1, error_message = NULL, "
        "detected_agent_channel = CASE WHEN main_agent_channel_index IS NULL THEN ? END, "
        "duration = CASE WHEN duration > 0 THEN duration ELSE ? END, redactions = ?, updated_at = ? "
        "WHERE id = ? AND transcription = 'transcribing'"));
    finish.addBindValue(detectedAgentChannel ? QVariant(*detectedAgentChannel) : QVariant());
    CallLog transcribed;
    transcribed.turns = turns;
    finish.addBindValue(transcribed.transcriptDuration());
    finish.addBindValue(RedactionsColumn::encode(redactionCounts));
    finish.addBindValue(now());
    finish.addBindValue(callDbId);
    exec(finish);
    if (finish.numRowsAffected() < 1)
        return false;
    unindexNow(callDbId);
    QSqlQuery &deleteTurns = statement(DeleteTurns);
    deleteTurns.bindValue(0, callDbId);
    exec(deleteTurns);
    insertTurns(callDbId, turns);
    m_changedCalls.append(callDbId);
    return true;
}

void WriteSession::queueRecordingFetch(qint64 callDbId, const QString &url)
{
    QSqlQuery queue(m_db);
    queue.prepare(QStringLiteral("INSERT INTO recording_fetches (call, url, queued_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (call) DO UPDATE SET url = excluded.url, queued_at = excluded.queued_at"));
    queue.addBindValue(callDbId);
    queue.addBindValue(url);
    queue.addBindValue(now());
    exec(queue);
}

QList<PendingRecordingFetch> WriteSession::pendingRecordingFetches()
{
    QSqlQuery pending(m_db);
    pending.setForwardOnly(true);
    pending.prepare(QStringLiteral("SELECT call, url FROM recording_fetches ORDER BY queued_at, call"));
    exec(pending);
    QList<PendingRecordingFetch> fetches;
    while (pending.next())
        fetches.append({pending.value(0).toLongLong(), pending.value(1).toString()});
    return fetches;
}

bool WriteSession::storeMetricResults(qint64 callDbId, const QList<MetricResultRow> &rows, bool rerun)
{
    QSqlQuery &load = statement(LoadReview);
    load.bindValue(0, callDbId);
    exec(load);
    if (!load.next()) {
        load.finish();
        return false;
    }
    const QVariant oldStatus = load.value(0);
    const QString statusSource = load.value(2).toString();
    load.finish();

    const std::optional<bool> verdict = m_metrics->storeResults(callDbId, rows);
    m_changedCalls.append(callDbId);
    // The metrics decide the status only when nobody else did: not a reviewer ever, and
    // not the sender unless this is a re-run (which starts unreviewed calls afresh).
    const bool metricsDecide = statusSource.isEmpty() || statusSource == QLatin1String("metrics")
                               || (rerun && statusSource == QLatin1String("sender"));
    if (!metricsDecide || (!verdict && !rerun))
        return true;
    // A re-run with no pass/fail result clears the verdict it replaces.
    const QVariant newStatus = !verdict ? QVariant()
                                        : statusValue(*verdict ? ReviewStatus::Success : ReviewStatus::Failure);
    if (!differs(newStatus, oldStatus))
        return true;
    const qint64 time = now();
    QSqlQuery &update = statement(UpdateVerdict);
    update.bindValue(0, newStatus);
    update.bindValue(1, newStatus.isNull() ? QVariant() : QVariant(QStringLiteral("metrics")));
    update.bindValue(2, time);
    update.bindValue(3, callDbId);
    exec(update);
    if (differs(newStatus, oldStatus))
        recordEvent(callDbId, time, QStringLiteral("metrics"), QStringLiteral("status"), oldStatus, newStatus);
    return true;
}

void WriteSession::ensureBuiltinMetrics(const QList<MetricDefinition> &builtins)
{
    m_metrics->ensureBuiltins(builtins, now());
}

MetricSaveOutcome WriteSession::saveMetric(const MetricDefinition &definition)
{
    return noteMetricChange(m_metrics->save(definition, now()));
}

MetricSaveOutcome WriteSession::removeMetric(qint64 metricId)
{
    return noteMetricChange(m_metrics->remove(metricId));
}

MetricSaveOutcome WriteSession::setMetricEnabled(qint64 metricId, const QString &agentKey, bool enabled)
{
    return noteMetricChange(m_metrics->setEnabled(metricId, agentKey, enabled, now()));
}

MetricSaveOutcome WriteSession::noteMetricChange(const MetricSaveOutcome &outcome)
{
    m_metricsChanged = m_metricsChanged || outcome.ok();
    return outcome;
}

void WriteSession::setAgentSettings(const AgentSettings &settings)
{
    if (settings.agentKey.isNull())
        throw StoreError(QStringLiteral("agent key is empty"));
    const AgentKey &key = settings.agentKey;
    QSqlQuery &load = statement(LoadAgentSettings);
    load.bindValue(0, key.toString());
    exec(load);
    QJsonObject stored;
    if (load.next())
        stored = QJsonDocument::fromJson(load.value(0).toString().toUtf8()).object();
    load.finish();
    stored.insert(QStringLiteral("lenient_roles"), settings.lenientRoles);
    stored.insert(QStringLiteral("redact_fields"), QJsonArray::fromStringList(settings.redactFields));

    const QVariant agentId = key.agent() ? QVariant(*key.agent()) : QVariant();
    const QVariant assistantId = key.assistantId().isEmpty() ? QVariant() : QVariant(key.assistantId());

    QSqlQuery &save = statement(SaveAgentSettings);
    save.bindValue(0, key.toString());
    save.bindValue(1, agentId);
    save.bindValue(2, assistantId);
    save.bindValue(3, text(settings.name));
    save.bindValue(4, QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)));
    save.bindValue(5, text(settings.webhookSecret));
    save.bindValue(6, now());
    exec(save);
    m_knownAgents.insert(key.toString(), settings.name);
}

qint64 WriteSession::logRequest(const RequestLogEntry &entry)
{
    QSqlQuery &insert = statement(InsertRequest);
    insert.bindValue(0, entry.time.isValid() ? entry.time.toMSecsSinceEpoch() : now());
    insert.bindValue(1, text(entry.clientAddress));
    // A request line too broken to parse leaves both empty; the refusal is still logged.
    insert.bindValue(2, nonNullText(entry.method));
    insert.bindValue(3, nonNullText(entry.path));
    insert.bindValue(4, entry.status);
    insert.bindValue(5, entry.latencyMs);
    insert.bindValue(6, entry.requestSize);
    insert.bindValue(7, json(entry.errors));
    insert.bindValue(8, json(entry.headers));
    insert.bindValue(9, text(entry.bodyPath));
    insert.bindValue(10, entry.callDbId > 0 ? QVariant(entry.callDbId) : QVariant());
    insert.bindValue(11, entry.loggedBytes);
    exec(insert);
    m_requestsChanged = true;
    return insert.lastInsertId().toLongLong();
}

RequestLogPruning WriteSession::pruneRequestLog(qint64 maxBytes, qint64 olderThanMs)
{
    RequestLogPruning pruning;
    pruning.ok = true;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM requests WHERE time < ?"));
    query.addBindValue(olderThanMs);
    exec(query);
    pruning.removed += query.numRowsAffected();

    if (!query.exec(QStringLiteral("SELECT coalesce(sum(logged_bytes), 0) FROM requests")) || !query.next())
        throw StoreError(query.lastError().text());
    const qint64 total = query.value(0).toLongLong();
    query.finish();
    if (total > maxBytes) {
        // Down to 90 %, so that a full log is not pruned again at every batch.
        const qint64 excess = total - maxBytes * 9 / 10;
        QSqlQuery oldest(m_db);
        oldest.setForwardOnly(true);
        if (!oldest.exec(QStringLiteral("SELECT id, logged_bytes FROM requests ORDER BY id")))
            throw StoreError(oldest.lastError().text());
        qint64 freed = 0;
        qint64 lastId = 0;
        while (freed < excess && oldest.next()) {
            lastId = oldest.value(0).toLongLong();
            freed += oldest.value(1).toLongLong();
        }
        oldest.finish();
        query.prepare(QStringLiteral("DELETE FROM requests WHERE id <= ?"));
        query.addBindValue(lastId);
        exec(query);
        pruning.removed += query.numRowsAffected();
    }

    if (pruning.removed == 0)
        return pruning;
    // Only when entries went (a scan: about 0.2 s for 200,000 entries here). The segment
    // of "<segment>#<offset>:<length>": strip the digits, ':' and '#'.
    QSqlQuery segments(m_db);
    segments.setForwardOnly(true);
    if (!segments.exec(QStringLiteral("SELECT DISTINCT rtrim(rtrim(body_path, '0123456789:'), '#') FROM requests "
                                      "WHERE body_path IS NOT NULL")))
        throw StoreError(segments.lastError().text());
    while (segments.next())
        pruning.referencedSegments.insert(segments.value(0).toString());
    m_requestsChanged = true;
    return pruning;
}

int WriteSession::clearRequestLog()
{
    QSqlQuery bodies(m_db);
    bodies.setForwardOnly(true);
    if (!bodies.exec(QStringLiteral("SELECT body_path FROM requests WHERE body_path IS NOT NULL")))
        throw StoreError(bodies.lastError().text());
    while (bodies.next())
        m_filesToRemove.append(bodies.value(0).toString());
    bodies.finish();
    QSqlQuery clear(m_db);
    if (!clear.exec(QStringLiteral("DELETE FROM requests")))
        throw StoreError(clear.lastError().text());
    m_requestsChanged = true;
    return clear.numRowsAffected();
}
