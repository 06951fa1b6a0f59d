#pragma once

#include "calllog/redactionkind.h"

#include <QSet>
#include <QWidget>

class QListWidget;
class QPushButton;

// A checkable list of the kinds of personal data, by their UI names in alphabetical order
// (the placeholder each leaves as tooltip), with Select All and Select None. What is
// checked is all it knows; changed() follows every change, once per button press.
class RedactionKindList : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedactionKindList)

public:
    explicit RedactionKindList(QWidget *parent = nullptr);

    QSet<RedactionKind> checkedKinds() const;
    void setCheckedKinds(const QSet<RedactionKind> &kinds);
    void setAllChecked(bool checked);
    void setKindChecked(RedactionKind kind, bool checked);

    QListWidget *list() const { return m_list; }
    // The row of `kind` in list().
    int rowOf(RedactionKind kind) const;
    QPushButton *selectAllButton() const { return m_all; }
    QPushButton *selectNoneButton() const { return m_none; }

signals:
    void changed();

private:
    QListWidget *m_list;
    QPushButton *m_all;
    QPushButton *m_none;
};
