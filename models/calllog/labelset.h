#pragma once

#include <QStringList>

class QSettings;

// The labels a reviewer chooses from when labelling a turn, kept in QSettings as
// review/labels. They are stored with the call as they are written (data shared through
// exports, so not translated). A missing or empty value reads as the default set.
struct LabelSet
{
    QStringList labels = defaults();

    static QStringList defaults();
    static LabelSet load(const QSettings &settings);
    // Trimmed, without blanks and repeats; an empty set saves as the default.
    void save(QSettings &settings) const;

    bool operator==(const LabelSet &) const = default;

private:
    static QStringList cleaned(const QStringList &labels);
};
