#include "store/callreader.h"
#include "store/callstore.h"
#include "store/schema.h"
#include "store/sqliteconnection.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TstSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void freshDatabaseIsLatest();
    void tablesExist_data();
    void tablesExist();
    void upgradesDatabaseMadeByMigration1();
    void upgradesDatabaseMadeByMigration6();
    void clustersMetricResultsOfMigration10();
    void migrateTwiceIsNoOp();
    void refusesNewerDatabase();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QString scalar(const QSqlDatabase &db, const QString &sql);

    QTemporaryDir m_dir;
};

void TstSchema::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString TstSchema::scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return QStringLiteral("<error>");
    return query.value(0).toString();
}

void TstSchema::freshDatabaseIsLatest()
{
    QString error;
    auto store = CallStore::open(path(QStringLiteral("fresh.db")), &error);
    QVERIFY2(store, qPrintable(error));
    store.reset();

    SqliteConnection connection(path(QStringLiteral("fresh.db")), QStringLiteral("test"), SqliteConnection::Mode::ReadOnly);
    QVERIFY2(connection.isOpen(), qPrintable(connection.errorString()));
    QCOMPARE(Schema::version(connection.database()), Schema::latestVersion());
    QCOMPARE(Schema::latestVersion(), 13);
    QCOMPARE(scalar(connection.database(), QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    // The writer merges FTS segments itself, a little per group (migration 3).
    QCOMPARE(scalar(connection.database(), QStringLiteral("SELECT v FROM turns_fts_config WHERE k = 'automerge'")),
             QStringLiteral("0"));
    QVERIFY(QFileInfo(path(QStringLiteral("fresh.db.recordings"))).isDir());
}

void TstSchema::tablesExist_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"agents", "calls", "turns", "turns_fts", "metric_results", "review_events",
                             "requests", "calls_time", "calls_status", "calls_agent", "calls_agent_status",
                             "calls_customer", "calls_ended_reason", "turn_labels", "turn_labels_call", "calls_labels",
                             "metrics", "metric_agents", "calls_failed_metrics", "calls_transcription_queue"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TstSchema::tablesExist()
{
    QFETCH(QString, name);
    QString error;
    const QString file = path(QStringLiteral("tables.db"));
    QVERIFY2(CallStore::open(file, &error), qPrintable(error));
    SqliteConnection connection(file, QStringLiteral("test"), SqliteConnection::Mode::ReadOnly);
    QCOMPARE(scalar(connection.database(),
                    QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'").arg(name)),
             QStringLiteral("1"));
}

// A database written by a Callscope that only knew migration 1 must open, gain the
// later tables and columns, and keep its calls (including their search index).
void TstSchema::upgradesDatabaseMadeByMigration1()
{
    const QString file = path(QStringLiteral("v1.db"));
    {
        SqliteConnection connection(file, QStringLiteral("v1"), SqliteConnection::Mode::ReadWrite);
        QVERIFY2(connection.isOpen(), qPrintable(connection.errorString()));
        QSqlDatabase db = connection.database();
        QString error;
        QVERIFY2(Schema::migrate(db, &error, 1), qPrintable(error));
        QCOMPARE(Schema::version(db), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'requests'")),
                 QStringLiteral("0"));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO agents (key, agent_id, created_at) VALUES ('agent:5', 5, 0)")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO calls (id, agent_key, call_id, agent_id, transcript_type, timestamp, status, feedback, "
            "created_at, updated_at) VALUES (1, 'agent:5', 'old-call', 5, 'cekura', 1767000000000, "
            "'reviewed_failure', 'kept', 1767000000000, 1767000000000)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO turns (id, call, idx, role, content, start_s, end_s) "
                                          "VALUES (1, 1, 0, 'Main Agent', 'legacy greeting', 0, 1)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO turns_fts (rowid, content) VALUES (1, 'legacy greeting')")));
    }

    QString error;
    auto store = CallStore::open(file, &error);
    QVERIFY2(store, qPrintable(error));
    {
        SqliteConnection connection(file, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
        QCOMPARE(Schema::version(connection.database()), Schema::latestVersion());
    }

    CallReader reader(file);
    std::optional<CallLog> call = reader.callById(1);
    QVERIFY(call);
    QCOMPARE(call->callId, QStringLiteral("old-call"));
    QCOMPARE(call->status, std::optional<ReviewStatus>(ReviewStatus::ReviewedFailure));
    QCOMPARE(call->turns.size(), 1);
    QCOMPARE(call->turns.first().content, QStringLiteral("legacy greeting"));
    CallQuery search;
    search.search = QStringLiteral("legacy");
    QCOMPARE(reader.count(search), 1);

    // The migration-2 additions work on the old data.
    RequestLogEntry entry;
    entry.method = QStringLiteral("POST");
    entry.path = QStringLiteral("/observability/v1/observe/");
    entry.status = 201;
    entry.callDbId = 1;
    QVERIFY(store->logRequest(entry).result() > 0);

    CallLog repost;
    repost.callId = QStringLiteral("old-call");
    repost.agent = 5;
    repost.turns = {Turn{Turn::Role::MainAgent, QStringLiteral("modern greeting"), 0, 1, {}, {}, {}}};
    const UpsertOutcome outcome = store->upsert(repost).result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.id, 1);
    QVERIFY(!outcome.created);
    QVERIFY(outcome.changed);
    QCOMPARE(reader.count(search), 0);
    search.search = QStringLiteral("modern");
    QCOMPARE(reader.count(search), 1);
    call = reader.callById(1);
    QCOMPARE(call->feedback, std::optional<QString>(QStringLiteral("kept")));
}

