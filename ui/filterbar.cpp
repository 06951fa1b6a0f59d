#include "filterbar.h"

#include "countedpicker.h"
#include "filterchiprow.h"
#include "item/activefilters.h"
#include "morefilterspopup.h"
#include "store/callreader.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int kTypingDelayMs = 250;
constexpr int kNoStatus = -1;

// The pickers' values: counted by a CallReader of the worker thread's own.
QList<PickerPopup::Choice> choicesOf(const QList<FacetCount> &counts, bool endedReasons)
{
    QList<PickerPopup::Choice> choices;
    choices.reserve(counts.size());
    for (const FacetCount &count : counts) {
        const QString name = endedReasons ? ActiveFilters::endedReasonText(count.key) : count.displayName;
        choices.append({count.key, name.isEmpty() ? count.key : name, count.count});
    }
    return choices;
}

QList<PickerPopup::Choice> agentChoices(const QString &databasePath, const CallQuery &query)
{
    const CallReader reader(databasePath);
    return choicesOf(reader.agentCounts(query), false);
}

QList<PickerPopup::Choice> endedReasonChoices(const QString &databasePath, const CallQuery &query)
{
    const CallReader reader(databasePath);
    return choicesOf(reader.endedReasonCounts(query), true);
}

} // namespace

FilterBar::FilterBar(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_reviewed(new QComboBox(this))
    , m_moreButton(new QToolButton(this))
    , m_more(new MoreFiltersPopup(this))
    , m_chips(new FilterChipRow(this))
    , m_controls(new QHBoxLayout)
{
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search transcripts"));
    m_search->setAccessibleName(tr("Search transcripts"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 40);
    // Without an icon theme (plain X sessions) there is no icon, and an empty action would
    // only indent the text.
    if (const QIcon find = QIcon::fromTheme(QStringLiteral("edit-find")); !find.isNull())
        m_search->addAction(find, QLineEdit::LeadingPosition);

    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("All statuses"), kNoStatus);
    m_status->addItem(tr("Success"), int(ReviewStatus::Success));
    m_status->addItem(tr("Failure"), int(ReviewStatus::Failure));
    m_status->addItem(tr("Reviewed success"), int(ReviewStatus::ReviewedSuccess));
    m_status->addItem(tr("Reviewed failure"), int(ReviewStatus::ReviewedFailure));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_reviewed->setObjectName(QStringLiteral("reviewedFilter"));
    m_reviewed->setAccessibleName(tr("Reviewed"));
    m_reviewed->addItem(tr("Reviewed or not"));
    m_reviewed->addItem(tr("Unreviewed"), false);
    m_reviewed->addItem(tr("Reviewed"), true);
    m_reviewed->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_agent = new CountedPicker({tr("Agent"), tr("Agents: %1"), tr("Find agent"), tr("Agents")},
                                [databasePath](const CallQuery &query) { return agentChoices(databasePath, query); }, this);
    m_agent->setObjectName(QStringLiteral("agentFilter"));
    m_endedReason = new CountedPicker({tr("Ended reason"), tr("Ended reasons: %1"), tr("Find ended reason"), tr("Ended reasons")},
                                      [databasePath](const CallQuery &query) { return endedReasonChoices(databasePath, query); }, this);
    m_endedReason->setObjectName(QStringLiteral("endedReasonFilter"));

    m_moreButton->setObjectName(QStringLiteral("moreFilters"));
    m_moreButton->setFocusPolicy(Qt::StrongFocus);

    m_controls->setContentsMargins(0, 0, 0, 0);
    m_controls->addWidget(m_search, 3);
    m_controls->addWidget(m_status);
    m_controls->addWidget(m_reviewed);
    m_controls->addWidget(m_agent);
    m_controls->addWidget(m_endedReason);
    m_controls->addWidget(m_moreButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(m_controls);
    layout->addWidget(m_chips);

    m_typingTimer.setSingleShot(true);
    m_typingTimer.setInterval(kTypingDelayMs);
    connect(&m_typingTimer, &QTimer::timeout, this, &FilterBar::applySearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (!m_showing)
            m_typingTimer.start();
    });
    // Enter applies at once, without waiting for the pause.
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::applySearch);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        CallQuery query = m_query;
        const int status = m_status->currentData().toInt();
        query.status = status == kNoStatus ? std::nullopt : std::optional<ReviewStatus>(ReviewStatus(status));
        change(query);
    });
    connect(m_reviewed, &QComboBox::currentIndexChanged, this, [this] {
        CallQuery query = m_query;
        const QVariant reviewed = m_reviewed->currentData();
        query.reviewed = reviewed.isValid() ? std::optional<bool>(reviewed.toBool()) : std::nullopt;
        change(query);
    });
    connect(m_agent, &CountedPicker::checkedChanged, this, [this](const QStringList &keys) {
        CallQuery query = ActiveFilters::without(m_query, ActiveFilters::Kind::Agent);
        query.agentKeys = keys;
        change(query);
    });
    connect(m_endedReason, &CountedPicker::checkedChanged, this, [this](const QStringList &reasons) {
        CallQuery query = m_query;
        query.endedReasons = reasons;
        change(query);
    });
    connect(m_moreButton, &QToolButton::clicked, this, [this] {
        m_more->move(m_moreButton->mapToGlobal(QPoint(0, m_moreButton->height())));
        m_more->popUp();
    });
    connect(m_more, &MoreFiltersPopup::changed, this, [this] {
        CallQuery query = m_query;
        m_more->applyTo(query);
        change(query);
    });
    connect(m_chips, &FilterChipRow::removeRequested, this,
            [this](ActiveFilters::Kind kind) { change(ActiveFilters::without(m_query, kind)); });
    connect(m_chips, &FilterChipRow::clearAllRequested, this, [this] { change(ActiveFilters::cleared(m_query)); });
    connect(m_chips, &FilterChipRow::lastChipRemoved, this, [this] { m_search->setFocus(Qt::OtherFocusReason); });
    showQuery();
}

