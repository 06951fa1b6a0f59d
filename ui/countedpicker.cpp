#include "countedpicker.h"

#include <QKeyEvent>
#include <QtConcurrent/QtConcurrentRun>

CountedPicker::CountedPicker(const Texts &texts, Counter counter, QWidget *parent)
    : QToolButton(parent)
    , m_texts(texts)
    , m_counter(std::move(counter))
    , m_popup(new PickerPopup(texts.find, texts.list, this))
{
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setFocusPolicy(Qt::StrongFocus);
    connect(this, &QToolButton::clicked, this, &CountedPicker::openPopup);
    connect(m_popup, &PickerPopup::checkedChanged, this, [this](const QStringList &keys) {
        m_keys = keys;
        updateText();
        emit checkedChanged(keys);
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CountedPicker::onCounted);
    updateText();
}

CountedPicker::~CountedPicker()
{
    m_watcher.waitForFinished();
}

void CountedPicker::setChecked(const QStringList &keys)
{
    m_keys = keys;
    m_popup->setChecked(keys);
    updateText();
}

void CountedPicker::openPopup()
{
    m_popup->setChoices(std::nullopt);
    m_popup->setChecked(m_keys);
    const Counter counter = m_counter;
    const CallQuery query = m_countQuery;
    m_watcher.setFuture(QtConcurrent::run([counter, query] { return counter(query); }));
    m_popup->popUpBelow(this);
}

void CountedPicker::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Down && (event->modifiers() & Qt::AltModifier)) || event->key() == Qt::Key_F4) {
        openPopup();
        return;
    }
    QToolButton::keyPressEvent(event);
}

void CountedPicker::updateText()
{
    QString text = m_texts.one;
    if (m_keys.size() == 1)
        text = tr("%1: %2").arg(m_texts.one, m_names.value(m_keys.constFirst(), m_keys.constFirst()));
    else if (m_keys.size() > 1)
        text = m_texts.many.arg(m_keys.size());
    setText(text + QStringLiteral(" ▾"));
    setAccessibleName(text);
}

void CountedPicker::onCounted()
{
    const QList<PickerPopup::Choice> choices = m_watcher.result();
    for (const PickerPopup::Choice &choice : choices)
        m_names.insert(choice.key, choice.name);
    m_popup->setChoices(choices);
    updateText();
}
