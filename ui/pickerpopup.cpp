#include "pickerpopup.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;   // what type-to-find matches, not the count
constexpr int kWidth = 320;
constexpr int kHeight = 340;

} // namespace

PickerPopup::PickerPopup(const QString &findLabel, const QString &listName, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_find(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_state(new QLabel(this))
    , m_items(new QStandardItemModel(this))
    , m_shown(new QSortFilterProxyModel(this))
{
    setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
    setAccessibleName(listName);
    m_find->setObjectName(QStringLiteral("pickerFind"));
    m_find->setPlaceholderText(findLabel);
    m_find->setAccessibleName(findLabel);
    m_find->setClearButtonEnabled(true);
    m_shown->setSourceModel(m_items);
    m_shown->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_shown->setFilterRole(kNameRole);
    m_list->setObjectName(QStringLiteral("pickerList"));
    m_list->setAccessibleName(listName);
    m_list->setModel(m_shown);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_state->setObjectName(QStringLiteral("pickerState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_find);
    layout->addWidget(m_state);
    layout->addWidget(m_list, 1);
    resize(kWidth, kHeight);

    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_shown->setFilterFixedString(text.trimmed());
        if (m_shown->rowCount() > 0)
            m_list->setCurrentIndex(m_shown->index(0, 0));
    });
    connect(m_items, &QStandardItemModel::itemChanged, this, &PickerPopup::onItemChanged);
    m_find->installEventFilter(this);
    m_list->installEventFilter(this);
    rebuild();
}

void PickerPopup::setChoices(const std::optional<QList<Choice>> &choices)
{
    m_counting = !choices;
    m_choices = choices.value_or(QList<Choice>());
    rebuild();
}

void PickerPopup::setChecked(const QStringList &keys)
{
    // Also called back while an item's own check is being stored: change nothing then,
    // and never rebuild under that item.
    if (keys == m_checkedOrder)
        return;
    m_checkedOrder = keys;
    rebuild();
}

void PickerPopup::popUpBelow(QWidget *anchor)
{
    m_find->clear();
    QPoint at = anchor->mapToGlobal(QPoint(0, anchor->height()));
    if (const QScreen *screen = anchor->screen()) {
        const QRect available = screen->availableGeometry();
        at.setX(std::clamp(at.x(), available.left(), std::max(available.left(), available.right() - width())));
    }
    move(at);
    show();
    m_find->setFocus(Qt::PopupFocusReason);
}

bool PickerPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_find && key->key() == Qt::Key_Down) {
        m_list->setFocus(Qt::TabFocusReason);
        if (!m_list->currentIndex().isValid() && m_shown->rowCount() > 0)
            m_list->setCurrentIndex(m_shown->index(0, 0));
        return true;
    }
    if (watched == m_find && enter) {
        toggle(m_list->currentIndex().isValid() ? m_list->currentIndex() : m_shown->index(0, 0));
        return true;
    }
    if (watched == m_list && (enter || key->key() == Qt::Key_Space)) {
        toggle(m_list->currentIndex());
        return true;
    }
    if (watched == m_list && key->key() == Qt::Key_Up && m_list->currentIndex().row() <= 0) {
        m_find->setFocus(Qt::TabFocusReason);
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

void PickerPopup::rebuild()
{
    m_rebuilding = true;
    m_items->clear();
    QSet<QString> listed;
    const auto add = [this, &listed](const QString &key, const QString &name, const QString &text) {
        auto *item = new QStandardItem(text);
        item->setData(key, kKeyRole);
        item->setData(name, kNameRole);
        item->setCheckable(true);
        item->setCheckState(m_checkedOrder.contains(key) ? Qt::Checked : Qt::Unchecked);
        item->setEditable(false);
        m_items->appendRow(item);
        listed.insert(key);
    };
    for (const Choice &choice : std::as_const(m_choices))
        add(choice.key, choice.name, tr("%1 — %2").arg(choice.name, QLocale().toString(choice.count)));
    for (const QString &key : std::as_const(m_checkedOrder)) {
        if (!listed.contains(key))
            add(key, key, key);
    }
    m_rebuilding = false;

    m_state->setText(m_counting ? tr("Counting calls…") : tr("Nothing to choose from."));
    m_state->setVisible(m_counting || m_items->rowCount() == 0);
    if (m_shown->rowCount() > 0)
        m_list->setCurrentIndex(m_shown->index(0, 0));
}

void PickerPopup::toggle(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    QStandardItem *item = m_items->itemFromIndex(m_shown->mapToSource(proxyIndex));
    item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
}

void PickerPopup::onItemChanged()
{
    if (m_rebuilding)
        return;
    QStringList checked;
    for (int row = 0; row < m_items->rowCount(); ++row) {
        if (m_items->item(row)->checkState() == Qt::Checked)
            checked.append(m_items->item(row)->data(kKeyRole).toString());
    }
    // Keep the order they were checked in; the chip names the first ones.
    QStringList ordered;
    for (const QString &key : std::as_const(m_checkedOrder)) {
        if (checked.contains(key))
            ordered.append(key);
    }
    for (const QString &key : std::as_const(checked)) {
        if (!ordered.contains(key))
            ordered.append(key);
    }
    m_checkedOrder = ordered;
    emit checkedChanged(m_checkedOrder);
}
