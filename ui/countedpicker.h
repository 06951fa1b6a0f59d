#pragma once

#include "pickerpopup.h"
#include "store/callquery.h"

#include <QFutureWatcher>
#include <QToolButton>

#include <functional>

// A filter button for a value with many choices (agent, ended reason): "Agent" while none
// is chosen, "Agent: asst_1" or "Agents: 3" after. Clicking it (or Alt+Down, F4) opens
// a PickerPopup listing every value with its number of calls under the other filters,
// counted off the GUI thread by `counter` each time it opens.
class CountedPicker : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountedPicker)

public:
    // Runs on a worker thread: the values and their counts for `query`.
    using Counter = std::function<QList<PickerPopup::Choice>(const CallQuery &query)>;

    struct Texts
    {
        QString one;        // "Agent"
        QString many;       // "Agents: %1"
        QString find;       // "Find agent"
        QString list;       // "Agents"
    };

    CountedPicker(const Texts &texts, Counter counter, QWidget *parent = nullptr);
    ~CountedPicker() override;

    void setChecked(const QStringList &keys);
    QStringList checkedKeys() const { return m_keys; }
    // The query the counts are made under (the other filters).
    void setCountQuery(const CallQuery &query) { m_countQuery = query; }
    // What the keys are called, once counted (key → name).
    QHash<QString, QString> names() const { return m_names; }
    PickerPopup *popup() const { return m_popup; }
    void openPopup();

signals:
    void checkedChanged(const QStringList &keys);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateText();
    void onCounted();

    Texts m_texts;
    Counter m_counter;
    PickerPopup *m_popup = nullptr;
    QStringList m_keys;
    CallQuery m_countQuery;
    QHash<QString, QString> m_names;
    QFutureWatcher<QList<PickerPopup::Choice>> m_watcher;
};
