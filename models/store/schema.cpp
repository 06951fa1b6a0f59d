#include "schema.h"

#include "storelog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <vector>

namespace {

// Times are stored as INTEGER milliseconds since the epoch (UTC): they sort and compare
// correctly whatever the sender's time zone was. JSON columns hold compact JSON text.
const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> steps{
        // 1: the initial schema.
        {
            QStringLiteral(R"(CREATE TABLE agents (
                key TEXT PRIMARY KEY,
                agent_id INTEGER,
                assistant_id TEXT,
                name TEXT,
                settings TEXT NOT NULL DEFAULT '{}',
                webhook_secret TEXT,
                created_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE calls (
                id INTEGER PRIMARY KEY,
                agent_key TEXT NOT NULL REFERENCES agents(key),
                call_id TEXT NOT NULL,
                agent_id INTEGER,
                assistant_id TEXT,
                trace_id TEXT,
                voice_recording_url TEXT,
                transcript_type TEXT NOT NULL,
                call_ended_reason TEXT,
                customer_number TEXT,
                metadata TEXT,
                dynamic_variables TEXT,
                timestamp INTEGER NOT NULL,
                feedback TEXT,
                redact_fields TEXT,
                metric_ids TEXT,
                main_agent_channel_index INTEGER,
                status TEXT CHECK (status IN ('success', 'failure', 'reviewed_success', 'reviewed_failure')),
                duration REAL NOT NULL DEFAULT 0,
                agent_name TEXT,
                error_message TEXT,
                dropoff_point TEXT,
                topic TEXT,
                recording_path TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (agent_key, call_id)))"),
            QStringLiteral("CREATE INDEX calls_time ON calls (timestamp, id)"),
            QStringLiteral("CREATE INDEX calls_status ON calls (status, timestamp, id)"),
            QStringLiteral("CREATE INDEX calls_agent ON calls (agent_key, timestamp, id)"),
            QStringLiteral("CREATE INDEX calls_assistant ON calls (assistant_id)"),
            QStringLiteral("CREATE INDEX calls_call_id ON calls (call_id)"),
            // No ON DELETE CASCADE: turns are deleted by the writer, which keeps the
            // external-content FTS index in step; a stray delete fails loudly instead.
            QStringLiteral(R"(CREATE TABLE turns (
                id INTEGER PRIMARY KEY,
                call INTEGER NOT NULL REFERENCES calls(id),
                idx INTEGER NOT NULL,
                role TEXT NOT NULL,
                content TEXT NOT NULL DEFAULT '',
                start_s REAL NOT NULL,
                end_s REAL NOT NULL,
                data TEXT,
                UNIQUE (call, idx)))"),
            // External content: the text lives once, in turns. Maintained by the writer
            // once per transaction (INSERT ... SELECT), not by per-row triggers.
            QStringLiteral(R"(CREATE VIRTUAL TABLE turns_fts USING fts5(
                content, content='turns', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2'))"),
            QStringLiteral(R"(CREATE TABLE metric_results (
                call INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                metric_id INTEGER NOT NULL,
                name TEXT,
                type TEXT,
                score REAL,
                result TEXT NOT NULL,
                PRIMARY KEY (call, metric_id)))"),
            QStringLiteral(R"(CREATE TABLE review_events (
                id INTEGER PRIMARY KEY,
                call INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                time INTEGER NOT NULL,
                actor TEXT NOT NULL,
                field TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT))"),
            QStringLiteral("CREATE INDEX review_events_call ON review_events (call, id)"),
        },
        // 2: the listener's request log, and a digest of each call's stored content so
        // that an identical re-post is recognised without rewriting the call.
        {
            QStringLiteral("ALTER TABLE calls ADD COLUMN content_hash BLOB"),
            QStringLiteral(R"(CREATE TABLE requests (
                id INTEGER PRIMARY KEY,
                time INTEGER NOT NULL,
                client_address TEXT,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                status INTEGER NOT NULL,
                latency_ms REAL,
                size INTEGER,
                errors TEXT,
                headers TEXT,
                body_path TEXT,
                call INTEGER REFERENCES calls(id) ON DELETE SET NULL))"),
            QStringLiteral("CREATE INDEX requests_call ON requests (call)"),
        },
        // 3: FTS5 merges segments only when the writer asks, a little after every
        // indexing insert (WriteSession::indexTouchedCalls), never in large bursts.
        {
            QStringLiteral("INSERT INTO turns_fts (turns_fts, rank) VALUES ('automerge', 0)"),
        },
        // 4: recording downloads still to do, so that a killed process resumes them.
        {
            QStringLiteral(R"(CREATE TABLE recording_fetches (
                call INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                queued_at INTEGER NOT NULL))"),
        },
        // 5: the request log is kept within a size and an age: what each entry costs
        // (path, headers, errors and its body's length, the digits after the last ':'
        // of "<segment>#<offset>:<length>"), and an index to find old entries by.
        {
            QStringLiteral("ALTER TABLE requests ADD COLUMN logged_bytes INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(R"(UPDATE requests SET logged_bytes = length(path) + coalesce(length(headers), 0)
                + coalesce(length(errors), 0)
                + coalesce(CAST(substr(body_path, length(rtrim(body_path, '0123456789')) + 1) AS INTEGER), 0))"),
            QStringLiteral("CREATE INDEX requests_time ON requests (time)"),
        },
        // 6: filters_v2 conditions decided in SQL (CallConditionSql), each index in list
        // order (timestamp, id) after its equality, so a filtered page is a range of it.
        {
            QStringLiteral("CREATE INDEX calls_agent_status ON calls (agent_key, status, timestamp, id)"),
            QStringLiteral("CREATE INDEX calls_customer ON calls (customer_number, timestamp, id)"),
            QStringLiteral("CREATE INDEX calls_ended_reason ON calls (call_ended_reason, timestamp, id)"),
        },
        // 7: a turn's words with their times, where the transcript format carried them
        // (WordsColumn: JSON text [[start,end,"text"],...]; NULL when unknown, as for every
        // turn stored before). Not indexed for search: turns_fts indexes content.
        {
            QStringLiteral("ALTER TABLE turns ADD COLUMN words TEXT"),
        },
        // 8: every list column sortable along an index in (key, timestamp, id) order, so
        // each sort's pages are ranges of one index (CallListSql). Status, agent, ended
        // reason and customer have theirs already; call_id's replaces the bare one (its
        // lookups want the newest first too). "Reviewed" is an expression of status, and
        // CallListSql writes it exactly as here so that the planner matches it.
        {
            QStringLiteral("DROP INDEX calls_call_id"),
            QStringLiteral("CREATE INDEX calls_call_id ON calls (call_id, timestamp, id)"),
            QStringLiteral("CREATE INDEX calls_duration ON calls (duration, timestamp, id)"),
            QStringLiteral("CREATE INDEX calls_reviewed ON calls "
                           "(coalesce(status IN ('reviewed_success', 'reviewed_failure'), 0), timestamp, id)"),
        },
        // 9: reviewers' per-turn labels (TurnLabel), and their number on the call row,
        // kept by the writer in the same transaction, so that the list sorts and filters
        // by it ("has labels": label_count > 0) on an index in list order.
        {
            QStringLiteral(R"(CREATE TABLE turn_labels (
                id INTEGER PRIMARY KEY,
                call INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                turn_idx INTEGER NOT NULL,
                label TEXT NOT NULL,
                note TEXT,
                created_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX turn_labels_call ON turn_labels (call, turn_idx)"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN label_count INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX calls_labels ON calls (label_count, timestamp, id)"),
        },
        // 10: metrics evaluated locally. Definitions (MetricDefinition; the built-ins are
        // added by the writer when the store opens), per-agent switches that override a
        // metric's default, and results per (call, metric, metric version): the table is
        // rebuilt for its new key, keeping the results senders posted as version 0. A
        // call's failed metrics are counted on its row, like its labels, for the list.
        // status_source says who set the status (sender, metrics or review): metrics may
        // replace only their own verdict.
        {
            QStringLiteral(R"(CREATE TABLE metrics (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                type TEXT NOT NULL CHECK (type IN ('binary', 'numeric', 'enum', 'rating')),
                enum_values TEXT,
                unit TEXT NOT NULL DEFAULT '',
                evaluator TEXT NOT NULL CHECK (evaluator IN ('builtin', 'rule', 'llm')),
                config TEXT NOT NULL DEFAULT '{}',
                pass_value INTEGER,
                version INTEGER NOT NULL DEFAULT 1,
                enabled_by_default INTEGER NOT NULL DEFAULT 1,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE metric_agents (
                metric INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
                agent_key TEXT NOT NULL,
                enabled INTEGER NOT NULL,
                PRIMARY KEY (metric, agent_key)))"),
            QStringLiteral(R"(CREATE TABLE metric_results_by_version (
                call INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                metric_id INTEGER NOT NULL,
                metric_version INTEGER NOT NULL DEFAULT 0,
                name TEXT,
                type TEXT,
                score REAL,
                passed INTEGER,
                result TEXT NOT NULL,
                evaluated_at INTEGER,
                PRIMARY KEY (call, metric_id, metric_version)))"),
            QStringLiteral(R"(INSERT INTO metric_results_by_version (call, metric_id, name, type, score, result)
                SELECT call, metric_id, name, type, score, result FROM metric_results)"),
            QStringLiteral("DROP TABLE metric_results"),
            QStringLiteral("ALTER TABLE metric_results_by_version RENAME TO metric_results"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN failed_metric_count INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX calls_failed_metrics ON calls (failed_metric_count, timestamp, id)"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN status_source TEXT"),
            QStringLiteral(R"(UPDATE calls SET status_source = CASE
                WHEN status IN ('reviewed_success', 'reviewed_failure') THEN 'review'
                WHEN status IS NOT NULL THEN 'sender' END)"),
        },
        // 11: metric results clustered by their key (WITHOUT ROWID): a call's results are
        // one range of one B-tree, so storing one writes one B-tree instead of the table
        // and its key index, and reading a call's current score is one seek, not two.
        {
            QStringLiteral(R"(CREATE TABLE metric_results_clustered (
                call INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
                metric_id INTEGER NOT NULL,
                metric_version INTEGER NOT NULL DEFAULT 0,
                name TEXT,
                type TEXT,
                score REAL,
                passed INTEGER,
                result TEXT NOT NULL,
                evaluated_at INTEGER,
                PRIMARY KEY (call, metric_id, metric_version)) WITHOUT ROWID)"),
            QStringLiteral(R"(INSERT INTO metric_results_clustered
                SELECT call, metric_id, metric_version, name, type, score, passed, result, evaluated_at FROM metric_results)"),
            QStringLiteral("DROP TABLE metric_results"),
            QStringLiteral("ALTER TABLE metric_results_clustered RENAME TO metric_results"),
        },
        // 12: the audio analysis. The Main Agent's channel found when the request named
        // none; the transcription queue of audio-only calls (NULL for the others), kept on
        // the call so that the list shows it and a kill loses none of it.
        {
            QStringLiteral("ALTER TABLE calls ADD COLUMN detected_agent_channel INTEGER"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN transcription TEXT"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN transcription_progress REAL NOT NULL DEFAULT 0"),
            QStringLiteral(R"(UPDATE calls SET transcription = CASE
                WHEN EXISTS (SELECT 1 FROM turns WHERE turns.call = calls.id) THEN 'done' ELSE 'queued' END
                WHERE transcript_type = 'none-mono')"),
            QStringLiteral("CREATE INDEX calls_transcription_queue ON calls (id) WHERE transcription IN ('queued', 'transcribing')"),
        },
        // 13: redaction's traces: where each turn's placeholders stand, and how many spans
        // of each kind a call lost.
        {
            QStringLiteral("ALTER TABLE turns ADD COLUMN redactions TEXT"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN redactions TEXT"),
        },
    };
    return steps;
}

