#include "redactor.h"

#include "knownvaluedetector.h"
#include "audioredactor.h"
#include "piidetectors.h"
#include "redactionsettings.h"
#include "speechspantimes.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>
#include <functional>

namespace {

// Where `text` holds a placeholder already (a call redacted before): [begin, end) of each.
QList<std::pair<qsizetype, qsizetype>> placeholdersIn(const QString &text)
{
    static const QRegularExpression candidate(QStringLiteral("<([A-Z_]+)>"));
    QList<std::pair<qsizetype, qsizetype>> places;
    for (auto match = candidate.globalMatch(text); match.hasNext();) {
        const QRegularExpressionMatch hit = match.next();
        if (RedactionKinds::fromName(hit.captured(1).toLower()))
            places.append({hit.capturedStart(), hit.capturedEnd()});
    }
    return places;
}

// The joined `spans` without the placeholders their text holds already, so that no
// detector redacts "<CREDIT_CARD>" again as a name or a number: what is left of a span
// beside one stays when it has a letter or a digit.
RedactionSpans outsidePlaceholders(const RedactionSpans &spans, const RedactionContext &context)
{
    RedactionSpans result;
    int placesTurn = -1;
    QList<std::pair<qsizetype, qsizetype>> places;
    for (const RedactionSpan &span : spans) {
        if (span.turn != placesTurn) {
            placesTurn = span.turn;
            places = placeholdersIn(context.text(span.turn));
        }
        const QString &text = context.text(span.turn);
        const auto keep = [&](qsizetype begin, qsizetype end) {
            const QStringView piece = QStringView(text).sliced(begin, end - begin);
            if (std::any_of(piece.begin(), piece.end(), [](QChar c) { return c.isLetterOrNumber(); }))
                result.append({span.turn, begin, end, span.kind});
        };
        qsizetype from = span.begin;
        for (const auto &[begin, end] : places) {
            if (end <= from || begin >= span.end)
                continue;
            if (begin > from)
                keep(from, begin);
            from = end;
        }
        if (from < span.end)
            keep(from, span.end);
    }
    return result;
}

// A turn's earlier placeholders where they stand once `spans` (joined, in order, none
// overlapping them) are replaced: moved by what each replacement before them added.
TurnRedactions shifted(TurnRedactions earlier, const RedactionSpans &spans)
{
    for (TurnRedaction &redaction : earlier) {
        qsizetype by = 0;
        for (const RedactionSpan &span : spans) {
            if (span.end <= redaction.begin)
                by += RedactionKinds::placeholder(span.kind).size() - span.length();
        }
        redaction.begin += by;
        redaction.end += by;
    }
    return earlier;
}

bool isPlaceholder(const QString &value)
{
    const QList<std::pair<qsizetype, qsizetype>> places = placeholdersIn(value);
    return places.size() == 1 && places.first() == std::pair<qsizetype, qsizetype>(0, value.size());
}

// Each word's place in the content, found in order; words not found keep -1.
QList<std::pair<qsizetype, qsizetype>> wordPlaces(const Turn &turn)
{
    QList<std::pair<qsizetype, qsizetype>> places;
    qsizetype from = 0;
    for (const TimedWord &word : turn.words) {
        const qsizetype at = word.text.isEmpty() ? -1 : turn.content.indexOf(word.text, from, Qt::CaseInsensitive);
        if (at < 0) {
            places.append({-1, -1});
            continue;
        }
        places.append({at, at + word.text.size()});
        from = at + word.text.size();
    }
    return places;
}

// The turn's words with those inside a span replaced by the span's placeholder (once per
// span: the span's later words are dropped, the first one's time stretched over them).
TimedWords redactedWords(const Turn &turn, const RedactionSpans &spans)
{
    if (turn.words.isEmpty() || spans.isEmpty())
        return turn.words;
    const QList<std::pair<qsizetype, qsizetype>> places = wordPlaces(turn);
    TimedWords words;
    int lastSpan = -1;
    for (qsizetype i = 0; i < turn.words.size(); ++i) {
        const auto [begin, end] = places[i];
        int inSpan = -1;
        for (int s = 0; s < spans.size() && begin >= 0; ++s) {
            if (begin < spans[s].end && end > spans[s].begin)
                inSpan = s;
        }
        if (inSpan < 0) {
            words.append(turn.words[i]);
            continue;
        }
        if (inSpan == lastSpan) {
            words.last().endTime = std::max(words.last().endTime, turn.words[i].endTime);
            continue;
        }
        words.append({RedactionKinds::placeholder(spans[inSpan].kind), turn.words[i].startTime, turn.words[i].endTime});
        lastSpan = inSpan;
    }
    return words;
}

} // namespace

Redactor::Redactor(QSet<RedactionKind> kinds)
    : m_kinds(std::move(kinds))
{
}

