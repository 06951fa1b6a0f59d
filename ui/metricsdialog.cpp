#include "metricsdialog.h"

#include "metrics/rulemetric.h"
#include "store/callreader.h"
#include "store/callstore.h"
#include "store/whenfinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kAgentRole = Qt::UserRole + 2;

QString errorText(const MetricSaveOutcome &outcome)
{
    if (!outcome.errors.isEmpty())
        return outcome.errors.summary();
    if (outcome.notFound)
        return QObject::tr("The metric is gone (deleted elsewhere).");
    return outcome.error;
}

} // namespace

MetricsDialog::MetricsDialog(CallStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_definition(new QLabel(this))
    , m_key(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_pattern(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regular expression"), this))
    , m_role(new QComboBox(this))
    , m_prompt(new QPlainTextEdit(this))
    , m_everyAgent(new QCheckBox(tr("On for every agent without a switch of its own"), this))
    , m_agents(new QListWidget(this))
    , m_error(new QLabel(this))
    , m_new(new QPushButton(tr("&New Metric"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
{
    setObjectName(QStringLiteral("metricsDialog"));
    setWindowTitle(tr("Metrics"));
    resize(900, 600);
    m_list->setObjectName(QStringLiteral("metricList"));
    m_list->setAccessibleName(tr("Metrics"));
    m_agents->setObjectName(QStringLiteral("metricAgents"));
    m_agents->setAccessibleName(tr("Agents"));
    m_definition->setObjectName(QStringLiteral("metricDefinition"));
    m_definition->setWordWrap(true);
    m_definition->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_definition->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_error->setObjectName(QStringLiteral("metricError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c"));
    m_kind->addItem(tr("A phrase must occur"), PhraseMustOccur);
    m_kind->addItem(tr("A phrase must not occur"), PhraseMustNotOccur);
    m_kind->addItem(tr("A bound on a built-in (e.g. latency_p90_ms < 1500)"), Bound);
    m_kind->addItem(tr("A question for the LLM judge"), LlmJudge);
    m_role->addItem(tr("Any speaker"), QString());
    m_role->addItem(tr("The agent"), Turn::roleName(Turn::Role::MainAgent));
    m_role->addItem(tr("The caller"), Turn::roleName(Turn::Role::TestingAgent));
    m_prompt->setPlaceholderText(tr("Was the agent polite throughout the call?"));
    m_prompt->setMaximumHeight(90);

    auto *form = m_form = new QFormLayout;
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("N&ame:"), m_name);
    form->addRow(tr("&Passes when:"), m_kind);
    form->addRow(tr("P&hrase or bound:"), m_pattern);
    form->addRow(QString(), m_regex);
    form->addRow(tr("Sa&id by:"), m_role);
    form->addRow(tr("&Question:"), m_prompt);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);

    auto *right = new QVBoxLayout;
    right->addWidget(m_definition);
    right->addLayout(form);
    right->addLayout(buttons);
    right->addWidget(m_error);
    right->addWidget(m_everyAgent);
    auto *agentsLabel = new QLabel(tr("On for these a&gents:"), this);
    agentsLabel->setBuddy(m_agents);
    right->addWidget(agentsLabel);
    right->addWidget(m_agents, 1);

    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 2);
    columns->addLayout(right, 3);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_read, &QFutureWatcherBase::finished, this, &MetricsDialog::onRead);
    connect(m_list, &QListWidget::currentRowChanged, this, &MetricsDialog::showMetric);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &MetricsDialog::updateForm);
    connect(m_new, &QPushButton::clicked, this, &MetricsDialog::startNew);
    connect(m_save, &QPushButton::clicked, this, &MetricsDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &MetricsDialog::remove);
    connect(m_everyAgent, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_showing)
            setEveryAgent(on);
    });
    connect(m_agents, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_showing)
            setAgent(item->data(kAgentRole).toString(), item->checkState() == Qt::Checked);
    });
    connect(store, &CallStore::metricsChanged, this, &MetricsDialog::reload, Qt::QueuedConnection);
    reload();
}

MetricsDialog::~MetricsDialog()
{
    m_read.waitForFinished();
}

void MetricsDialog::reload()
{
    if (m_read.isRunning()) {
        m_readAgain = true;   // it may have started before the change: read once more after it
        return;
    }
    if (const MetricDefinition *shown = current(); shown && m_selectKey.isEmpty())
        m_selectKey = shown->key;
    m_read.setFuture(QtConcurrent::run([path = m_store->databasePath()] {
        CallReader reader(path);
        return Snapshot{reader.metrics(), reader.agents()};
    }));
}

