#include "datetimedetector.h"

#include "detectortext.h"

#include <QRegularExpression>

namespace {

const QString month = QStringLiteral("(?:january|february|march|april|may|june|july|august|september|october|november|"
                                     "december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)");
const QString monthShort = QStringLiteral("(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)");
// SpokenNumbers makes "third" 3rd and "twenty first" 21st, but leaves "second" a word.
const QString day = QStringLiteral("(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\d:])|second|twenty[\\s-]second)");
const QString year = QStringLiteral("(?:(?:1[89]|20)\\d\\d(?!\\d)|'\\d\\d)");
const QString weekday = QStringLiteral("(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+)?");
const QString ampm = QStringLiteral("\\s*[ap](?:\\.\\s?m\\.|\\s?m\\b)");
const QString hour = QStringLiteral("(?:1[0-2]|0?[1-9])");

const QList<QRegularExpression> &datePatterns()
{
    static const QList<QRegularExpression> patterns{
        // ISO and year first: 1980-03-14, 1980/3/14.
        DetectorText::pattern(QStringLiteral("\\b(?:1[89]|20)\\d\\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:[12]\\d|3[01]|0?[1-9])\\b")),
        // Month or day first with a two- or four-digit year: 3/14/80, 14.03.1980.
        DetectorText::pattern(QStringLiteral("\\b(?:[12]\\d|3[01]|0?[1-9])([-/.])(?:[12]\\d|3[01]|0?[1-9])\\1"
                                             "(?:\\d{4}|\\d\\d)\\b")),
        // 14-Mar-80, Mar-80.
        DetectorText::pattern(QStringLiteral("\\b(?:(?:[12]\\d|3[01]|0?[1-9])-)?") + monthShort + QStringLiteral("-\\d{2,4}\\b")),
        // March 3rd, 1980; march the 3rd of 1980; Monday, March 3.
        DetectorText::pattern(QStringLiteral("\\b") + weekday + month + QStringLiteral("\\s+(?:the\\s+)?") + day
                              + QStringLiteral("(?:,?\\s+(?:of\\s+)?") + year + QStringLiteral(")?")),
        // The 3rd of March 1980; 3 March; the second of may.
        DetectorText::pattern(QStringLiteral("\\b") + weekday + QStringLiteral("(?:the\\s+)?") + day
                              + QStringLiteral("\\s+(?:of\\s+)?")
                              + month + QStringLiteral("(?![a-z])(?:,?\\s+") + year + QStringLiteral(")?")),
        // March 1980.
        DetectorText::pattern(QStringLiteral("\\b") + month + QStringLiteral(",?\\s+(?:of\\s+)?") + year),
    };
    return patterns;
}

// A year alone: a date after "in" or "since", a date of birth after "born".
const QRegularExpression &yearPattern()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("\\b(?:born(?:\\s+in)?|in|since|year(?:\\s+of)?|back\\s+in)\\s+(") + year + QStringLiteral(")")
        + DetectorText::numberEnd());
    return pattern;
}

const QList<QRegularExpression> &timePatterns()
{
    static const QList<QRegularExpression> patterns{
        // 3:30, 15:45:10, 3:30 pm.
        DetectorText::pattern(QStringLiteral("\\b(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:") + ampm + QStringLiteral(")?")),
        // 3 pm, 3.30 p.m., "three thirty p m" (330 p m).
        DetectorText::pattern(QStringLiteral("\\b") + hour + QStringLiteral("(?:[ .]?[0-5]\\d)?") + ampm),
        // Three o'clock ("three o clock" stays as spoken: o is no digit there).
        DetectorText::pattern(QStringLiteral("\\b") + hour + QStringLiteral("\\s*o['’]?\\s?clock\\b")),
        // Half past two, quarter to five, ten past three, twenty minutes to six.
        DetectorText::pattern(QStringLiteral("\\b(?:half|(?:a\\s+)?quarter|\\d{1,2}(?:\\s+minutes)?)\\s+(?:past|after)\\s+")
                              + hour + QStringLiteral("\\b")),
        DetectorText::pattern(QStringLiteral("\\b(?:(?:a\\s+)?quarter|\\d{1,2}\\s+minutes)\\s+(?:to|till|before)\\s+")
                              + hour + QStringLiteral("\\b")),
        DetectorText::pattern(QStringLiteral("\\b(?:noon|midnight|midday)\\b")),
    };
    return patterns;
}

// A bare number is a time after a cue, with no unit after it: "at 330", "by 5 today", and a
// range's end too: "between 2 and 6", "from 9 to 5"; not a size's "4 by 4".
const QRegularExpression &cuedTimePattern()
{
    static const QRegularExpression pattern = [] {
        const QString clock = hour + QStringLiteral("(?:[ :.]?[0-5]\\d)?");
        return DetectorText::pattern(
            QStringLiteral("(?<!\\d\\s)\\b(?:at|by|around|until|till|from|after|before|between|say)\\s+(") + clock
            + QStringLiteral("(?:\\s*(?:-|to|and|till|until)\\s*") + clock + QStringLiteral(")?)(?![\\d:])")
            + DetectorText::numberEnd());
    }();
    return pattern;
}

const QRegularExpression &birthCue()
{
    static const QRegularExpression pattern = DetectorText::pattern(
        QStringLiteral("birth|born|birthday|\\bdob\\b|\\bd\\.?\\s?o\\.?\\s?b\\b"));
    return pattern;
}

} // namespace

QList<RedactionKind> DateTimeDetector::kinds() const
{
    return {RedactionKind::Date, RedactionKind::Time, RedactionKind::Dob};
}

void DateTimeDetector::find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const
{
    const bool dates = wanted.contains(RedactionKind::Date) || wanted.contains(RedactionKind::Dob);
    for (int turn = 0; turn < context.turnCount(); ++turn) {
        if (!context.isSpeech(turn))
            continue;
        for (const SpokenText &view : DetectorText::views(context.text(turn))) {
            // A date with a birth cue is a date of birth, and a date still when only dates are wanted.
            const auto addDate = [&](qsizetype begin, qsizetype end) {
                const QString cue = context.cueBefore(turn, DetectorText::originalOffset(view, begin), 8);
                const RedactionKind kind = birthCue().match(cue).hasMatch() && wanted.contains(RedactionKind::Dob)
                    ? RedactionKind::Dob
                    : RedactionKind::Date;
                if (wanted.contains(kind))
                    DetectorText::append(found, turn, view, begin, end, kind);
            };
            if (dates) {
                for (const QRegularExpression &pattern : datePatterns()) {
                    for (auto it = pattern.globalMatch(view.text()); it.hasNext();) {
                        const QRegularExpressionMatch match = it.next();
                        addDate(match.capturedStart(), match.capturedEnd());
                    }
                }
                for (auto it = yearPattern().globalMatch(view.text()); it.hasNext();) {
                    const QRegularExpressionMatch match = it.next();
                    addDate(match.capturedStart(1), match.capturedEnd(1));
                }
            }
            if (!wanted.contains(RedactionKind::Time))
                continue;
            for (const QRegularExpression &pattern : timePatterns()) {
                for (auto it = pattern.globalMatch(view.text()); it.hasNext();)
                    DetectorText::append(found, turn, view, it.next(), 0, RedactionKind::Time);
            }
            for (auto it = cuedTimePattern().globalMatch(view.text()); it.hasNext();)
                DetectorText::append(found, turn, view, it.next(), 1, RedactionKind::Time);
        }
    }
}
