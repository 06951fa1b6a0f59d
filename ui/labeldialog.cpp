#include "labeldialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr int kNoteRole = Qt::UserRole + 1;
constexpr int kCreatedRole = Qt::UserRole + 2;   // the existing label's time, kept when unchanged

} // namespace

LabelDialog::LabelDialog(int turnIndex, const QString &turnText, const QStringList &labelSet,
                         const QList<TurnLabel> &turnLabels, QWidget *parent)
    : QDialog(parent)
    , m_turnIndex(turnIndex)
    , m_list(new QListWidget(this))
    , m_note(new QLineEdit(this))
{
    setWindowTitle(tr("Label Turn %1").arg(turnIndex + 1));
    auto *turn = new QLabel(turnText, this);
    turn->setWordWrap(true);
    turn->setTextFormat(Qt::PlainText);
    turn->setObjectName(QStringLiteral("turnText"));

    m_list->setObjectName(QStringLiteral("labelList"));
    m_list->setAccessibleName(tr("Labels"));
    m_list->installEventFilter(this);
    QList<TurnLabel> remaining = turnLabels;
    for (const QString &label : labelSet) {
        const auto existing = std::find_if(remaining.cbegin(), remaining.cend(),
                                           [&](const TurnLabel &l) { return l.label == label; });
        if (existing != remaining.cend()) {
            const TurnLabel found = *existing;
            remaining.removeAt(existing - remaining.cbegin());
            addItem(label, &found);
        } else {
            addItem(label, nullptr);
        }
    }
    for (const TurnLabel &other : std::as_const(remaining))
        addItem(other.label, &other);

    m_note->setObjectName(QStringLiteral("labelNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("Optional: what went wrong, or right"));
    m_note->setMaxLength(TurnLabel::kMaxNoteLength);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save Labels"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentItemChanged, this, &LabelDialog::onCurrentChanged);
    connect(m_list, &QListWidget::itemChanged, this, [this] { m_toggled = true; });
    connect(m_note, &QLineEdit::textEdited, this, &LabelDialog::onNoteEdited);

    auto *listLabel = new QLabel(tr("&Labels (Space or 1–9 to check):"), this);
    listLabel->setBuddy(m_list);
    auto *form = new QFormLayout;
    form->addRow(tr("&Note:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(turn);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);

    m_list->setCurrentRow(0);
    m_list->setFocus();
    resize(420, 380);
}

void LabelDialog::addItem(const QString &label, const TurnLabel *existing)
{
    auto *item = new QListWidgetItem(label, m_list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(existing ? Qt::Checked : Qt::Unchecked);
    if (existing) {
        item->setData(kNoteRole, existing->note);
        item->setData(kCreatedRole, existing->createdAt);
    }
    const int row = m_list->count();
    if (row <= 9)
        item->setToolTip(tr("Key %1").arg(row));
}

QList<TurnLabel> LabelDialog::labels() const
{
    QList<TurnLabel> result;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        TurnLabel label;
        label.turnIndex = m_turnIndex;
        label.label = item->text();
        label.note = item->data(kNoteRole).toString().trimmed();
        label.createdAt = item->data(kCreatedRole).toDateTime();
        result.append(label);
    }
    return result;
}

void LabelDialog::accept()
{
    // Enter straight away means "this one": T, arrow to a label, Enter.
    if (!m_toggled && m_list->currentItem())
        m_list->currentItem()->setCheckState(Qt::Checked);
    QDialog::accept();
}

bool LabelDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int digit = key->key() - Qt::Key_1;
        if (key->modifiers() == Qt::NoModifier && digit >= 0 && digit < 9 && digit < m_list->count()) {
            QListWidgetItem *item = m_list->item(digit);
            m_list->setCurrentItem(item);
            item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void LabelDialog::onCurrentChanged(QListWidgetItem *current)
{
    m_note->setText(current ? current->data(kNoteRole).toString() : QString());
    m_note->setEnabled(current != nullptr);
}

void LabelDialog::onNoteEdited(const QString &text)
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    item->setData(kNoteRole, text);
    // A note is a note on this label: writing one checks it. A changed note is a new
    // label as far as the store goes, so its time is no longer the old one.
    item->setData(kCreatedRole, QDateTime());
    if (item->checkState() != Qt::Checked)
        item->setCheckState(Qt::Checked);
}
