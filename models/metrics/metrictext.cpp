#include "metrictext.h"

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

// At most two decimals, trailing zeros dropped, then `suffix`. Explanations print several
// numbers per metric and call: written by hand from the value in hundredths, which is
// several times faster than QString::number and chopping zeros.
QString formatted(double value, QStringView suffix)
{
    const double hundredths = std::round(value * 100.0);
    if (!std::isfinite(hundredths) || std::abs(hundredths) >= 1e15 || suffix.size() > 8)
        return QString::number(value, 'g', 6).append(suffix);
    auto rest = qint64(std::abs(hundredths));
    QChar text[32];   // sign, 16 digits, point, 2 decimals, suffix
    qsizetype begin = qsizetype(std::size(text)) - suffix.size();
    std::copy(suffix.begin(), suffix.end(), text + begin);
    const auto digit = [](qint64 value) { return QChar(char16_t(u'0' + value)); };
    const qint64 fraction = rest % 100;
    if (fraction != 0) {
        if (fraction % 10 != 0)
            text[--begin] = digit(fraction % 10);
        text[--begin] = digit(fraction / 10);
        text[--begin] = u'.';
    }
    rest /= 100;
    do {
        text[--begin] = digit(rest % 10);
        rest /= 10;
    } while (rest > 0);
    if (hundredths < 0)
        text[--begin] = u'-';
    return QString(text + begin, qsizetype(std::size(text)) - begin);
}

} // namespace

QString MetricText::turn(int index)
{
    return u"turn "_s + QString::number(index + 1);
}

QString MetricText::seconds(double seconds)
{
    return formatted(seconds, u" s");
}

QString MetricText::number(double value)
{
    return formatted(value, {});
}

QString MetricText::quote(QStringView text, qsizetype maxLength)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.size() <= maxLength)
        return u'"' + trimmed.toString() + u'"';
    qsizetype kept = maxLength - 1;
    if (trimmed[kept - 1].isHighSurrogate())   // never cut a character in half
        --kept;
    return u'"' + trimmed.first(kept).toString() + u"…\""_s;
}