void FilterBar::setQuery(const CallQuery &query)
{
    change(query);
}

void FilterBar::addControl(QWidget *widget)
{
    m_controls->addWidget(widget);
}

void FilterBar::change(const CallQuery &query)
{
    m_typingTimer.stop();
    m_query = query;
    m_query.sort = {};
    showQuery();
    emit queryChanged(m_query);
}

void FilterBar::showQuery()
{
    m_showing = true;
    const QSignalBlocker blockStatus(m_status);
    const QSignalBlocker blockReviewed(m_reviewed);
    if (m_search->text().trimmed() != m_query.search)
        m_search->setText(m_query.search);
    m_status->setCurrentIndex(m_query.status ? m_status->findData(int(*m_query.status)) : 0);
    m_reviewed->setCurrentIndex(m_query.reviewed ? m_reviewed->findData(*m_query.reviewed) : 0);
    m_agent->setChecked(m_query.agentKeys);
    m_endedReason->setChecked(m_query.endedReasons);
    m_more->setQuery(m_query);
    m_agent->setCountQuery(m_query);
    m_endedReason->setCountQuery(m_query);
    const int more = MoreFiltersPopup::activeCount(m_query);
    m_moreButton->setText((more ? tr("More filters (%1)").arg(more) : tr("More filters")) + QStringLiteral(" ▾"));
    m_moreButton->setAccessibleName(more ? tr("More filters, %n set", nullptr, more) : tr("More filters"));
    m_chips->setFilters(ActiveFilters::of(m_query, m_agent->names()));
    m_showing = false;
}

void FilterBar::applySearch()
{
    CallQuery query = m_query;
    query.search = m_search->text().trimmed();
    if (query.search != m_query.search)
        change(query);
}
