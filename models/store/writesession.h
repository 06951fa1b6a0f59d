#pragma once

#include "agentsettings.h"
#include "calllog/calllog.h"
#include "metrics/metricdefinition.h"
#include "metricsaveoutcome.h"
#include "pendingrecordingfetch.h"
#include "requestlogentry.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

class LabelWriter;
class MetricWriter;
struct MetricResultRow;
class StatementCache;
class TranscriptionWriter;
struct ReviewChange;
struct ReviewOutcome;
struct UpsertOutcome;

// The writer thread's SQL: every write statement of the store, prepared once per
// connection and reused across rows and transactions. Runs inside a transaction opened
// by begin(); each operation throws StoreError when a statement fails.
//
// Keeps the external-content FTS index exact: a call whose committed turns change in a
// transaction has its FTS entries deleted before its turns are touched (for a batch, in
// one statement via noteTurnChange + unindexNotedCalls), and indexTouchedCalls() writes
// the index for every such call once, just before COMMIT.
class WriteSession
{
    Q_DISABLE_COPY_MOVE(WriteSession)

public:
    explicit WriteSession(const QSqlDatabase &db);
    ~WriteSession();

    void begin();
    void commit();
    void rollback();            // never throws

    // --- batch FTS bookkeeping ---
    std::optional<qint64> findCall(const QString &agentKey, const QString &callId);
    void noteTurnChange(qint64 callDbId);
    void unindexNotedCalls();
    void indexTouchedCalls();

    // --- operations (inside the transaction) ---
    UpsertOutcome upsert(const CallLog &call);
    ReviewOutcome review(const ReviewChange &change);
    bool remove(qint64 callDbId);
    bool setRecording(qint64 callDbId, const QString &recordingPath, const QString &errorMessage);
    // Stores evaluated results and lets their verdict set the status where metrics may
    // (CallStore::storeMetricResults). False when the call does not exist.
    bool storeMetricResults(qint64 callDbId, const QList<MetricResultRow> &rows, bool rerun);
    void ensureBuiltinMetrics(const QList<MetricDefinition> &builtins);
    MetricSaveOutcome saveMetric(const MetricDefinition &definition);
    MetricSaveOutcome removeMetric(qint64 metricId);
    MetricSaveOutcome setMetricEnabled(qint64 metricId, const QString &agentKey, bool enabled);
    void setAgentSettings(const AgentSettings &settings);
    qint64 logRequest(const RequestLogEntry &entry);
    int clearRequestLog();
    // Removes entries older than `olderThanMs` (epoch ms), then the oldest until the
    // rest cost at most 90 % of `maxBytes` (when they cost more than maxBytes).
    RequestLogPruning pruneRequestLog(qint64 maxBytes, qint64 olderThanMs);
    // The recording download queue (setRecording() takes the call off it).
    void queueRecordingFetch(qint64 callDbId, const QString &url);
    QList<PendingRecordingFetch> pendingRecordingFetches();
    // The transcription queue's steps; each that changed its call calls markChanged().
    TranscriptionWriter &transcriptions() { return *m_transcriptions; }
    // A transcribing call's transcript: its turns (indexed anew), transcription done and
    // the Main Agent channel the transcription found. False when the call is not being
    // transcribed (any more): then nothing is written.
    bool storeTranscript(qint64 callDbId, const Turns &turns, std::optional<int> detectedAgentChannel,
                         const QMap<RedactionKind, int> &redactionCounts);
    // FTS5 'optimize': every index segment merged, so deleted text's tokens leave the file
    // (secure_delete zeroes the freed pages).
    void optimizeSearchIndex() { execSql(QStringLiteral("INSERT INTO turns_fts (turns_fts) VALUES ('optimize')")); }
    // Tells the store's listeners the call changed (callsChanged after COMMIT).
    void markChanged(qint64 callDbId) { m_changedCalls.append(callDbId); }

    // --- after COMMIT: what changed ---
    QList<qint64> changedCalls() const { return m_changedCalls; }
    bool requestsChanged() const { return m_requestsChanged; }
    bool metricsChanged() const { return m_metricsChanged; }
    // Recording paths (as stored) and request bodies that belonged to removed rows.
    QStringList recordingsToRemove() const { return m_recordingsToRemove; }
    QStringList filesToRemove() const { return m_filesToRemove; }

private:
    enum Statement {
        FindCall, LoadForUpsert, InsertCall, UpdateCall, DeleteTurns,
        EnsureAgent, InsertEvent, LoadReview, UpdateReview, UpdateVerdict,
        SetRecording, LoadAgentSettings, SaveAgentSettings, InsertRequest, StatementCount
    };

    static constexpr int TurnsPerInsert = 32;
    // 10 pages let segments pile up (72 against 19 after 30 s at full load); 25 kept
    // them at 15; 200 and more brought the long stalls back (p99 80–160 ms).
    static constexpr int FtsMergePagesPerGroup = 25;

    QSqlQuery &statement(Statement which);
    QSqlQuery &insertTurnsStatement(int rows);
    void exec(QSqlQuery &query);
    void execSql(const QString &sql);
    void resetBatchState();
    void unindexNow(qint64 callDbId);
    void ensureAgent(const CallLog &call);
    void insertTurns(qint64 callDbId, const Turns &turns);
    // Replaces the call's labels with one review event per label added or removed
    // (appended to `events` when given); true when anything changed, and then the labels
    // from before go to `before` when given.
    bool replaceLabels(qint64 callDbId, const QList<TurnLabel> &labels, qint64 time, const QString &source,
                       QList<ReviewEvent> *events = nullptr, std::optional<QList<TurnLabel>> *before = nullptr);
    // Writes the events' values over the call's stored events of the same ids; true when any differed.
    bool rewriteEvents(qint64 callDbId, const QList<ReviewEvent> &events);
    qsizetype storedTurnCount(qint64 callDbId);
    MetricSaveOutcome noteMetricChange(const MetricSaveOutcome &outcome);
    ReviewEvent recordEvent(qint64 callDbId, qint64 time, const QString &source, const QString &field,
                            const QVariant &oldValue, const QVariant &newValue);

    QSqlDatabase m_db;
    std::array<std::unique_ptr<QSqlQuery>, StatementCount> m_statements;
    std::array<std::unique_ptr<QSqlQuery>, TurnsPerInsert + 1> m_turnInserts;   // by row count
    std::unique_ptr<LabelWriter> m_labels;
    std::unique_ptr<StatementCache> m_statementCache;
    std::unique_ptr<MetricWriter> m_metrics;
    std::unique_ptr<TranscriptionWriter> m_transcriptions;
    QHash<QString, QString> m_knownAgents;          // key -> name, committed or in this transaction

    // Per transaction:
    QSet<qint64> m_notedCalls;       // committed turns to drop from the index at batch start
    QSet<qint64> m_touchedCalls;     // calls whose FTS entries are out and get rewritten
    QList<qint64> m_changedCalls;
    bool m_requestsChanged = false;
    bool m_metricsChanged = false;
    QStringList m_recordingsToRemove;
    QStringList m_filesToRemove;
};
