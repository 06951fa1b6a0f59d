#include "generalsettingspage.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

GeneralSettingsPage::GeneralSettingsPage(const GeneralSettings &settings, const QString &defaultDatabase,
                                         const QString &openDatabase, QWidget *parent)
    : QWidget(parent), m_database(new QLineEdit), m_language(new QComboBox), m_colorScheme(new QComboBox)
{
    m_database->setText(QDir::toNativeSeparators(settings.databasePath));
    m_database->setPlaceholderText(QDir::toNativeSeparators(defaultDatabase));
    m_database->setAccessibleName(tr("Database file"));
    m_database->setToolTip(tr("Empty: the default database"));
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setAccessibleName(tr("Choose the database file"));
    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(browse);

    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    for (const QString &code : GeneralSettings::availableLanguages()) {
        const QLocale locale(code);
        const QString name = locale.nativeLanguageName();
        m_language->addItem(name.isEmpty() ? code : name.at(0).toUpper() + name.mid(1), code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));

    m_colorScheme->setAccessibleName(tr("Colour scheme"));
    m_colorScheme->addItem(tr("Follow the system"), int(GeneralSettings::ColorScheme::System));
    m_colorScheme->addItem(tr("Light"), int(GeneralSettings::ColorScheme::Light));
    m_colorScheme->addItem(tr("Dark"), int(GeneralSettings::ColorScheme::Dark));
    m_colorScheme->setCurrentIndex(std::max(0, m_colorScheme->findData(int(settings.colorScheme))));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Database:"), databaseRow);
    if (!openDatabase.isEmpty()) {
        auto *open = new QLabel(QDir::toNativeSeparators(openDatabase));
        open->setTextInteractionFlags(Qt::TextSelectableByMouse);
        open->setAccessibleName(tr("Database in use"));
        form->addRow(tr("In use now:"), open);
    }
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Colours:"), m_colorScheme);
    auto *note = new QLabel(tr("A new database or language takes effect the next time Callscope starts. "
                               "`callscope --db FILE` opens another database once."));
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    QPalette notePalette = note->palette();
    notePalette.setColor(QPalette::WindowText, notePalette.color(QPalette::PlaceholderText));
    note->setPalette(notePalette);
    form->addRow(note);

    connect(browse, &QPushButton::clicked, this, &GeneralSettingsPage::browse);
}

GeneralSettings GeneralSettingsPage::settings() const
{
    GeneralSettings settings;
    settings.databasePath = QDir::fromNativeSeparators(m_database->text().trimmed());
    settings.language = m_language->currentData().toString();
    settings.colorScheme = GeneralSettings::ColorScheme(m_colorScheme->currentData().toInt());
    return settings;
}

void GeneralSettingsPage::browse()
{
    const QString start = m_database->text().isEmpty() ? m_database->placeholderText() : m_database->text();
    // An existing database or the name of a new one: Callscope creates it at the next start.
    const QString file = QFileDialog::getSaveFileName(this, tr("Database"), start, tr("Callscope databases (*.db);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        m_database->setText(QDir::toNativeSeparators(file));
}
