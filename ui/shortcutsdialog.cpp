#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

ShortcutsDialog::ShortcutsDialog(const QList<KeyBindings::Binding> &bindings, const QList<Entry> &menuShortcuts,
                                 QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Keys"), tr("Action")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    QFont keyFont = font();
    keyFont.setWeight(QFont::DemiBold);
    auto addRow = [&](const QString &keys, const QString &action) {
        auto *item = new QTreeWidgetItem(m_list, {keys, action});
        item->setFont(0, keyFont);
    };
    for (const KeyBindings::Binding &binding : bindings)
        addRow(binding.label.isEmpty() ? binding.keys.toString(QKeySequence::NativeText) : binding.label, binding.action);
    for (const Entry &entry : menuShortcuts)
        addRow(entry.keys, entry.action);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    auto *note = new QLabel(tr("Single keys do nothing while a text field has the focus; Esc or Tab leaves it."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(480, 460);
}