// Turns stored before words were kept (migration 7) read back without words, and a call
// posted again with words keeps them.
void TstSchema::upgradesDatabaseMadeByMigration6()
{
    const QString file = path(QStringLiteral("v6.db"));
    {
        SqliteConnection connection(file, QStringLiteral("v6"), SqliteConnection::Mode::ReadWrite);
        QVERIFY2(connection.isOpen(), qPrintable(connection.errorString()));
        QSqlDatabase db = connection.database();
        QString error;
        QVERIFY2(Schema::migrate(db, &error, 6), qPrintable(error));
        QCOMPARE(Schema::version(db), 6);
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO agents (key, agent_id, created_at) VALUES ('agent:5', 5, 0)")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO calls (id, agent_key, call_id, agent_id, transcript_type, timestamp, created_at, updated_at) "
            "VALUES (1, 'agent:5', 'old-call', 5, 'retell', 1767000000000, 1767000000000, 1767000000000)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO turns (id, call, idx, role, content, start_s, end_s) "
                                          "VALUES (1, 1, 0, 'Main Agent', 'legacy greeting', 0.2, 1.4)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO turns_fts (rowid, content) VALUES (1, 'legacy greeting')")));
    }

    QString error;
    auto store = CallStore::open(file, &error);
    QVERIFY2(store, qPrintable(error));
    CallReader reader(file);
    const std::optional<CallLog> old = reader.callById(1);
    QVERIFY(old);
    QCOMPARE(old->turns.size(), 1);
    QCOMPARE(old->turns.first().content, QStringLiteral("legacy greeting"));
    QVERIFY(old->turns.first().words.isEmpty());

    CallLog repost = *old;
    repost.turns.first().words = {{QStringLiteral("legacy"), 0.2, 0.7}, {QStringLiteral("greeting"), 0.7, 1.4}};
    const UpsertOutcome outcome = store->upsert(repost).result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.id, 1);
    QCOMPARE(reader.callById(1)->turns, repost.turns);
    CallQuery search;
    search.search = QStringLiteral("legacy");
    QCOMPARE(reader.count(search), 1);
}

void TstSchema::clustersMetricResultsOfMigration10()
{
    const QString file = path(QStringLiteral("v10.db"));
    {
        SqliteConnection connection(file, QStringLiteral("v10"), SqliteConnection::Mode::ReadWrite);
        QVERIFY2(connection.isOpen(), qPrintable(connection.errorString()));
        QSqlDatabase db = connection.database();
        QString error;
        QVERIFY2(Schema::migrate(db, &error, 10), qPrintable(error));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO agents (key, agent_id, created_at) VALUES ('agent:5', 5, 0)")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO calls (id, agent_key, call_id, agent_id, transcript_type, timestamp, created_at, updated_at) "
            "VALUES (1, 'agent:5', 'scored', 5, 'cekura', 1767000000000, 1767000000000, 1767000000000)")));
        // A sender's result as version 10 kept it: the whole API object in `result`.
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO metric_results (call, metric_id, metric_version, name, type, score, result) VALUES "
            "(1, 4242, 0, 'CSAT', 'numeric', 4, '{\"id\":4242,\"name\":\"CSAT\",\"type\":\"numeric\",\"score\":4}')")));
    }

    QString error;
    auto store = CallStore::open(file, &error);
    QVERIFY2(store, qPrintable(error));
    const std::optional<CallLog> call = CallReader(file).callById(1);
    QVERIFY(call);
    QCOMPARE(call->metrics.size(), 1);
    QCOMPARE(call->metrics.first().metricId, 4242);
    QCOMPARE(call->metrics.first().name, QStringLiteral("CSAT"));
    QCOMPARE(call->metrics.first().score, QJsonValue(4));
    SqliteConnection check(file, QStringLiteral("check"), SqliteConnection::Mode::ReadOnly);
    QSqlQuery rowid(check.database());
    QVERIFY2(!rowid.exec(QStringLiteral("SELECT rowid FROM metric_results")), "metric_results has no rowid any more");
}

void TstSchema::migrateTwiceIsNoOp()
{
    const QString file = path(QStringLiteral("twice.db"));
    SqliteConnection connection(file, QStringLiteral("twice"), SqliteConnection::Mode::ReadWrite);
    QSqlDatabase db = connection.database();
    QString error;
    QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
    QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
    QCOMPARE(Schema::version(db), Schema::latestVersion());
}

void TstSchema::refusesNewerDatabase()
{
    const QString file = path(QStringLiteral("future.db"));
    {
        SqliteConnection connection(file, QStringLiteral("future"), SqliteConnection::Mode::ReadWrite);
        QSqlQuery query(connection.database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    QString error;
    QVERIFY(!CallStore::open(file, &error));
    QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstSchema)
#include "tst_schema.moc"
