#pragma once

#include "redact/redactionsettings.h"

#include <QWidget>

class QComboBox;

// Preferences › Redaction: what replaces redacted speech in recordings (RedactionSettings),
// silence or a 1 kHz tone. Which kinds an agent's calls lose by default is the agent's
// redact_fields, set with `callscope agent set`; the page says so.
class RedactionSettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedactionSettingsPage)

public:
    explicit RedactionSettingsPage(const RedactionSettings &settings, QWidget *parent = nullptr);

    // As the controls show them now.
    RedactionSettings settings() const;

    QComboBox *audioFillBox() const { return m_audioFill; }

private:
    QComboBox *m_audioFill;
};
