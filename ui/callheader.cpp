#include "callheader.h"

#include "item/calllistmodel.h"
#include "redactionkindnames.h"
#include "statusdelegate.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>


namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

CallHeader::CallHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_grid(new QGridLayout)
{
    m_title->setObjectName(QStringLiteral("callTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(4);
    m_agent = addFact(tr("Agent"), 0, 0);
    m_time = addFact(tr("Time"), 1, 0);
    m_duration = addFact(tr("Duration"), 2, 0);
    m_status = addFact(tr("Status"), 0, 2);
    m_endedReason = addFact(tr("Ended reason"), 1, 2);
    m_customer = addFact(tr("Customer"), 2, 2);
    m_customer->setObjectName(QStringLiteral("callCustomer"));
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(3, 1);
    m_status->setTextInteractionFlags(Qt::NoTextInteraction);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addLayout(m_grid);
}

QLabel *CallHeader::addFact(const QString &name, int row, int column)
{
    auto *caption = new QLabel(name, this);
    QPalette captionPalette = caption->palette();
    captionPalette.setColor(QPalette::WindowText, captionPalette.color(QPalette::PlaceholderText));
    caption->setPalette(captionPalette);
    caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    m_grid->addWidget(caption, row, column);
    m_grid->addWidget(value, row, column + 1, Qt::AlignLeft | Qt::AlignTop);
    return value;
}

void CallHeader::setCall(const CallLog &call)
{
    m_title->setText(call.callId);
    QString agent = call.agentName;
    if (agent.isEmpty())
        agent = call.agent ? tr("Agent %1").arg(*call.agent) : call.assistantId;
    else if (call.agent)
        agent = tr("%1 (agent %2)").arg(agent, QString::number(*call.agent));
    m_agent->setText(agent);
    m_time->setText(call.timestamp.isValid() ? QLocale().toString(call.timestamp.toLocalTime(), QLocale::ShortFormat)
                                             : QStringLiteral("—"));
    m_duration->setText(CallLog::formatDuration(call.durationSeconds > 0 ? call.durationSeconds : call.transcriptDuration()));
    m_endedReason->setText(orDash(call.callEndedReason));
    showCustomer(call.customerNumber);

    const QString statusName =
        call.status && !CallListModel::showsTranscription(call) ? ReviewStatuses::name(*call.status) : QString();
    const bool reviewed = call.status && ReviewStatuses::isReviewed(*call.status);
    m_status->setText((reviewed ? QStringLiteral("✓ ") : QString()) + CallListModel::statusText(call));
    if (statusName.isEmpty()) {
        m_status->setStyleSheet(QString());
    } else {
        const QColor color = StatusDelegate::colorFor(statusName, palette());
        m_status->setStyleSheet(QStringLiteral("QLabel { color: %1; background: rgba(%2, %3, %4, 40); "
                                               "border-radius: 9px; padding: 1px 9px; font-weight: 600; }")
                                    .arg(StatusDelegate::textColorFor(statusName, palette()).name())
                                    .arg(color.red())
                                    .arg(color.green())
                                    .arg(color.blue()));
    }
}

void CallHeader::showCustomer(const QString &number)
{
    const std::optional<RedactionKind> redacted = RedactionKinds::fromPlaceholder(number);
    if (!redacted) {
        m_customer->setText(orDash(number));
        m_customer->setStyleSheet(QString());
        m_customer->setToolTip(QString());
        return;
    }
    // "<PHONE_NUMBER>" as "PHONE NUMBER" in a muted box, its kind as the tooltip.
    m_customer->setText(RedactionKinds::name(*redacted).toUpper().replace(QLatin1Char('_'), QLatin1Char(' ')));
    m_customer->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); background: palette(midlight); border: 1px "
                                             "solid palette(mid); border-radius: 7px; padding: 0px 6px; font-size: 8pt; "
                                             "font-weight: 600; }"));
    m_customer->setToolTip(tr("Redacted: %1").arg(RedactionKindNames::of(*redacted)));
}
