#include "reviewsettingspage.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

ReviewSettingsPage::ReviewSettingsPage(const ReviewSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_playOnOpen(new QCheckBox(tr("&Play the recording when a call opens")))
    , m_labels(new QListWidget)
    , m_add(new QPushButton(tr("&Add")))
    , m_remove(new QPushButton(tr("&Remove")))
    , m_up(new QPushButton(tr("Move &Up")))
    , m_down(new QPushButton(tr("Move &Down")))
    , m_defaults(new QPushButton(tr("Restore De&faults")))
{
    m_playOnOpen->setChecked(settings.playOnOpen);
    m_playOnOpen->setAccessibleName(tr("Play the recording when a call opens"));
    m_labels->setAccessibleName(tr("Turn labels"));
    m_labels->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    showLabels(settings.labels);

    auto *title = new QLabel(tr("&Turn labels (T labels the selected turn; 1–9 pick in this order):"));
    title->setBuddy(m_labels);
    auto *hint = new QLabel(tr("Labels are stored with each call as written here, and exported with it."));
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_remove, m_up, m_down, m_defaults})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *grid = new QGridLayout;
    grid->addWidget(m_labels, 0, 0);
    grid->addLayout(buttons, 0, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_playOnOpen);
    layout->addSpacing(8);
    layout->addWidget(title);
    layout->addLayout(grid, 1);
    layout->addWidget(hint);

    connect(m_add, &QPushButton::clicked, this, &ReviewSettingsPage::addLabel);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        delete m_labels->currentItem();
        updateButtons();
    });
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_defaults, &QPushButton::clicked, this, [this] { showLabels(ReviewSettings::defaultLabels()); });
    connect(m_labels, &QListWidget::currentRowChanged, this, &ReviewSettingsPage::updateButtons);
    updateButtons();
}

ReviewSettings ReviewSettingsPage::settings() const
{
    ReviewSettings settings;
    settings.playOnOpen = m_playOnOpen->isChecked();
    QStringList labels;
    for (int row = 0; row < m_labels->count(); ++row)
        labels.append(m_labels->item(row)->text());
    labels = ReviewSettings::cleaned(labels);
    if (!labels.isEmpty())   // none at all saves as the default set
        settings.labels = labels;
    return settings;
}

void ReviewSettingsPage::showLabels(const QStringList &labels)
{
    m_labels->clear();
    for (const QString &label : labels) {
        auto *item = new QListWidgetItem(label, m_labels);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_labels->setCurrentRow(0);
    updateButtons();
}

void ReviewSettingsPage::addLabel()
{
    auto *item = new QListWidgetItem(tr("new label"), m_labels);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_labels->setCurrentItem(item);
    m_labels->setFocus();
    m_labels->editItem(item);
    updateButtons();
}

void ReviewSettingsPage::moveCurrent(int by)
{
    const int row = m_labels->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_labels->count())
        return;
    QListWidgetItem *item = m_labels->takeItem(row);
    m_labels->insertItem(to, item);
    m_labels->setCurrentItem(item);
}

void ReviewSettingsPage::updateButtons()
{
    const int row = m_labels->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_labels->count() - 1);
}