RedactionSpans Redactor::joined(RedactionSpans spans)
{
    std::sort(spans.begin(), spans.end(), [](const RedactionSpan &a, const RedactionSpan &b) {
        return a.turn != b.turn ? a.turn < b.turn : a.begin < b.begin;
    });
    RedactionSpans result;
    for (const RedactionSpan &span : spans) {
        if (span.end <= span.begin)
            continue;
        if (!result.isEmpty() && result.last().turn == span.turn && span.begin <= result.last().end) {
            RedactionSpan &last = result.last();
            last.end = std::max(last.end, span.end);
            if (RedactionKinds::priority(span.kind) > RedactionKinds::priority(last.kind))
                last.kind = span.kind;
            continue;
        }
        result.append(span);
    }
    return result;
}

AudioSpans Redactor::audioSpansOf(const Turns &redactedTurns)
{
    AudioSpans spans;
    for (const Turn &turn : redactedTurns) {
        for (const TurnRedaction &redaction : turn.redactions)
            spans.append(SpeechSpanTimes::of(turn, redaction.begin, redaction.end));
    }
    return spans;
}

QString Redactor::redactRecording(const Turns &redactedTurns, const QString &recordingPath, QString *error)
{
    const AudioSpans spans = audioSpansOf(redactedTurns);
    if (recordingPath.isEmpty() || spans.isEmpty())
        return recordingPath;
    const AudioRedactor::Result result =
        AudioRedactor(RedactionSettings::load(QSettings()).audioRedactorSettings()).redact(recordingPath, spans);
    *error = result.error;
    return result.error.isEmpty() ? result.path : QString();
}

QSet<RedactionKind> Redactor::kindsOf(const QStringList &redactFields)
{
    QSet<RedactionKind> kinds;
    for (const QString &field : redactFields) {
        if (const std::optional<RedactionKind> kind = RedactionKinds::fromName(field.trimmed()))
            kinds.insert(*kind);
    }
    return kinds;
}

QList<RedactionContext::KnownValue> Redactor::knownValuesOf(const CallLog &call)
{
    QList<RedactionContext::KnownValue> known;
    if (!call.customerNumber.isEmpty())
        known.append({call.customerNumber, QStringLiteral("customer_number")});
    for (auto it = call.dynamicVariables.begin(); it != call.dynamicVariables.end(); ++it) {
        const QString value = it->isString() ? it->toString() : it->isDouble() ? QString::number(it->toDouble(), 'g', 17) : QString();
        if (!value.isEmpty())
            known.append({value, QStringLiteral("dynamic_variables.") + it.key()});
    }
    return known;
}

RedactionSpans Redactor::find(const RedactionContext &context) const
{
    RedactionSpans found;
    for (const std::unique_ptr<PiiDetector> &detector : PiiDetectors::all()) {
        const QList<RedactionKind> kinds = detector->kinds();
        if (std::any_of(kinds.cbegin(), kinds.cend(), [this](RedactionKind kind) { return m_kinds.contains(kind); }))
            detector->find(context, m_kinds, found);
    }
    // A detector reports only what it was asked for; a stray kind is not redacted.
    found.removeIf([this](const RedactionSpan &span) { return !m_kinds.contains(span.kind); });
    return outsidePlaceholders(joined(found), context);
}

QString Redactor::replaced(const QString &text, const RedactionSpans &spans, TurnRedactions *placed)
{
    QString result;
    qsizetype from = 0;
    for (const RedactionSpan &span : spans) {
        result += QStringView(text).sliced(from, span.begin - from);
        const QString placeholder = RedactionKinds::placeholder(span.kind);
        if (placed)
            placed->append({result.size(), result.size() + placeholder.size(), span.kind});
        result += placeholder;
        from = span.end;
    }
    result += QStringView(text).sliced(from);
    return result;
}

