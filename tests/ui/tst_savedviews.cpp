// SavedViews and what it stores: a CallQuery's filters and sort survive JSON
// (CallQueryJson) member by member, views are saved, renamed and deleted by unique
// names and read back by a new instance from QSettings, the last query comes back, and
// ActiveFilters words each filter and removes it alone.

#include "item/activefilters.h"
#include "item/callqueryjson.h"
#include "item/savedviews.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestSavedViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void everyFilterAndTheSortSurviveJson();
    void badJsonReadsAsNoFilter();
    void viewsPersistAcrossInstances();
    void namesAreUniqueAndNeverEmpty();
    void lastQueryAndViewComeBack();
    void activeFiltersWordAndRemoveEachFilter();

private:
    static CallQuery everyFilter();
    QTemporaryDir m_config;
};

void TestSavedViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_config.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("CallscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_savedviews"));
}

void TestSavedViews::init()
{
    QSettings().clear();
}

CallQuery TestSavedViews::everyFilter()
{
    CallQuery query;
    query.status = ReviewStatus::ReviewedFailure;
    query.reviewed = false;
    query.agentKeys = {QStringLiteral("agent:7"), QStringLiteral("assistant:asst_1")};
    query.endedReasons = {QStringLiteral("voicemail"), QString()};
    query.timestampFrom = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    query.timestampTo = QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59, 999), Qt::UTC);
    query.minDuration = 30;
    query.maxDuration = 600.5;
    query.hasRecording = true;
    query.hasLabels = false;
    query.hasFailedMetrics = true;
    query.search = QStringLiteral("refund please");
    query.sort = {CallSortField::Duration, false};
    return query;
}

void TestSavedViews::everyFilterAndTheSortSurviveJson()
{
    const CallQuery query = everyFilter();
    const CallQuery back = CallQueryJson::fromJson(CallQueryJson::toJson(query));
    QCOMPARE(back.status, query.status);
    QCOMPARE(back.reviewed, query.reviewed);
    QCOMPARE(back.agentKeys, query.agentKeys);
    // "" (calls without an ended reason) is a value of its own, not dropped.
    QCOMPARE(back.endedReasons, query.endedReasons);
    QCOMPARE(back.timestampFrom, query.timestampFrom);
    QCOMPARE(back.timestampTo, query.timestampTo);
    QCOMPARE(back.minDuration, query.minDuration);
    QCOMPARE(back.maxDuration, query.maxDuration);
    QCOMPARE(back.hasRecording, query.hasRecording);
    QCOMPARE(back.hasLabels, query.hasLabels);
    QCOMPARE(back.hasFailedMetrics, query.hasFailedMetrics);
    QCOMPARE(back.search, query.search);
    QVERIFY(back.sort == query.sort);
    // "no failed metrics" is a filter of its own, not dropped like an unset one.
    CallQuery withoutFailed;
    withoutFailed.hasFailedMetrics = false;
    QCOMPARE(CallQueryJson::fromJson(CallQueryJson::toJson(withoutFailed)).hasFailedMetrics, std::optional(false));
    // Every sort field by its name, the failed-metrics one too.
    for (const CallSortField field : {CallSortField::Labels, CallSortField::FailedMetrics}) {
        CallQuery sorted;
        sorted.sort = {field, false};
        const QJsonObject json = CallQueryJson::toJson(sorted);
        QVERIFY(CallQueryJson::fromJson(json).sort == sorted.sort);
    }
    QCOMPARE(CallQueryJson::sortFieldName(CallSortField::FailedMetrics), QStringLiteral("failed_metrics"));

    // Unset members stay unset: no filter comes out of nothing.
    const CallQuery none = CallQueryJson::fromJson(CallQueryJson::toJson(CallQuery()));
    QVERIFY(!ActiveFilters::any(none));
    QVERIFY(none.sort == CallSort());
}

void TestSavedViews::badJsonReadsAsNoFilter()
{
    const QJsonObject json{{QStringLiteral("status"), QStringLiteral("excellent")},
                           {QStringLiteral("reviewed"), QStringLiteral("yes")},
                           {QStringLiteral("hasFailedMetrics"), 1},
                           {QStringLiteral("minDuration"), -5},
                           {QStringLiteral("from"), QStringLiteral("yesterday")},
                           {QStringLiteral("agents"), 7},
                           {QStringLiteral("sort"), QStringLiteral("colour")}};
    const CallQuery query = CallQueryJson::fromJson(json);
    QVERIFY(!ActiveFilters::any(query));
    QVERIFY(query.sort == CallSort());
}

