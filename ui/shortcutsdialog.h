#pragma once

#include "keybindings.h"

#include <QDialog>

class QTreeWidget;

// Lists the window's keyboard shortcuts (opened with ?): the single-key bindings from
// the KeyBindings table, then the menu shortcuts, so the list is always what the keys do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    struct Entry
    {
        QString keys;
        QString action;
    };

    ShortcutsDialog(const QList<KeyBindings::Binding> &bindings, const QList<Entry> &menuShortcuts,
                    QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list = nullptr;
};
