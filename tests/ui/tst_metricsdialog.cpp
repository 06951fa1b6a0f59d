#include "metricsdialog.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "testcalls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The Metrics dialog over a real store: the built-ins with their definitions and fixed,
// a rule, a bound and an LLM-judge metric created through the form (errors by field), per
// agent and default switches, and deleting.
class TestMetricsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void builtinsShowTheirDefinitionAndStayFixed();
    void createEditAndDeleteARule();
    void badInputIsShownByField();
    void boundAndJudgeMetrics();
    void switchesPerAgentAndByDefault();
    void fieldsHaveLabels();

private:
    std::optional<MetricDefinition> stored(const QString &key) const;
    void select(const QString &key);
    void saveAndWait(const QString &key);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CallStore> m_store;
    std::unique_ptr<MetricsDialog> m_dialog;
};

void TestMetricsDialog::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_store = CallStore::open(m_dir->filePath(QStringLiteral("dialog.db")), &error);
    QVERIFY2(m_store, qPrintable(error));
    TestCalls::fill(*m_store, 3);   // agents 7 and asst_test
    m_dialog = std::make_unique<MetricsDialog>(m_store.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QTRY_COMPARE(m_dialog->metricList()->count(), 23);
}

void TestMetricsDialog::cleanup()
{
    m_dialog.reset();
    m_store.reset();
    m_dir.reset();
}

std::optional<MetricDefinition> TestMetricsDialog::stored(const QString &key) const
{
    for (const MetricDefinition &metric : CallReader(m_store->databasePath()).metrics()) {
        if (metric.key == key)
            return metric;
    }
    return std::nullopt;
}

