#pragma once

#include <QSpinBox>

// Playback speed in percent (50-200, 10 apart), shown as "1.2×". A percentage rather
// than a double so that its accessible value is the speed × 100, an exact integer.
class SpeedSpinBox : public QSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeedSpinBox)

public:
    explicit SpeedSpinBox(QWidget *parent = nullptr);

protected:
    QString textFromValue(int value) const override;
    int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;
};
