#include "labelcolor.h"

QColor LabelColor::of(const QString &label, bool darkPalette)
{
    if (label == QLatin1String("good"))
        return darkPalette ? QColor(0x69, 0xdb, 0x7c) : QColor(0x2b, 0x8a, 0x3e);
    return darkPalette ? QColor(0xff, 0x87, 0x87) : QColor(0xc9, 0x2a, 0x2a);
}
