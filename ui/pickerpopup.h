#pragma once

#include <QFrame>
#include <QList>
#include <QSet>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

// The drop-down of a CountedPicker: a find field over a checkable list of values, each
// with its number of calls ("asst_bankcard — 120"). Typing narrows the list (any part of
// the name, case ignored); Down moves into the list, Space or Enter (in the field: on
// the first match) checks or unchecks a value, Escape closes. Each check emits
// checkedChanged at once, so the list behind follows while the popup stays open.
class PickerPopup : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PickerPopup)

public:
    struct Choice
    {
        QString key;        // what the query filters on
        QString name;       // what people read
        qint64 count = 0;
    };

    // `findLabel` names the find field ("Find agent"), `listName` the list ("Agents").
    PickerPopup(const QString &findLabel, const QString &listName, QWidget *parent = nullptr);

    // Replaces the values (nullopt: still counting); checked keys missing from
    // `choices` stay listed, with no count.
    void setChoices(const std::optional<QList<Choice>> &choices);
    void setChecked(const QStringList &keys);
    QStringList checked() const { return m_checkedOrder; }

    QLineEdit *findField() const { return m_find; }
    QListView *listView() const { return m_list; }
    // Shows the popup under `anchor`, the find field empty and focused.
    void popUpBelow(QWidget *anchor);

signals:
    void checkedChanged(const QStringList &keys);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void toggle(const QModelIndex &proxyIndex);
    void onItemChanged();

    QLineEdit *m_find = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_state = nullptr;
    QStandardItemModel *m_items = nullptr;
    QSortFilterProxyModel *m_shown = nullptr;
    QList<Choice> m_choices;
    bool m_counting = false;
    QStringList m_checkedOrder;   // in the order they were checked
    bool m_rebuilding = false;
};