void TestSavedViews::viewsPersistAcrossInstances()
{
    {
        SavedViews views;
        QSignalSpy changed(&views, &SavedViews::viewsChanged);
        QVERIFY(views.save(QStringLiteral("Failures to review"), everyFilter()));
        CallQuery plain;
        plain.search = QStringLiteral("escalation");
        QVERIFY(views.save(QStringLiteral("Escalations"), plain));
        QCOMPARE(changed.count(), 2);
    }
    SavedViews reread;
    QCOMPARE(reread.views().size(), 2);
    QCOMPARE(reread.views().at(0).name, QStringLiteral("Failures to review"));
    QCOMPARE(reread.views().at(1).query.search, QStringLiteral("escalation"));
    QCOMPARE(reread.views().at(0).query.hasFailedMetrics, std::optional(true));
    QCOMPARE(reread.view(QStringLiteral("failures TO review"))->query.agentKeys, everyFilter().agentKeys);

    QVERIFY(reread.rename(QStringLiteral("Escalations"), QStringLiteral("Escalated calls")));
    reread.remove(QStringLiteral("Failures to review"));
    SavedViews third;
    QCOMPARE(third.views().size(), 1);
    QCOMPARE(third.views().at(0).name, QStringLiteral("Escalated calls"));
    QCOMPARE(third.views().at(0).query.search, QStringLiteral("escalation"));
}

void TestSavedViews::namesAreUniqueAndNeverEmpty()
{
    SavedViews views;
    QVERIFY(!views.save(QStringLiteral("  "), CallQuery()));
    QVERIFY(views.save(QStringLiteral("A"), CallQuery()));
    QVERIFY(views.save(QStringLiteral("B"), CallQuery()));
    // Saving under a taken name (any case) replaces that view.
    CallQuery failures;
    failures.status = ReviewStatus::Failure;
    QVERIFY(views.save(QStringLiteral("a"), failures));
    QCOMPARE(views.views().size(), 2);
    QCOMPARE(views.view(QStringLiteral("A"))->query.status, std::optional(ReviewStatus::Failure));

    QVERIFY(!views.rename(QStringLiteral("A"), QStringLiteral("b")));
    QVERIFY(!views.rename(QStringLiteral("A"), QString()));
    QVERIFY(!views.rename(QStringLiteral("missing"), QStringLiteral("C")));
    QVERIFY(views.rename(QStringLiteral("A"), QStringLiteral("A  ")));   // same name, trimmed
    QCOMPARE(views.views().at(0).name, QStringLiteral("A"));
}

void TestSavedViews::lastQueryAndViewComeBack()
{
    {
        SavedViews views;
        QCOMPARE(views.lastViewName(), QString());
        QVERIFY(!ActiveFilters::any(views.lastQuery()));
        views.save(QStringLiteral("Everything filtered"), everyFilter());
        views.setLast(everyFilter(), QStringLiteral("Everything filtered"));
    }
    {
        SavedViews views;
        QCOMPARE(views.lastViewName(), QStringLiteral("Everything filtered"));
        QCOMPARE(views.lastQuery().search, everyFilter().search);
        QCOMPARE(views.lastQuery().hasFailedMetrics, everyFilter().hasFailedMetrics);
        QVERIFY(views.lastQuery().sort == everyFilter().sort);
        // Renaming the last view follows it; deleting it leaves the filter, without a name.
        views.rename(QStringLiteral("Everything filtered"), QStringLiteral("All of it"));
        QCOMPARE(views.lastViewName(), QStringLiteral("All of it"));
        views.remove(QStringLiteral("All of it"));
    }
    SavedViews views;
    QCOMPARE(views.lastViewName(), QString());
    QCOMPARE(views.lastQuery().status, everyFilter().status);
}

void TestSavedViews::activeFiltersWordAndRemoveEachFilter()
{
    const CallQuery query = everyFilter();
    const QHash<QString, QString> names{{QStringLiteral("assistant:asst_1"), QStringLiteral("Pizza bot")}};
    const QList<ActiveFilters::Filter> filters = ActiveFilters::of(query, names);
    QStringList texts;
    for (const ActiveFilters::Filter &filter : filters)
        texts.append(filter.text);
    QCOMPARE(filters.size(), 10);
    QVERIFY2(texts.contains(QStringLiteral("status is reviewed failure")), qPrintable(texts.join(u'|')));
    QVERIFY(texts.contains(QStringLiteral("not reviewed")));
    QVERIFY(texts.contains(QStringLiteral("agent is 7, Pizza bot")));
    QVERIFY(texts.contains(QStringLiteral("ended reason is voicemail, none")));
    QVERIFY(texts.contains(QStringLiteral("duration 0:30 – 10:01")));
    QVERIFY(texts.contains(QStringLiteral("has a recording")));
    QVERIFY(texts.contains(QStringLiteral("no labels")));
    QVERIFY(texts.contains(QStringLiteral("has failed metrics")));
    QVERIFY(texts.contains(QStringLiteral("text contains “refund please”")));

    // Removing one kind leaves every other filter and the sort.
    for (const ActiveFilters::Filter &filter : filters) {
        const CallQuery without = ActiveFilters::without(query, filter.kind);
        QCOMPARE(ActiveFilters::of(without).size(), filters.size() - 1);
        for (const ActiveFilters::Filter &left : ActiveFilters::of(without))
            QVERIFY(left.kind != filter.kind);
        QVERIFY(without.sort == query.sort);
    }
    const CallQuery cleared = ActiveFilters::cleared(query);
    QVERIFY(!ActiveFilters::any(cleared));
    QVERIFY(cleared.sort == query.sort);
    QCOMPARE(ActiveFilters::durationText(3725), QStringLiteral("1:02:05"));
}

QTEST_GUILESS_MAIN(TestSavedViews)
#include "tst_savedviews.moc"
