#include "detectortext.h"

#include "spokennumbers.h"

#include <QSet>

#include <algorithm>

namespace {

// The most frequent words of calls that are never a name or a place on their own.
const char commonWords[] =
    "a about above after again against all almost also always am an and another any anybody anyone anything "
    "anyway are around as ask asking at away back bad be because been before being below best better between big "
    "bit both but by call called calling can cannot care case cause certainly change check close come coming "
    "could course day days did do does doing done down during each early else enough even ever every everybody "
    "everyone everything exactly fact far few fine first for from full get getting give go going gone good got "
    "great had happy hard has have having he hear hello help her here hers herself hey hi him himself his hold "
    "home hope hour hours how however i if in inside into is it its itself just keep kind know last late later "
    "least less let like little long look looking lot lots made make making many may maybe me mean might mine "
    "minute minutes moment month months more morning most much must my myself name near need never new next nice "
    "night no nobody none nope not nothing now number of off oh ok okay old on once one only or other our ours "
    "out over own part people perfect person place please point pretty probably problem quick quite rather "
    "ready real really right said same say saying see seems sent service set shall she should since sir so some "
    "somebody someone something sometimes soon sorry speaking start still such sure take talk talking tell than "
    "thank thanks that the their them then there these they thing things think this those though through time "
    "times to today together told tomorrow tonight too totally true try trying two uh um under until up upon us "
    "use used very wait want wanted was way we week weeks well went were what whatever when where whether which "
    "while who whole whom whose why will wish with within without wonderful work would wrong yeah year years yes "
    "yesterday yet you your yours yourself actually agent anyhow appointment assistant account support customer "
    "manager supervisor representative department team office someone somewhere there here everyone line phone "
    "fear love peace trouble debt pain town city country state area world house apartment building street road "
    "hospital school work store shop bank clinic pharmacy mom mum dad mother father wife husband son daughter "
    "brother sister friend family boss doctor nurse guy man woman lady gentleman sir madam ma'am";

const QSet<QString> &commonWordSet()
{
    static const QSet<QString> words = [] {
        const QStringList list = QString::fromLatin1(commonWords).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return QSet<QString>(list.begin(), list.end());
    }();
    return words;
}

} // namespace

QList<SpokenText> DetectorText::views(const QString &text)
{
    QList<SpokenText> views{SpokenText::identity(text)};
    SpokenText spoken = SpokenNumbers::canonical(text);
    if (spoken.text() != text)
        views.append(std::move(spoken));
    return views;
}

QString DetectorText::alternation(const QStringList &words)
{
    QStringList sorted = words;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString &word : sorted)
        escaped.append(QRegularExpression::escape(word).replace(QStringLiteral("\\ "), QStringLiteral("[\\s-]+")));
    return QStringLiteral("(?:") + escaped.join(QLatin1Char('|')) + QLatin1Char(')');
}

QRegularExpression DetectorText::pattern(const QString &pattern)
{
    return QRegularExpression(pattern,
                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

void DetectorText::append(RedactionSpans &found, int turn, const SpokenText &view, qsizetype begin, qsizetype end,
                          RedactionKind kind)
{
    if (begin >= end)
        return;
    const auto [from, to] = view.originalRange(begin, end);
    if (from < to)
        found.append({turn, from, to, kind});
}

void DetectorText::append(RedactionSpans &found, int turn, const SpokenText &view, const QRegularExpressionMatch &match,
                          int group, RedactionKind kind)
{
    append(found, turn, view, match.capturedStart(group), match.capturedEnd(group), kind);
}

qsizetype DetectorText::originalOffset(const SpokenText &view, qsizetype offset)
{
    if (offset >= view.text().size())
        return view.originalRange(view.text().size() - 1, view.text().size()).second;
    return view.originalRange(offset, offset + 1).first;
}

bool DetectorText::isCased(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isUpper(); });
}

bool DetectorText::isCommonWord(QStringView word)
{
    return commonWordSet().contains(word.toString().toLower());
}

QString DetectorText::numberEnd()
{
    return QStringLiteral("(?=\\s*(?:$|[.,!?;]|(?:today|tomorrow|tonight|this|then|on|in|and|or|please|sharp|works|is|"
                          "would|should|okay|ok|right|now|if|but|so|that|thanks|thank|next|last)\\b))");
}