bool execOrFail(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified().left(120));
    return false;
}

} // namespace

int Schema::latestVersion()
{
    return int(migrations().size());
}

int Schema::version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Schema::migrate(QSqlDatabase &db, QString *error, int targetVersion)
{
    const int latest = latestVersion();
    if (targetVersion < 0 || targetVersion > latest)
        targetVersion = latest;
    const int current = version(db);
    if (current < 0) {
        if (error)
            *error = QStringLiteral("cannot read the schema version: %1").arg(db.lastError().text());
        return false;
    }
    if (current > latest) {
        if (error)
            *error = QStringLiteral("the database has schema version %1; this Callscope knows up to %2")
                         .arg(current).arg(latest);
        return false;
    }
    for (int step = current + 1; step <= targetVersion; ++step) {
        QSqlQuery query(db);
        if (!execOrFail(query, QStringLiteral("BEGIN IMMEDIATE"), error))
            return false;
        bool ok = true;
        for (const QString &sql : migrations()[std::size_t(step - 1)]) {
            if (!(ok = execOrFail(query, sql, error)))
                break;
        }
        ok = ok && execOrFail(query, QStringLiteral("PRAGMA user_version = %1").arg(step), error)
             && execOrFail(query, QStringLiteral("COMMIT"), error);
        if (!ok) {
            query.exec(QStringLiteral("ROLLBACK"));
            if (error)
                *error = QStringLiteral("migration %1 failed: %2").arg(step).arg(*error);
            return false;
        }
        qCInfo(lcStore) << "migrated" << db.databaseName() << "to schema version" << step;
    }
    return true;
}