void MetricsDialog::onRead()
{
    if (m_readAgain) {
        m_readAgain = false;
        reload();
        return;
    }
    const Snapshot snapshot = m_read.result();
    m_metrics = snapshot.metrics;
    m_knownAgents = snapshot.agents;
    m_showing = true;
    m_list->clear();
    int select = 0;
    for (qsizetype i = 0; i < m_metrics.size(); ++i) {
        const MetricDefinition &metric = m_metrics.at(i);
        QString text = QStringLiteral("%1 (%2)").arg(metric.name, metric.key);
        if (metric.evaluator == MetricDefinition::Evaluator::Builtin)
            text += QStringLiteral(" · ") + tr("built in");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(kIdRole, metric.id);
        if (metric.key == m_selectKey)
            select = int(i);
    }
    m_selectKey.clear();
    m_showing = false;
    if (!m_metrics.isEmpty())
        m_list->setCurrentRow(select);
    showMetric(m_list->currentRow());
    emit reloaded();
}

const MetricDefinition *MetricsDialog::current() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_metrics.size() ? &m_metrics.at(row) : nullptr;
}

void MetricsDialog::showMetric(int row)
{
    if (m_showing || row < 0 || row >= m_metrics.size())
        return;
    const MetricDefinition &metric = m_metrics.at(row);
    m_showing = true;
    QString evaluator;
    if (metric.evaluator == MetricDefinition::Evaluator::Builtin)
        evaluator = tr("built in");
    else if (metric.evaluator == MetricDefinition::Evaluator::LlmJudge)
        evaluator = tr("the LLM judge");
    else if (const std::optional<RuleMetric> rule = RuleMetric::fromConfig(metric.config))
        evaluator = tr("a rule: %1").arg(rule->describe().chopped(rule->describe().endsWith(QLatin1Char('.')) ? 1 : 0));
    QString unit = metric.unit.isEmpty() ? QString() : QStringLiteral(", ") + metric.unit;
    m_definition->setText(QStringLiteral("<b>%1</b> — %2%3, %4, version %5<br>%6")
                              .arg(metric.name.toHtmlEscaped(), MetricTypes::name(metric.type), unit.toHtmlEscaped(),
                                   evaluator.toHtmlEscaped())
                              .arg(metric.version)
                              .arg(metric.description.toHtmlEscaped()));
    m_key->setText(metric.key);
    m_name->setText(metric.name);
    const QJsonObject &config = metric.config;
    if (metric.evaluator == MetricDefinition::Evaluator::LlmJudge) {
        m_kind->setCurrentIndex(LlmJudge);
        m_prompt->setPlainText(config.value(QStringLiteral("prompt")).toString());
        m_pattern->clear();
    } else if (config.value(QStringLiteral("kind")).toString() == QLatin1String("bound")) {
        m_kind->setCurrentIndex(Bound);
        m_pattern->setText(QStringLiteral("%1 %2 %3").arg(config.value(QStringLiteral("metric")).toString(),
                                                          config.value(QStringLiteral("op")).toString(),
                                                          QString::number(config.value(QStringLiteral("value")).toDouble())));
    } else {
        m_kind->setCurrentIndex(config.value(QStringLiteral("must")).toString() == QLatin1String("not_occur") ? PhraseMustNotOccur
                                                                                                             : PhraseMustOccur);
        m_pattern->setText(config.value(QStringLiteral("pattern")).toString());
        m_regex->setChecked(config.value(QStringLiteral("regex")).toBool());
        m_role->setCurrentIndex(std::max(0, m_role->findData(config.value(QStringLiteral("role")).toString())));
    }
    m_everyAgent->setChecked(metric.enabledByDefault);
    m_agents->clear();
    for (const AgentSettings &agent : std::as_const(m_knownAgents)) {
        const QString key = agent.agentKey.toString();
        auto *item = new QListWidgetItem(agent.name.isEmpty() ? key : QStringLiteral("%1 (%2)").arg(agent.name, key), m_agents);
        item->setData(kAgentRole, key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(metric.isEnabledFor(key) ? Qt::Checked : Qt::Unchecked);
    }
    m_error->clear();
    m_showing = false;
    updateForm();
}

void MetricsDialog::updateForm()
{
    const MetricDefinition *metric = current();
    const bool creating = m_list->currentRow() < 0;
    const bool builtin = !creating && metric && metric->evaluator == MetricDefinition::Evaluator::Builtin;
    const int kind = m_kind->currentData().toInt();
    for (QWidget *field : std::initializer_list<QWidget *>{m_name, m_kind, m_pattern, m_regex, m_role, m_prompt})
        field->setEnabled(!builtin);
    m_key->setEnabled(creating);
    // Whole rows, labels too: only what this kind of metric takes.
    const bool phrase = kind == PhraseMustOccur || kind == PhraseMustNotOccur;
    m_form->setRowVisible(m_pattern, kind != LlmJudge);
    m_form->setRowVisible(m_regex, phrase);
    m_form->setRowVisible(m_role, phrase);
    m_form->setRowVisible(m_prompt, kind == LlmJudge);
    m_save->setEnabled(!builtin);
    m_delete->setEnabled(!builtin && !creating);
    m_everyAgent->setEnabled(!creating);
    m_agents->setEnabled(!creating);
}

void MetricsDialog::startNew()
{
    m_showing = true;
    m_list->setCurrentRow(-1);
    m_list->clearSelection();
    m_definition->setText(tr("A new metric: give it a key (a-z, 0-9, _), a name and what makes it pass."));
    for (QLineEdit *field : {m_key, m_name, m_pattern})
        field->clear();
    m_prompt->clear();
    m_regex->setChecked(false);
    m_role->setCurrentIndex(0);
    m_kind->setCurrentIndex(PhraseMustOccur);
    m_agents->clear();
    m_error->clear();
    m_showing = false;
    updateForm();
    m_key->setFocus();
}

std::optional<MetricDefinition> MetricsDialog::fromForm(QString *error) const
{
    MetricDefinition metric;
    if (const MetricDefinition *shown = current())
        metric = *shown;
    metric.key = m_key->text().trimmed();
    metric.name = m_name->text().trimmed();
    metric.type = MetricType::Binary;
    metric.passValue = true;
    switch (m_kind->currentData().toInt()) {
    case PhraseMustOccur:
    case PhraseMustNotOccur: {
        metric.evaluator = MetricDefinition::Evaluator::Rule;
        metric.config = {{QStringLiteral("kind"), QStringLiteral("phrase")},
                         {QStringLiteral("pattern"), m_pattern->text()},
                         {QStringLiteral("regex"), m_regex->isChecked()},
                         {QStringLiteral("must"), m_kind->currentData().toInt() == PhraseMustOccur ? QStringLiteral("occur")
                                                                                                   : QStringLiteral("not_occur")}};
        if (const QString role = m_role->currentData().toString(); !role.isEmpty())
            metric.config.insert(QStringLiteral("role"), role);
        break;
    }
    case Bound: {
        const std::optional<QJsonObject> config = RuleMetric::boundFromText(m_pattern->text(), error);
        if (!config)
            return std::nullopt;
        metric.evaluator = MetricDefinition::Evaluator::Rule;
        metric.config = *config;
        break;
    }
    case LlmJudge:
        metric.evaluator = MetricDefinition::Evaluator::LlmJudge;
        metric.config = {{QStringLiteral("prompt"), m_prompt->toPlainText().trimmed()}};
        break;
    }
    return metric;
}

void MetricsDialog::save()
{
    QString error;
    const std::optional<MetricDefinition> metric = fromForm(&error);
    if (!metric) {
        showErrors(error);
        return;
    }
    // A message from an earlier attempt must not stand beside this one's outcome.
    m_error->clear();
    m_selectKey = metric->key;
    whenFinished(m_store->saveMetric(*metric), this, [this](const QFuture<MetricSaveOutcome> &done) {
        const MetricSaveOutcome outcome = done.result();
        if (!outcome.ok()) {
            m_selectKey.clear();
            showErrors(errorText(outcome));
        }
    });
}

void MetricsDialog::remove()
{
    const MetricDefinition *metric = current();
    if (!metric)
        return;
    whenFinished(m_store->removeMetric(metric->id), this, [this](const QFuture<MetricSaveOutcome> &done) {
        if (const MetricSaveOutcome outcome = done.result(); !outcome.ok())
            showErrors(errorText(outcome));
    });
}

void MetricsDialog::setEveryAgent(bool on)
{
    if (const MetricDefinition *metric = current())
        whenFinished(m_store->setMetricEnabled(metric->id, {}, on), this, [this](const QFuture<MetricSaveOutcome> &done) {
            if (const MetricSaveOutcome outcome = done.result(); !outcome.ok())
                showErrors(errorText(outcome));
        });
}

void MetricsDialog::setAgent(const QString &agentKey, bool on)
{
    if (const MetricDefinition *metric = current())
        whenFinished(m_store->setMetricEnabled(metric->id, agentKey, on), this, [this](const QFuture<MetricSaveOutcome> &done) {
            if (const MetricSaveOutcome outcome = done.result(); !outcome.ok())
                showErrors(errorText(outcome));
        });
}

void MetricsDialog::showErrors(const QString &text)
{
    m_error->setText(text);
}
