#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QKeyEvent;
class QWidget;

// The window's single-key shortcuts (Space, J, L, [, ], …), kept in one table that both
// dispatches the keys and fills the shortcuts dialog, so the two cannot disagree. Keys
// are caught by an application event filter before any widget sees them, because a
// focused button would take Space and a list would take Enter; they never fire while a
// text field (line edit, text edit, spin box, editable combo box) has the focus, so
// typing "J" in a search box types a J.
class KeyBindings : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyBindings)

public:
    struct Binding
    {
        QKeySequence keys;
        QString label;      // what the shortcuts dialog shows for `keys`, when not its text
        QString action;
        std::function<void()> run;
    };

    // Acts for key presses in `window` (and its dialogs-free children).
    explicit KeyBindings(QWidget *window);
    ~KeyBindings() override;

    void add(const QKeySequence &keys, const QString &action, std::function<void()> run,
             const QString &label = {});
    const QList<Binding> &bindings() const { return m_bindings; }
    // While off, every key goes to the widgets (the keys act on the call shown, and the
    // dashboard tab shows none).
    void setActive(bool active) { m_active = active; }
    bool isActive() const { return m_active; }

    // True when `widget` takes typed text, so single keys must reach it.
    static bool isTextInput(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const Binding *find(const QKeyEvent *event) const;

    QWidget *m_window;
    QList<Binding> m_bindings;
    bool m_active = true;
};
