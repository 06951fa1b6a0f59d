#include "speedspinbox.h"

#include <QLocale>

SpeedSpinBox::SpeedSpinBox(QWidget *parent)
    : QSpinBox(parent)
{
    setRange(50, 200);
    setSingleStep(10);
    setValue(100);
    setAccelerated(false);
}

QString SpeedSpinBox::textFromValue(int value) const
{
    return locale().toString(value / 100.0, 'f', 1) + QStringLiteral("×");
}

int SpeedSpinBox::valueFromText(const QString &text) const
{
    QString number = text;
    number.remove(QStringLiteral("×")).remove(QLatin1Char('x'));
    bool ok = false;
    const double speed = locale().toDouble(number.trimmed(), &ok);
    return ok ? qRound(speed * 100) : value();
}

QValidator::State SpeedSpinBox::validate(QString &input, int &) const
{
    QString number = input;
    number.remove(QStringLiteral("×")).remove(QLatin1Char('x'));
    number = number.trimmed();
    if (number.isEmpty())
        return QValidator::Intermediate;
    bool ok = false;
    const double speed = locale().toDouble(number, &ok);
    if (!ok)
        return QValidator::Invalid;
    const int percent = qRound(speed * 100);
    return percent >= minimum() && percent <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}
