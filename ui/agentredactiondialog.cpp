#include "agentredactiondialog.h"

#include "redactionkindlist.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

AgentRedactionDialog::AgentRedactionDialog(const QString &agentName, const QSet<RedactionKind> &kinds, QWidget *parent)
    : QDialog(parent)
    , m_kinds(new RedactionKindList(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Default Redaction of %1").arg(agentName));
    m_kinds->setCheckedKinds(kinds);
    auto *about = new QLabel(tr("The ticked kinds are removed from the transcript and the recording of %1's calls "
                                "whose body names no redact_fields. Select None to turn the default off.")
                                 .arg(agentName),
                             this);
    about->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_kinds, 1);
    layout->addWidget(m_buttons);
    resize(fontMetrics().averageCharWidth() * 60, fontMetrics().height() * 30);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QSet<RedactionKind> AgentRedactionDialog::kinds() const
{
    return m_kinds->checkedKinds();
}
