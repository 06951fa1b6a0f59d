#include "morefilterspopup.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace {

// The lowest date stands for "any": QDateEdit shows its special value text there.
const QDate kAnyDate(2000, 1, 1);
constexpr int kMaxDurationSeconds = 24 * 3600;

std::optional<bool> yesNo(const QComboBox *combo)
{
    const QVariant value = combo->currentData();
    return value.isValid() ? std::optional<bool>(value.toBool()) : std::nullopt;
}

void showYesNo(QComboBox *combo, const std::optional<bool> &value)
{
    combo->setCurrentIndex(value ? combo->findData(*value) : 0);
}

} // namespace

MoreFiltersPopup::MoreFiltersPopup(QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
    setAccessibleName(tr("More filters"));
    m_from = makeDateField(QStringLiteral("dateFromFilter"));
    m_to = makeDateField(QStringLiteral("dateToFilter"));
    m_minDuration = makeDurationField(QStringLiteral("minDurationFilter"));
    m_maxDuration = makeDurationField(QStringLiteral("maxDurationFilter"));
    m_recording = makeYesNoField(QStringLiteral("recordingFilter"), tr("With a recording"), tr("Without a recording"));
    m_labels = makeYesNoField(QStringLiteral("labelsFilter"), tr("With labels"), tr("Without labels"));
    m_failedMetrics = makeYesNoField(QStringLiteral("failedMetricsFilter"), tr("With failed metrics"),
                                     tr("Without failed metrics"));

    auto *form = new QFormLayout(this);
    const auto addRow = [this, form](const QString &label, QWidget *field) {
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        field->setAccessibleName(QString(label).remove(QLatin1Char('&')));
        form->addRow(name, field);
    };
    addRow(tr("&From date"), m_from);
    addRow(tr("&To date"), m_to);
    addRow(tr("Duration at &least"), m_minDuration);
    addRow(tr("Duration at &most"), m_maxDuration);
    addRow(tr("&Recording"), m_recording);
    addRow(tr("La&bels"), m_labels);
    addRow(tr("Fa&iled metrics"), m_failedMetrics);
}

QDateEdit *MoreFiltersPopup::makeDateField(const QString &objectName)
{
    auto *field = new QDateEdit(this);
    field->setObjectName(objectName);
    field->setCalendarPopup(true);
    field->setMinimumDate(kAnyDate);
    field->setSpecialValueText(tr("Any"));
    field->setDate(kAnyDate);
    connect(field, &QDateEdit::dateChanged, this, [this] {
        if (!m_showing)
            emit changed();
    });
    return field;
}

QSpinBox *MoreFiltersPopup::makeDurationField(const QString &objectName)
{
    auto *field = new QSpinBox(this);
    field->setObjectName(objectName);
    field->setRange(0, kMaxDurationSeconds);
    field->setSingleStep(30);
    field->setSuffix(tr(" s"));
    field->setSpecialValueText(tr("Any"));
    field->setKeyboardTracking(false);   // one query per value, not per digit typed
    connect(field, &QSpinBox::valueChanged, this, [this] {
        if (!m_showing)
            emit changed();
    });
    return field;
}

QComboBox *MoreFiltersPopup::makeYesNoField(const QString &objectName, const QString &yes, const QString &no)
{
    auto *field = new QComboBox(this);
    field->setObjectName(objectName);
    field->addItem(tr("Any"));
    field->addItem(yes, true);
    field->addItem(no, false);
    connect(field, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            emit changed();
    });
    return field;
}

void MoreFiltersPopup::setQuery(const CallQuery &query)
{
    m_showing = true;
    m_from->setDate(query.timestampFrom.isValid() ? query.timestampFrom.toLocalTime().date() : kAnyDate);
    m_to->setDate(query.timestampTo.isValid() ? query.timestampTo.toLocalTime().date() : kAnyDate);
    m_minDuration->setValue(int(query.minDuration.value_or(0)));
    m_maxDuration->setValue(int(query.maxDuration.value_or(0)));
    showYesNo(m_recording, query.hasRecording);
    showYesNo(m_labels, query.hasLabels);
    showYesNo(m_failedMetrics, query.hasFailedMetrics);
    m_showing = false;
}

void MoreFiltersPopup::applyTo(CallQuery &query) const
{
    query.timestampFrom = m_from->date() == kAnyDate ? QDateTime() : m_from->date().startOfDay();
    query.timestampTo = m_to->date() == kAnyDate ? QDateTime() : m_to->date().endOfDay();
    query.minDuration = m_minDuration->value() > 0 ? std::optional<double>(m_minDuration->value()) : std::nullopt;
    query.maxDuration = m_maxDuration->value() > 0 ? std::optional<double>(m_maxDuration->value()) : std::nullopt;
    query.hasRecording = yesNo(m_recording);
    query.hasLabels = yesNo(m_labels);
    query.hasFailedMetrics = yesNo(m_failedMetrics);
}

void MoreFiltersPopup::popUp()
{
    QWidget::show();
    m_from->setFocus(Qt::PopupFocusReason);
}

int MoreFiltersPopup::activeCount(const CallQuery &query)
{
    return int(query.timestampFrom.isValid() || query.timestampTo.isValid()) + int(query.minDuration || query.maxDuration)
           + int(query.hasRecording.has_value()) + int(query.hasLabels.has_value())
           + int(query.hasFailedMetrics.has_value());
}
