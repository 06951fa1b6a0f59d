#include "filterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace {

constexpr int kTypingDelayMs = 250;
constexpr int kNoStatus = -1;

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_agent(new QLineEdit(this))
{
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search transcripts"));
    m_search->setClearButtonEnabled(true);
    // Without an icon theme (plain X sessions) there is no icon, and an empty action would
    // only indent the text.
    if (const QIcon find = QIcon::fromTheme(QStringLiteral("edit-find")); !find.isNull())
        m_search->addAction(find, QLineEdit::LeadingPosition);

    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), kNoStatus);
    m_status->addItem(tr("Success"), int(ReviewStatus::Success));
    m_status->addItem(tr("Failure"), int(ReviewStatus::Failure));
    m_status->addItem(tr("Reviewed success"), int(ReviewStatus::ReviewedSuccess));
    m_status->addItem(tr("Reviewed failure"), int(ReviewStatus::ReviewedFailure));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_agent->setObjectName(QStringLiteral("agentFilter"));
    m_agent->setPlaceholderText(tr("Agent"));
    m_agent->setClearButtonEnabled(true);
    m_agent->setToolTip(tr("Agent id or assistant id"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 3);
    layout->addWidget(m_status);
    layout->addWidget(m_agent, 1);

    m_typingTimer.setSingleShot(true);
    m_typingTimer.setInterval(kTypingDelayMs);
    connect(&m_typingTimer, &QTimer::timeout, this, &FilterBar::emitQuery);
    const auto typed = [this] { m_typingTimer.start(); };
    connect(m_search, &QLineEdit::textChanged, this, typed);
    connect(m_agent, &QLineEdit::textChanged, this, typed);
    // Enter applies at once, without waiting for the pause.
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::emitQuery);
    connect(m_agent, &QLineEdit::returnPressed, this, &FilterBar::emitQuery);
    connect(m_status, &QComboBox::currentIndexChanged, this, &FilterBar::emitQuery);
}

CallQuery FilterBar::query() const
{
    CallQuery query;
    query.search = m_search->text().trimmed();
    query.agent = m_agent->text().trimmed();
    const int status = m_status->currentData().toInt();
    if (status != kNoStatus)
        query.status = ReviewStatus(status);
    return query;
}

void FilterBar::emitQuery()
{
    m_typingTimer.stop();
    emit queryChanged(query());
}
