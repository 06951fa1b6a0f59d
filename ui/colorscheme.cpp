#include "colorscheme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QStyle>
#include <QStyleFactory>

#include <optional>

namespace {

const QString PortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString PortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString PortalSettings = QStringLiteral("org.freedesktop.portal.Settings");
const QString AppearanceGroup = QStringLiteral("org.freedesktop.appearance");
const QString ColorSchemeKey = QStringLiteral("color-scheme");

// The portal's color-scheme: 0 no preference, 1 prefer dark, 2 prefer light. Read()
// wraps the value in one more variant than SettingChanged does.
std::optional<uint> schemeValue(QVariant value)
{
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    return ok ? std::optional<uint>(scheme) : std::nullopt;
}

} // namespace

ColorScheme::ColorScheme(QApplication *app)
    : QObject(app)
    , m_app(app)
    , m_platformPalette(QApplication::palette())
{
    QDBusConnection::sessionBus().connect(PortalService, PortalPath, PortalSettings, QStringLiteral("SettingChanged"),
                                          this, SLOT(onPortalSettingChanged(QString, QString, QDBusVariant)));
    askPortal();
}

void ColorScheme::setChoice(GeneralSettings::ColorScheme choice)
{
    m_choice = choice;
    apply();
}

bool ColorScheme::isDark() const
{
    return isDark(QApplication::palette());
}

bool ColorScheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QPalette ColorScheme::darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x23);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3a));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4a));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x3f));
    palette.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x29));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1a));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    palette.setColor(QPalette::LinkVisited, QColor(0xa0, 0x8c, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

QPalette ColorScheme::lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette palette = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    return palette;
}

void ColorScheme::askPortal()
{
    QDBusMessage read = QDBusMessage::createMethodCall(PortalService, PortalPath, PortalSettings, QStringLiteral("Read"));
    read << AppearanceGroup << ColorSchemeKey;
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(read), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QVariant> reply = *call;
        if (reply.isError())
            return;   // no portal: the platform palette stays
        if (const auto scheme = schemeValue(reply.value())) {
            m_system = *scheme == 1 ? SystemPreference::Dark : *scheme == 2 ? SystemPreference::Light : SystemPreference::Unknown;
            apply();
        }
    });
}

void ColorScheme::onPortalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value)
{
    if (group != AppearanceGroup || key != ColorSchemeKey)
        return;
    const auto scheme = schemeValue(value.variant());
    m_system = scheme == 1u ? SystemPreference::Dark : scheme == 2u ? SystemPreference::Light : SystemPreference::Unknown;
    apply();
}

void ColorScheme::apply()
{
    bool dark = isDark(m_platformPalette);
    if (m_choice == GeneralSettings::ColorScheme::Dark)
        dark = true;
    else if (m_choice == GeneralSettings::ColorScheme::Light)
        dark = false;
    else if (m_system != SystemPreference::Unknown)
        dark = m_system == SystemPreference::Dark;

    QPalette palette = m_platformPalette;
    if (dark != isDark(m_platformPalette))
        palette = dark ? darkPalette() : lightPalette();
    if (palette == QApplication::palette())
        return;
    // Fusion draws every palette faithfully; other styles may keep their own colours.
    if (dark != isDark(m_platformPalette) && m_app->style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        m_app->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(palette);
    emit changed();
}
