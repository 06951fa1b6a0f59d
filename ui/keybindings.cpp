#include "keybindings.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

KeyBindings::KeyBindings(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

KeyBindings::~KeyBindings()
{
    qApp->removeEventFilter(this);
}

void KeyBindings::add(const QKeySequence &keys, const QString &action, std::function<void()> run, const QString &label)
{
    m_bindings.append({keys, label, action, std::move(run)});
}

bool KeyBindings::isTextInput(const QWidget *widget)
{
    if (!widget)
        return false;
    if (qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QTextEdit *>(widget)
        || qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget))
        return true;
    const auto *combo = qobject_cast<const QComboBox *>(widget);
    return combo && combo->isEditable();
}

const KeyBindings::Binding *KeyBindings::find(const QKeyEvent *event) const
{
    // Shift+/ arrives as "?" on one layout and Shift+ß on another: match by text first
    // for printable single characters, then by key and modifiers.
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const QKeySequence pressed(QKeyCombination(modifiers, Qt::Key(event->key())));
    for (const Binding &binding : m_bindings) {
        const QString keyText = binding.keys.toString(QKeySequence::PortableText);
        if (keyText.size() == 1 && !event->text().isEmpty() && !(modifiers & (Qt::ControlModifier | Qt::AltModifier))
            && keyText == event->text() && !keyText.at(0).isLetter())
            return &binding;
        if (binding.keys.count() == 1 && binding.keys[0] == pressed.operator[](0))
            return &binding;
        // Enter on the keypad is Return elsewhere.
        if (event->key() == Qt::Key_Enter && binding.keys.count() == 1
            && binding.keys[0] == QKeyCombination(modifiers, Qt::Key_Return))
            return &binding;
    }
    return nullptr;
}

bool KeyBindings::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_active || (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride))
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    // Only the window's own widgets, not its dialogs, menus or other windows; and once
    // per key (the filter sees the event again for each parent it propagates to).
    if (!widget || widget->window() != m_window || (widget != QApplication::focusWidget() && widget != m_window))
        return false;
    if (QApplication::activePopupWidget() || QApplication::activeModalWidget())
        return false;
    if (isTextInput(QApplication::focusWidget()))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const Binding *binding = find(key);
    if (!binding)
        return false;
    if (event->type() == QEvent::ShortcutOverride) {
        // Claim the key so that no menu shortcut or widget takes it first.
        event->accept();
        return true;
    }
    binding->run();
    return true;
}