void TestMetricsDialog::select(const QString &key)
{
    for (int row = 0; row < m_dialog->metrics().size(); ++row) {
        if (m_dialog->metrics().at(row).key == key) {
            m_dialog->metricList()->setCurrentRow(row);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no metric %1 in the list").arg(key)));
}

void TestMetricsDialog::saveAndWait(const QString &key)
{
    QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(stored(key).has_value() || !m_dialog->errorLabel()->text().isEmpty());
    QVERIFY2(stored(key).has_value(), qPrintable(m_dialog->errorLabel()->text()));
    QTRY_VERIFY(std::any_of(m_dialog->metrics().cbegin(), m_dialog->metrics().cend(),
                            [&](const MetricDefinition &metric) { return metric.key == key; })
                || !m_dialog->errorLabel()->text().isEmpty());
}

void TestMetricsDialog::builtinsShowTheirDefinitionAndStayFixed()
{
    select(QStringLiteral("latency_p90_ms"));
    QVERIFY(m_dialog->definitionLabel()->text().contains(QStringLiteral("Latency p90")));
    QVERIFY(m_dialog->definitionLabel()->text().contains(QStringLiteral("90")));
    QVERIFY(m_dialog->definitionLabel()->text().contains(QStringLiteral("built in")));
    QVERIFY(!m_dialog->saveButton()->isEnabled());
    QVERIFY(!m_dialog->deleteButton()->isEnabled());
    QVERIFY(!m_dialog->nameField()->isEnabled());
    QVERIFY(m_dialog->everyAgentBox()->isChecked());
    QCOMPARE(m_dialog->agentList()->count(), 2);
}

void TestMetricsDialog::createEditAndDeleteARule()
{
    QTest::mouseClick(m_dialog->newButton(), Qt::LeftButton);
    QVERIFY(m_dialog->keyField()->isEnabled());
    QTest::keyClicks(m_dialog->keyField(), QStringLiteral("says_goodbye"));
    QTest::keyClicks(m_dialog->nameField(), QStringLiteral("Says goodbye"));
    QTest::keyClicks(m_dialog->patternField(), QStringLiteral("goodbye"));
    saveAndWait(QStringLiteral("says_goodbye"));
    if (QTest::currentTestFailed())
        return;
    std::optional<MetricDefinition> rule = stored(QStringLiteral("says_goodbye"));
    QVERIFY(rule);
    QCOMPARE(rule->evaluator, MetricDefinition::Evaluator::Rule);
    QCOMPARE(rule->config.value(QStringLiteral("pattern")).toString(), QStringLiteral("goodbye"));
    QCOMPARE(rule->version, 1);
    // The new metric is the one shown once the list is read again, now editable in place.
    QTRY_VERIFY(!m_dialog->keyField()->isEnabled());
    QCOMPARE(m_dialog->keyField()->text(), QStringLiteral("says_goodbye"));

    m_dialog->kindBox()->setCurrentIndex(1);   // must not occur
    QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
    QTRY_COMPARE(stored(QStringLiteral("says_goodbye"))->version, 2);
    QCOMPARE(stored(QStringLiteral("says_goodbye"))->config.value(QStringLiteral("must")).toString(), QStringLiteral("not_occur"));

    QTRY_VERIFY(m_dialog->deleteButton()->isEnabled());
    QTest::mouseClick(m_dialog->deleteButton(), Qt::LeftButton);
    QTRY_VERIFY(!stored(QStringLiteral("says_goodbye")));
    QTRY_COMPARE(m_dialog->metricList()->count(), 23);
}

void TestMetricsDialog::badInputIsShownByField()
{
    QTest::mouseClick(m_dialog->newButton(), Qt::LeftButton);
    QTest::keyClicks(m_dialog->keyField(), QStringLiteral("Bad Key"));
    QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_dialog->errorLabel()->text().isEmpty());
    QVERIFY2(m_dialog->errorLabel()->text().contains(QStringLiteral("key")), qPrintable(m_dialog->errorLabel()->text()));
    QVERIFY(m_dialog->errorLabel()->text().contains(QStringLiteral("name")));
    QVERIFY(m_dialog->errorLabel()->text().contains(QStringLiteral("config.pattern")));
    QCOMPARE(CallReader(m_store->databasePath()).metrics().size(), 23);
}

void TestMetricsDialog::boundAndJudgeMetrics()
{
    QTest::mouseClick(m_dialog->newButton(), Qt::LeftButton);
    QTest::keyClicks(m_dialog->keyField(), QStringLiteral("fast"));
    QTest::keyClicks(m_dialog->nameField(), QStringLiteral("Fast answers"));
    m_dialog->kindBox()->setCurrentIndex(2);
    QTest::keyClicks(m_dialog->patternField(), QStringLiteral("latency_p90_ms <"));
    QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
    QVERIFY(m_dialog->errorLabel()->text().contains(QStringLiteral("KEY OP VALUE")));
    QTest::keyClicks(m_dialog->patternField(), QStringLiteral(" 1500"));
    saveAndWait(QStringLiteral("fast"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stored(QStringLiteral("fast"))->config.value(QStringLiteral("kind")).toString(), QStringLiteral("bound"));
    QCOMPARE(stored(QStringLiteral("fast"))->config.value(QStringLiteral("value")).toDouble(), 1500.0);

    QTRY_VERIFY(!m_dialog->keyField()->isEnabled());
    QCOMPARE(m_dialog->keyField()->text(), QStringLiteral("fast"));
    QTest::mouseClick(m_dialog->newButton(), Qt::LeftButton);
    QTest::keyClicks(m_dialog->keyField(), QStringLiteral("polite"));
    QTest::keyClicks(m_dialog->nameField(), QStringLiteral("Polite"));
    m_dialog->kindBox()->setCurrentIndex(3);
    QVERIFY(m_dialog->promptField()->isVisible());
    QVERIFY(!m_dialog->patternField()->isVisible());
    QTest::keyClicks(m_dialog->promptField(), QStringLiteral("Was the agent polite?"));
    saveAndWait(QStringLiteral("polite"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stored(QStringLiteral("polite"))->evaluator, MetricDefinition::Evaluator::LlmJudge);
    QCOMPARE(stored(QStringLiteral("polite"))->config.value(QStringLiteral("prompt")).toString(), QStringLiteral("Was the agent polite?"));
}

void TestMetricsDialog::switchesPerAgentAndByDefault()
{
    select(QStringLiteral("dead_air_count"));
    QListWidgetItem *agent = nullptr;
    for (int row = 0; row < m_dialog->agentList()->count(); ++row) {
        if (m_dialog->agentList()->item(row)->text().contains(QStringLiteral("agent:7")))
            agent = m_dialog->agentList()->item(row);
    }
    QVERIFY(agent);
    QSignalSpy reloaded(m_dialog.get(), &MetricsDialog::reloaded);
    agent->setCheckState(Qt::Unchecked);
    QTRY_VERIFY(!stored(QStringLiteral("dead_air_count"))->isEnabledFor(QStringLiteral("agent:7")));
    QVERIFY(stored(QStringLiteral("dead_air_count"))->isEnabledFor(QStringLiteral("assistant:asst_test")));

    // Once the dialog shows the change, switch it off for every agent.
    QTRY_VERIFY(reloaded.count() >= 1);
    QCOMPARE(m_dialog->keyField()->text(), QStringLiteral("dead_air_count"));
    m_dialog->everyAgentBox()->setChecked(false);
    QTRY_VERIFY(!stored(QStringLiteral("dead_air_count"))->enabledByDefault);
    QVERIFY(!stored(QStringLiteral("dead_air_count"))->isEnabledFor(QStringLiteral("assistant:asst_test")));
}

void TestMetricsDialog::fieldsHaveLabels()
{
    const QList<QFormLayout *> forms = m_dialog->findChildren<QFormLayout *>();
    QVERIFY(!forms.isEmpty());
    for (QWidget *field : std::initializer_list<QWidget *>{m_dialog->keyField(), m_dialog->nameField(), m_dialog->kindBox(),
                                                          m_dialog->patternField(), m_dialog->promptField()}) {
        QLabel *label = qobject_cast<QLabel *>(forms.first()->labelForField(field));
        QVERIFY(label);
        QCOMPARE(label->buddy(), field);
    }
    QVERIFY(!m_dialog->metricList()->accessibleName().isEmpty());
    QVERIFY(!m_dialog->agentList()->accessibleName().isEmpty());
}

QTEST_MAIN(TestMetricsDialog)
#include "tst_metricsdialog.moc"
