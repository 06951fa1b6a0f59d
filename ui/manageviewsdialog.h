#pragma once

#include <QDialog>

class QListWidget;
class QListWidgetItem;
class QPushButton;
class SavedViews;

// Views › Manage Views…: the saved views by name; a name is renamed in place (F2, a
// double click or Rename), Delete removes the selected view. A name that is empty or
// already taken is refused and the old one shown again.
class ManageViewsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManageViewsDialog)

public:
    explicit ManageViewsDialog(SavedViews *views, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    void deleteSelected();

private:
    void reload();
    void onItemChanged(QListWidgetItem *item);

    SavedViews *m_views = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    bool m_reloading = false;
};
