// Light and dark palettes: a chosen scheme replaces the platform's palette (and "System"
// keeps it when no desktop portal says otherwise); status colours keep a contrast of at
// least 4.5:1 (WCAG AA) against the list's background in both.

#include "colorscheme.h"
#include "statusdelegate.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {

double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestColorScheme : public QObject
{
    Q_OBJECT

private slots:
    void chosenSchemeSetsThePalette();
    void statusColoursAreReadableInBoth_data();
    void statusColoursAreReadableInBoth();
};

void TestColorScheme::chosenSchemeSetsThePalette()
{
    const bool platformDark = ColorScheme::isDark(QApplication::palette());
    ColorScheme scheme(qApp);
    QSignalSpy changed(&scheme, &ColorScheme::changed);
    scheme.setChoice(GeneralSettings::ColorScheme::Dark);
    QVERIFY(scheme.isDark());
    QVERIFY(ColorScheme::isDark(QApplication::palette()));
    scheme.setChoice(GeneralSettings::ColorScheme::Light);
    QVERIFY(!scheme.isDark());
    scheme.setChoice(GeneralSettings::ColorScheme::System);
    QCOMPARE(scheme.isDark(), platformDark);
    QVERIFY(changed.size() >= 2);
}

void TestColorScheme::statusColoursAreReadableInBoth_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("status");
    for (const bool dark : {false, true}) {
        for (const char *status : {"success", "failure", "reviewed_success", "reviewed_failure"})
            QTest::addRow("%s %s", dark ? "dark" : "light", status) << dark << QString::fromLatin1(status);
    }
}

void TestColorScheme::statusColoursAreReadableInBoth()
{
    QFETCH(bool, dark);
    QFETCH(QString, status);
    const QPalette palette = dark ? ColorScheme::darkPalette() : ColorScheme::lightPalette();
    QCOMPARE(ColorScheme::isDark(palette), dark);
    const QColor base = palette.color(QPalette::Base);
    const double ratio = contrast(StatusDelegate::textColorFor(status, palette), base);
    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("contrast %1:1").arg(ratio)));
}

QTEST_MAIN(TestColorScheme)
#include "tst_colorscheme.moc"
