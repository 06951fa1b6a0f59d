#include "manageviewsdialog.h"

#include "item/savedviews.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace {

constexpr int kNameRole = Qt::UserRole + 1;   // the stored name, while the text is edited

} // namespace

ManageViewsDialog::ManageViewsDialog(SavedViews *views, QWidget *parent)
    : QDialog(parent)
    , m_views(views)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Manage Views"));
    auto *label = new QLabel(tr("&Saved views:"), this);
    label->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("savedViewsList"));
    m_list->setAccessibleName(tr("Saved views"));
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_rename = buttons->addButton(tr("&Rename"), QDialogButtonBox::ActionRole);
    m_delete = buttons->addButton(tr("&Delete"), QDialogButtonBox::DestructiveRole);
    m_rename->setAutoDefault(false);
    m_delete->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            m_list->editItem(item);
    });
    connect(m_delete, &QPushButton::clicked, this, &ManageViewsDialog::deleteSelected);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &ManageViewsDialog::deleteSelected);
    connect(m_list, &QListWidget::itemChanged, this, &ManageViewsDialog::onItemChanged);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_rename->setEnabled(row >= 0);
        m_delete->setEnabled(row >= 0);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    reload();
    resize(360, 320);
}

void ManageViewsDialog::deleteSelected()
{
    if (QListWidgetItem *item = m_list->currentItem()) {
        const int row = m_list->row(item);
        m_views->remove(item->data(kNameRole).toString());
        reload();
        m_list->setCurrentRow(std::min(row, m_list->count() - 1));
    }
}

void ManageViewsDialog::reload()
{
    m_reloading = true;
    m_list->clear();
    for (const SavedViews::View &view : m_views->views()) {
        auto *item = new QListWidgetItem(view.name, m_list);
        item->setData(kNameRole, view.name);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_reloading = false;
    m_list->setCurrentRow(m_list->count() > 0 ? 0 : -1);
    m_rename->setEnabled(m_list->count() > 0);
    m_delete->setEnabled(m_list->count() > 0);
}

void ManageViewsDialog::onItemChanged(QListWidgetItem *item)
{
    if (m_reloading)
        return;
    const QString from = item->data(kNameRole).toString();
    const QString to = item->text().trimmed();
    const int row = m_list->row(item);
    if (to != from)
        m_views->rename(from, to);   // refused: reload() shows the old name again
    // Not from inside the item's own change: the list's editor is still committing.
    QMetaObject::invokeMethod(this, [this, row] {
        reload();
        m_list->setCurrentRow(row);
    }, Qt::QueuedConnection);
}