Turns Redactor::redact(CallLog &call) const
{
    Turns thisPass = call.turns;
    for (Turn &turn : thisPass)
        turn.redactions.clear();
    if (m_kinds.isEmpty())
        return thisPass;
    const RedactionSpans spans = find(RedactionContext(call.turns, knownValuesOf(call)));
    for (int turn = 0; turn < call.turns.size(); ++turn) {
        RedactionSpans own;
        for (const RedactionSpan &span : spans) {
            if (span.turn == turn)
                own.append(span);
        }
        if (own.isEmpty())
            continue;
        Turn &entry = call.turns[turn];
        entry.words = redactedWords(entry, own);
        TurnRedactions placed;
        entry.content = replaced(entry.content, own, &placed);
        // Redacted before (callscope redact with another kind): the earlier spans stay beside the new ones.
        entry.redactions = shifted(entry.redactions, own) + placed;
        std::sort(entry.redactions.begin(), entry.redactions.end(),
                  [](const TurnRedaction &a, const TurnRedaction &b) { return a.begin < b.begin; });
        thisPass[turn].content = entry.content;
        thisPass[turn].words = entry.words;
        thisPass[turn].redactions = placed;
        for (const RedactionSpan &span : own)
            ++call.redactionCounts[span.kind];
    }
    call.metadata = redactedObject(call.metadata);
    // The known values themselves: a dynamic variable of a wanted kind keeps only its placeholder.
    for (auto it = call.dynamicVariables.begin(); it != call.dynamicVariables.end(); ++it) {
        const QString value = it->isString() ? it->toString() : it->isDouble() ? QString::number(it->toDouble(), 'g', 17) : QString();
        const std::optional<RedactionKind> kind =
            KnownValueDetector::kindOf({value, QStringLiteral("dynamic_variables.") + it.key()});
        if (value.isEmpty() || isPlaceholder(value) || !kind || !m_kinds.contains(*kind))
            continue;
        *it = RedactionKinds::placeholder(*kind);
        ++call.redactionCounts[*kind];
    }
    if (m_kinds.contains(RedactionKind::PhoneNumber) && !call.customerNumber.isEmpty()
        && !isPlaceholder(call.customerNumber)) {
        call.customerNumber = RedactionKinds::placeholder(RedactionKind::PhoneNumber);
        ++call.redactionCounts[RedactionKind::PhoneNumber];
    }
    return thisPass;
}

QJsonObject Redactor::redactedBody(const QJsonObject &body) const
{
    CallLog sender;
    sender.customerNumber = body.value(QStringLiteral("customer_number")).toString();
    sender.dynamicVariables = body.value(QStringLiteral("dynamic_variables")).toObject();
    return redactedObject(body, knownValuesOf(sender));
}

QString Redactor::redactedText(const QString &text, const QList<RedactionContext::KnownValue> &known) const
{
    Turn turn;
    turn.role = Turn::Role::TestingAgent;
    turn.content = text;
    const RedactionSpans spans = find(RedactionContext({turn}, known));
    return spans.isEmpty() ? text : replaced(text, spans, nullptr);
}

QJsonObject Redactor::redactedObject(const QJsonObject &object, const QList<RedactionContext::KnownValue> &known) const
{
    QJsonObject result;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->isString()) {
            result.insert(it.key(), redactedText(it->toString(), known));
        } else if (it->isObject()) {
            result.insert(it.key(), redactedObject(it->toObject(), known));
        } else if (it->isArray()) {
            QJsonArray items;
            for (const QJsonValue &item : it->toArray())
                items.append(item.isString() ? QJsonValue(redactedText(item.toString(), known))
                             : item.isObject() ? QJsonValue(redactedObject(item.toObject(), known))
                                               : item);
            result.insert(it.key(), items);
        } else {
            result.insert(it.key(), *it);
        }
    }
    return result;
}

QList<Redactor::FieldRemoval> Redactor::fieldRemovals(const CallLog &call) const
{
    QList<FieldRemoval> removals;
    if (m_kinds.isEmpty())
        return removals;
    // The metadata walked as redactedObject() walks it (no known values), each string read as a turn of its own.
    const std::function<void(const QJsonValue &, const QString &, bool)> visit = [&](const QJsonValue &value,
                                                                                       const QString &field, bool inArray) {
        if (value.isString()) {
            Turn turn;
            turn.role = Turn::Role::TestingAgent;
            turn.content = value.toString();
            for (const RedactionSpan &span : find(RedactionContext({turn}, {})))
                removals.append({field, span.kind, turn.content.mid(span.begin, span.length())});
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                visit(*it, field + QLatin1Char('.') + it.key(), false);
        } else if (value.isArray() && !inArray) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                visit(items.at(i), field + QStringLiteral("[%1]").arg(i), true);
        }
    };
    visit(call.metadata, QStringLiteral("metadata"), false);
    for (auto it = call.dynamicVariables.begin(); it != call.dynamicVariables.end(); ++it) {
        const QString value = it->isString()   ? it->toString()
                              : it->isDouble() ? QString::number(it->toDouble(), 'g', 17)
                                               : QString();
        const QString field = QStringLiteral("dynamic_variables.") + it.key();
        const std::optional<RedactionKind> kind = KnownValueDetector::kindOf({value, field});
        if (!value.isEmpty() && kind && m_kinds.contains(*kind) && value != RedactionKinds::placeholder(*kind))
            removals.append({field, *kind, value});
    }
    const QString phone = RedactionKinds::placeholder(RedactionKind::PhoneNumber);
    if (m_kinds.contains(RedactionKind::PhoneNumber) && !call.customerNumber.isEmpty() && call.customerNumber != phone)
        removals.append({QStringLiteral("customer_number"), RedactionKind::PhoneNumber, call.customerNumber});
    return removals;
}
