#pragma once

#include "calllog/redactionkind.h"

#include <QDialog>
#include <QSet>

class QDialogButtonBox;
class RedactionKindList;

// Preferences › Redaction › Edit…: one agent's default redaction, the kinds of personal
// data removed from its calls whose body names no redact_fields. None ticked: off. Only
// edits; the page keeps the choice until the Preferences dialog's OK.
class AgentRedactionDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentRedactionDialog)

public:
    AgentRedactionDialog(const QString &agentName, const QSet<RedactionKind> &kinds, QWidget *parent = nullptr);

    QSet<RedactionKind> kinds() const;
    RedactionKindList *kindList() const { return m_kinds; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    RedactionKindList *m_kinds;
    QDialogButtonBox *m_buttons;
};
