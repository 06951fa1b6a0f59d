#include "redactionkindlist.h"

#include "redactionkindnames.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kKindRole = Qt::UserRole + 1;

} // namespace

RedactionKindList::RedactionKindList(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_all(new QPushButton(tr("Select &All"), this))
    , m_none(new QPushButton(tr("Select &None"), this))
{
    m_list->setAccessibleName(tr("Kinds of personal data"));
    QList<RedactionKind> kinds = RedactionKinds::all();
    std::sort(kinds.begin(), kinds.end(), [](RedactionKind a, RedactionKind b) {
        return RedactionKindNames::of(a).localeAwareCompare(RedactionKindNames::of(b)) < 0;
    });
    for (RedactionKind kind : kinds) {
        auto *item = new QListWidgetItem(RedactionKindNames::of(kind), m_list);
        item->setData(kKindRole, int(kind));
        item->setToolTip(RedactionKinds::placeholder(kind));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    // Enter means the dialog's OK, wherever the focus is.
    m_all->setAutoDefault(false);
    m_none->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_all);
    buttons->addWidget(m_none);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::itemChanged, this, &RedactionKindList::changed);
    connect(m_all, &QPushButton::clicked, this, [this] { setAllChecked(true); });
    connect(m_none, &QPushButton::clicked, this, [this] { setAllChecked(false); });
}

QSet<RedactionKind> RedactionKindList::checkedKinds() const
{
    QSet<RedactionKind> kinds;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            kinds.insert(RedactionKind(m_list->item(row)->data(kKindRole).toInt()));
    }
    return kinds;
}

void RedactionKindList::setCheckedKinds(const QSet<RedactionKind> &kinds)
{
    if (kinds == checkedKinds())
        return;
    {
        // One changed() for the lot, not one per row (the view repaints from the model).
        const QSignalBlocker blocker(m_list);
        for (int row = 0; row < m_list->count(); ++row) {
            QListWidgetItem *item = m_list->item(row);
            item->setCheckState(kinds.contains(RedactionKind(item->data(kKindRole).toInt())) ? Qt::Checked : Qt::Unchecked);
        }
    }
    emit changed();
}

void RedactionKindList::setAllChecked(bool checked)
{
    const QList<RedactionKind> &all = RedactionKinds::all();
    setCheckedKinds(checked ? QSet<RedactionKind>(all.cbegin(), all.cend()) : QSet<RedactionKind>());
}

void RedactionKindList::setKindChecked(RedactionKind kind, bool checked)
{
    if (const int row = rowOf(kind); row >= 0)
        m_list->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

int RedactionKindList::rowOf(RedactionKind kind) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kKindRole).toInt() == int(kind))
            return row;
    }
    return -1;
}
